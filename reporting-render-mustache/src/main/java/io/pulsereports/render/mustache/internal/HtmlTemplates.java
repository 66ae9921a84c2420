package io.pulsereports.render.mustache.internal;

import static java.util.Objects.requireNonNull;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheResolver;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.reflect.SimpleObjectHandler;
import io.pulsereports.core.ReportingException;
import io.pulsereports.render.mustache.InvalidTemplateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles Mustache templates (HTML-escaped) and renders them, built-in and custom ones alike, under
 * the same rules:
 *
 * <ul>
 *   <li>at most {@link #MAX_TEMPLATE_CHARS} characters, not blank;
 *   <li>{@code {{> name}}} (and {@code {{< name}}}) only for the built-in partials of {@link
 *       #PARTIALS}; a resolver that reads nothing else from anywhere (no files, no {@code ../}, no
 *       absolute paths), and no dynamic partials;
 *   <li>every value HTML-escaped: {@code {{{x}}}} and {@code {{& x}}} are refused, as are pragmas;
 *   <li>templates see map keys and lists only, never Java methods or fields of the model objects.
 * </ul>
 *
 * A template that breaks a rule or does not compile is an {@link InvalidTemplateException} naming
 * the line (and the column where it can be told). Compiled templates are thread-safe.
 */
public final class HtmlTemplates {

  /** Where the built-in templates live on the class path. */
  public static final String ROOT = "io/pulsereports/render/mustache/templates/";

  private static final String PARTIALS_ROOT = ROOT + "partials/";

  /** The partials a template may include: {@code partials/<name>.mustache}, and nothing else. */
  public static final Set<String> PARTIALS = Set.of(
      "pulse-style", "pulse-header", "pulse-footer", "lead-kpis", "lead-sections",
      "email-header", "email-kpis", "email-footer");

  /** The largest template accepted, in characters. */
  public static final int MAX_TEMPLATE_CHARS = 256 * 1024;

  private static final Pattern POSITION_SUFFIX = Pattern.compile("\\s*@\\[[^\\]]*]\\s*$");
  private static final Pattern UNCLOSED = Pattern.compile("Failed to close '(.*)' tag");
  private static final Pattern MISMATCHED = Pattern.compile("Mismatched start/end tags: (.*) != (.*) in ");

  private final DefaultMustacheFactory factory = new RestrictedFactory();

  /**
   * Compiles a template's source under the rules above.
   *
   * @param name names the template in rendering errors ({@code daily}, {@code custom})
   * @throws InvalidTemplateException when the source breaks a rule or does not compile
   */
  public Mustache compile(String name, String source) {
    requireNonNull(name, "name");
    requireNonNull(source, "source");
    if (source.length() > MAX_TEMPLATE_CHARS) {
      throw new InvalidTemplateException(String.format(java.util.Locale.ROOT,
          "the template has %,d characters; at most %,d are allowed", source.length(), MAX_TEMPLATE_CHARS), 0, 0);
    }
    if (source.isBlank()) {
      throw new InvalidTemplateException("the template is empty", 0, 0);
    }
    String file = name.replaceAll("[^A-Za-z0-9-]", "-") + ".mustache";
    try {
      return factory.compile(new StringReader(source), file);
    } catch (MustacheException e) {
      throw invalid(e, file, source);
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

  /** The source of a built-in template by its path under {@link #ROOT}, such as {@code daily} or {@code email/daily}. */
  public static String builtIn(String path) {
    return read(ROOT + path + ".mustache")
        .orElseThrow(() -> new IllegalStateException("no built-in template " + path));
  }

  private static Optional<String> read(String path) {
    try (InputStream in = HtmlTemplates.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** mustache.java's failure as a problem people can act on, with its line and, where it can be found, column. */
  private static InvalidTemplateException invalid(MustacheException e, String file, String source) {
    TemplateContext context = e.getContext();
    int line = context != null && file.equals(context.file()) ? context.line() : 0;
    String raw = e instanceof RuleViolation violation ? violation.problem : firstLine(e.getMessage());
    raw = POSITION_SUFFIX.matcher(raw).replaceAll("");
    String problem = raw;
    Pattern tag = e instanceof RuleViolation violation ? violation.tag : null;
    Matcher unclosed = UNCLOSED.matcher(raw);
    Matcher mismatched = MISMATCHED.matcher(raw);
    if (unclosed.find()) {
      String section = unclosed.group(1);
      problem = "the section '" + section + "' is opened here and never closed (add {{/" + section + "}})";
      tag = Pattern.compile("\\{\\{\\s*[#^$]\\s*" + Pattern.quote(section) + "\\s*}}");
    } else if (mismatched.find()) {
      String open = mismatched.group(1);
      String close = mismatched.group(2);
      problem = open.equals("null")
          ? "{{/" + close + "}} closes a section that is not open"
          : "{{/" + close + "}} does not match the open section '" + open + "' (close it with {{/" + open + "}})";
      tag = Pattern.compile("\\{\\{\\s*/\\s*" + Pattern.quote(close) + "\\s*}}");
    } else if (raw.startsWith("Improperly closed variable")) {
      problem = "a tag is not closed with }}";
      tag = Pattern.compile("\\{\\{(?!.*}})");
    }
    return new InvalidTemplateException(problem, line, column(source, line, tag));
  }

  /** The 1-based column where {@code tag} first matches on {@code line}, or 0. */
  private static int column(String source, int line, Pattern tag) {
    if (line <= 0 || tag == null) {
      return 0;
    }
    String[] lines = source.split("\r?\n", -1);
    if (line > lines.length) {
      return 0;
    }
    Matcher matcher = tag.matcher(lines[line - 1]);
    return matcher.find() ? matcher.start() + 1 : 0;
  }

  private static String firstLine(String text) {
    return text == null ? "does not compile" : text.strip().lines().findFirst().orElse("does not compile");
  }

  /** A template rule broken at a tag, with the pattern that finds the tag on its line. */
  private static final class RuleViolation extends MustacheException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final transient Pattern tag;

    /** @param tag finds the offending tag on its line, from its opening braces */
    RuleViolation(String problem, TemplateContext context, String tag) {
      super(problem, context);
      this.problem = problem;
      this.tag = Pattern.compile(tag);
    }
  }

  /** The factory every template is compiled with: the rules of the class comment. */
  private static final class RestrictedFactory extends DefaultMustacheFactory {

    RestrictedFactory() {
      super(new BuiltInPartials());
      setObjectHandler(new MapsAndListsOnly());
    }

    @Override
    public MustacheVisitor createMustacheVisitor() {
      return new DefaultMustacheVisitor(this) {
        @Override
        public void partial(TemplateContext context, String variable, String indent) {
          requireBuiltIn(context, variable.strip());
          super.partial(context, variable, indent);
        }

        @Override
        public void extend(TemplateContext context, String variable, Mustache mustache) {
          requireBuiltIn(context, variable.strip());
          super.extend(context, variable, mustache);
        }

        @Override
        public void dynamicPartial(TemplateContext context, String variable, String indent) {
          throw new RuleViolation("dynamic partials ({{>*" + variable.strip() + "}}) are not allowed; include a built-in"
              + " partial by its name", context, "\\{\\{\\s*>\\s*\\*");
        }

        @Override
        public void value(TemplateContext context, String variable, boolean encoded) {
          if (!encoded) {
            throw new RuleViolation("'" + variable.strip() + "' would be written without HTML escaping; use {{"
                + variable.strip() + "}}", context, "\\{\\{(\\{|\\s*&)\\s*" + Pattern.quote(variable.strip()));
          }
          super.value(context, variable, encoded);
        }

        @Override
        public void pragma(TemplateContext context, String pragma, String args) {
          throw new RuleViolation("pragmas ({{%" + pragma + "}}) are not supported", context, "\\{\\{\\s*%");
        }
      };
    }

    private static void requireBuiltIn(TemplateContext context, String name) {
      if (!PARTIALS.contains(name)) {
        throw new RuleViolation("the partial '" + name + "' is not one of the built-in partials ("
            + String.join(", ", PARTIALS.stream().sorted().toList()) + ")", context,
            "\\{\\{\\s*[<>]\\s*" + Pattern.quote(name));
      }
    }
  }

  /**
   * Reads {@code <name>.mustache} for a name of {@link #PARTIALS} from {@code partials/} on the class
   * path, and refuses everything else, whatever path it names.
   */
  private static final class BuiltInPartials implements MustacheResolver {
    @Override
    public Reader getReader(String resourceName) {
      String name = resourceName.endsWith(".mustache")
          ? resourceName.substring(0, resourceName.length() - ".mustache".length())
          : resourceName;
      if (!PARTIALS.contains(name)) {
        throw new MustacheException("the partial '" + name + "' is not one of the built-in partials");
      }
      InputStream in = HtmlTemplates.class.getClassLoader().getResourceAsStream(PARTIALS_ROOT + name + ".mustache");
      if (in == null) {
        throw new IllegalStateException("the built-in partial " + name + " is missing from the class path");
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
  }

  /**
   * Resolves names as map keys only. A template never reaches Java methods or fields of the model
   * (no {@code {{x.class}}}, no {@code {{map.clear}}}): the model is plain maps, lists and values.
   */
  private static final class MapsAndListsOnly extends SimpleObjectHandler {
    @Override
    protected void checkMethod(Method member) throws NoSuchMethodException {
      throw new NoSuchMethodException(member.getName());
    }

    @Override
    protected void checkField(Field member) throws NoSuchFieldException {
      throw new NoSuchFieldException(member.getName());
    }
  }
}
