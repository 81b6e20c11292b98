package io.smo.tiktok;

import io.smo.core.SmoPublicApi;
import io.smo.core.resilience.RateBucket;
import java.net.URI;
import java.time.Duration;

/**
 * TikTok's documented per-token rate limits, one constant per endpoint the client calls. TikTok
 * counts each endpoint separately over a sliding one-minute window per access token and answers
 * {@code 429 rate_limit_exceeded} above it; it sends no rate-limit headers.
 *
 * <pre>{@code
 * RateLimitPolicy p = TikTokClient.defaultRateLimits().toBuilder()
 *     .bucket(TikTokRateBucket.VIDEO_INIT, 3, Duration.ofMinutes(1))  // stricter
 *     .build();
 * }</pre>
 *
 * @see <a href="https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit">Rate limits</a>
 */
@SmoPublicApi
public enum TikTokRateBucket implements RateBucket {
  /** {@code POST /v2/post/publish/creator_info/query/}: 20 per minute per token. */
  CREATOR_INFO("creator-info", 20, "content-posting-api-reference-query-creator-info"),
  /** {@code POST /v2/post/publish/video/init/} (direct post): 6 per minute per token. */
  VIDEO_INIT("video-init", 6, "content-posting-api-reference-direct-post"),
  /** {@code POST /v2/post/publish/inbox/video/init/} (upload to inbox): 6 per minute per token. */
  INBOX_INIT("inbox-init", 6, "content-posting-api-reference-upload-video"),
  /** {@code POST /v2/post/publish/content/init/} (photos): 6 per minute per token. */
  CONTENT_INIT("content-init", 6, "content-posting-api-reference-photo-post"),
  /** {@code POST /v2/post/publish/status/fetch/}: 30 per minute per token. */
  STATUS("status", 30, "content-posting-api-reference-get-video-status"),
  /** {@code POST /v2/video/query/} (Display API): 600 per minute per token. */
  VIDEO_QUERY("video-query", 600, "tiktok-api-v2-rate-limit"),
  /** {@code GET /v2/user/info/} (Display API): 600 per minute per token. */
  USER_INFO("user-info", 600, "tiktok-api-v2-rate-limit"),
  /**
   * TikTok API for Business reads ({@code business/video/list/}, {@code business/comment/list/},
   * {@code business/comment/reply/list/}), only with {@link TikTokBusinessAccount}: 300 per minute,
   * the SDK's conservative default. TikTok's figure was not in the sources read; above its own
   * limit TikTok answers code 40100, which the client waits out and retries.
   */
  BUSINESS_READ(
      "business-read",
      300,
      URI.create("https://ads.tiktok.com/marketing_api/docs?id=1733329505077250")),
  /**
   * TikTok API for Business writes ({@code business/comment/create/}, {@code reply/create/}, {@code
   * hide/}, {@code delete/}): 60 per minute, the SDK's conservative default (TikTok's figure was
   * not in the sources read).
   */
  BUSINESS_WRITE(
      "business-write",
      60,
      URI.create("https://ads.tiktok.com/marketing_api/docs?id=1733329505077250"));

  // Spec is a record of a String, an int, a Duration and a URI: immutable, which the checker
  // cannot see through the record
  @SuppressWarnings("ImmutableEnumChecker")
  private final Spec spec;

  /** Every TikTok v2 limit is per minute. */
  TikTokRateBucket(String id, int limit, String page) {
    this.spec =
        new Spec(
            id,
            limit,
            Duration.ofMinutes(1),
            URI.create("https://developers.tiktok.com/doc/" + page));
  }

  /** A per-minute limit documented (or chosen) on another page. */
  TikTokRateBucket(String id, int limit, URI page) {
    this.spec = new Spec(id, limit, Duration.ofMinutes(1), page);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
