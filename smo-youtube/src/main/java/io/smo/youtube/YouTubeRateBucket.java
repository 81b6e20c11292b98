package io.smo.youtube;

import io.smo.core.SmoPublicApi;
import io.smo.core.resilience.RateBucket;
import java.net.URI;
import java.time.Duration;

/**
 * YouTube's documented call-count limits, as {@link RateBucket}s for {@link
 * io.smo.core.resilience.RateLimitPolicy}.
 *
 * <p>YouTube mostly does not count calls per window: it charges <b>quota units</b> per Google Cloud
 * project per day (default 10,000 units, reset at midnight Pacific time; a list call costs 1 unit,
 * an insert, update or delete 50, {@code videos.insert} 1,600 on the method page), which a call
 * count cannot express. The SDK keeps that unit accounting in {@link YouTubeQuota} (client-side,
 * per client, configurable costs) and maps Google's {@code quotaExceeded} to {@link
 * io.smo.core.exception.QuotaExceededException}. The current quota page
 * (https://developers.google.com/youtube/v3/determine_quota_cost) also documents two real
 * call-count buckets, "a default quota allocation of 100 {@code search.list} calls, 100 {@code
 * videos.insert} calls [...] per day": those are the constants here. The day is a Pacific-time day
 * at Google; the client-side bucket counts a rolling 24 hours, which never lets more calls through
 * than Google's. Calls that belong to no bucket (every other method) name none.
 *
 * <pre>{@code
 * RateLimitPolicy p = YouTubeClient.defaultRateLimits().toBuilder()
 *     .bucket(YouTubeRateBucket.VIDEOS_INSERT, 20, Duration.ofDays(1))  // stricter
 *     .build();
 * }</pre>
 */
@SmoPublicApi
public enum YouTubeRateBucket implements RateBucket {
  /** {@code videos.insert} (upload session starts): 100 calls a day. */
  VIDEOS_INSERT("videos.insert", 100, Duration.ofDays(1)),
  /**
   * {@code search.list}: 100 calls a day (the client does not search today; kept for overrides).
   */
  SEARCH_LIST("search.list", 100, Duration.ofDays(1));

  // Spec is a record of a String, an int, a Duration and a URI: immutable, which the checker
  // cannot see through the record
  @SuppressWarnings("ImmutableEnumChecker")
  private final Spec spec;

  /** Every YouTube bucket is documented on the quota-cost page. */
  YouTubeRateBucket(String id, int limit, Duration period) {
    this.spec =
        new Spec(
            id,
            limit,
            period,
            URI.create("https://developers.google.com/youtube/v3/determine_quota_cost"));
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
