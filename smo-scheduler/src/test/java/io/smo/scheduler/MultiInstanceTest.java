package io.smo.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.smo.core.Platform;
import io.smo.core.Post;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Several scheduler instances over one database: every job runs exactly once. Runs on H2 always and
 * on PostgreSQL when one is reachable (.ci/postgres starts it; override with SMO_PG_URL,
 * SMO_PG_USER, SMO_PG_PASSWORD).
 */
class MultiInstanceTest {
  @TempDir static Path dir;

  static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    Path base = dir;
    if (base == null) { // used from another test class
      try {
        base = java.nio.file.Files.createTempDirectory("smo-sched");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    // kept open while the JVM runs: no open/close of the file per connection under concurrency
    ds.setURL(
        "jdbc:h2:file:"
            + base.resolve("multi-" + System.nanoTime()).toAbsolutePath()
            + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }

  /**
   * Returns a PostgreSQL data source on a fresh schema of its own (so test runs sharing the server
   * never see each other's tables), or null when none is reachable.
   */
  static DataSource postgres() {
    String url =
        System.getenv().getOrDefault("SMO_PG_URL", "jdbc:postgresql://127.0.0.1:5432/smo_test");
    String user = System.getenv().getOrDefault("SMO_PG_USER", "postgres");
    String password = System.getenv().getOrDefault("SMO_PG_PASSWORD", "smo");
    String schema =
        "smo_t"
            + Long.toHexString(System.nanoTime())
            + Integer.toHexString((int) (Math.random() * 65536));
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (Exception e) {
      return null;
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(user);
    ds.setPassword(password);
    ds.setCurrentSchema(schema);
    // pooled, as in production: a new PostgreSQL connection per query is what made runs slow
    HikariConfig pool = new HikariConfig();
    pool.setDataSource(ds);
    pool.setMaximumPoolSize(6);
    pool.setConnectionTimeout(120_000);
    return new HikariDataSource(pool);
  }

  static Stream<Arguments> databases() {
    return Stream.of(Arguments.of("h2"), Arguments.of("postgresql"));
  }

  static DataSource database(String name) {
    if (name.equals("h2")) {
      return h2();
    }
    DataSource pg = postgres();
    Assumptions.assumeTrue(
        pg != null, "no PostgreSQL on 127.0.0.1:5432 (run .ci/postgres): skipped");
    return pg;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void twoInstancesPublishEveryJobExactlyOnce(String db) throws Exception {
    DataSource ds = database(db);
    MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
    AtomicInteger counter = new AtomicInteger();
    FakeClient a = new FakeClient(Platform.TWITTER, false, clock, counter);
    FakeClient b = new FakeClient(Platform.TWITTER, false, clock, counter);
    int jobs = 200;
    List<String> ids = new ArrayList<>();
    try (PostScheduler first =
            PostScheduler.builder()
                .dataSource(ds)
                .clock(clock)
                .add(a)
                .pollingInterval(Duration.ofSeconds(1))
                .threads(4)
                .instanceName("first")
                .build();
        PostScheduler second =
            PostScheduler.builder()
                .dataSource(ds)
                .clock(clock)
                .add(b)
                .pollingInterval(Duration.ofSeconds(1))
                .threads(4)
                .instanceName("second")
                .build()) {
      Instant due =
          clock.instant().plus(Duration.ofHours(1)); // far enough for a slow, loaded machine
      for (int i = 0; i < jobs; i++) {
        ids.add(
            first.schedule(
                Post.builder().text("post " + i).idempotencyKey("key-" + i).build(),
                List.of(Platform.TWITTER),
                due));
      }
      first.start();
      second.start();
      clock.advance(Duration.ofHours(2));
      awaitAllDone(first);
    } // close() lets running executions finish: nothing is still running below
    try (PostScheduler view =
        PostScheduler.builder().dataSource(ds).clock(clock).add(a).instanceName("view").build()) {
      assertThat(view.list())
          .allSatisfy(
              s -> assertThat(s.targets().get(0).status()).isEqualTo(TargetStatus.PUBLISHED));
    }
    Set<String> keys = ConcurrentHashMap.newKeySet();
    List<Post> all = new ArrayList<>(a.published);
    all.addAll(b.published);
    all.forEach(
        p ->
            assertThat(keys.add(p.idempotencyKey()))
                .as("published twice: " + p.idempotencyKey())
                .isTrue());
    assertThat(all).hasSize(jobs);
    System.out.printf(
        "%s: instance one published %d, instance two %d%n",
        db, a.published.size(), b.published.size());
    if (ds instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  /**
   * Waits until every schedule is done, however slow the machine: fails only when no target settled
   * for five minutes (the scheduler stalled), never for being slow.
   */
  static void awaitAllDone(PostScheduler scheduler) throws InterruptedException {
    long done = -1;
    long lastProgress = System.nanoTime();
    while (true) {
      List<ScheduledPost> all = scheduler.list();
      long now = all.stream().filter(ScheduledPost::done).count();
      if (now == all.size()) {
        return;
      }
      if (now != done) {
        done = now;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > TimeUnit.MINUTES.toNanos(5)) {
        throw new AssertionError(
            "no schedule settled for 5 minutes: " + now + " of " + all.size() + " done");
      }
      Thread.sleep(200);
    }
  }

  @Test
  void anOutcomeTheDatabaseFailsToStoreIsWrittenOnRetryNotLostToUnknown() throws Exception {
    AtomicInteger blips = new AtomicInteger();
    AtomicReference<Thread> armedBy = new AtomicReference<>();
    DataSource ds = flaky(h2(), blips, armedBy);
    MutableClock clock = new MutableClock(Instant.now());
    FakeClient client = new FakeClient(Platform.TWITTER, false, clock, new AtomicInteger());
    client.afterPublish =
        () -> {
          armedBy.set(Thread.currentThread());
          blips.set(2);
        }; // the answer arrives, then the database blips
    try (PostScheduler s =
        PostScheduler.builder()
            .dataSource(ds)
            .clock(clock)
            .add(client)
            .pollingInterval(Duration.ofSeconds(1))
            .instanceName("blip")
            .build()) {
      String id =
          s.schedule(
              Post.builder().text("blip").build(),
              List.of(Platform.TWITTER),
              clock.instant().plus(Duration.ofMinutes(1)));
      s.start();
      clock.advance(Duration.ofMinutes(2));
      awaitAllDone(s);
      ScheduledTarget t = s.get(id).orElseThrow().targets().get(0);
      assertThat(t.status()).isEqualTo(TargetStatus.PUBLISHED);
      assertThat(t.postId()).hasValue("twitter-1");
      assertThat(client.published).hasSize(1);
      assertThat(blips).as("the outcome's first two writes failed").hasValue(0);
    }
  }

  /**
   * Wraps a data source so that the next connections of the thread that armed {@code failures} (the
   * run that just published) fail, as a database blip does.
   */
  static DataSource flaky(
      DataSource delegate, AtomicInteger failures, AtomicReference<Thread> armedBy) {
    return (DataSource)
        java.lang.reflect.Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")
                  && armedBy.get() == Thread.currentThread()
                  && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new java.sql.SQLTransientConnectionException("database blip (test)");
              }
              try {
                return method.invoke(delegate, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  void aRunStoppedMidPublishIsHeldAsUnknownByTheSurvivor() throws Exception {
    DataSource ds = h2();
    // db-scheduler revives dead executions at the real "now", so this test runs on real time
    MutableClock clock = new MutableClock(Instant.now());
    FakeClient survivorClient = new FakeClient(Platform.TWITTER, false, clock, new AtomicInteger());
    String id;
    try (PostScheduler dead =
        PostScheduler.builder()
            .dataSource(ds)
            .clock(clock)
            .add(new FakeClient(Platform.TWITTER, false, clock, new AtomicInteger()))
            .build()) {
      id =
          dead.schedule(
              Post.builder().text("in flight").build(),
              List.of(Platform.TWITTER),
              clock.instant().plus(Duration.ofMinutes(1)));
    }
    // the "dead" instance had picked the job and claimed the target, then its process was killed
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE smo_schedule_target SET status='PUBLISHING', attempts=1");
      try (var p =
          c.prepareStatement(
              "UPDATE scheduled_tasks SET picked=TRUE, picked_by='dead',"
                  + " last_heartbeat=?, execution_time=?")) {
        p.setTimestamp(1, Timestamp.from(clock.instant().minus(Duration.ofHours(1))));
        p.setTimestamp(2, Timestamp.from(clock.instant().minus(Duration.ofMinutes(5))));
        p.executeUpdate();
      }
    }
    clock.advance(Duration.ofMinutes(2));
    try (PostScheduler survivor =
        PostScheduler.builder()
            .dataSource(ds)
            .clock(clock)
            .add(survivorClient)
            .pollingInterval(Duration.ofSeconds(1))
            .heartbeatInterval(Duration.ofSeconds(1))
            .instanceName("survivor")
            .build()) {
      survivor.start();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (survivor.get(id).orElseThrow().targets().get(0).status() != TargetStatus.UNKNOWN
          && System.nanoTime() < end) {
        Thread.sleep(200);
      }
      assertThat(survivor.get(id).orElseThrow().targets().get(0).status())
          .isEqualTo(TargetStatus.UNKNOWN);
      assertThat(survivorClient.published).as("never published a second time").isEmpty();
    }
  }

  @Test
  void onlyTheRunHoldingTheClaimWritesTheOutcome() throws Exception {
    DataSource ds = h2();
    io.smo.scheduler.internal.ScheduleStore store = new io.smo.scheduler.internal.ScheduleStore(ds);
    store.createTables();
    Instant now = Instant.parse("2026-06-01T08:00:00Z");
    io.smo.core.Target target = io.smo.core.Target.of(Platform.TWITTER, "acct");
    for (String id : List.of("s1", "s2")) {
      store.insert(
          new io.smo.scheduler.internal.ScheduleStore.Row(id, now, java.time.ZoneOffset.UTC, "{}"),
          List.of(
              new ScheduledTarget(
                  Platform.TWITTER,
                  "acct",
                  ScheduleMode.LOCAL,
                  TargetStatus.PENDING,
                  null,
                  null,
                  null,
                  0,
                  now,
                  null)),
          now);
    }
    assertThat(store.claim("s1", target, "run-1", now)).isTrue();
    assertThat(store.claim("s1", target, "run-2", now)).as("claimed once").isFalse();
    // a later run takes the live run for a stopped one: UNKNOWN; the live run's outcome settles it
    assertThat(store.publishingToUnknown("s1", target, now)).isEqualTo(1);
    assertThat(
            store.finishClaimed("s1", target, "run-2", TargetStatus.FAILED, null, null, "x", now))
        .as("a run without the claim writes nothing")
        .isFalse();
    assertThat(
            store.finishClaimed(
                "s1", target, "run-1", TargetStatus.PUBLISHED, "p-1", null, null, now))
        .isTrue();
    assertThat(store.find("s1").orElseThrow().targets().get(0).postId()).hasValue("p-1");
    assertThat(
            store.finishClaimed(
                "s1", target, "run-1", TargetStatus.UNKNOWN, null, null, "late", now))
        .as("a settled target is never overwritten")
        .isFalse();
    // reconciled for a retry while the first run was still out: the first run's late outcome is
    // dropped
    assertThat(store.claim("s2", target, "run-3", now)).isTrue();
    store.publishingToUnknown("s2", target, now);
    assertThat(
            store.transition(
                "s2", Platform.TWITTER, "acct", TargetStatus.UNKNOWN, TargetStatus.RETRY, now))
        .isTrue();
    assertThat(store.claim("s2", target, "run-4", now)).isTrue();
    assertThat(
            store.finishClaimed(
                "s2", target, "run-3", TargetStatus.PUBLISHED, "p-3", null, null, now))
        .isFalse();
    assertThat(store.find("s2").orElseThrow().targets().get(0).status())
        .isEqualTo(TargetStatus.PUBLISHING);
  }
}
