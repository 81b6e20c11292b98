package io.smo.core.report;

import static java.util.Objects.requireNonNull;

import io.smo.core.EngagementMetrics;
import io.smo.core.Feature;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoPublicApi;
import io.smo.core.SocialClient;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.SmoException;
import io.smo.core.links.LinkShortener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;

/**
 * Reads every target of a {@link CampaignResults} into a {@link Snapshot}: concurrently, at most
 * {@link Builder#perPlatformConcurrency(int)} calls at a time per platform (the clients' own rate
 * limiters pace them further), and never failing as a whole: a deleted post, a failing call, an
 * unknown platform or a missing client is reported on its target.
 *
 * <p>Thread-safe. {@link #close()} stops its threads; it never closes the clients.
 */
@SmoPublicApi
public final class CampaignReporter implements AutoCloseable {
  private final BiFunction<Platform, String, Optional<SocialClient>> clients;
  private final LinkShortener shortener;
  private final Clock clock;
  private final int perPlatform;
  private final ExecutorService executor;

  private CampaignReporter(Builder b) {
    clients = b.clients;
    shortener = b.shortener;
    clock = b.clock;
    perPlatform = b.perPlatform;
    executor =
        Executors.newFixedThreadPool(
            b.threads,
            r -> {
              Thread t = new Thread(r, "smo-report");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Returns a builder.
   *
   * @param clients the client of a (platform, account), or empty when there is none
   */
  public static Builder builder(BiFunction<Platform, String, Optional<SocialClient>> clients) {
    return new Builder(requireNonNull(clients, "clients == null"));
  }

  /** Reads every target now. Never throws for one target's failure. */
  public Snapshot measure(CampaignResults results) {
    Map<Platform, Semaphore> gates = new EnumMap<>(Platform.class);
    for (Platform p : Platform.values()) {
      gates.put(p, new Semaphore(perPlatform));
    }
    List<CompletableFuture<TargetSnapshot>> futures = new ArrayList<>();
    for (ResultTarget t : results.targets()) {
      futures.add(CompletableFuture.supplyAsync(() -> measure(t, gates), executor));
    }
    List<TargetSnapshot> out = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      try {
        out.add(futures.get(i).join());
      } catch (RuntimeException e) {
        out.add(
            new TargetSnapshot(
                results.targets().get(i),
                TargetSnapshot.State.FAILED,
                Map.of(),
                "unexpected " + e.getClass().getSimpleName()));
      }
    }
    return new Snapshot(clock.instant(), out);
  }

  private TargetSnapshot measure(ResultTarget t, Map<Platform, Semaphore> gates) {
    Platform p;
    try {
      p = Platform.fromId(t.platform());
    } catch (IllegalArgumentException e) {
      return new TargetSnapshot(
          t,
          TargetSnapshot.State.UNKNOWN_PLATFORM,
          Map.of(),
          "unknown platform '" + t.platform() + "'");
    }
    if (!"PUBLISHED".equals(t.status()) || t.postId() == null) {
      return new TargetSnapshot(
          t,
          TargetSnapshot.State.NOT_PUBLISHED,
          Map.of(),
          t.reason() != null ? t.reason() : "not published (" + t.status() + ")");
    }
    Optional<SocialClient> client = clients.apply(p, t.account());
    if (client.isEmpty()) {
      return new TargetSnapshot(
          t,
          TargetSnapshot.State.NO_CLIENT,
          Map.of(),
          "no client for " + p.id() + " account '" + t.account() + "'");
    }
    SocialClient c = client.get();
    Map<String, Long> metrics = new LinkedHashMap<>();
    TargetSnapshot.State state = TargetSnapshot.State.MEASURED;
    String error = null;
    if (!c.capabilities().supports(Feature.METRICS)) {
      state = TargetSnapshot.State.NO_METRICS;
      error = p.displayName() + " reports no per-post figures";
    } else {
      Semaphore gate = gates.get(p);
      gate.acquireUninterruptibly();
      try {
        EngagementMetrics m = c.metrics(PostRef.of(p, t.postId(), t.attributes()));
        m.values().forEach((k, v) -> metrics.put(k.name().toLowerCase(Locale.ROOT), v));
      } catch (NotFoundException e) {
        state = TargetSnapshot.State.DELETED;
        error = "the post no longer exists on " + p.displayName() + " (deleted?)";
      } catch (SmoException e) {
        state = TargetSnapshot.State.FAILED;
        error = e.getMessage();
      } catch (RuntimeException e) {
        state = TargetSnapshot.State.FAILED;
        error = "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
      } finally {
        gate.release();
      }
    }
    if (shortener != null && t.shortLink() != null) {
      try {
        metrics.put("link_clicks", shortener.clicks(t.shortLink()));
      } catch (RuntimeException e) {
        error =
            (error == null ? "" : error + "; ") + shortener.name() + " clicks: " + e.getMessage();
      }
    }
    return new TargetSnapshot(t, state, metrics, error);
  }

  /** Stops the worker threads. */
  @Override
  public void close() {
    executor.shutdown();
  }

  /** Builds {@link CampaignReporter}. Mutable, not thread-safe. */
  public static final class Builder {
    private final BiFunction<Platform, String, Optional<SocialClient>> clients;
    private LinkShortener shortener;
    private Clock clock = Clock.systemUTC();
    private int perPlatform = 2;
    private int threads = 8;

    private Builder(BiFunction<Platform, String, Optional<SocialClient>> clients) {
      this.clients = clients;
    }

    /**
     * Reads link clicks of targets with a short link from {@code shortener}; {@code null} for none.
     */
    public Builder shortener(LinkShortener shortener) {
      this.shortener = shortener;
      return this;
    }

    /** Sets the clock for snapshot times. Default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets how many metric calls may run at once per platform. Default 2.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder perPlatformConcurrency(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("perPlatformConcurrency < 1: " + n);
      }
      this.perPlatform = n;
      return this;
    }

    /**
     * Sets the worker threads. Default 8.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads < 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Returns the reporter. */
    public CampaignReporter build() {
      return new CampaignReporter(this);
    }
  }
}
