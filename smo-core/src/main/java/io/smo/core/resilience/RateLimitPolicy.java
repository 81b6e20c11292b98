package io.smo.core.resilience;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Client-side rate limits per (platform, API host, account, endpoint bucket): each platform module
 * pre-loads the platform's documented caps (e.g. X: 100 posts per user per 15 minutes), and the
 * limiter adapts to the server's figures (remaining calls and reset of the current window).
 *
 * <p>A permit is reserved before each call is sent, against the smaller of the cap and the server's
 * last {@code remaining} (see {@link io.smo.core.resilience.spi.RateLimitWindow}), so concurrent
 * calls never overshoot a known limit. A call that would exceed it fails at once with a {@code
 * RateLimitException} whose {@code retryAt()} says when the window opens, unless {@link #maxWait()}
 * is set: then the call waits exactly until the window opens if that is within the maximum wait,
 * and fails at once otherwise. The default wait is zero: fail fast.
 *
 * <p>The state lives in a {@link RateLimitStore}: by default {@link
 * InMemoryRateLimitStore#shared()}, so every client of one account in the JVM shares one allowance;
 * a JDBC store ({@code smo-jdbc}) shares it between instances. Immutable and thread-safe.
 *
 * <pre>{@code
 * RateLimitPolicy p = TwitterClient.defaultRateLimits().toBuilder()
 *     .bucket(TwitterRateBucket.TWEETS_CREATE, 50, Duration.ofMinutes(15))  // stricter
 *     .maxWait(Duration.ofSeconds(5))                       // wait up to 5 s for a window to open
 *     .store(jdbcRateLimitStore)                            // share with the other instances
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
  private final RateLimitStore store;

  private RateLimitPolicy(Builder b) {
    buckets = Map.copyOf(b.buckets);
    maxWait = b.maxWait;
    adaptive = b.adaptive;
    store = b.store;
  }

  /**
   * Returns a policy holding the documented cap of every given bucket (typically all constants of a
   * platform's bucket enum: {@code RateLimitPolicy.documented(TwitterRateBucket.values())}).
   */
  public static RateLimitPolicy documented(RateBucket... buckets) {
    Builder b = builder();
    for (RateBucket bucket : buckets) {
      b.bucket(bucket);
    }
    return b.build();
  }

  /** Returns a policy with no client-side caps (still adaptive to server answers). */
  public static RateLimitPolicy unlimited() {
    return UNLIMITED;
  }

  /**
   * Returns a builder: no buckets, no waiting (fail fast), adaptive, the JVM-wide in-memory store.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this policy's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.buckets.putAll(buckets);
    b.maxWait = maxWait;
    b.adaptive = adaptive;
    b.store = store;
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

  /**
   * Returns the longest a call waits for its window to open; a call whose window opens later fails
   * at once. Zero (the default) never waits.
   */
  public Duration maxWait() {
    return maxWait;
  }

  /** Returns whether the server's figures (remaining, reset, 429 retry-after) drive the limiter. */
  public boolean adaptive() {
    return adaptive;
  }

  /**
   * Returns the store set with {@link Builder#store}; empty means {@link
   * InMemoryRateLimitStore#shared()} (or, for a client on a test clock, a store of that clock's
   * own).
   */
  public Optional<RateLimitStore> store() {
    return Optional.ofNullable(store);
  }

  @Override
  public String toString() {
    return "RateLimitPolicy{"
        + buckets
        + ", maxWait="
        + maxWait
        + ", adaptive="
        + adaptive
        + (store != null ? ", store=" + store : "")
        + "}";
  }

  /** Builds {@link RateLimitPolicy}. Mutable, not thread-safe. */
  public static final class Builder {
    private final Map<String, BucketLimit> buckets = new LinkedHashMap<>();
    private Duration maxWait = Duration.ZERO;
    private boolean adaptive = true;
    private RateLimitStore store;

    private Builder() {}

    /** Adds or replaces the cap of one bucket with its documented limit and period. */
    public Builder bucket(RateBucket bucket) {
      requireNonNull(bucket, "bucket == null");
      return bucket(bucket.id(), bucket.limit(), bucket.period());
    }

    /**
     * Adds or replaces the cap of one bucket (stricter or looser than documented).
     *
     * @throws IllegalArgumentException if {@code limit < 1} or the period is not positive
     */
    public Builder bucket(RateBucket bucket, int limit, Duration period) {
      requireNonNull(bucket, "bucket == null");
      return bucket(bucket.id(), limit, period);
    }

    /** Removes the cap of one bucket. */
    public Builder removeBucket(RateBucket bucket) {
      requireNonNull(bucket, "bucket == null");
      return removeBucket(bucket.id());
    }

    /**
     * Adds or replaces the cap of one bucket by its id. Not public: a misspelt id would silently be
     * a bucket no call uses, so callers name a {@link RateBucket}.
     *
     * @throws IllegalArgumentException if {@code limit < 1} or the period is not positive
     */
    Builder bucket(String bucket, int limit, Duration period) {
      requireNonNull(bucket, "bucket == null");
      requireNonNull(period, "period == null");
      if (limit < 1 || period.isZero() || period.isNegative()) {
        throw new IllegalArgumentException("bad cap for " + bucket + ": " + limit + "/" + period);
      }
      buckets.put(bucket, new BucketLimit(limit, period));
      return this;
    }

    /**
     * Removes the cap of one bucket by its id (not public, see {@link #bucket(String, int,
     * Duration)}).
     */
    Builder removeBucket(String bucket) {
      buckets.remove(bucket);
      return this;
    }

    /**
     * Sets the longest a call waits for its window to open (it then waits exactly until the window
     * opens); {@link Duration#ZERO}, the default, fails fast.
     */
    public Builder maxWait(Duration maxWait) {
      requireNonNull(maxWait, "maxWait == null");
      if (maxWait.isNegative()) {
        throw new IllegalArgumentException("maxWait < 0: " + maxWait);
      }
      this.maxWait = maxWait;
      return this;
    }

    /** Sets whether the server's figures drive the limiter. Default true. */
    public Builder adaptive(boolean adaptive) {
      this.adaptive = adaptive;
      return this;
    }

    /**
     * Sets where limiter state lives (e.g. a JDBC store shared by instances). Default JVM-wide
     * memory.
     */
    public Builder store(RateLimitStore store) {
      this.store = requireNonNull(store, "store == null");
      return this;
    }

    /** Returns an immutable snapshot. */
    public RateLimitPolicy build() {
      return new RateLimitPolicy(this);
    }
  }
}
