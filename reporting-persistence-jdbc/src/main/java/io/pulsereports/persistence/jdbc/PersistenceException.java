package io.pulsereports.persistence.jdbc;

import io.pulsereports.core.ReportingException;

/**
 * A database failure of the JDBC persistence adapters, translated at the adapter boundary. The
 * message says what was being done (never a password); the cause is the original exception.
 */
public class PersistenceException extends ReportingException {

  private static final long serialVersionUID = 1L;

  public PersistenceException(String message, Throwable cause) {
    super(message, cause);
  }

  public PersistenceException(String message) {
    super(message);
  }
}
