package io.smo.instagram;

import io.smo.core.SmoPublicApi;
import io.smo.core.resilience.RateBucket;
import java.net.URI;
import java.time.Duration;

/**
 * Instagram's documented rate-limit buckets, per Instagram professional account (or, for messaging,
 * per linked Page / account as Meta counts it). {@link InstagramClient#defaultRateLimits()} holds
 * the fixed caps; {@link #GRAPH} scales with the account's impressions on Meta's side, so the SDK
 * follows Meta's {@code X-Business-Use-Case-Usage} header for it rather than a client cap. Facts:
 * {@code engagement-and-measurement.md} §2.1.9 and the content-publishing guide.
 *
 * <pre>{@code
 * RateLimitPolicy p = InstagramClient.defaultRateLimits().toBuilder()
 *     .bucket(InstagramRateBucket.SEND_MESSAGES, 50, Duration.ofSeconds(1))  // stricter
 *     .build();
 * }</pre>
 */
@SmoPublicApi
public enum InstagramRateBucket implements RateBucket {
  /**
   * Media containers ({@code POST /{ig-user-id}/media}, {@code media_publish}): 400 per account per
   * rolling 24 hours.
   */
  CONTAINERS(
      "containers",
      400,
      Duration.ofHours(24),
      "https://developers.facebook.com/docs/instagram-platform/content-publishing#rate-limit"),
  /**
   * Posts published through the API: 100 per account per rolling 24 hours (Meta's pages say 50 in
   * one place and 100 in another; the client also reads {@code content_publishing_limit} before
   * every publish, which is authoritative).
   */
  CONTENT_PUBLISHING(
      "content_publishing",
      100,
      Duration.ofHours(24),
      "https://developers.facebook.com/docs/instagram-platform/content-publishing#rate-limit"),
  /**
   * Every other Graph call (reads, comments, insights, uploads): {@code 4800 × impressions} per
   * account per rolling 24 hours; 4,800 is the documented floor. Governed by Meta's usage header,
   * not a client cap.
   */
  GRAPH(
      "graph",
      4_800,
      Duration.ofHours(24),
      "https://developers.facebook.com/docs/graph-api/overview/rate-limiting#instagram-graph-api"),
  /** Conversations API reads ({@code /conversations}, conversation nodes): 2 calls per second. */
  CONVERSATIONS(
      "conversations",
      2,
      Duration.ofSeconds(1),
      "https://developers.facebook.com/docs/graph-api/overview/rate-limiting#messenger-api"),
  /**
   * Send API ({@code POST /messages}): 100 per second (the IG Login messaging overview; the
   * rate-limits page says 300/s: UNCONFIRMED which applies, the stricter one is kept).
   */
  SEND_MESSAGES(
      "messages",
      100,
      Duration.ofSeconds(1),
      "https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/messaging-api"),
  /** Private replies to comments on posts and reels: 750 per hour. */
  PRIVATE_REPLIES(
      "private_replies",
      750,
      Duration.ofHours(1),
      "https://developers.facebook.com/docs/graph-api/overview/rate-limiting#messenger-api"),
  /** Hashtag search: 30 unique hashtags per account per rolling 7 days (Facebook Login only). */
  HASHTAG_SEARCH(
      "hashtag_search",
      30,
      Duration.ofDays(7),
      "https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag-search");

  // Spec is a record of a String, an int, a Duration and a URI: immutable, which the checker
  // cannot see through the record
  @SuppressWarnings("ImmutableEnumChecker")
  private final Spec spec;

  InstagramRateBucket(String id, int limit, Duration period, String documentation) {
    this.spec = new Spec(id, limit, period, URI.create(documentation));
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
