package io.pulsereports.core;

/** The root of every failure the reporting library reports. Unchecked. */
public class ReportingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ReportingException(String message) {
    super(message);
  }

  public ReportingException(String message, Throwable cause) {
    super(message, cause);
  }
}
