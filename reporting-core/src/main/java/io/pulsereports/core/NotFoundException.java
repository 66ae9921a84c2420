package io.pulsereports.core;

/**
 * The request names something that does not exist (or that the caller may not see): a template,
 * subscription, delivery or token id. {@link #field()} names the id's field; nothing was changed.
 */
public class NotFoundException extends InvalidReportRequestException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String field, String problem) {
    super(field, problem);
  }
}
