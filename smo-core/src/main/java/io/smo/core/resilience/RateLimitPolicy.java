package io.smo.core.resilience;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Client-side rate limits: one limiter per (account, endpoint bucket), pre-loaded by each
 * platform module with the platform's documented caps (e.g. X: 100 posts per user per 15
 * minutes), and adaptive: when the server reports the window exhausted until T, calls in that
 * bucket wait until T if that is within {@link #maxWait()}, else fail fast with {@code
 * RateLimitException}. Built on Resilience4j's {@code RateLimiter}; limiter state lives in a
 * bounded Caffeine cache in each client. Immutable and thread-safe.
 *
 * <pre>{@code
 * RateLimitPolicy p = TwitterClient.defaultRateLimits().toBuilder()
 *     .bucket("tweets:create", 50, Duration.ofMinutes(15))  // stricter than documented
 *     .maxWait(Duration.ZERO)                               // fail fast
 *     .build();
 * }</pre>
 */
@SmoPublicApi
public final class RateLimitPolicy {
  private static final RateLimitPolicy UNLIMITED = builder().build();

  /** A documented cap: {@code limit} calls per {@code period}. */
  public static final class BucketLimit {
    private final int limit;
    private final Duration period;

    private BucketLimit(int limit, Duration period) {
      this.limit = limit;
      this.period = period;
    }

    /** Returns the calls allowed per period. */
    public int limit() {
      return limit;
    }

    /** Returns the period. */
    public Duration period() {
      return period;
    }

    @Override
    public String toString() {
      return limit + "/" + period;
    }
  }

  private final Map<String, BucketLimit> buckets;
  private final Duration maxWait;
  private final boolean adaptive;

  private RateLimitPolicy(Builder b) {
    buckets = Map.copyOf(b.buckets);
    maxWait = b.maxWait;
    adaptive = b.adaptive;
  }

  /** Returns a policy with no client-side caps (still adaptive to server answers). */
  public static RateLimitPolicy unlimited() {
    return UNLIMITED;
  }

  /** Returns a builder: no buckets, wait up to 30 s, adaptive. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this policy's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.buckets.putAll(buckets);
    b.maxWait = maxWait;
    b.adaptive = adaptive;
    return b;
  }

  /** Returns the cap of {@code bucket}, if one is configured. */
  public Optional<BucketLimit> bucket(String bucket) {
    return Optional.ofNullable(buckets.get(bucket));
  }

  /** Returns every configured cap by bucket name. */
  public Map<String, BucketLimit> buckets() {
    return buckets;
  }

  /** Returns the longest a call waits for a permit or a server-reported reset before failing fast. */
  public Duration maxWait() {
    return maxWait;
  }

  /** Returns whether server-reported exhaustion blocks the bucket until its reset. */
  public boolean adaptive() {
    return adaptive;
  }

  @Override
  public String toString() {
    return "RateLimitPolicy{" + buckets + ", maxWait=" + maxWait + ", adaptive=" + adaptive + "}";
  }

  /** Builds {@link RateLimitPolicy}. Mutable, not thread-safe. */
  public static final class Builder {
    private final Map<String, BucketLimit> buckets = new LinkedHashMap<>();
    private Duration maxWait = Duration.ofSeconds(30);
    private boolean adaptive = true;

    private Builder() {}

    /**
     * Adds or replaces the cap of one bucket.
     *
     * @throws IllegalArgumentException if {@code limit < 1} or the period is not positive
     */
    public Builder bucket(String bucket, int limit, Duration period) {
      requireNonNull(bucket, "bucket == null");
      requireNonNull(period, "period == null");
      if (limit < 1 || period.isZero() || period.isNegative()) {
        throw new IllegalArgumentException("bad cap for " + bucket + ": " + limit + "/" + period);
      }
      buckets.put(bucket, new BucketLimit(limit, period));
      return this;
    }

    /** Removes the cap of one bucket. */
    public Builder removeBucket(String bucket) {
      buckets.remove(bucket);
      return this;
    }

    /** Sets the longest wait for a permit or a reset; {@link Duration#ZERO} fails fast. Default 30 s. */
    public Builder maxWait(Duration maxWait) {
      requireNonNull(maxWait, "maxWait == null");
      if (maxWait.isNegative()) {
        throw new IllegalArgumentException("maxWait < 0: " + maxWait);
      }
      this.maxWait = maxWait;
      return this;
    }

    /** Sets whether server-reported exhaustion blocks the bucket. Default true. */
    public Builder adaptive(boolean adaptive) {
      this.adaptive = adaptive;
      return this;
    }

    /** Returns an immutable snapshot. */
    public RateLimitPolicy build() {
      return new RateLimitPolicy(this);
    }
  }
}
