package io.smo.jdbc;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.TokenStore;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.ErrorDetails;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * A {@link TokenStore} in a database table ({@code smo_token}, created on start), shared by every
 * instance using the database:
 *
 * <ul>
 *   <li>access and refresh tokens are encrypted at rest with the application's {@link TokenCipher}
 *       (AES-GCM, bound to the account and column); expiry instants and scopes are stored plain;
 *   <li>{@link #refresh} runs under the account's row lock ({@code SELECT ... FOR UPDATE}): exactly
 *       one instance calls the token endpoint, the others wait for its commit and read the rotated
 *       token; the new token is written with compare-and-set on a version number;
 *   <li>a refused refresh is remembered against the stored version: other instances get the refusal
 *       without calling the token endpoint, until a new token is saved;
 *   <li>a stored refresh token is never overwritten by an empty one.
 * </ul>
 *
 * <p>A refresh holds one connection and the row lock for the length of the token request. Works on
 * PostgreSQL and H2. Thread-safe; {@link #toString()} shows no token.
 *
 * <pre>{@code
 * TokenStore tokens = new JdbcTokenStore(dataSource, TokenCipher.aesGcm(key));
 * TokenProvider p = RefreshingTokenProvider.builder("x:user-42", tokens, flow::refresh).build();
 * }</pre>
 */
@SmoPublicApi
public final class JdbcTokenStore implements TokenStore {
  private static final String COLUMNS =
      "access_token, refresh_token, token_type, expires_at,"
          + " refresh_expires_at, scopes, version, refused_version, refused_message";

  private final DataSource dataSource;
  private final TokenCipher cipher;

  /**
   * Creates the store and its table if missing.
   *
   * @param dataSource the database shared by the instances
   * @param cipher encrypts tokens at rest
   * @throws IllegalStateException if the table cannot be created
   */
  public JdbcTokenStore(DataSource dataSource, TokenCipher cipher) {
    this.dataSource = requireNonNull(dataSource, "dataSource == null");
    this.cipher = requireNonNull(cipher, "cipher == null");
    Jdbc.ddl(
        dataSource,
        "CREATE TABLE IF NOT EXISTS smo_token ("
            + "account_key VARCHAR(512) PRIMARY KEY, access_token VARCHAR(8000) NOT NULL,"
            + " refresh_token VARCHAR(8000), token_type VARCHAR(64) NOT NULL, expires_at BIGINT,"
            + " refresh_expires_at BIGINT, scopes VARCHAR(4000) NOT NULL, version BIGINT NOT NULL,"
            + " refused_version BIGINT, refused_message VARCHAR(1000), updated_at BIGINT NOT NULL)");
  }

  /** A row as read. */
  private static final class Row {
    AccessToken token;
    long version;
    Long refusedVersion;
    String refusedMessage;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the database fails or the row does not decrypt with this key
   */
  @Override
  public Optional<AccessToken> load(String accountKey) {
    requireNonNull(accountKey, "accountKey == null");
    return Optional.ofNullable(Jdbc.auto(dataSource, "token load", c -> read(c, accountKey, false)))
        .map(r -> r.token);
  }

  /**
   * Saves the token, keeping the stored refresh token when {@code token} has none, and clears a
   * remembered refusal.
   *
   * @throws IllegalStateException if the database fails
   */
  @Override
  public void save(String accountKey, AccessToken token) {
    requireNonNull(accountKey, "accountKey == null");
    requireNonNull(token, "token == null");
    Jdbc.tx(
        dataSource,
        "token save",
        c -> {
          Row row = read(c, accountKey, true);
          if (row == null) {
            if (!insert(c, accountKey, token)) {
              Jdbc.rollback(c);
              save(accountKey, token); // another instance inserted first: update its row instead
            }
            return null;
          }
          write(c, accountKey, carry(row.token, token), row.version);
          return null;
        });
  }

  /**
   * Runs {@code change} under the account's row lock; see {@link TokenStore#refresh}. A refusal
   * ({@link AuthenticationException} from {@code change}) is stored with the row's version and
   * thrown again to later callers without running {@code change}, until a new token is saved.
   *
   * @throws AuthenticationException what {@code change} threw, or a remembered refusal
   * @throws IllegalStateException if the database fails
   */
  @Override
  @SuppressWarnings(
      "ReferenceEquality") // identity on purpose: the same instance back means "no change"
  public AccessToken refresh(String accountKey, UnaryOperator<AccessToken> change) {
    requireNonNull(accountKey, "accountKey == null");
    requireNonNull(change, "change == null");
    AuthenticationException[] refused = new AuthenticationException[1];
    AccessToken kept =
        Jdbc.tx(
            dataSource,
            "token refresh",
            c -> {
              Row row = read(c, accountKey, true);
              if (row == null) {
                AccessToken next = change.apply(null);
                if (next != null && !insert(c, accountKey, next)) {
                  throw new IllegalStateException(
                      "token of " + accountKey + " was created concurrently");
                }
                return next;
              }
              if (row.refusedVersion != null && row.refusedVersion == row.version) {
                throw new AuthenticationException(
                    ErrorDetails.builder(null, "refresh token")
                        .message(
                            "refresh of account "
                                + accountKey
                                + " was refused earlier (by this or another"
                                + " instance) and no new token was stored since: "
                                + row.refusedMessage)
                        .build());
              }
              AccessToken next;
              try {
                next = change.apply(row.token);
              } catch (AuthenticationException e) {
                try (PreparedStatement u =
                    c.prepareStatement(
                        "UPDATE smo_token SET refused_version = ?,"
                            + " refused_message = ?, updated_at = ? WHERE account_key = ? AND version = ?")) {
                  u.setLong(1, row.version);
                  u.setString(2, truncate(e.getMessage(), 1000));
                  u.setLong(3, System.currentTimeMillis());
                  u.setString(4, accountKey);
                  u.setLong(5, row.version);
                  u.executeUpdate();
                }
                refused[0] = e;
                return null; // commit the remembered refusal, then throw
              }
              if (next == null || next == row.token) {
                return row.token;
              }
              next = carry(row.token, next);
              write(c, accountKey, next, row.version);
              return next;
            });
    if (refused[0] != null) {
      throw refused[0];
    }
    return kept;
  }

  private static AccessToken carry(AccessToken stored, AccessToken next) {
    if (next.refreshToken().isEmpty() && stored.refreshToken().isPresent()) {
      return next.toBuilder()
          .refreshToken(stored.refreshToken().get())
          .refreshTokenExpiresAt(stored.refreshTokenExpiresAt().orElse(null))
          .build();
    }
    return next;
  }

  private Row read(Connection c, String accountKey, boolean lock) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM smo_token WHERE account_key = ?"
                + (lock ? " FOR UPDATE" : ""))) {
      s.setString(1, accountKey);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Row r = new Row();
        AccessToken.Builder b =
            AccessToken.builder(cipher.decrypt(rs.getString(1), context(accountKey, "access")));
        String refresh = rs.getString(2);
        if (refresh != null) {
          b.refreshToken(cipher.decrypt(refresh, context(accountKey, "refresh")));
        }
        b.tokenType(rs.getString(3));
        long exp = rs.getLong(4);
        if (!rs.wasNull()) {
          b.expiresAt(Instant.ofEpochMilli(exp));
        }
        long rexp = rs.getLong(5);
        if (!rs.wasNull()) {
          b.refreshTokenExpiresAt(Instant.ofEpochMilli(rexp));
        }
        String scopes = rs.getString(6);
        b.scopes(
            scopes.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(scopes.split(" "))));
        r.token = b.build();
        r.version = rs.getLong(7);
        long rv = rs.getLong(8);
        r.refusedVersion = rs.wasNull() ? null : rv;
        r.refusedMessage = rs.getString(9);
        return r;
      }
    }
  }

  /** Inserts; false when the row exists already (another instance was first). */
  private boolean insert(Connection c, String accountKey, AccessToken t) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO smo_token (account_key, access_token,"
                + " refresh_token, token_type, expires_at, refresh_expires_at, scopes, version, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)")) {
      s.setString(1, accountKey);
      bind(s, 2, accountKey, t);
      s.setLong(8, System.currentTimeMillis());
      s.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (Jdbc.duplicate(e)) {
        return false;
      }
      throw e;
    }
  }

  /** Compare-and-set on the version read under the lock. */
  private void write(Connection c, String accountKey, AccessToken t, long version)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE smo_token SET access_token = ?,"
                + " refresh_token = ?, token_type = ?, expires_at = ?, refresh_expires_at = ?, scopes = ?,"
                + " version = version + 1, refused_version = NULL, refused_message = NULL, updated_at = ?"
                + " WHERE account_key = ? AND version = ?")) {
      bind(s, 1, accountKey, t);
      s.setLong(7, System.currentTimeMillis());
      s.setString(8, accountKey);
      s.setLong(9, version);
      if (s.executeUpdate() != 1) {
        throw new IllegalStateException(
            "token of "
                + accountKey
                + " changed concurrently"
                + " (version "
                + version
                + " is gone)");
      }
    }
  }

  private void bind(PreparedStatement s, int i, String accountKey, AccessToken t)
      throws SQLException {
    s.setString(i, cipher.encrypt(t.value(), context(accountKey, "access")));
    if (t.refreshToken().isPresent()) {
      s.setString(i + 1, cipher.encrypt(t.refreshToken().get(), context(accountKey, "refresh")));
    } else {
      s.setNull(i + 1, Types.VARCHAR);
    }
    s.setString(i + 2, t.tokenType());
    setInstant(s, i + 3, t.expiresAt().orElse(null));
    setInstant(s, i + 4, t.refreshTokenExpiresAt().orElse(null));
    s.setString(i + 5, String.join(" ", t.scopes()));
  }

  private static void setInstant(PreparedStatement s, int i, Instant at) throws SQLException {
    if (at == null) {
      s.setNull(i, Types.BIGINT);
    } else {
      s.setLong(i, at.toEpochMilli());
    }
  }

  private static String context(String accountKey, String column) {
    return "smo_token/" + accountKey + "/" + column;
  }

  private static String truncate(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
  }

  @Override
  public String toString() {
    return "JdbcTokenStore{" + cipher + "}";
  }
}
