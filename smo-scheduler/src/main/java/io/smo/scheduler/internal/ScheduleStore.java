package io.smo.scheduler.internal;

import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.Target;
import io.smo.scheduler.ScheduleMode;
import io.smo.scheduler.ScheduledPost;
import io.smo.scheduler.ScheduledTarget;
import io.smo.scheduler.TargetStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The scheduler's own tables over JDBC (H2 or PostgreSQL): one row per schedule (due instant, zone
 * for display, the stored post) and one per target, that is per (platform, account) (mode, status,
 * ref, error, attempts). Status changes that decide who publishes are single conditional UPDATEs,
 * so two scheduler instances never both claim a target. Also creates db-scheduler's {@code
 * scheduled_tasks} table when missing, and migrates target tables written before targets recorded
 * their account (the column is added; their waiting rows become {@code REFUSED}).
 *
 * <p>Every instant is written and read as a UTC {@link OffsetDateTime}, never through {@link
 * java.sql.Timestamp}, so nothing depends on the JVM's default time zone.
 */
@SmoInternalApi
public final class ScheduleStore {
  /** One schedule's stored row. */
  public static final class Row {
    /** The id. */
    public final String id;

    /** The due instant. */
    public final Instant dueAt;

    /** The display zone. */
    public final ZoneId zone;

    /** The stored post JSON. */
    public final String postJson;

    /** Creates a row. */
    public Row(String id, Instant dueAt, ZoneId zone, String postJson) {
      this.id = id;
      this.dueAt = dueAt;
      this.zone = zone;
      this.postJson = postJson;
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final DataSource dataSource;

  /** Creates the store over {@code dataSource}. */
  public ScheduleStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Creates the tables when missing. */
  public void createTables() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      boolean postgres =
          c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
      String ts = "TIMESTAMP WITH TIME ZONE";
      s.execute(
          "CREATE TABLE IF NOT EXISTS scheduled_tasks (task_name VARCHAR(100) NOT NULL,"
              + " task_instance VARCHAR(200) NOT NULL, task_data "
              + (postgres ? "BYTEA" : "BLOB")
              + ","
              + " execution_time "
              + ts
              + " NOT NULL, picked BOOLEAN NOT NULL, picked_by VARCHAR(100),"
              + " last_success "
              + ts
              + ", last_failure "
              + ts
              + ", consecutive_failures INT,"
              + " last_heartbeat "
              + ts
              + ", version BIGINT NOT NULL, priority SMALLINT,"
              + " PRIMARY KEY (task_name, task_instance))");
      s.execute(
          "CREATE INDEX IF NOT EXISTS smo_st_execution_time_idx ON scheduled_tasks (execution_time)");
      s.execute(
          "CREATE INDEX IF NOT EXISTS smo_st_last_heartbeat_idx ON scheduled_tasks (last_heartbeat)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS smo_schedule (id VARCHAR(64) PRIMARY KEY,"
              + " due_at "
              + ts
              + " NOT NULL, zone_id VARCHAR(64) NOT NULL,"
              + " post_json "
              + (postgres ? "TEXT" : "CLOB")
              + " NOT NULL, created_at "
              + ts
              + " NOT NULL)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS smo_schedule_target (schedule_id VARCHAR(64) NOT NULL,"
              + " platform VARCHAR(20) NOT NULL, account VARCHAR(200) DEFAULT '' NOT NULL,"
              + " mode VARCHAR(10) NOT NULL, status VARCHAR(20) NOT NULL,"
              + " post_id VARCHAR(200), url VARCHAR(1000), error VARCHAR(2000), attempts INT NOT NULL,"
              + " updated_at "
              + ts
              + " NOT NULL, PRIMARY KEY (schedule_id, platform, account))");
      if (!hasColumn(c, "smo_schedule_target", "account")) {
        migrateAccountColumn(c, s, postgres);
      }
      if (!hasColumn(c, "smo_schedule_target", "claim_token")) {
        try {
          s.execute("ALTER TABLE smo_schedule_target ADD COLUMN claim_token VARCHAR(64)");
        } catch (SQLException e) {
          if (!hasColumn(c, "smo_schedule_target", "claim_token")) {
            throw e; // else another instance added it at the same moment
          }
        }
      }
      // rows without an account (migrated, or written by an older instance since) are refused
      s.executeUpdate(
          "UPDATE smo_schedule_target SET status='REFUSED', error='"
              + LEGACY_REFUSAL
              + "' WHERE account='' AND status IN ('PENDING','RETRY')");
    }
  }

  /** Why a target stored without its account is never published. */
  public static final String LEGACY_REFUSAL =
      "scheduled before schedules recorded their target"
          + " account; refused rather than published with a guessed account: cancel and schedule again";

  private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
    for (String t : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
      try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), t, null)) {
        while (rs.next()) {
          if (rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Adds the account column to a target table of an older version and widens its key. */
  private static void migrateAccountColumn(Connection c, Statement s, boolean postgres)
      throws SQLException {
    try {
      s.execute(
          "ALTER TABLE smo_schedule_target ADD COLUMN account VARCHAR(200) DEFAULT '' NOT NULL");
    } catch (SQLException e) {
      if (hasColumn(c, "smo_schedule_target", "account")) {
        return; // another instance migrated it at the same moment
      }
      throw e;
    }
    if (postgres) {
      s.execute(
          "ALTER TABLE smo_schedule_target DROP CONSTRAINT IF EXISTS smo_schedule_target_pkey");
    } else {
      s.execute("ALTER TABLE smo_schedule_target DROP PRIMARY KEY");
    }
    s.execute("ALTER TABLE smo_schedule_target ADD PRIMARY KEY (schedule_id, platform, account)");
  }

  /** Inserts a schedule and its targets in one transaction. */
  public void insert(Row row, List<ScheduledTarget> targets, Instant now) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        try (PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO smo_schedule (id, due_at, zone_id, post_json, created_at) VALUES (?,?,?,?,?)")) {
          p.setString(1, row.id);
          p.setObject(2, utc(row.dueAt));
          p.setString(3, row.zone.getId());
          p.setString(4, row.postJson);
          p.setObject(5, utc(now));
          p.executeUpdate();
        }
        try (PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO smo_schedule_target (schedule_id,"
                    + " platform, account, mode, status, post_id, url, error, attempts, updated_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?)")) {
          for (ScheduledTarget t : targets) {
            p.setString(1, row.id);
            p.setString(2, t.platform().name());
            p.setString(3, t.account().orElse(""));
            p.setString(4, t.mode().name());
            p.setString(5, t.status().name());
            p.setString(6, t.postId().orElse(null));
            p.setString(7, t.url().orElse(null));
            p.setString(8, t.error().map(ScheduleStore::cut).orElse(null));
            p.setInt(9, t.attempts());
            p.setObject(10, utc(now));
            p.addBatch();
          }
          p.executeBatch();
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    }
  }

  /**
   * Claims a target for publishing: PENDING or RETRY becomes PUBLISHING, attempts + 1, with the
   * run's {@code token}, in one conditional UPDATE. Only the run holding the token may then write
   * the outcome ({@link #finishClaimed}).
   *
   * @param token a value unique to this run (a random UUID)
   * @return whether this caller won the claim
   */
  public boolean claim(String id, Target target, String token, Instant now) throws SQLException {
    return update(
            "UPDATE smo_schedule_target SET status='PUBLISHING', attempts=attempts+1,"
                + " claim_token=?, updated_at=? WHERE schedule_id=? AND platform=? AND account=?"
                + " AND status IN ('PENDING','RETRY')",
            token,
            now,
            id,
            target.platform().name(),
            target.account())
        == 1;
  }

  /** Marks {@code target} left PUBLISHING by a crashed run as UNKNOWN; returns how many. */
  public int publishingToUnknown(String id, Target target, Instant now) throws SQLException {
    return update(
        "UPDATE smo_schedule_target SET status='UNKNOWN', error=?, updated_at=?"
            + " WHERE schedule_id=? AND platform=? AND account=? AND status='PUBLISHING'",
        "an earlier run stopped while publishing; check the platform before publishing again",
        now,
        id,
        target.platform().name(),
        target.account());
  }

  /**
   * Writes the outcome of the run holding claim {@code token}: only while the target is still
   * PUBLISHING under that claim, or UNKNOWN under it (a later run took it for a stopped one while
   * this run was still publishing: this run's first-hand outcome settles it). Never overwrites what
   * another run or a reconcile wrote since.
   *
   * @return whether the outcome was written
   */
  public boolean finishClaimed(
      String id,
      Target target,
      String token,
      TargetStatus status,
      String postId,
      String url,
      String error,
      Instant now)
      throws SQLException {
    return update(
            "UPDATE smo_schedule_target SET status=?, post_id=COALESCE(?, post_id),"
                + " url=COALESCE(?, url), error=?, updated_at=? WHERE schedule_id=? AND platform=?"
                + " AND account=? AND claim_token=? AND status IN ('PUBLISHING','UNKNOWN')",
            status.name(),
            postId,
            url,
            error == null ? null : cut(error),
            now,
            id,
            target.platform().name(),
            target.account(),
            token)
        == 1;
  }

  /** Sets a target's outcome. */
  public void finish(
      String id,
      Target target,
      TargetStatus status,
      String postId,
      String url,
      String error,
      Instant now)
      throws SQLException {
    update(
        "UPDATE smo_schedule_target SET status=?, post_id=COALESCE(?, post_id), url=COALESCE(?, url),"
            + " error=?, updated_at=? WHERE schedule_id=? AND platform=? AND account=?",
        status.name(),
        postId,
        url,
        error == null ? null : cut(error),
        now,
        id,
        target.platform().name(),
        target.account());
  }

  /**
   * Changes a target's status only when it currently has {@code from}.
   *
   * @return whether it changed
   */
  public boolean transition(
      String id, Platform platform, String account, TargetStatus from, TargetStatus to, Instant now)
      throws SQLException {
    return update(
            "UPDATE smo_schedule_target SET status=?, updated_at=? WHERE schedule_id=?"
                + " AND platform=? AND account=? AND status=?",
            to.name(),
            now,
            id,
            platform.name(),
            account == null ? "" : account,
            from.name())
        == 1;
  }

  /** Sets the due instant. */
  public void setDue(String id, Instant dueAt) throws SQLException {
    update("UPDATE smo_schedule SET due_at=? WHERE id=?", dueAt, id);
  }

  /** Loads one schedule row. */
  public Optional<Row> row(String id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT id, due_at, zone_id, post_json FROM smo_schedule WHERE id=?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new Row(
                    rs.getString(1), instant(rs, 2), ZoneId.of(rs.getString(3)), rs.getString(4)))
            : Optional.empty();
      }
    }
  }

  /** Loads one schedule with its targets. */
  public Optional<ScheduledPost> find(String id) throws SQLException {
    List<ScheduledPost> l = query("WHERE s.id=?", id);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /** Lists every schedule, soonest first. */
  public List<ScheduledPost> list() throws SQLException {
    return query("", null);
  }

  private List<ScheduledPost> query(String where, String id) throws SQLException {
    String sql =
        "SELECT s.id, s.due_at, s.zone_id, s.post_json, t.platform, t.mode, t.status,"
            + " t.post_id, t.url, t.error, t.attempts, t.updated_at, t.account FROM smo_schedule s"
            + " JOIN smo_schedule_target t ON t.schedule_id = s.id "
            + where
            + " ORDER BY s.due_at, s.id, t.platform, t.account";
    Map<String, List<ScheduledTarget>> targets = new LinkedHashMap<>();
    Map<String, Row> rows = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement p = c.prepareStatement(sql)) {
      if (id != null) {
        p.setString(1, id);
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String sid = rs.getString(1);
          rows.computeIfAbsent(
              sid,
              k -> {
                try {
                  return new Row(sid, instant(rs, 2), ZoneId.of(rs.getString(3)), rs.getString(4));
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
          targets
              .computeIfAbsent(sid, k -> new ArrayList<>())
              .add(
                  new ScheduledTarget(
                      Platform.valueOf(rs.getString(5)),
                      rs.getString(13),
                      ScheduleMode.valueOf(rs.getString(6)),
                      TargetStatus.valueOf(rs.getString(7)),
                      rs.getString(8),
                      rs.getString(9),
                      rs.getString(10),
                      rs.getInt(11),
                      instant(rs, 12),
                      null));
        }
      }
    }
    List<ScheduledPost> out = new ArrayList<>();
    rows.forEach(
        (sid, r) ->
            out.add(
                new ScheduledPost(sid, r.dueAt, r.zone, summary(r.postJson), targets.get(sid))));
    return out;
  }

  private static String summary(String postJson) {
    String t;
    try {
      t = JSON.readTree(postJson).path("text").asText("");
    } catch (java.io.IOException e) {
      t = "";
    }
    t = t.replaceAll("\\s+", " ").strip();
    return t.length() > 60 ? t.substring(0, 60) + "…" : t;
  }

  private int update(String sql, Object... args) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        Object a = args[i];
        if (a instanceof Instant instant) {
          p.setObject(i + 1, utc(instant));
        } else {
          p.setObject(i + 1, a);
        }
      }
      return p.executeUpdate();
    }
  }

  /**
   * Returns {@code instant} as a UTC offset date-time, the JDBC 4.2 mapping of TIMESTAMP WITH TIME
   * ZONE.
   */
  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static String cut(String s) {
    return s.length() > 1990 ? s.substring(0, 1990) + "…" : s;
  }
}
