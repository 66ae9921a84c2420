package io.pulsereports.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;

/** A statement with named parameters and the values to bind to them. */
record BoundSql(String sql, Map<String, Object> parameters) {

  BoundSql {
    requireNonNull(sql, "sql");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** Binds every parameter; an {@link Argument} value is bound as is. */
  <S extends SqlStatement<S>> S bindTo(S statement) {
    parameters.forEach(
        (name, value) -> {
          if (value instanceof Argument argument) {
            statement.bind(name, argument);
          } else {
            statement.bind(name, value);
          }
        });
    return statement;
  }
}
