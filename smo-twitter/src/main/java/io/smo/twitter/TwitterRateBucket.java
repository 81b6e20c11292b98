package io.smo.twitter;

import io.smo.core.SmoPublicApi;
import io.smo.core.resilience.RateBucket;
import java.net.URI;
import java.time.Duration;

/**
 * X API v2 rate-limit buckets with their documented per-user limits ({@link
 * TwitterClient#defaultRateLimits()} is built from them). Override one by naming it:
 *
 * <pre>{@code
 * RateLimitPolicy p = TwitterClient.defaultRateLimits().toBuilder()
 *     .bucket(TwitterRateBucket.TWEETS_CREATE, 50, Duration.ofMinutes(15))
 *     .build();
 * }</pre>
 *
 * <p>Limits are kept per account (the client's {@link TwitterClient#accountId()}), except {@link
 * #TWEETS_CREATE_APP}, which X counts per app. The older integration guide's "200 per 15 minutes"
 * for posts is superseded by the newer table (the stricter value is kept).
 *
 * @see <a href="https://docs.x.com/x-api/fundamentals/rate-limits">Rate limits</a>
 */
@SmoPublicApi
public enum TwitterRateBucket implements RateBucket {
  /** {@code POST /2/tweets}: 100 per user per 15 minutes. */
  TWEETS_CREATE("tweets.create", 100, Duration.ofMinutes(15)),
  /**
   * {@code POST /2/tweets}: 10,000 per app per 24 hours (X's {@code x-app-limit-24hour-*} answers
   * become {@link io.smo.core.exception.QuotaExceededException}).
   */
  TWEETS_CREATE_APP("tweets.create.app", 10_000, Duration.ofHours(24)),
  /** {@code DELETE /2/tweets/{id}}: 50 per user per 15 minutes. */
  TWEETS_DELETE("tweets.delete", 50, Duration.ofMinutes(15)),
  /** {@code GET /2/tweets/{id}}: 900 per user per 15 minutes. */
  TWEETS_READ("tweets.read", 900, Duration.ofMinutes(15)),
  /** {@code GET /2/tweets/search/recent}: 300 per user per 15 minutes. */
  TWEETS_SEARCH("tweets.search", 300, Duration.ofMinutes(15)),
  /** {@code PUT /2/tweets/{id}/hidden}: 50 per user per 15 minutes. */
  TWEETS_HIDE("tweets.hide", 50, Duration.ofMinutes(15)),
  /** {@code POST /2/media/upload} (one-shot image upload): 500 per user per 15 minutes. */
  MEDIA_UPLOAD("media.upload", 500, Duration.ofMinutes(15)),
  /** {@code initialize}, {@code append}, {@code finalize}: 1,875 per user per 15 minutes. */
  MEDIA_CHUNKED("media.chunked", 1_875, Duration.ofMinutes(15)),
  /** {@code GET /2/media/upload?command=STATUS}: 1,000 per user per 15 minutes. */
  MEDIA_STATUS("media.status", 1_000, Duration.ofMinutes(15)),
  /** {@code POST /2/media/metadata} (alt text): 500 per user per 15 minutes. */
  MEDIA_METADATA("media.metadata", 500, Duration.ofMinutes(15)),
  /** {@code GET /2/users/me}: 75 per user per 15 minutes. */
  USERS_ME("users.me", 75, Duration.ofMinutes(15)),
  /** {@code GET /2/users/{id}/tweets}: 900 per user per 15 minutes. */
  USERS_TWEETS("users.tweets", 900, Duration.ofMinutes(15)),
  /** {@code GET /2/users/{id}/mentions}: 300 per user per 15 minutes. */
  USERS_MENTIONS("users.mentions", 300, Duration.ofMinutes(15)),
  /** {@code GET /2/dm_events} and a conversation's events: 15 per user per 15 minutes. */
  DM_READ("dm.read", 15, Duration.ofMinutes(15)),
  /** DM sends: 15 per user per 15 minutes (X also caps them at 1,440 per 24 hours). */
  DM_CREATE("dm.create", 15, Duration.ofMinutes(15));

  // Spec is a record of a String, an int, a Duration and a URI: immutable, which the checker
  // cannot see through the record
  @SuppressWarnings("ImmutableEnumChecker")
  private final Spec spec;

  /** Every X bucket is documented on X's rate-limit page. */
  TwitterRateBucket(String id, int limit, Duration period) {
    this.spec =
        new Spec(
            id, limit, period, URI.create("https://docs.x.com/x-api/fundamentals/rate-limits"));
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
