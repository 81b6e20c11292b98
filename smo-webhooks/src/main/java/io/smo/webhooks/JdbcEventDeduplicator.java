package io.smo.webhooks;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import io.smo.core.event.EventDeduplicator;
import io.smo.core.exception.SmoException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * An {@link EventDeduplicator} in a relational database, so that several instances behind one load
 * balancer hand each event over once. Plain SQL that runs on PostgreSQL and H2 (the scheduler's
 * databases): one table {@code (dedup_key VARCHAR(512) PRIMARY KEY, seen_at TIMESTAMP)}; a key is
 * new when its {@code INSERT} succeeds, and the primary key makes that atomic across instances.
 * {@link #purgeOlderThan(Duration)} deletes old keys; call it now and then (for example daily).
 * Thread-safe.
 *
 * <pre>{@code
 * EventDeduplicator dedup = JdbcEventDeduplicator.create(dataSource); // creates the table if absent
 * }</pre>
 *
 * @since 0.2
 */
@SmoPublicApi
public final class JdbcEventDeduplicator implements EventDeduplicator {
  /** The default table name. */
  public static final String DEFAULT_TABLE = "smo_webhook_events";

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private final DataSource dataSource;
  private final String table;
  private final Clock clock;

  private JdbcEventDeduplicator(DataSource dataSource, String table, Clock clock) {
    this.dataSource = dataSource;
    this.table = table;
    this.clock = clock;
  }

  /**
   * Returns a deduplicator on table {@link #DEFAULT_TABLE}, creating it if absent.
   *
   * @throws SmoException if the table cannot be created
   */
  public static JdbcEventDeduplicator create(DataSource dataSource) {
    return create(dataSource, DEFAULT_TABLE, Clock.systemUTC());
  }

  /**
   * Returns a deduplicator on {@code table}, creating it if absent.
   *
   * @param table an SQL identifier: letters, digits and underscores, at most 63 characters
   * @throws IllegalArgumentException if {@code table} is not such an identifier
   * @throws SmoException if the table cannot be created
   */
  public static JdbcEventDeduplicator create(DataSource dataSource, String table, Clock clock) {
    requireNonNull(dataSource, "dataSource == null");
    requireNonNull(clock, "clock == null");
    if (table == null || !NAME.matcher(table).matches()) {
      throw new IllegalArgumentException("not an SQL table name: " + table);
    }
    JdbcEventDeduplicator d = new JdbcEventDeduplicator(dataSource, table, clock);
    d.createTable();
    return d;
  }

  private void createTable() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + table
              + " (dedup_key VARCHAR(512) NOT NULL PRIMARY KEY, seen_at TIMESTAMP NOT NULL)");
    } catch (SQLException e) {
      throw new SmoException(
          null, "webhook", "cannot create table " + table + ": " + e.getSQLState(), e, true);
    }
  }

  @Override
  public boolean firstSeen(String key) {
    requireNonNull(key, "key == null");
    if (key.isEmpty() || key.length() > 512) {
      throw new IllegalArgumentException(
          "dedup key must have 1..512 characters, has " + key.length());
    }
    try (Connection c = dataSource.getConnection()) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      // INSERT ... SELECT ... WHERE NOT EXISTS keeps PostgreSQL's transaction usable and avoids
      // an exception on the common duplicate path; the primary key settles concurrent inserts.
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO "
                  + table
                  + " (dedup_key, seen_at) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM "
                  + table
                  + " WHERE dedup_key = ?)")) {
        ps.setString(1, key);
        ps.setTimestamp(2, Timestamp.from(clock.instant()));
        ps.setString(3, key);
        return ps.executeUpdate() == 1;
      } catch (SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
          return false; // another instance inserted the same key between the check and the insert
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new SmoException(
          null, "webhook", "event store failed: SQLState " + e.getSQLState(), e, true);
    }
  }

  @Override
  public void forget(String key) {
    if (key == null) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM " + table + " WHERE dedup_key = ?")) {
      ps.setString(1, key);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new SmoException(
          null, "webhook", "event store failed: SQLState " + e.getSQLState(), e, true);
    }
  }

  /**
   * Deletes keys first seen more than {@code age} ago and returns how many were deleted.
   *
   * @throws SmoException if the database cannot be reached
   */
  public int purgeOlderThan(Duration age) {
    Instant cutoff = clock.instant().minus(requireNonNull(age, "age == null"));
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE seen_at < ?")) {
      ps.setTimestamp(1, Timestamp.from(cutoff));
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new SmoException(
          null, "webhook", "event store failed: SQLState " + e.getSQLState(), e, true);
    }
  }
}
