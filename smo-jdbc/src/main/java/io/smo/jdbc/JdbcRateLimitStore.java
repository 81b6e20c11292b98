package io.smo.jdbc;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.resilience.RateLimitStore;
import io.smo.core.resilience.spi.RateLimitWindow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A {@link RateLimitStore} in a database table ({@code smo_rate_limit}, created on start), so that
 * every instance using the same database shares each account's allowance: each change of a key
 * (reserving a permit before a call, returning it with the server's figures after) runs in one
 * transaction holding the key's row lock ({@code SELECT ... FOR UPDATE}), so permits are reserved
 * across instances exactly as they are across threads.
 *
 * <p>Group commit: the changes of one key that callers of this instance queue while a transaction
 * of that key runs are applied together, in order, by the next transaction (one row lock, one
 * commit for the batch), so a call costs two transactions only when the key is idle and far fewer
 * under load. Each caller gets its result only after the transaction holding its change committed
 * (a permit is never used before it is stored), and each change sees the state the one before it
 * left, exactly as if they had run one by one. What a call reports after its answer ({@link
 * #updateLater}) does not hold the caller: it rides on the next transaction of the key, so under
 * load a call costs about one transaction.
 *
 * <p>On PostgreSQL these transactions commit with {@code synchronous_commit} off ({@code SET
 * LOCAL}, this store's transactions only): a commit does not wait for its WAL flush, which on a
 * busy disk was most of a call's cost. The trade-off, documented by PostgreSQL: if the database
 * server itself crashes, the last fraction of a second of rate-limit changes may be lost (never
 * torn), so the window in progress may be undercounted once; the server's own {@code remaining} on
 * the next answers corrects it. Nothing else (tokens, idempotency, scheduler) does this.
 *
 * <p>Plain SQL over the shared {@link RateLimitWindow} state rather than a token-bucket library:
 * the limiter follows the server's own windows (remaining, reset, calls in flight), which a token
 * bucket does not model. Works on PostgreSQL and H2. Thread-safe.
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
  private static final System.Logger LOG = System.getLogger(JdbcRateLimitStore.class.getName());

  private final DataSource dataSource;
  private final boolean postgres;
  private final Set<String> knownKeys = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<String, Combiner> combiners = new ConcurrentHashMap<>();

  /**
   * Creates the store and its table if missing.
   *
   * @param dataSource the database shared by the instances (a pooled one: up to two transactions
   *     per call, fewer under load)
   * @throws IllegalStateException if the table cannot be created
   */
  public JdbcRateLimitStore(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource == null");
    Jdbc.ddl(
        dataSource,
        "CREATE TABLE IF NOT EXISTS smo_rate_limit ("
            + "limit_key VARCHAR(600) PRIMARY KEY, state VARCHAR(400) NOT NULL, updated_at BIGINT NOT NULL)");
    this.postgres =
        Jdbc.auto(
            dataSource,
            "database detection",
            c ->
                c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the database fails
   */
  @Override
  public <R> R update(String key, Function<RateLimitWindow, R> change) {
    requireNonNull(key, "key == null");
    requireNonNull(change, "change == null");
    ensureRow(key);
    Combiner combiner = combiners.computeIfAbsent(key, k -> new Combiner());
    Pending<R> mine = new Pending<>(change);
    combiner.queue.add(mine);
    combiner.lock.lock();
    try {
      if (!mine.done) {
        runBatch(key, combiner);
      }
    } finally {
      combiner.lock.unlock();
    }
    help(key, combiner);
    return mine.result();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here: queued like {@link #update}'s changes; the caller runs the transaction itself only
   * when no other caller of this instance holds the key, else returns at once and the caller
   * holding it applies the change with its next transaction. A database failure is logged.
   */
  @Override
  public void updateLater(String key, Consumer<RateLimitWindow> change) {
    requireNonNull(key, "key == null");
    requireNonNull(change, "change == null");
    ensureRow(key);
    Combiner combiner = combiners.computeIfAbsent(key, k -> new Combiner());
    Pending<Void> later =
        new Pending<>(
            w -> {
              change.accept(w);
              return null;
            });
    later.deferred = true;
    combiner.queue.add(later);
    help(key, combiner);
  }

  /**
   * Runs the queued changes of {@code key} while there are any and no other caller holds or waits
   * for the key; every caller calls it after releasing the key (a waiting caller will too, once it
   * has had its turn), so nothing queued is left behind.
   */
  private void help(String key, Combiner combiner) {
    while (!combiner.queue.isEmpty()
        && !combiner.lock.hasQueuedThreads()
        && combiner.lock.tryLock()) {
      try {
        if (!combiner.queue.isEmpty()) {
          runBatch(key, combiner);
        }
      } finally {
        combiner.lock.unlock();
      }
    }
  }

  /**
   * Applies every change queued for {@code key} (at least the caller's) in one transaction under
   * the row lock, in queue order, each to the state the one before left; commits; then hands each
   * caller its result. A change that throws leaves the state as it found it; the others still
   * apply. If the database fails, every change of the batch fails with it and none is kept.
   */
  private void runBatch(String key, Combiner combiner) {
    List<Pending<?>> batch = new ArrayList<>();
    for (Pending<?> p; (p = combiner.queue.poll()) != null; ) {
      batch.add(p);
    }
    try {
      Jdbc.tx(
          dataSource,
          "rate-limit update",
          c -> {
            if (postgres) {
              try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET LOCAL synchronous_commit TO OFF");
              }
            }
            String state;
            try (PreparedStatement s =
                c.prepareStatement(
                    "SELECT state FROM smo_rate_limit WHERE limit_key = ? FOR UPDATE")) {
              s.setString(1, key);
              try (ResultSet rs = s.executeQuery()) {
                state = rs.next() ? rs.getString(1) : null;
              }
            }
            for (Pending<?> p : batch) {
              p.reset();
              RateLimitWindow w = RateLimitWindow.decode(state);
              try {
                p.apply(w);
                state = w.encode();
              } catch (RuntimeException e) {
                p.error = e;
              }
            }
            try (PreparedStatement u =
                c.prepareStatement(
                    "UPDATE smo_rate_limit SET state = ?, updated_at = ? WHERE limit_key = ?")) {
              u.setString(1, state == null ? new RateLimitWindow().encode() : state);
              u.setLong(2, System.currentTimeMillis());
              u.setString(3, key);
              u.executeUpdate();
            }
            return null;
          });
    } catch (RuntimeException e) {
      for (Pending<?> p : batch) {
        p.error = e;
      }
    } catch (Error e) {
      for (Pending<?> p : batch) {
        p.error = new IllegalStateException("rate-limit update of " + key + " failed", e);
      }
      throw e;
    } finally {
      for (Pending<?> p : batch) {
        p.done = true; // read by the waiting callers after they take the combiner's lock
        if (p.deferred && p.error != null) {
          LOG.log(
              System.Logger.Level.WARNING,
              "rate-limit state of {0} not updated after a call"
                  + " (its permit stays counted until the window passes): {1}",
              key,
              p.error.toString());
        }
      }
    }
  }

  /** The changes of one key waiting for a transaction, and the lock of the caller running it. */
  private static final class Combiner {
    final Queue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
    final ReentrantLock lock = new ReentrantLock();
  }

  /** One caller's change and, once its batch committed, its result or failure. */
  private static final class Pending<R> {
    final Function<RateLimitWindow, R> change;
    R result;
    RuntimeException error;
    boolean done;
    boolean deferred;

    Pending(Function<RateLimitWindow, R> change) {
      this.change = change;
    }

    void reset() {
      result = null;
      error = null;
    }

    void apply(RateLimitWindow w) {
      result = change.apply(w);
    }

    R result() {
      if (error != null) {
        throw error;
      }
      return result;
    }
  }

  private void ensureRow(String key) {
    if (knownKeys.contains(key)) {
      return;
    }
    Jdbc.auto(
        dataSource,
        "rate-limit key creation",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
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
