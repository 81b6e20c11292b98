package io.smo.benchmarks;

import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.facebook.FacebookClient;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.twitter.TwitterClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Issue 4's sandbox figures: how long {@link Sandbox#start()} takes (the cold first start of the
 * JVM, then the median of five more) and how many requests per second one sandbox serves, with
 * p50/p99 latency, for three loads driven by {@code threads} client threads on loopback:
 *
 * <ol>
 *   <li>raw OkHttp {@code GET /twitter/2/tweets/{id}} (the X emulator's post lookup);
 *   <li>the real {@link TwitterClient}: {@code publish} (POST /2/tweets) alternating with {@code
 *       metrics} (GET /2/tweets/{id}) of the post just published;
 *   <li>the real {@link FacebookClient}: {@code publish} (POST /{page}/feed).
 * </ol>
 *
 * <p>Each load runs a fixed number of requests (bounded loops) after a warm-up of a tenth of that.
 * Requests are counted by an OkHttp network interceptor, so SDK retries would show.
 *
 * <p>The emulators count the platforms' real rate limits (X: 100 posts per 15 minutes; Meta: 600
 * calls per hour) and would answer 429 after the first hundred posts; the sandbox therefore runs on
 * a clock that moves 16 minutes forward at every read, so every window has rolled before the next
 * request, and the clients run without client-side caps ({@link RateLimitPolicy#unlimited()}). This
 * measures the server, not the emulated throttling.
 */
final class SandboxBenchmark {
  private SandboxBenchmark() {}

  /** A clock that moves {@code step} forward at every read (starting now). */
  static final class FastClock extends Clock {
    private final Instant start = Instant.now();
    private final AtomicLong reads = new AtomicLong();
    private final long stepSeconds;

    FastClock(Duration step) {
      this.stepSeconds = step.toSeconds();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return start.plusSeconds(stepSeconds * reads.incrementAndGet());
    }
  }

  /**
   * One unit of work of a load: performs one or more requests of thread {@code t}, iteration {@code
   * i}.
   */
  interface Op {
    void run(int thread, int i) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    System.out.printf(
        Locale.ROOT,
        "sandbox benchmark: %d client threads, %,d requests per load, %d cores, Java %s%n",
        threads,
        requests,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    startTimes();
    throughput(threads, requests);
  }

  static void startTimes() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[] t = new long[6];
    long coldCpu = 0;
    for (int i = 0; i < t.length; i++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      Sandbox s = Sandbox.start();
      t[i] = System.nanoTime() - t0;
      if (i == 0) {
        coldCpu = mx.getCurrentThreadCpuTime() - c0;
      }
      s.close();
    }
    long[] warm = java.util.Arrays.copyOfRange(t, 1, t.length);
    Stats st = new Stats(warm);
    System.out.println();
    System.out.println("Sandbox.start() wall time (target < 2 s):");
    System.out.println(
        "  cold first start in this JVM: "
            + Stats.ms(t[0])
            + "  (CPU time of the starting thread "
            + Stats.ms(coldCpu)
            + "; system load average "
            + String.format(
                Locale.ROOT,
                "%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
            + ")");
    System.out.println(
        "  median of the next 5 starts:  "
            + Stats.ms(st.percentile(50))
            + "  (min "
            + Stats.ms(st.percentile(0))
            + ", max "
            + Stats.ms(st.max())
            + ")");
  }

  static void throughput(int threads, int requests) throws Exception {
    AtomicLong sent = new AtomicLong();
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(threads * 2, 5, TimeUnit.MINUTES))
            .addNetworkInterceptor(
                chain -> {
                  sent.incrementAndGet();
                  return chain.proceed(chain.request());
                })
            .build();
    try (Sandbox sandbox = Sandbox.builder().clock(new FastClock(Duration.ofMinutes(16))).build()) {
      SandboxCredentials xc = sandbox.credentials(Platform.TWITTER);
      SandboxCredentials fc = sandbox.credentials(Platform.FACEBOOK);
      try (TwitterClient x =
              TwitterClient.builder()
                  .baseUrl(sandbox.baseUrl(Platform.TWITTER))
                  .accessToken(xc.accessToken())
                  .rateLimitPolicy(RateLimitPolicy.unlimited())
                  .httpSettings(h -> h.okHttpClient(http))
                  .sleeper(d -> {})
                  .build();
          FacebookClient fb =
              FacebookClient.builder()
                  .baseUrl(sandbox.baseUrl(Platform.FACEBOOK))
                  .accountId(fc.accountId())
                  .accessToken(fc.accessToken())
                  .rateLimitPolicy(RateLimitPolicy.unlimited())
                  .httpSettings(h -> h.okHttpClient(http))
                  .sleeper(d -> {})
                  .build()) {
        String seedPost = x.publish(Post.builder().text("benchmark seed post").build()).id();
        String readUrl =
            sandbox.baseUrl(Platform.TWITTER)
                + "2/tweets/"
                + seedPost
                + "?tweet.fields=public_metrics";
        String bearer = "Bearer " + xc.accessToken();
        PostRef[] last = new PostRef[threads];
        AtomicLong n = new AtomicLong();

        System.out.println();
        System.out.printf(
            Locale.ROOT,
            "%-44s %9s %10s %10s %10s %8s%n",
            "load (" + threads + " threads)",
            "requests",
            "req/s",
            "p50",
            "p99",
            "errors");
        run(
            "raw OkHttp GET /twitter/2/tweets/{id}",
            threads,
            requests,
            sent,
            (t, i) -> {
              Request r =
                  new Request.Builder().url(readUrl).header("Authorization", bearer).build();
              try (Response resp = http.newCall(r).execute()) {
                resp.body().bytes();
                if (resp.code() != 200) {
                  throw new IOException("HTTP " + resp.code());
                }
              }
            });
        run(
            "TwitterClient publish + metrics (alternating)",
            threads,
            requests,
            sent,
            (t, i) -> {
              if (i % 2 == 0 || last[t] == null) {
                last[t] =
                    x.publish(
                            Post.builder().text("bench x " + t + "-" + n.incrementAndGet()).build())
                        .ref();
              } else {
                x.metrics(last[t]);
              }
            });
        run(
            "FacebookClient publish (POST /{page}/feed)",
            threads,
            requests,
            sent,
            (t, i) ->
                fb.publish(
                    Post.builder().text("bench fb " + t + "-" + n.incrementAndGet()).build()));
        System.out.printf(
            Locale.ROOT,
            "%nposts created in the sandbox: X %,d, Facebook %,d%n",
            sandbox.created(Platform.TWITTER, "post").size(),
            sandbox.created(Platform.FACEBOOK, "post").size());
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** Runs a warm-up of requests/10, then {@code requests} operations, and prints one line. */
  static void run(String name, int threads, int requests, AtomicLong sent, Op op) throws Exception {
    drive(threads, Math.max(threads, requests / 10), op);
    long before = sent.get();
    long t0 = System.nanoTime();
    Result r = drive(threads, requests, op);
    long wall = System.nanoTime() - t0;
    long http = sent.get() - before;
    Stats st = new Stats(r.latencies);
    System.out.printf(
        Locale.ROOT,
        "%-44s %,9d %,10.0f %10s %10s %8d%n",
        name,
        http,
        http / (wall / 1e9),
        Stats.ms(st.percentile(50)),
        Stats.ms(st.percentile(99)),
        r.errors);
    if (r.firstError != null) {
      System.out.println("    first error: " + r.firstError);
    }
  }

  static final class Result {
    long[] latencies;
    long errors;
    String firstError;
  }

  /** Runs {@code total} operations split over {@code threads} threads; per-operation latencies. */
  static Result drive(int threads, int total, Op op) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      AtomicLong errors = new AtomicLong();
      String[] firstError = new String[1];
      for (int t = 0; t < threads; t++) {
        int thread = t;
        int count = total / threads + (t < total % threads ? 1 : 0);
        futures.add(
            pool.submit(
                () -> {
                  long[] lat = new long[count];
                  for (int i = 0; i < count; i++) {
                    long t0 = System.nanoTime();
                    try {
                      op.run(thread, i);
                    } catch (Exception e) {
                      if (errors.getAndIncrement() == 0) {
                        firstError[0] = e.toString();
                      }
                    }
                    lat[i] = System.nanoTime() - t0;
                  }
                  return lat;
                }));
      }
      long[] all = new long[total];
      int k = 0;
      for (Future<long[]> f : futures) {
        long[] l = f.get();
        System.arraycopy(l, 0, all, k, l.length);
        k += l.length;
      }
      Result r = new Result();
      r.latencies = all;
      r.errors = errors.get();
      r.firstError = firstError[0];
      return r;
    } finally {
      pool.shutdownNow();
    }
  }
}
