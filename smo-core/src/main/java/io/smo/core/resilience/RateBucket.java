package io.smo.core.resilience;

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
 * <p>Implementations are immutable enums.
 */
@SmoPublicApi
public interface RateBucket {
  /**
   * Returns the bucket's stable id, unique within its platform, as used in rate-limit store rows,
   * metrics tags and {@link RateLimitSnapshot}s (e.g. {@code "tweets.create"}).
   */
  String id();

  /** Returns the documented number of calls allowed per {@link #period()} (at least 1). */
  int limit();

  /** Returns the documented period of the limit (positive). */
  Duration period();

  /** Returns the platform page documenting this limit. */
  URI documentation();
}
