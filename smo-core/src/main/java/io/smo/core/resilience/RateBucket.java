package io.smo.core.resilience;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import java.net.URI;
import java.time.Duration;

/**
 * One of a platform's documented rate-limit buckets: the calls an endpoint family may make per
 * period, per account (or per app, as documented). Each platform module publishes its buckets as an
 * enum implementing this interface ({@code TwitterRateBucket.TWEETS_CREATE}, ...), so an override
 * names a bucket that exists or does not compile:
 *
 * <pre>{@code
 * RateLimitPolicy p = TwitterClient.defaultRateLimits().toBuilder()
 *     .bucket(TwitterRateBucket.TWEETS_CREATE, 50, Duration.ofMinutes(15))  // stricter
 *     .build();
 * }</pre>
 *
 * <p>Implementations are immutable enums whose constants each hold one {@link Spec}: the accessors
 * below read it.
 */
@SmoPublicApi
public interface RateBucket {
  /**
   * The documented figures of one bucket: its id, how many calls per period, the period and the
   * page documenting it. Immutable and validated on creation.
   *
   * @param id the bucket's stable id, unique within its platform (e.g. {@code "tweets.create"});
   *     not blank
   * @param limit the documented number of calls allowed per {@code period}; at least 1
   * @param period the documented period of the limit; positive
   * @param documentation the platform page documenting the limit
   */
  record Spec(String id, int limit, Duration period, URI documentation) {
    /**
     * Validates the figures.
     *
     * @throws NullPointerException if {@code id}, {@code period} or {@code documentation} is null
     * @throws IllegalArgumentException if {@code id} is blank, {@code limit} is below 1 or {@code
     *     period} is zero or negative
     */
    public Spec {
      requireNonNull(id, "id == null");
      requireNonNull(period, "period == null");
      requireNonNull(documentation, "documentation == null");
      if (id.isBlank()) {
        throw new IllegalArgumentException("id is blank");
      }
      if (limit < 1) {
        throw new IllegalArgumentException("limit < 1: " + limit);
      }
      if (period.isZero() || period.isNegative()) {
        throw new IllegalArgumentException("period not positive: " + period);
      }
    }
  }

  /**
   * Returns the bucket's documented figures, which the other accessors read.
   *
   * @return the figures
   */
  Spec spec();

  /**
   * Returns the bucket's stable id, unique within its platform, as used in rate-limit store rows,
   * metrics tags and {@link RateLimitSnapshot}s (e.g. {@code "tweets.create"}).
   *
   * @return {@code spec().id()}
   */
  default String id() {
    return spec().id();
  }

  /**
   * Returns the documented number of calls allowed per {@link #period()} (at least 1).
   *
   * @return {@code spec().limit()}
   */
  default int limit() {
    return spec().limit();
  }

  /**
   * Returns the documented period of the limit (positive).
   *
   * @return {@code spec().period()}
   */
  default Duration period() {
    return spec().period();
  }

  /**
   * Returns the platform page documenting this limit.
   *
   * @return {@code spec().documentation()}
   */
  default URI documentation() {
    return spec().documentation();
  }
}
