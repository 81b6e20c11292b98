package io.smo.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.RateLimitException;
import io.smo.core.resilience.InMemoryRateLimitStore;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.resilience.RateLimitSnapshot;
import io.smo.core.resilience.RateLimitStore;
import io.smo.core.resilience.Sleeper;
import io.smo.core.resilience.spi.RateLimitWindow;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The runtime side of a {@link RateLimitPolicy}: before each call it reserves a permit of the
 * call's bucket in the policy's {@link RateLimitStore} (key {@code platform:host:account:bucket},
 * shared by every client of that account using the store), failing at once with {@link
 * RateLimitException} (or waiting exactly until the window opens, when that is within the policy's
 * max wait); after the call it returns the permit with the server's figures.
 *
 * <p>Clients on a clock other than the system UTC clock (tests) get a store of that clock's own,
 * since state counted on one time source means nothing on another.
 */
@SmoInternalApi
public final class RateLimitGate {
  private static final Cache<Clock, RateLimitStore> PER_CLOCK =
      Caffeine.newBuilder().weakKeys().build();

  /** Open gates per account on each default in-memory store: its state goes with the last one. */
  private static final java.util.Map<String, Integer> OPEN = new java.util.HashMap<>();

  private final Platform platform;
  private final String host;
  private final RateLimitPolicy policy;
  private final RateLimitStore store;
  private final Clock clock;
  private final Sleeper sleeper;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** A reserved permit, returned with {@link #release(Permit)} after the call. */
  public static final class Permit {
    private final String key;
    private final long epoch;
    private RateLimitSnapshot observed;
    private Instant blockUntil;

    private Permit(String key, long epoch) {
      this.key = key;
      this.epoch = epoch;
    }
  }

  /**
   * Creates the gate.
   *
   * @param platform the platform
   * @param baseUrl the API host calls go to (part of the key: a sandbox is not production)
   * @param policy caps, max wait and store
   * @param clock the clock
   * @param sleeper how to wait
   */
  public RateLimitGate(
      Platform platform, URI baseUrl, RateLimitPolicy policy, Clock clock, Sleeper sleeper) {
    this.platform = platform;
    this.host =
        baseUrl.getHost() == null
            ? String.valueOf(baseUrl)
            : baseUrl.getHost().toLowerCase(Locale.ROOT)
                + (baseUrl.getPort() > 0 ? ":" + baseUrl.getPort() : "");
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.store =
        policy
            .store()
            .orElseGet(
                () ->
                    clock.equals(Clock.systemUTC())
                        ? InMemoryRateLimitStore.shared()
                        : PER_CLOCK.get(clock, c -> new InMemoryRateLimitStore()));
  }

  private String openKey(String account) {
    return System.identityHashCode(store) + "|" + key(account, "");
  }

  /**
   * Registers a client of {@code account} on this gate's store; with the default in-memory store,
   * the account's state is kept while at least one registered client is open.
   */
  public void open(String account) {
    if (policy.store().isEmpty()) {
      synchronized (OPEN) {
        OPEN.merge(openKey(account), 1, Integer::sum);
      }
    }
  }

  /**
   * Unregisters a client of {@code account}; the last one forgets the account's in-memory state.
   */
  public void close(String account) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (policy.store().isEmpty()
        && store instanceof InMemoryRateLimitStore inMemoryRateLimitStore) {
      synchronized (OPEN) {
        Integer n = OPEN.computeIfPresent(openKey(account), (k, v) -> v > 1 ? v - 1 : null);
        if (n == null) {
          inMemoryRateLimitStore.forget(key(account, ""));
        }
      }
    }
  }

  private String key(String account, String bucket) {
    return platform.id() + ":" + host + ":" + account + ":" + bucket;
  }

  /**
   * Reserves a permit of {@code bucket} for {@code account}; {@code null} (nothing to release) for
   * a call without a bucket.
   *
   * @param account the account key
   * @param bucket the endpoint bucket, or {@code null}
   * @param operation the operation, for messages
   * @param retryWait how long a retry the caller's retry policy already decided on may wait for the
   *     window (the policy's max wait applies when longer); zero for a first attempt
   * @throws RateLimitException at once if the window opens later than the allowed wait from now
   *     (carrying the instant it opens); after waiting, if the wait was interrupted
   */
  public Permit acquire(String account, String bucket, String operation, Duration retryWait) {
    return acquire(account, bucket, operation, retryWait, sleeper);
  }

  /**
   * Like {@link #acquire(String, String, String, Duration)}, waiting through {@code sleeper} (the
   * runtime passes one that reports the wait to the call's listener).
   *
   * @param account the account key
   * @param bucket the endpoint bucket, or {@code null}
   * @param operation the operation, for messages
   * @param retryWait how long a retry may wait for the window; zero for a first attempt
   * @param sleeper how to wait
   * @return the permit, {@code null} for a call without a bucket
   * @throws RateLimitException as {@link #acquire(String, String, String, Duration)}
   */
  public Permit acquire(
      String account, String bucket, String operation, Duration retryWait, Sleeper sleeper) {
    if (bucket == null) {
      return null;
    }
    String key = key(account, bucket);
    RateLimitPolicy.BucketLimit cap = policy.bucket(bucket).orElse(null);
    Duration allowed = policy.maxWait().compareTo(retryWait) >= 0 ? policy.maxWait() : retryWait;
    Instant deadline = clock.instant().plus(allowed);
    Instant waitedUntil = Instant.MIN;
    while (true) {
      Instant clockNow = clock.instant();
      // after a wait, the window counts as open even if the clock lags the sleeper (tests)
      Instant now = clockNow.isBefore(waitedUntil) ? waitedUntil : clockNow;
      RateLimitWindow.Grant g = store.update(key, w -> w.tryAcquire(now, cap));
      if (g.granted()) {
        return new Permit(key, g.epoch());
      }
      Instant at = g.retryAt().orElse(now);
      Duration wait = Duration.between(now, at);
      if (at.isAfter(deadline)) {
        throw new RateLimitException(
            ErrorDetails.builder(platform, operation)
                .message(
                    "rate limit of '"
                        + bucket
                        + "': "
                        + g.reason()
                        + "; calls may go at "
                        + at
                        + " (client-side, nothing sent)")
                .build(),
            wait,
            at);
      }
      try {
        sleeper.sleep(wait);
        if (g.byCap()) {
          // a client-side cap is honoured in the clock's time, whatever the sleeper did (a test's
          // no-op sleeper skips only waits the platform asked for)
          long left = Duration.between(clock.instant(), at).toMillis();
          if (left > 0 && clock.equals(Clock.systemUTC())) {
            Thread.sleep(left);
          }
        } else {
          waitedUntil = at;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RateLimitException(
            ErrorDetails.builder(platform, operation)
                .message("interrupted while waiting for the rate limit of '" + bucket + "'")
                .build(),
            wait,
            at);
      }
    }
  }

  /** Records the server's figures for the key directly (no call in progress). */
  public void observe(String account, String bucket, RateLimitSnapshot snapshot) {
    observe(null, account, bucket, snapshot);
  }

  /**
   * Records the server's figures: on permit {@code p} of the call in progress when it holds that
   * key (counted when the permit is returned), else on the key directly.
   */
  public void observe(Permit p, String account, String bucket, RateLimitSnapshot snapshot) {
    if (!policy.adaptive() || bucket == null || snapshot == null) {
      return;
    }
    String key = key(account, bucket);
    if (p != null && p.key.equals(key)) {
      p.observed = snapshot;
      return;
    }
    Instant now = clock.instant();
    store.update(
        key,
        w -> {
          w.observe(snapshot, now);
          return null;
        });
  }

  /** Returns a permit after its call: it is no longer in flight, and its answer's figures count. */
  public void release(Permit permit) {
    if (permit == null) {
      return;
    }
    Instant now = clock.instant();
    // nobody waits for this: a shared store folds it into the next transaction of the key
    store.updateLater(
        permit.key,
        w -> {
          w.complete(permit.epoch, permit.observed, now);
          if (permit.blockUntil != null) {
            w.blockUntil(permit.blockUntil, now);
          }
        });
  }

  /** Blocks the bucket until {@code until} (after a 429 with a reset time), on the key directly. */
  public void blockUntil(String account, String bucket, Instant until) {
    blockUntil(null, account, bucket, until);
  }

  /**
   * Blocks the bucket until {@code until}: through permit {@code p} of the call in progress when it
   * holds that key (applied after the answer's figures), else on the key directly.
   */
  public void blockUntil(Permit p, String account, String bucket, Instant until) {
    if (policy.adaptive() && bucket != null && until.isAfter(clock.instant())) {
      String key = key(account, bucket);
      if (p != null && p.key.equals(key)) {
        p.blockUntil = until; // applied after the answer's figures, when the permit is returned
        return;
      }
      Instant now = clock.instant();
      store.update(
          key,
          w -> {
            w.blockUntil(until, now);
            return null;
          });
    }
  }
}
