package io.pulsereports.render.mustache.internal;

import static java.util.Objects.requireNonNull;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Compiles Mustache templates for plain text: values are written as they are, not HTML-escaped
 * (a plain-text email part shows {@code &amp;} literally). No partials.
 */
public final class PlainTextTemplates {

  private final DefaultMustacheFactory factory = new DefaultMustacheFactory() {
    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  /** Compiles a template's source; a syntax error is an {@link IllegalArgumentException}. */
  public Mustache compile(String name, String source) {
    requireNonNull(name, "name");
    requireNonNull(source, "source");
    try {
      return factory.compile(new StringReader(source), name + ".txt.mustache");
    } catch (MustacheException e) {
      throw new IllegalArgumentException("text template " + name + " does not compile: " + e.getMessage(), e);
    }
  }
}
