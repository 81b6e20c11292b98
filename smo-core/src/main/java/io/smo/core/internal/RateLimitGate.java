package io.smo.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.RateLimitException;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.resilience.RateLimitSnapshot;
import io.smo.core.resilience.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The runtime side of a {@link RateLimitPolicy}: one Resilience4j {@link RateLimiter} per
 * (account, bucket) with the bucket's documented cap, and a "blocked until" instant per (account,
 * bucket) set when the server reports the window exhausted. Keys live in bounded Caffeine caches
 * that forget idle keys after an hour.
 */
@SmoInternalApi
public final class RateLimitGate {
  private final Platform platform;
  private final RateLimitPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Cache<String, RateLimiter> limiters = Caffeine.newBuilder()
      .maximumSize(10_000).expireAfterAccess(Duration.ofHours(1)).build();
  private final Cache<String, Instant> blockedUntil = Caffeine.newBuilder()
      .maximumSize(10_000).expireAfterWrite(Duration.ofDays(1)).build();

  /** Creates the gate. */
  public RateLimitGate(Platform platform, RateLimitPolicy policy, Clock clock, Sleeper sleeper) {
    this.platform = platform;
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Waits for a permit of {@code bucket} for {@code account}, at most the policy's max wait.
   *
   * @throws RateLimitException if the wait would be longer
   */
  public void acquire(String account, String bucket, String operation) {
    if (bucket == null) {
      return;
    }
    String key = account + "|" + bucket;
    Instant until = blockedUntil.getIfPresent(key);
    if (until != null) {
      Duration wait = Duration.between(clock.instant(), until);
      if (!wait.isNegative() && !wait.isZero()) {
        if (wait.compareTo(policy.maxWait()) > 0) {
          throw new RateLimitException(ErrorDetails.builder(platform, operation)
              .message("rate limit of '" + bucket + "' exhausted until " + until
                  + " (client-side, from the platform's last answer)").build(), wait);
        }
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RateLimitException(ErrorDetails.builder(platform, operation)
              .message("interrupted while waiting for the rate limit").build(), wait);
        }
      }
      blockedUntil.invalidate(key);
    }
    policy.bucket(bucket).ifPresent(cap -> {
      RateLimiter limiter = limiters.get(key, k -> RateLimiter.of(k, RateLimiterConfig.custom()
          .limitForPeriod(cap.limit()).limitRefreshPeriod(cap.period())
          .timeoutDuration(policy.maxWait()).build()));
      if (!limiter.acquirePermission()) {
        throw new RateLimitException(ErrorDetails.builder(platform, operation)
            .message("client-side cap of " + cap + " for '" + bucket + "' reached").build(),
            cap.period());
      }
    });
  }

  /** Feeds the server's latest figures: an exhausted window blocks the bucket until its reset. */
  public void observe(String account, String bucket, RateLimitSnapshot snapshot) {
    if (!policy.adaptive() || bucket == null || snapshot == null) {
      return;
    }
    if (snapshot.exhausted() && snapshot.resetAt().isPresent()
        && snapshot.resetAt().get().isAfter(clock.instant())) {
      blockedUntil.put(account + "|" + bucket, snapshot.resetAt().get());
    }
  }

  /** Blocks the bucket until {@code until} (after a 429 with a reset time). */
  public void blockUntil(String account, String bucket, Instant until) {
    if (policy.adaptive() && bucket != null && until.isAfter(clock.instant())) {
      blockedUntil.put(account + "|" + bucket, until);
    }
  }
}
