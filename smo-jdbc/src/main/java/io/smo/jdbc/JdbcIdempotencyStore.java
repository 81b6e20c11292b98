package io.smo.jdbc;

import static java.util.Objects.requireNonNull;

import io.smo.core.IdempotencyStore;
import io.smo.core.SmoPublicApi;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * An {@link IdempotencyStore} in a database table ({@code smo_idempotency}, created on start): the
 * outcome of each (idempotency key, target) survives restarts and is shared by every instance using
 * the database. A claim is one transaction: it inserts the IN_FLIGHT row (the primary key makes two
 * instances' inserts race safely: one wins) or takes the existing row's lock and re-claims it only
 * when it FAILED or was SKIPPED. The outcome is written after the publish; a row left IN_FLIGHT by
 * a process that died is reported UNKNOWN by {@code CrossPoster} and never republished. Works on
 * PostgreSQL and H2. Thread-safe.
 *
 * <pre>{@code
 * CrossPoster poster = CrossPoster.builder().add(x).add(facebook)
 *     .idempotencyStore(new JdbcIdempotencyStore(dataSource)).build();
 * }</pre>
 */
@SmoPublicApi
public final class JdbcIdempotencyStore implements IdempotencyStore {
  private static final String COLUMNS =
      "idempotency_key, target, content_hash, state, post_id, url, message, updated_at";

  private final DataSource dataSource;

  /**
   * Creates the store and its table if missing.
   *
   * @param dataSource the database shared by the instances
   * @throws IllegalStateException if the table cannot be created
   */
  public JdbcIdempotencyStore(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource == null");
    Jdbc.ddl(
        dataSource,
        "CREATE TABLE IF NOT EXISTS smo_idempotency ("
            + "idempotency_key VARCHAR(512) NOT NULL, target VARCHAR(512) NOT NULL,"
            + " content_hash VARCHAR(128) NOT NULL, state VARCHAR(16) NOT NULL, post_id VARCHAR(512),"
            + " url VARCHAR(2048), message VARCHAR(2000), updated_at BIGINT NOT NULL,"
            + " PRIMARY KEY (idempotency_key, target))");
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the database fails
   */
  @Override
  public Claim claim(String idempotencyKey, String target, String contentHash, Instant now) {
    requireNonNull(idempotencyKey, "idempotencyKey == null");
    requireNonNull(target, "target == null");
    requireNonNull(contentHash, "contentHash == null");
    Entry fresh =
        new Entry(idempotencyKey, target, contentHash, State.IN_FLIGHT, null, null, null, now);
    while (true) {
      Claim c =
          Jdbc.tx(
              dataSource,
              "idempotency claim",
              conn -> {
                Entry earlier = read(conn, idempotencyKey, target, true);
                if (earlier == null) {
                  return insert(conn, fresh)
                      ? Claim.granted()
                      : null; // null: lost an insert race, read again
                }
                if (!earlier.contentHash().equals(contentHash)) {
                  return Claim.contentMismatch(earlier);
                }
                if (earlier.state() == State.FAILED || earlier.state() == State.SKIPPED) {
                  write(conn, fresh);
                  return Claim.granted();
                }
                return Claim.done(earlier);
              });
      if (c != null) {
        return c;
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the database fails
   */
  @Override
  public void complete(Entry entry) {
    requireNonNull(entry, "entry == null");
    Jdbc.tx(
        dataSource,
        "idempotency complete",
        conn -> {
          if (read(conn, entry.idempotencyKey(), entry.target(), true) == null) {
            if (!insert(conn, entry)) {
              throw new IllegalStateException("idempotency entry created concurrently: " + entry);
            }
          } else {
            write(conn, entry);
          }
          return null;
        });
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the database fails
   */
  @Override
  public List<Entry> entries(String idempotencyKey) {
    return Jdbc.auto(
        dataSource,
        "idempotency read",
        conn -> {
          try (PreparedStatement s =
              conn.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM smo_idempotency WHERE idempotency_key = ? ORDER BY target")) {
            s.setString(1, idempotencyKey);
            try (ResultSet rs = s.executeQuery()) {
              List<Entry> out = new ArrayList<>();
              while (rs.next()) {
                out.add(entry(rs));
              }
              return out;
            }
          }
        });
  }

  private static Entry read(Connection c, String key, String target, boolean lock)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM smo_idempotency"
                + " WHERE idempotency_key = ? AND target = ?"
                + (lock ? " FOR UPDATE" : ""))) {
      s.setString(1, key);
      s.setString(2, target);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? entry(rs) : null;
      }
    }
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    return new Entry(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        State.valueOf(rs.getString(4)),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        Instant.ofEpochMilli(rs.getLong(8)));
  }

  /** Inserts; false when another instance inserted the row first. */
  private static boolean insert(Connection c, Entry e) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO smo_idempotency (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, e.idempotencyKey());
      s.setString(2, e.target());
      bind(s, 3, e);
      s.executeUpdate();
      return true;
    } catch (SQLException ex) {
      if (Jdbc.duplicate(ex)) {
        Jdbc.rollback(c);
        return false;
      }
      throw ex;
    }
  }

  private static void write(Connection c, Entry e) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE smo_idempotency SET content_hash = ?,"
                + " state = ?, post_id = ?, url = ?, message = ?, updated_at = ?"
                + " WHERE idempotency_key = ? AND target = ?")) {
      bind(s, 1, e);
      s.setString(7, e.idempotencyKey());
      s.setString(8, e.target());
      s.executeUpdate();
    }
  }

  private static void bind(PreparedStatement s, int i, Entry e) throws SQLException {
    s.setString(i, e.contentHash());
    s.setString(i + 1, e.state().name());
    s.setString(i + 2, e.postId().orElse(null));
    s.setString(i + 3, e.url().orElse(null));
    s.setString(
        i + 4, e.message().map(m -> m.length() > 2000 ? m.substring(0, 2000) : m).orElse(null));
    s.setLong(i + 5, e.updatedAt().toEpochMilli());
  }

  @Override
  public String toString() {
    return "JdbcIdempotencyStore{}";
  }
}
