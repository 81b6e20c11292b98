package io.smo.youtube;

import static java.util.Objects.requireNonNull;

import io.smo.core.ClientBuilder;
import io.smo.core.CommentRef;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoPublicApi;
import io.smo.core.SocialClient;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.auth.RefreshingTokenProvider;
import io.smo.core.auth.TokenStore;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.QuotaExceededException;
import io.smo.core.exception.SmoException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.youtube.internal.DefaultYouTubeClient;
import io.smo.youtube.internal.YouTubeErrorMapper;
import io.smo.youtube.internal.YouTubeRateLimitParser;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A YouTube channel through the Data API v3 and the Analytics API v2.
 *
 * <ul>
 *   <li>{@link #publish} uploads the post's one video with the resumable upload protocol
 *       (https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol): session
 *       start, chunks in multiples of 256 KiB, {@code 308} + {@code Range} handled, and after any
 *       interruption a status query ({@code Content-Range: bytes *}{@code /total}) before sending
 *       more: 200/201 means done (the video is taken, never uploaded again), 308 resumes from the
 *       server's {@code Range}, 404/410 starts a new session. It then waits for {@code
 *       processingDetails.processingStatus=succeeded}, sets the thumbnail and adds the video to the
 *       playlist given in {@link YouTubeOptions}. The post text is the description; {@link
 *       io.smo.core.Audience#visibility()} becomes {@code privacyStatus}; a scheduled post is
 *       uploaded {@code private} with {@code publishAt}. Needs {@code youtube.upload} (plus {@code
 *       youtube.force-ssl} for a playlist);
 *   <li>{@link #delete} ({@code videos.delete}), {@link #updateVideo} ({@code videos.update}); both
 *       need {@code youtube.force-ssl} or {@code youtube};
 *   <li>{@link #metrics} reads {@code videos.list part=snippet,statistics} in one call (views,
 *       likes, comments) and, when the token allows, Analytics reports (views, watch time, shares,
 *       demographics by age group and gender, country), all kept raw;
 *   <li>{@link #comments} ({@code commentThreads.list}, page tokens), {@link #comment} ({@code
 *       commentThreads.insert}), {@link #reply} ({@code comments.insert} with {@code parentId}),
 *       {@link #moderate}: HIDE = {@code heldForReview}, UNHIDE = {@code published}, DELETE =
 *       {@code comments.delete} (the comment's author only; to remove others' comments use {@link
 *       #setModerationStatus} with {@code REJECTED});
 *   <li>a client-side quota account ({@link YouTubeQuota}): a call that does not fit in what is
 *       left of the day fails offline with {@link QuotaExceededException}, as does Google's {@code
 *       quotaExceeded}; neither is retried.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * YouTubeClient yt = YouTubeClient.builder().accessToken(token).build();  // the token's channel
 * PublishedPost p = yt.publish(Post.builder().text("Behind the scenes")
 *     .addMedia(Media.fromFile(Path.of("clip.mp4")))
 *     .option(YouTubeOptions.builder().title("Spring shoot").build()).build());
 * }</pre>
 */
@SmoPublicApi
public interface YouTubeClient extends SocialClient, io.smo.core.inbox.InboxClient {
  /**
   * The production base URL of the Data API (paths {@code youtube/v3/...}, {@code
   * upload/youtube/v3/...}).
   */
  URI DEFAULT_BASE_URL = URI.create("https://www.googleapis.com/");

  /** The production base URL of the Analytics API (path {@code v2/reports}). */
  URI DEFAULT_ANALYTICS_BASE_URL = URI.create("https://youtubeanalytics.googleapis.com/");

  /** The default upload chunk: 10 MiB (40 x 256 KiB, as Google's Java client). */
  long DEFAULT_CHUNK_SIZE = 10L * 1024 * 1024;

  /** The chunk granularity Google requires: 256 KiB. */
  long CHUNK_GRANULARITY = 256L * 1024;

  /** The default processing deadline: 30 minutes. */
  Duration DEFAULT_PROCESSING_TIMEOUT = Duration.ofMinutes(30);

  /** The default first wait between processing polls: 5 s (doubling up to 30 s). */
  Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Returns YouTube's documented call-count limits ({@link YouTubeRateBucket}: 100 {@code
   * videos.insert} a day), the client's default rate-limit policy. Quota units are accounted
   * separately by {@link YouTubeQuota}.
   */
  static RateLimitPolicy defaultRateLimits() {
    return RateLimitPolicy.documented(YouTubeRateBucket.values());
  }

  /**
   * Returns the channel id this client acts for: the one given to {@link Builder#accountId}, else
   * the token's channel, read once with {@code channels.list part=id mine=true} (1 quota unit) and
   * kept. {@link #accountKey()} returns the same.
   *
   * @throws io.smo.core.exception.NotFoundException if the token's account has no channel
   * @throws SmoException if that call fails
   */
  String accountId();

  /**
   * Changes an uploaded video's metadata ({@code videos.list} then {@code videos.update
   * part=snippet,status}; 51 quota units). Needs {@code youtube.force-ssl} or {@code youtube}:
   * {@code youtube.upload} alone gets 403 {@code insufficientPermissions}.
   *
   * @throws io.smo.core.exception.ValidationException if a new title or description breaks a rule
   * @throws PermissionException if the token's scope is too narrow
   * @throws io.smo.core.exception.NotFoundException if the video does not exist
   * @throws SmoException on other failures
   */
  void updateVideo(PostRef video, YouTubeVideoUpdate update);

  /**
   * Sets a custom thumbnail ({@code thumbnails.set}; JPEG or PNG, at most 2 MB; 50 units). The
   * channel must be allowed custom thumbnails, else 403 {@code forbidden}.
   *
   * @throws io.smo.core.exception.ValidationException if the file is missing, not JPEG/PNG or too
   *     large
   * @throws SmoException on failure
   */
  void setThumbnail(PostRef video, Path image);

  /**
   * Adds a video to a playlist ({@code playlistItems.insert}; 50 units).
   *
   * @return the playlist item id
   * @throws SmoException on failure
   */
  String addToPlaylist(PostRef video, String playlistId);

  /**
   * Sets the moderation status of a comment ({@code comments.setModerationStatus}; 50 units; {@code
   * youtube.force-ssl}).
   *
   * @param banAuthor also ban the author; allowed only with {@link
   *     YouTubeModerationStatus#REJECTED}
   * @throws io.smo.core.exception.ValidationException if {@code banAuthor} is set without REJECTED
   * @throws SmoException on failure
   */
  void setModerationStatus(CommentRef comment, YouTubeModerationStatus status, boolean banAuthor);

  /** Returns the quota units this client has counted today (Pacific time). */
  long quotaUsed();

  /** Returns the quota units left today by this client's account. */
  long quotaRemaining();

  /**
   * Builds {@link YouTubeClient}. Mutable, not thread-safe. Credentials: {@link #accessToken},
   * {@link #tokenProvider} or {@link #oauth(YouTubeOAuth, TokenStore)}. Settings shared by every
   * platform come from {@link ClientBuilder}: {@link #accountId} (the channel id; default: the
   * token's channel, learned with {@code channels.list mine=true}), {@link #chunkSize} (a multiple
   * of 256 KiB, default 10 MiB), {@link #processingTimeout} (default 30 minutes), {@link
   * #pollInterval} (the first wait between processing polls, doubling up to 30 s; default 5 s) and
   * {@link #uploadListener}.
   */
  final class Builder extends ClientBuilder<Builder> {
    private URI analyticsBaseUrl;
    private YouTubeQuota quota = YouTubeQuota.defaults();
    private Boolean analytics;
    private YouTubeOAuth oauth;
    private OAuth2Config oauthConfig;
    private TokenStore oauthStore;

    private Builder() {}

    /**
     * Overrides the Analytics API base URL. Default: {@link #DEFAULT_ANALYTICS_BASE_URL}, or the
     * {@link #baseUrl(URI)} override when one is set (the sandbox serves both).
     */
    public Builder analyticsBaseUrl(URI analyticsBaseUrl) {
      this.analyticsBaseUrl = requireNonNull(analyticsBaseUrl, "analyticsBaseUrl == null");
      return this;
    }

    /** Sets the quota account. Default {@link YouTubeQuota#defaults()}. */
    public Builder quota(YouTubeQuota quota) {
      this.quota = requireNonNull(quota, "quota == null");
      return this;
    }

    /**
     * Sets whether {@code metrics} also queries the Analytics API. Default: when the token's
     * granted scopes include {@link YouTubeOAuth#SCOPE_ANALYTICS}. A 403 from Analytics is
     * tolerated (statistics are still returned).
     */
    public Builder analytics(boolean analytics) {
      this.analytics = analytics;
      return this;
    }

    /**
     * Uses Google OAuth: tokens loaded from {@code store} under the channel id given to {@link
     * #accountId} (required with this credential), refreshed through {@code oauth} before expiry
     * and once after a rejection; {@code invalid_grant} is explained (see {@link
     * YouTubeOAuth#refresh}).
     */
    public Builder oauth(YouTubeOAuth oauth, TokenStore store) {
      this.oauth = requireNonNull(oauth, "oauth == null");
      this.oauthConfig = null;
      this.oauthStore = requireNonNull(store, "store == null");
      return this;
    }

    /**
     * Same as {@link #oauth(YouTubeOAuth, TokenStore)} with {@code YouTubeOAuth.create(config,
     * httpSettings)} built from this builder's HTTP settings (see {@link YouTubeOAuth#config}).
     */
    public Builder oauth(OAuth2Config config, TokenStore store) {
      this.oauthConfig = requireNonNull(config, "config == null");
      this.oauth = null;
      this.oauthStore = requireNonNull(store, "store == null");
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if no credentials were set, or OAuth was set without {@link
     *     #accountId}
     * @throws IllegalArgumentException if the chunk size is not a multiple of 256 KiB
     */
    public YouTubeClient build() {
      long chunkSize = chunkSizeOr(DEFAULT_CHUNK_SIZE);
      if (chunkSize % CHUNK_GRANULARITY != 0) {
        throw new IllegalArgumentException(
            "chunkSize must be a positive multiple of 262144 (256 KiB): " + chunkSize);
      }
      String accountId = accountIdSetting();
      if (oauthStore != null) {
        if (accountId == null) {
          throw new IllegalStateException(
              "oauth(...) keeps tokens under the channel id: call accountId(...)");
        }
        YouTubeOAuth flow =
            oauth != null ? oauth : YouTubeOAuth.create(oauthConfig, httpSettings());
        tokenProvider(
            RefreshingTokenProvider.builder(accountId, oauthStore, flow)
                .clock(clock())
                .platform(Platform.YOUTUBE)
                .build());
      }
      URI analyticsUrl =
          analyticsBaseUrl != null
              ? analyticsBaseUrl
              : baseUrlOverride() != null ? baseUrlOverride() : DEFAULT_ANALYTICS_BASE_URL;
      // rate limits are kept per channel when known; else under "mine" (the token's channel)
      ApiRuntime runtime =
          runtime(
              Platform.YOUTUBE,
              "smo-youtube",
              DEFAULT_BASE_URL,
              new YouTubeErrorMapper(),
              new YouTubeRateLimitParser(),
              defaultRateLimits(),
              accountId != null ? accountId : "mine");
      return new DefaultYouTubeClient(
          runtime,
          new DefaultYouTubeClient.Settings(
              analyticsUrl,
              quota,
              chunkSize,
              processingTimeoutOr(DEFAULT_PROCESSING_TIMEOUT),
              pollIntervalOr(DEFAULT_POLL_INTERVAL),
              uploadListener(),
              analytics,
              accountId));
    }
  }
}
