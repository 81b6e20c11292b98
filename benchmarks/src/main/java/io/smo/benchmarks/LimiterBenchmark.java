package io.smo.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.SmoException;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.resilience.RateLimitStore;
import io.smo.core.resilience.RetryPolicy;
import io.smo.jdbc.JdbcRateLimitStore;
import io.smo.twitter.TwitterClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 21: the rate limiter across instances. A loopback X-style stub advertises {@code limit}
 * calls per 1-second window ({@code x-rate-limit-*} headers, reset on the next whole second, 429
 * past the limit) and counts the calls it receives per window. Two instances, each with its own
 * connection pool, {@link JdbcRateLimitStore} and {@link TwitterClient} on the same database
 * (PostgreSQL on loopback when reachable, else an in-memory H2 database shared by both pools), run
 * {@code threads} threads each reading a tweet for 10 s of warm-up then {@code seconds} seconds,
 * with a max wait of 2 s so that a refused call waits exactly until its window opens. Prints, for
 * the full windows, the calls over the advertised limit (must be 0) and the share of the allowed
 * rate used.
 *
 * <p>Arguments: {@code [seconds=20] [threads=4] [limit=250] [db=postgresql|h2|memory]} ({@code
 * memory}: both clients on the JVM-wide in-memory store, for comparison).
 */
final class LimiterBenchmark {
  private LimiterBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int limit = args.length > 2 ? Integer.parseInt(args[2]) : 250;
    String db = args.length > 3 ? args[3] : "postgresql";
    int instances = 2;
    try (WindowStub stub = new WindowStub(limit)) {
      List<HikariDataSource> pools = new ArrayList<>();
      List<TwitterClient> clients = new ArrayList<>();
      // an X user id (digits), fresh per run so the shared limiter state starts empty
      String accountKey = Long.toString(System.currentTimeMillis());
      for (int i = 0; i < instances; i++) {
        RateLimitStore store;
        if (db.equals("memory")) {
          store = io.smo.core.resilience.InMemoryRateLimitStore.shared(); // one JVM, no database
        } else {
          HikariDataSource ds = pool(db, threads + 1);
          pools.add(ds);
          store = new JdbcRateLimitStore(ds);
        }
        clients.add(
            TwitterClient.builder()
                .baseUrl(URI.create(stub.baseUrl()))
                .accessToken("bench-token")
                .accountId(accountKey)
                .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                .rateLimitPolicy(
                    RateLimitPolicy.builder().maxWait(Duration.ofSeconds(2)).store(store).build())
                .build());
      }
      String account = clients.get(0).accountKey();
      if (!clients.get(1).accountKey().equals(account)) {
        throw new IllegalStateException("both instances must use one account");
      }
      ExecutorService pool = Executors.newFixedThreadPool(instances * threads);
      int warmup = 10; // seconds of JIT, pool and connection warm-up, not counted
      long measureFrom = System.currentTimeMillis() / 1000 + warmup + 1;
      long end = (measureFrom + seconds) * 1000L;
      AtomicLong ok = new AtomicLong();
      AtomicLong refused = new AtomicLong();
      AtomicLong failed = new AtomicLong();
      PostRef ref = PostRef.of(Platform.TWITTER, "1849000000000000001");
      List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
      for (TwitterClient c : clients) {
        for (int t = 0; t < threads; t++) {
          fs.add(
              pool.submit(
                  () -> {
                    while (System.currentTimeMillis() < end) {
                      try {
                        c.metrics(ref);
                        ok.incrementAndGet();
                      } catch (RateLimitException e) {
                        refused.incrementAndGet();
                      } catch (SmoException e) {
                        failed.incrementAndGet();
                      }
                    }
                  }));
        }
      }
      for (java.util.concurrent.Future<?> f : fs) {
        f.get();
      }
      pool.shutdown();
      clients.forEach(TwitterClient::close);
      pools.forEach(HikariDataSource::close);

      Map<Long, long[]> windows = stub.windows();
      // full windows after the warm-up only: drop the warm-up windows and the last (partial) one
      List<Long> keys = new ArrayList<>(windows.keySet());
      keys.removeIf(k -> k < measureFrom - 1);
      long over = 0;
      long used = 0;
      int full = 0;
      long maxInWindow = 0;
      for (int i = 1; i < keys.size() - 1; i++) {
        long[] w = windows.get(keys.get(i));
        over += w[1];
        used += w[0];
        maxInWindow = Math.max(maxInWindow, w[0] + w[1]);
        full++;
      }
      long overAll = windows.values().stream().mapToLong(w -> w[1]).sum();
      StringBuilder per = new StringBuilder();
      windows.forEach(
          (k, w) ->
              per.append(k == measureFrom ? " |" : "")
                  .append(' ')
                  .append(w[0])
                  .append(w[1] > 0 ? "+" + w[1] : ""));
      System.out.printf(
          "limiter: %d instances x %d threads, %s store, stub limit %d calls per 1 s window,"
              + " %d s measured after %d s of warm-up%n",
          instances, threads, db, limit, seconds, warmup);
      System.out.printf(
          "  calls answered 200: %d, refused by the limiter: %d, other failures: %d%n",
          ok.get(), refused.get(), failed.get());
      System.out.printf(
          "  full windows: %d, most calls received in one window: %d%n", full, maxInWindow);
      System.out.println(
          "  calls per window (accepted[+over]; '|' marks the end of the warm-up):" + per);
      System.out.printf(
          "  calls over the advertised limit: %d in full windows, %d in all windows"
              + " (must be 0)%n",
          over, overAll);
      System.out.printf(
          "  share of the allowed rate used: %.1f %% (%d of %d allowed calls in full"
              + " windows; target >= 95 %%)%n",
          full == 0 ? 0.0 : 100.0 * used / ((long) limit * full), used, (long) limit * full);
    }
  }

  static HikariDataSource pool(String db, int size) {
    HikariConfig c = new HikariConfig();
    if (db.equals("h2")) {
      c.setJdbcUrl("jdbc:h2:mem:limiter-bench;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
      c.setUsername("sa");
    } else {
      c.setJdbcUrl(
          System.getenv().getOrDefault("SMO_PG_URL", "jdbc:postgresql://127.0.0.1:5432/smo_test"));
      c.setUsername(System.getenv().getOrDefault("SMO_PG_USER", "postgres"));
      c.setPassword(System.getenv().getOrDefault("SMO_PG_PASSWORD", "smo"));
    }
    c.setMaximumPoolSize(size);
    return new HikariDataSource(c);
  }

  /** Counts calls per 1-second window; answers X's headers; 429 past the limit. */
  static final class WindowStub implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService exec = Executors.newFixedThreadPool(8);
    private final int limit;

    /** window (epoch second) -> {accepted, over the limit}. */
    private final Map<Long, long[]> counts = new ConcurrentHashMap<>();

    WindowStub(int limit) throws IOException {
      this.limit = limit;
      // the JDK server writes the headers and the body of an answer separately: with Nagle on, the
      // body waits for the client's delayed ACK (~40 ms), which capped 8 client threads at ~180
      // calls/s whatever the store; real API hosts answer without that stall. Read once, when the
      // JDK's server configuration first loads, so set before the first HttpServer of this JVM.
      System.setProperty("sun.net.httpserver.nodelay", "true");
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      server.createContext("/2/tweets/", this::tweet);
      server.setExecutor(exec);
      server.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    Map<Long, long[]> windows() {
      return new TreeMap<>(counts);
    }

    private void tweet(HttpExchange ex) throws IOException {
      ex.getRequestBody().readAllBytes();
      long window = System.currentTimeMillis() / 1000;
      long n;
      long[] c = counts.computeIfAbsent(window, k -> new long[2]);
      boolean over;
      synchronized (c) {
        over = c[0] >= limit;
        if (over) {
          c[1]++;
        } else {
          c[0]++;
        }
        n = c[0];
      }
      ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      ex.getResponseHeaders().add("x-rate-limit-limit", String.valueOf(limit));
      ex.getResponseHeaders().add("x-rate-limit-remaining", String.valueOf(Math.max(0, limit - n)));
      ex.getResponseHeaders().add("x-rate-limit-reset", String.valueOf(window + 1));
      byte[] body =
          over
              ? "{\"title\":\"Too Many Requests\",\"status\":429}"
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8)
              : LoopbackStub.TWEET;
      ex.sendResponseHeaders(over ? 429 : 200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }

    @Override
    public void close() {
      server.stop(0);
      exec.shutdownNow();
    }
  }
}
