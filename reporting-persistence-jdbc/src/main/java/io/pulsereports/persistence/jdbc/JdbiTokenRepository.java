package io.pulsereports.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.access.ApiToken;
import io.pulsereports.core.port.out.TokenRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The API tokens in api_tokens (state migration V5), in the manner of {@link
 * JdbiTemplateRepository}: only each token's SHA-256 hash and prefix are stored, never a token.
 *
 * <p>Every operation is one statement: a request's lookup by hash reads the unique index on
 * token_hash; a second token with a hash already stored is refused by that constraint and changes
 * nothing; revoking is one UPDATE guarded by {@code revoked_at IS NULL}, so a token is revoked
 * once and keeps its first revoked_at. See the statements in {@code sql/common/token_*.sql}.
 *
 * <p>Failures surface as {@link PersistenceException} naming the operation and the token id,
 * never its hash ({@link StateStatements} keeps no bound value and no detail line of the
 * database's, where PostgreSQL repeats a unique key's value).
 */
final class JdbiTokenRepository implements TokenRepository {

  private static final String COMMON = "common";

  private final StateStatements statements;
  private final TokenColumns columns;

  JdbiTokenRepository(Jdbi jdbi, Dialect dialect) {
    this.statements = new StateStatements(jdbi, dialect);
    this.columns = new TokenColumns(dialect);
  }

  @Override
  public void insert(ApiToken token) {
    requireNonNull(token, "token");
    BoundSql insert = new BoundSql(SqlResources.load(COMMON, "token_insert"), columns.row(token));
    statements.call(
        "store token " + token.id(),
        handle -> insert.bindTo(handle.createUpdate(insert.sql())).execute());
  }

  @Override
  public Optional<ApiToken> findByHash(String tokenHash) {
    requireNonNull(tokenHash, "tokenHash");
    BoundSql read = byHashStatement(tokenHash);
    return statements.call(
        "read a token by its hash",
        handle -> read.bindTo(handle.createQuery(read.sql())).map(columns).findOne());
  }

  /** The lookup of a request's token; visible to the plan checks. */
  BoundSql byHashStatement(String tokenHash) {
    return new BoundSql(
        SqlResources.load(COMMON, "token_by_hash"), Map.of("tokenHash", tokenHash));
  }

  @Override
  public Optional<ApiToken> find(UUID id) {
    requireNonNull(id, "id");
    return statements.call(
        "read token " + id,
        handle ->
            handle
                .createQuery(SqlResources.load(COMMON, "token_by_id"))
                .bind("id", columns.uuid(id))
                .map(columns)
                .findOne());
  }

  @Override
  public List<ApiToken> list() {
    return statements.call(
        "list tokens",
        handle -> handle.createQuery(SqlResources.load(COMMON, "token_list")).map(columns).list());
  }

  @Override
  public boolean revoke(UUID id, Instant at) {
    requireNonNull(id, "id");
    requireNonNull(at, "at");
    BoundSql revoke =
        new BoundSql(
            SqlResources.load(COMMON, "token_revoke"),
            Map.of("id", columns.uuid(id), "revokedAt", columns.instant(at)));
    return statements.call(
        "revoke token " + id,
        handle -> revoke.bindTo(handle.createUpdate(revoke.sql())).execute() == 1);
  }
}
