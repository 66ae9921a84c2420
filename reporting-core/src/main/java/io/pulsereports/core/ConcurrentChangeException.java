package io.pulsereports.core;

/**
 * Someone else changed the same record between our read and our write (a compare-and-set on its
 * {@code updated_at} failed); nothing was written. Reading it again and retrying is safe.
 */
public class ConcurrentChangeException extends ReportingException {

  private static final long serialVersionUID = 1L;

  public ConcurrentChangeException(String message) {
    super(message);
  }
}
