package io.pulsereports.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.access.ApiToken;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * How an {@link ApiToken} is written to and read from an api_tokens row (state migrations V5, V6) on
 * one dialect: the values as {@link StateColumns} binds and reads them (instants to the
 * microsecond, fixed-width UTC text on SQLite; uuid or lower-case text ids), the gyms as a JSON
 * array of lower-case UUID strings in UUID order (empty for a learning-only token), the learning flag as a
 * boolean (0/1 on SQLite), the name as text (NULL when absent), and the
 * token's SHA-256 hash and prefix as the text they are. The token itself is never here.
 */
final class TokenColumns implements RowMapper<ApiToken> {

  private final StateColumns values;

  TokenColumns(Dialect dialect) {
    this.values = new StateColumns(requireNonNull(dialect, "dialect"));
  }

  /** Every column of the row, named as in token_insert.sql. */
  Map<String, Object> row(ApiToken token) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", uuid(token.id()));
    row.put("name", token.name().orElse(null));
    row.put(
        "gymIds",
        values.json(
            RecipientsJson.stringArray(
                token.gymIds().stream().sorted().map(UUID::toString).toList())));
    row.put("learningReports", token.learningReports());
    row.put("tokenHash", token.tokenHash());
    row.put("tokenPrefix", token.prefix());
    row.put("createdAt", instant(token.createdAt()));
    row.put("revokedAt", token.revokedAt().map(this::instant).orElse(null));
    return row;
  }

  Object uuid(UUID value) {
    return values.uuid(value);
  }

  /** An instant as bound, to the microsecond. */
  Object instant(Instant value) {
    return values.instant(value);
  }

  @Override
  public ApiToken map(ResultSet rs, StatementContext ctx) throws SQLException {
    UUID id = values.readUuid(rs, "id");
    try {
      Set<UUID> gyms = new LinkedHashSet<>();
      for (String gym : RecipientsJson.readStringArray(rs.getString("gym_ids"), "gym_ids")) {
        gyms.add(UUID.fromString(gym));
      }
      return new ApiToken(
          id,
          Optional.ofNullable(rs.getString("name")),
          gyms,
          rs.getBoolean("learning_reports"),
          rs.getString("token_hash"),
          rs.getString("token_prefix"),
          values.readInstant(rs, "created_at"),
          Optional.ofNullable(values.readInstant(rs, "revoked_at")));
    } catch (RuntimeException e) {
      // The message names the token and the failure, never its hash.
      throw new PersistenceException(
          "Token " + id + " in api_tokens cannot be read: " + e.getMessage(), e);
    }
  }
}
