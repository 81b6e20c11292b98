package io.smo.facebook;

import io.smo.core.SmoPublicApi;
import io.smo.core.resilience.RateBucket;
import java.net.URI;
import java.time.Duration;

/**
 * The Facebook Page rate-limit buckets every {@code FacebookClient} operation is counted in. Page
 * calls fall under the Pages Business Use Case limit, {@code 4800 × engaged users} per 24 hours per
 * Page, paced by the usage headers ({@code X-App-Usage}, {@code X-Page-Usage}, {@code
 * X-Business-Use-Case-Usage}) rather than a fixed number: those buckets carry the floor (one
 * engaged user, 4800 per 24 hours) and are not capped by {@link
 * FacebookClient#defaultRateLimits()}. The Messenger limits are fixed numbers: the Conversations
 * API, 2 calls per second per Page (capped by default), and the Send API, 300 text messages per
 * second.
 *
 * <pre>{@code
 * RateLimitPolicy p = FacebookClient.defaultRateLimits().toBuilder()
 *     .bucket(FacebookRateBucket.FEED, 100, Duration.ofHours(24))  // stricter, own choice
 *     .build();
 * }</pre>
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/overview/rate-limiting/">Graph API
 *     rate limiting</a>
 */
@SmoPublicApi
public enum FacebookRateBucket implements RateBucket {
  /** Page posts: {@code POST /{page-id}/feed}, deletes. Pages BUC floor. */
  FEED("feed", 4800, Duration.ofHours(24), Docs.RATE_LIMITING),
  /** Photo uploads: {@code POST /{page-id}/photos}. Pages BUC floor. */
  PHOTOS("photos", 4800, Duration.ofHours(24), Docs.RATE_LIMITING),
  /**
   * Video and Reel uploads: {@code /{page-id}/videos}, {@code /{page-id}/video_reels}. Pages BUC
   * floor.
   */
  VIDEOS("videos", 4800, Duration.ofHours(24), Docs.RATE_LIMITING),
  /** Reads: metrics, comments, Page figures, video status, tagged posts. Pages BUC floor. */
  READS("reads", 4800, Duration.ofHours(24), Docs.RATE_LIMITING),
  /**
   * Comment writes and moderation: {@code POST /{object-id}/comments}, hide, delete. Pages BUC
   * floor.
   */
  COMMENTS("comments", 4800, Duration.ofHours(24), Docs.RATE_LIMITING),
  /** Conversations API: 2 calls per second per Page (Graph rate limiting, Mar 23 2026). */
  CONVERSATIONS("conversations", 2, Duration.ofSeconds(1), Docs.RATE_LIMITING),
  /** Send API and private replies: 300 text messages per second (audio and video: 10). */
  MESSAGES("messages", 300, Duration.ofSeconds(1), Docs.RATE_LIMITING),
  /**
   * Token calls (long-lived exchange, {@code /me/accounts}): the app platform limit, {@code 200 ×
   * users} per hour, floor 200.
   */
  OAUTH("oauth", 200, Duration.ofHours(1), Docs.RATE_LIMITING);

  // Spec is a record of a String, an int, a Duration and a URI: immutable, which the checker
  // cannot see through the record
  @SuppressWarnings("ImmutableEnumChecker")
  private final Spec spec;

  FacebookRateBucket(String id, int limit, Duration period, URI documentation) {
    this.spec = new Spec(id, limit, period, documentation);
  }

  @Override
  public Spec spec() {
    return spec;
  }

  private static final class Docs {
    static final URI RATE_LIMITING =
        URI.create("https://developers.facebook.com/docs/graph-api/overview/rate-limiting/");
  }
}
