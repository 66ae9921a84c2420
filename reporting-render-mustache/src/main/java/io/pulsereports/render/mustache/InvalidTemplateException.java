package io.pulsereports.render.mustache;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.ReportingException;
import java.util.OptionalInt;

/**
 * A Mustache template that cannot be used: it does not compile, includes a partial outside the
 * built-in set, writes a value unescaped, or is too large. The message names the line (and the
 * column where it is known): {@code line 3, column 1: the section {{#staff}} is never closed}.
 * Nothing was stored or rendered.
 */
public class InvalidTemplateException extends ReportingException {

  private static final long serialVersionUID = 1L;

  private final String problem;
  private final int line;
  private final int column;

  /**
   * @param line 1-based, or 0 when the problem concerns the whole template
   * @param column 1-based, or 0 when unknown
   */
  public InvalidTemplateException(String problem, int line, int column) {
    super(message(requireNonNull(problem, "problem"), line, column));
    this.problem = problem;
    this.line = Math.max(0, line);
    this.column = line > 0 ? Math.max(0, column) : 0;
  }

  private static String message(String problem, int line, int column) {
    if (line <= 0) {
      return problem;
    }
    return "line " + line + (column > 0 ? ", column " + column : "") + ": " + problem;
  }

  /** What is wrong, without the position. */
  public String problem() {
    return problem;
  }

  /** The 1-based line of the problem; empty when it concerns the whole template. */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /** The 1-based column on {@link #line()}; empty when not known. */
  public OptionalInt column() {
    return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
  }
}
