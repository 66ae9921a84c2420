package io.pulsereports.render.mustache.internal;

import static java.util.Objects.requireNonNull;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheResolver;
import io.pulsereports.core.ReportingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Compiles Mustache templates (HTML-escaped by default) and renders them. A template may include
 * the built-in partials with {@code {{> name}}}: {@code pulse-style} (the stylesheet), {@code
 * pulse-header}, {@code pulse-footer}, {@code lead-sections}. Compiled templates are thread-safe.
 */
public final class HtmlTemplates {

  /** Where the built-in templates ({@code <type>.mustache}) and partials live on the class path. */
  public static final String ROOT = "io/pulsereports/render/mustache/templates/";

  private static final String PARTIALS = ROOT + "partials/";

  private final DefaultMustacheFactory factory = new DefaultMustacheFactory(new PartialResolver());

  /** Compiles a template's source; a syntax error or a missing partial is an {@link IllegalArgumentException}. */
  public Mustache compile(String type, String source) {
    requireNonNull(type, "type");
    requireNonNull(source, "source");
    try {
      return factory.compile(new StringReader(source), type + ".mustache");
    } catch (MustacheException e) {
      throw new IllegalArgumentException("template of report type " + type + " does not compile: " + e.getMessage(), e);
    }
  }

  public static String render(String type, Mustache template, Map<String, Object> model) {
    StringWriter out = new StringWriter();
    try {
      template.execute(out, model).flush();
    } catch (MustacheException | IOException | UncheckedIOException e) {
      throw new ReportingException("cannot render HTML of report type " + type + ": " + e.getMessage(), e);
    }
    return out.toString();
  }

  /** The source of a built-in template, such as {@code daily}. */
  public static String builtIn(String type) {
    return read(ROOT + type + ".mustache")
        .orElseThrow(() -> new IllegalStateException("no built-in template " + type));
  }

  private static java.util.Optional<String> read(String path) {
    try (InputStream in = HtmlTemplates.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** Resolves {@code {{> name}}} to the built-in partial {@code partials/name.mustache}. */
  private static final class PartialResolver implements MustacheResolver {
    @Override
    public Reader getReader(String resourceName) {
      String name = resourceName.substring(resourceName.lastIndexOf('/') + 1);
      if (!name.endsWith(".mustache")) {
        name = name + ".mustache";
      }
      if (!name.matches("[a-z0-9-]+\\.mustache")) {
        return null;
      }
      InputStream in = HtmlTemplates.class.getClassLoader().getResourceAsStream(PARTIALS + name);
      return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
    }
  }
}
