package io.pulsereports.render.mustache;

import static java.util.Objects.requireNonNull;

import io.pulsereports.render.mustache.internal.HtmlTemplates;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks custom report templates before they are saved or used (SPEC section 6: a custom template
 * is validated when it is saved). The rules are those every HTML template of {@link
 * MustacheReportRenderer} is compiled under, built-in ones included:
 *
 * <ul>
 *   <li>it compiles as Mustache (sections closed in order, tags closed with {@code }}});
 *   <li>partials ({@code {{> name}}}) come from the built-in set {@link #partials()} only: no file
 *       is ever read, {@code ../} and absolute paths are refused, and so are dynamic partials;
 *   <li>every value is HTML-escaped: {@code {{{x}}}} and {@code {{& x}}} are refused (the model
 *       holds no HTML to pass through), and so are pragmas;
 *   <li>it is not blank and has at most {@link #MAX_CHARS} characters.
 * </ul>
 *
 * <pre>{@code
 * try {
 *   ReportTemplates.validate(source);
 * } catch (InvalidTemplateException e) {
 *   // "line 3, column 1: the section 'staff' is opened here and never closed (add {{/staff}})"
 *   showError(e.getMessage());
 * }
 * }</pre>
 *
 * The template model (JSON fields and display helpers) is documented in {@code docs/templates.md}.
 */
public final class ReportTemplates {

  /** The largest template accepted, in characters (256 Ki). */
  public static final int MAX_CHARS = HtmlTemplates.MAX_TEMPLATE_CHARS;

  private ReportTemplates() {}

  /**
   * Checks a template's source.
   *
   * @throws InvalidTemplateException naming the line (and column where known) of the first problem
   */
  public static void validate(String content) {
    new HtmlTemplates().compile("custom", requireNonNull(content, "content"));
  }

  /** The names a template may include with {@code {{> name}}}, sorted. */
  public static Set<String> partials() {
    return java.util.Collections.unmodifiableSet(new TreeSet<>(HtmlTemplates.PARTIALS));
  }
}
