package io.pulsereports.core;

import static java.util.Objects.requireNonNull;

/**
 * A request that cannot be served as given. {@link #field()} names the offending field as in the
 * report JSON (for example {@code gym_id}); nothing was read, stored or sent.
 */
public class InvalidReportRequestException extends ReportingException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String problem;

  public InvalidReportRequestException(String field, String problem) {
    super(field + ": " + problem);
    this.field = requireNonNull(field, "field");
    this.problem = requireNonNull(problem, "problem");
  }

  public String field() {
    return field;
  }

  /** The problem without the field name. */
  public String problem() {
    return problem;
  }
}
