/**
 * JDBC persistence for Pulse Reports on SQLite and PostgreSQL. The API is {@link
 * io.pulsereports.persistence.jdbc.JdbcPersistence} (the factory of the port adapters and the
 * migrations) and {@link io.pulsereports.persistence.jdbc.PersistenceException}; every other type
 * here is package-private. SQL lives in resources under {@code io/pulsereports/persistence/jdbc/},
 * per dialect where it differs.
 */
package io.pulsereports.persistence.jdbc;
