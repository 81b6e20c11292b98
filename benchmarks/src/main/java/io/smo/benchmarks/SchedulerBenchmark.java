package io.smo.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.SocialClient;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.scheduler.PostScheduler;
import io.smo.scheduler.ScheduledPost;
import io.smo.scheduler.ScheduledTarget;
import io.smo.scheduler.TargetStatus;
import io.smo.testkit.Created;
import io.smo.testkit.Sandbox;
import io.smo.twitter.TwitterClient;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Issue 13's scheduler figures: {@code posts} text posts (default 10,000) due within the same
 * minute, run by two {@link PostScheduler} instances that share one PostgreSQL database (the server
 * {@code .ci/postgres} starts: 127.0.0.1:5432, user {@code postgres}, password {@code smo};
 * database {@code smo_bench}, created when missing; the tables are dropped first), each publishing
 * through its own {@link TwitterClient} to one shared in-process {@link Sandbox}. Prints whether
 * all were published, the duplicates (posts the sandbox created beyond one per schedule;
 * idempotency keys handed to {@code publish} more than once, counted by a wrapper around each
 * instance's client), the time from due to published (the target's {@code updatedAt} minus the
 * schedule's {@code dueAt}: median, p99, max) and the wall time.
 *
 * <p>Then a restart case on fresh tables: the same two instances, and one of them is killed right
 * after the platform accepted its publish number {@code restartPosts / 4}, before the answer is
 * recorded. The kill is simulated in process: from that moment its database connections fail and
 * its client publishes nothing more (no heartbeats, picks, status updates or posts, as after {@code
 * kill -9}), then its threads are stopped. Its picked jobs are taken over by the survivor once
 * their heartbeat is stale (db-scheduler's dead-execution revival, real time: due instants are real
 * instants); a target the killed instance was publishing at that moment is held as UNKNOWN, never
 * published again. Prints the counts.
 *
 * <p>All figures come from real components: PostgreSQL, db-scheduler, the X client and the sandbox
 * on loopback. The sandbox runs on {@link SandboxBenchmark.FastClock} so that X's emulated
 * 100-posts-per-15-minutes limit does not throttle the run, and the clients run without client-side
 * caps.
 */
final class SchedulerBenchmark {
  private SchedulerBenchmark() {}

  /**
   * The server {@code .ci/postgres} starts; its database {@code smo_test} is used to create ours.
   */
  static final String SERVER =
      System.getenv().getOrDefault("SMO_PG_SERVER", "jdbc:postgresql://127.0.0.1:5432/");

  /**
   * A database of its own ({@code smo_bench}, created when missing): the scheduler's tests drop the
   * tables of {@code smo_test} whenever they run, which would wreck a run in progress.
   */
  static final String URL = System.getenv().getOrDefault("SMO_PG_URL", SERVER + "smo_bench");

  static final String USER = System.getenv().getOrDefault("SMO_PG_USER", "postgres");
  static final String PASSWORD = System.getenv().getOrDefault("SMO_PG_PASSWORD", "smo");

  /** Settings of one run. */
  static final class Settings {
    int posts = 10_000;
    int restartPosts = 2_000;
    int threads = 8;
    Duration polling = Duration.ofMillis(500);
    Duration heartbeat = Duration.ofSeconds(1);
    int schedulingThreads = 4;
  }

  public static void main(String[] args) throws Exception {
    Settings s = new Settings();
    if (args.length > 0) {
      s.posts = Integer.parseInt(args[0]);
    }
    if (args.length > 1) {
      s.restartPosts = Integer.parseInt(args[1]);
    }
    if (args.length > 2) {
      s.threads = Integer.parseInt(args[2]);
    }
    if (args.length > 3) {
      s.polling = Duration.ofMillis(Long.parseLong(args[3]));
    }
    try (Connection c = DriverManager.getConnection(SERVER + "smo_test", USER, PASSWORD);
        Statement st = c.createStatement()) {
      System.out.println(
          "PostgreSQL " + c.getMetaData().getDatabaseProductVersion() + ", database " + URL);
      if (URL.equals(SERVER + "smo_bench")) {
        try (ResultSet rs =
            st.executeQuery("SELECT 1 FROM pg_database WHERE datname='smo_bench'")) {
          if (!rs.next()) {
            st.execute("CREATE DATABASE smo_bench");
          }
        }
      }
    } catch (SQLException e) {
      System.out.println(
          "no PostgreSQL at " + SERVER + " (run .ci/postgres first): " + e.getMessage());
      System.exit(1);
    }
    System.out.printf(
        Locale.ROOT,
        "scheduler benchmark: %,d posts, 2 instances x %d threads, polling %d ms,"
            + " heartbeat %d ms, %d cores, Java %s%n",
        s.posts,
        s.threads,
        s.polling.toMillis(),
        s.heartbeat.toMillis(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    try (Sandbox sandbox =
        Sandbox.builder().clock(new SandboxBenchmark.FastClock(Duration.ofMinutes(16))).build()) {
      System.out.println();
      System.out.println(
          "== 1. "
              + String.format(Locale.ROOT, "%,d", s.posts)
              + " posts due in the same minute, two instances ==");
      run(sandbox, s, s.posts, false);
    }
    try (Sandbox sandbox =
        Sandbox.builder().clock(new SandboxBenchmark.FastClock(Duration.ofMinutes(16))).build()) {
      System.out.println();
      System.out.println(
          "== 2. restart: "
              + String.format(Locale.ROOT, "%,d", s.restartPosts)
              + " posts, one instance killed midway ==");
      run(sandbox, s, s.restartPosts, true);
    }
  }

  /** Drops the scheduler's tables (db-scheduler's and ours). */
  static void dropTables() throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS scheduled_tasks");
      st.execute("DROP TABLE IF EXISTS smo_schedule_target");
      st.execute("DROP TABLE IF EXISTS smo_schedule");
    }
  }

  static HikariDataSource pool(String name, int size) {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(URL);
    cfg.setUsername(USER);
    cfg.setPassword(PASSWORD);
    cfg.setMaximumPoolSize(size);
    cfg.setPoolName(name);
    return new HikariDataSource(cfg);
  }

  /** One scheduler instance: its pool, its kill switch, its client wrapper, its scheduler. */
  static final class Instance implements AutoCloseable {
    final String name;
    final HikariDataSource pool;
    final KillableDataSource ds;
    final TwitterClient client;
    final Map<String, Integer> publishCalls;
    final AtomicInteger published = new AtomicInteger();
    final PostScheduler scheduler;

    /** The publish count at which this instance dies (0: never). */
    volatile int killAfter;

    Instance(String name, Sandbox sandbox, Settings s, Map<String, Integer> publishCalls) {
      this.name = name;
      this.publishCalls = publishCalls;
      pool = pool(name, s.threads + 4);
      ds = new KillableDataSource(pool);
      client =
          TwitterClient.builder()
              .baseUrl(sandbox.baseUrl(Platform.TWITTER))
              .accessToken(sandbox.credentials(Platform.TWITTER).accessToken())
              .rateLimitPolicy(RateLimitPolicy.unlimited())
              .build();
      scheduler =
          PostScheduler.builder()
              .dataSource(ds)
              .add(counting(client))
              .threads(s.threads)
              .pollingInterval(s.polling)
              .heartbeatInterval(s.heartbeat)
              .instanceName(name)
              .build();
    }

    /** Wraps the client: every publish call is counted per idempotency key. */
    SocialClient counting(SocialClient target) {
      InvocationHandler h =
          (proxy, method, args) -> {
            if (method.getName().equals("publish")
                && args != null
                && args.length == 1
                && args[0] instanceof Post) {
              if (ds.killed.get()) {
                throw new IllegalStateException("instance killed");
              }
              publishCalls.merge(((Post) args[0]).idempotencyKey(), 1, Integer::sum);
              try {
                Object r = method.invoke(target, args);
                if (published.incrementAndGet() == killAfter) {
                  // killed right after the platform took the post: the answer never reaches the
                  // database, the other jobs in flight on this instance are cut off too
                  ds.killed.set(true);
                }
                return r;
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }
            try {
              return method.invoke(target, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          };
      return (SocialClient)
          Proxy.newProxyInstance(
              SocialClient.class.getClassLoader(), new Class<?>[] {SocialClient.class}, h);
    }

    /** Simulates {@code kill -9}: the database is gone for this instance, then its threads stop. */
    void kill() {
      ds.killed.set(true);
      try {
        scheduler.close();
      } catch (RuntimeException e) {
        // a killed process reports nothing
      }
    }

    @Override
    public void close() {
      scheduler.close();
      client.close();
      pool.close();
    }
  }

  static void run(Sandbox sandbox, Settings s, int posts, boolean restart) throws Exception {
    dropTables();
    Map<String, Integer> publishCalls = new ConcurrentHashMap<>();
    try (Instance a = new Instance("instance-a", sandbox, s, publishCalls);
        Instance b = new Instance("instance-b", sandbox, s, publishCalls)) {
      // schedule with instance a (not started yet), in parallel; due instants are real instants
      // spread over one minute that starts once scheduling is surely done
      Duration margin =
          Duration.ofSeconds(20).plus(estimateScheduling(a, posts, s.schedulingThreads));
      Instant minute = Instant.now().plus(margin);
      long t0 = System.nanoTime();
      List<String> ids = schedule(a, posts, minute, s.schedulingThreads);
      long scheduling = System.nanoTime() - t0;
      Instant scheduledAt = Instant.now();
      System.out.printf(
          Locale.ROOT,
          "scheduled %,d posts in %s (%,.0f per second); due from %s to %s%n",
          ids.size(),
          Stats.s(scheduling),
          ids.size() / (scheduling / 1e9),
          minute,
          minute.plusSeconds(59));
      if (scheduledAt.isAfter(minute)) {
        System.out.println(
            "  WARNING: scheduling ended after the first due instant: latencies include it");
      }
      if (restart) {
        a.killAfter = posts / 4;
      }
      a.scheduler.start();
      b.scheduler.start();
      long start = System.nanoTime();
      boolean killed = false;
      List<String> heldByKilled = List.of();
      long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
      Map<TargetStatus, Integer> counts;
      while (true) {
        counts = statusCounts();
        int terminal = 0;
        for (Map.Entry<TargetStatus, Integer> e : counts.entrySet()) {
          if (e.getKey().terminal()) {
            terminal += e.getValue();
          }
        }
        if (restart && !killed && a.ds.killed.get()) {
          heldByKilled = pickedBy("instance-a");
          a.kill();
          killed = true;
          System.out.printf(
              Locale.ROOT,
              "killed instance-a %s after start, right after its publish no. %,d (instance-b: %,d);"
                  + " jobs it held picked, left for instance-b to revive once their heartbeat is stale: %d%n",
              Stats.s(System.nanoTime() - start),
              a.published.get(),
              b.published.get(),
              heldByKilled.size());
        }
        if (terminal >= posts || System.nanoTime() > deadline) {
          break;
        }
        Thread.sleep(200);
      }
      Instant lastDue = minute.plusSeconds(59);
      long wall = System.nanoTime() - t0;
      // let anything still running settle before counting
      Thread.sleep(1_000);
      report(a, b, sandbox, publishCalls, posts, ids, wall, lastDue, restart);
      if (restart) {
        Map<TargetStatus, Integer> revived = new EnumMap<>(TargetStatus.class);
        for (String id : heldByKilled) {
          revived.merge(
              b.scheduler.get(id).orElseThrow().targets().get(0).status(), 1, Integer::sum);
        }
        System.out.println("jobs instance-a held when killed, now: " + revived);
      }
    }
  }

  /** Times the scheduling of a few throw-away posts to choose how far ahead the due minute lies. */
  static Duration estimateScheduling(Instance a, int posts, int threads) throws Exception {
    int probe = 200;
    long t0 = System.nanoTime();
    List<String> ids = schedule(a, probe, Instant.now().plus(Duration.ofDays(1)), threads);
    long per = (System.nanoTime() - t0) / probe;
    try (Connection c = a.pool.getConnection();
        Statement st = c.createStatement()) {
      st.execute("DELETE FROM scheduled_tasks");
      st.execute("DELETE FROM smo_schedule_target");
      st.execute("DELETE FROM smo_schedule");
    }
    Duration est = Duration.ofNanos(per * posts);
    System.out.printf(
        Locale.ROOT,
        "scheduling probe: %d posts at %s each; due minute starts in %s%n",
        ids.size(),
        Stats.ms(per),
        Stats.s(est.plusSeconds(20).toNanos()));
    return est;
  }

  static List<String> schedule(Instance a, int posts, Instant minute, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        fs.add(
            pool.submit(
                () -> {
                  List<String> out = new ArrayList<>();
                  for (int i = thread; i < posts; i += threads) {
                    String key = "bench-" + i + "-" + minute.toEpochMilli();
                    Post p =
                        Post.builder()
                            .text("Scheduled benchmark post " + key)
                            .idempotencyKey(key)
                            .build();
                    out.add(
                        a.scheduler.schedule(
                            p, List.of(Platform.TWITTER), minute.plusMillis(60_000L * i / posts)));
                  }
                  return out;
                }));
      }
      List<String> ids = new ArrayList<>();
      for (Future<List<String>> f : fs) {
        ids.addAll(f.get());
      }
      return ids;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Returns the ids of the schedules whose job {@code instance} has picked. */
  static List<String> pickedBy(String instance) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        java.sql.PreparedStatement st =
            c.prepareStatement(
                "SELECT task_instance FROM scheduled_tasks WHERE picked AND picked_by=?")) {
      st.setString(1, instance);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  static Map<TargetStatus, Integer> statusCounts() throws SQLException {
    Map<TargetStatus, Integer> m = new EnumMap<>(TargetStatus.class);
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT status, COUNT(*) FROM smo_schedule_target GROUP BY status")) {
      while (rs.next()) {
        m.put(TargetStatus.valueOf(rs.getString(1)), rs.getInt(2));
      }
    }
    return m;
  }

  static void report(
      Instance a,
      Instance b,
      Sandbox sandbox,
      Map<String, Integer> publishCalls,
      int posts,
      List<String> ids,
      long wall,
      Instant lastDue,
      boolean restart)
      throws Exception {
    List<ScheduledPost> all = b.scheduler.list();
    Map<TargetStatus, Integer> counts = new EnumMap<>(TargetStatus.class);
    List<Long> latency = new ArrayList<>();
    Instant lastPublished = Instant.MIN;
    for (ScheduledPost p : all) {
      ScheduledTarget t = p.targets().get(0);
      counts.merge(t.status(), 1, Integer::sum);
      if (t.status() == TargetStatus.PUBLISHED) {
        latency.add(Duration.between(p.dueAt(), t.updatedAt()).toNanos());
        if (t.updatedAt().isAfter(lastPublished)) {
          lastPublished = t.updatedAt();
        }
      }
    }
    List<Created> created = sandbox.created(Platform.TWITTER, "post");
    Set<String> texts = new HashSet<>();
    int sameText = 0;
    for (Created c : created) {
      if (!texts.add(c.body().path("text").asText())) {
        sameText++;
      }
    }
    int twice = 0;
    for (int n : publishCalls.values()) {
      if (n > 1) {
        twice++;
      }
    }
    Instant firstDue = lastDue.minusSeconds(59);
    List<List<Long>> buckets = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      buckets.add(new ArrayList<>());
    }
    for (ScheduledPost p : all) {
      ScheduledTarget t = p.targets().get(0);
      if (t.status() == TargetStatus.PUBLISHED) {
        int k =
            (int) Math.min(5, Math.max(0, Duration.between(firstDue, p.dueAt()).toSeconds() / 10));
        buckets.get(k).add(Duration.between(p.dueAt(), t.updatedAt()).toNanos());
      }
    }
    long[] lat = latency.stream().mapToLong(Long::longValue).toArray();
    Stats st = new Stats(lat);
    int published = counts.getOrDefault(TargetStatus.PUBLISHED, 0);
    System.out.printf(Locale.ROOT, "schedules: %,d; target statuses: %s%n", all.size(), counts);
    System.out.printf(
        Locale.ROOT,
        "published by instance-a: %,d, by instance-b: %,d%n",
        a.published.get(),
        b.published.get());
    if (!restart) {
      System.out.println(
          "all published: "
              + (published == posts ? "yes" : "NO (" + published + " of " + posts + ")"));
    } else {
      int unknown = counts.getOrDefault(TargetStatus.UNKNOWN, 0);
      System.out.printf(
          Locale.ROOT,
          "published: %,d; held as UNKNOWN for reconciliation (in flight at the kill): %,d;"
              + " other: %,d%n",
          published,
          unknown,
          posts - published - unknown);
    }
    System.out.printf(
        Locale.ROOT,
        "posts the sandbox created: %,d for %,d schedules (same text twice: %d);"
            + " idempotency keys passed to publish more than once: %d; publish calls: %,d%n",
        created.size(),
        posts,
        sameText,
        twice,
        publishCalls.values().stream().mapToInt(Integer::intValue).sum());
    System.out.printf(
        Locale.ROOT,
        "due -> published: median %s, p99 %s, max %s (%,d published)%n",
        Stats.ms(st.percentile(50)),
        Stats.ms(st.percentile(99)),
        Stats.ms(st.max()),
        st.count());
    StringBuilder by = new StringBuilder("  by due second:");
    for (int i = 0; i < 6; i++) {
      Stats b10 = new Stats(buckets.get(i).stream().mapToLong(Long::longValue).toArray());
      by.append(
          String.format(
              Locale.ROOT,
              " [%d-%ds) %s/%s",
              i * 10,
              i * 10 + 10,
              Stats.ms(b10.percentile(50)).replace(" ms", ""),
              Stats.ms(b10.percentile(99))));
    }
    System.out.println(by + " (median/p99)");
    if (!lastPublished.equals(Instant.MIN)) {
      System.out.printf(
          Locale.ROOT,
          "last published %s after the last due instant%n",
          Stats.ms(Duration.between(lastDue, lastPublished).toNanos()));
    }
    System.out.printf(
        Locale.ROOT,
        "total wall time (scheduling + waiting for the due minute + publishing): %s%n",
        Stats.s(wall));
  }

  /**
   * A DataSource that fails every new connection once killed (a dead process reaches no database).
   */
  static final class KillableDataSource implements DataSource {
    final DataSource target;
    final AtomicBoolean killed = new AtomicBoolean();

    KillableDataSource(DataSource target) {
      this.target = target;
    }

    private void check() throws SQLException {
      if (killed.get()) {
        throw new SQLException("instance killed");
      }
    }

    @Override
    public Connection getConnection() throws SQLException {
      check();
      return target.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      check();
      return target.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
      return target.isWrapperFor(iface);
    }
  }
}
