package io.smo.jdbc;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.resilience.RateLimitStore;
import io.smo.core.resilience.spi.RateLimitWindow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A {@link RateLimitStore} in a database table ({@code smo_rate_limit}, created on start), so that
 * every instance using the same database shares each account's allowance: each change of a key
 * (reserving a permit before a call, returning it with the server's figures after) runs in one
 * transaction holding the key's row lock ({@code SELECT ... FOR UPDATE}), so permits are reserved
 * across instances exactly as they are across threads. Two short transactions per call.
 *
 * <p>Plain SQL over the shared {@link RateLimitWindow} state rather than a token-bucket library:
 * the limiter follows the server's own windows (remaining, reset, calls in flight), which a
 * token bucket does not model. Works on PostgreSQL and H2. Thread-safe.
 *
 * <pre>{@code
 * RateLimitStore shared = new JdbcRateLimitStore(dataSource);
 * TwitterClient x = TwitterClient.builder()...
 *     .rateLimitPolicy(TwitterClient.defaultRateLimits().toBuilder().store(shared).build()).build();
 * }</pre>
 *
 * @see RateLimitPolicy.Builder#store(RateLimitStore)
 */
@SmoPublicApi
public final class JdbcRateLimitStore implements RateLimitStore {
  private final DataSource dataSource;
  private final Set<String> knownKeys = ConcurrentHashMap.newKeySet();

  /**
   * Creates the store and its table if missing.
   *
   * @param dataSource the database shared by the instances (a pooled one: two transactions per call)
   * @throws IllegalStateException if the table cannot be created
   */
  public JdbcRateLimitStore(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource == null");
    Jdbc.ddl(dataSource, "CREATE TABLE IF NOT EXISTS smo_rate_limit ("
        + "limit_key VARCHAR(600) PRIMARY KEY, state VARCHAR(400) NOT NULL, updated_at BIGINT NOT NULL)");
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the database fails
   */
  @Override
  public <R> R update(String key, Function<RateLimitWindow, R> change) {
    requireNonNull(key, "key == null");
    ensureRow(key);
    return Jdbc.tx(dataSource, "rate-limit update", c -> {
      String state;
      try (PreparedStatement s = c.prepareStatement(
          "SELECT state FROM smo_rate_limit WHERE limit_key = ? FOR UPDATE")) {
        s.setString(1, key);
        try (ResultSet rs = s.executeQuery()) {
          state = rs.next() ? rs.getString(1) : null;
        }
      }
      RateLimitWindow w = RateLimitWindow.decode(state);
      R result = change.apply(w);
      try (PreparedStatement u = c.prepareStatement(
          "UPDATE smo_rate_limit SET state = ?, updated_at = ? WHERE limit_key = ?")) {
        u.setString(1, w.encode());
        u.setLong(2, System.currentTimeMillis());
        u.setString(3, key);
        u.executeUpdate();
      }
      return result;
    });
  }

  private void ensureRow(String key) {
    if (knownKeys.contains(key)) {
      return;
    }
    Jdbc.auto(dataSource, "rate-limit key creation", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO smo_rate_limit (limit_key, state, updated_at) VALUES (?, ?, ?)")) {
        s.setString(1, key);
        s.setString(2, new RateLimitWindow().encode());
        s.setLong(3, System.currentTimeMillis());
        s.executeUpdate();
      } catch (SQLException e) {
        if (!Jdbc.duplicate(e)) {
          throw e;
        }
      }
      return null;
    });
    knownKeys.add(key);
  }

  @Override
  public String toString() {
    return "JdbcRateLimitStore{" + knownKeys.size() + " keys used}";
  }
}
