package io.smo.youtube;

import static java.util.Objects.requireNonNull;

import io.smo.core.CommentRef;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoPublicApi;
import io.smo.core.SocialClient;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.auth.OAuth2Flow;
import io.smo.core.auth.RefreshingTokenProvider;
import io.smo.core.auth.TokenStore;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.QuotaExceededException;
import io.smo.core.exception.SmoException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.RateLimitHeaderParser;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.ClientBuilder;
import io.smo.core.upload.UploadListener;
import io.smo.youtube.internal.DefaultYouTubeClient;
import io.smo.youtube.internal.YouTubeErrorMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.OkHttpClient;

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
 *       uploaded {@code private} with {@code publishAt}. Needs {@code youtube.upload} (plus
 *       {@code youtube.force-ssl} for a playlist);
 *   <li>{@link #delete} ({@code videos.delete}), {@link #updateVideo} ({@code videos.update});
 *       both need {@code youtube.force-ssl} or {@code youtube};
 *   <li>{@link #metrics} reads {@code videos.list part=statistics} (views, likes, comments) and,
 *       when the token allows, Analytics reports (views, watch time, shares, demographics by age
 *       group and gender, country), all kept raw;
 *   <li>{@link #comments} ({@code commentThreads.list}, page tokens), {@link #comment} ({@code
 *       commentThreads.insert}), {@link #reply} ({@code comments.insert} with {@code parentId}),
 *       {@link #moderate}: HIDE = {@code heldForReview}, UNHIDE = {@code published}, DELETE =
 *       {@code comments.delete} (the comment's author only; to remove others' comments use {@link
 *       #setModerationStatus} with {@code REJECTED});
 *   <li>a client-side quota account ({@link YouTubeQuota}): a call that does not fit in what is left
 *       of the day fails offline with {@link QuotaExceededException}, as does Google's {@code
 *       quotaExceeded}; neither is retried.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * YouTubeClient yt = YouTubeClient.builder().accessToken(token).build();
 * PublishedPost p = yt.publish(Post.builder().text("Behind the scenes")
 *     .addMedia(Media.fromFile(Path.of("clip.mp4")))
 *     .option(YouTubeOptions.builder().title("Spring shoot").build()).build());
 * }</pre>
 */
@SmoPublicApi
public interface YouTubeClient extends SocialClient, io.smo.core.inbox.InboxClient {
  /** The production base URL of the Data API (paths {@code youtube/v3/...}, {@code upload/youtube/v3/...}). */
  URI DEFAULT_BASE_URL = URI.create("https://www.googleapis.com/");
  /** The production base URL of the Analytics API (path {@code v2/reports}). */
  URI DEFAULT_ANALYTICS_BASE_URL = URI.create("https://youtubeanalytics.googleapis.com/");
  /** The default upload chunk: 10 MiB (40 x 256 KiB, as Google's Java client). */
  long DEFAULT_CHUNK_SIZE = 10L * 1024 * 1024;
  /** The chunk granularity Google requires: 256 KiB. */
  long CHUNK_GRANULARITY = 256L * 1024;

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

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
   * @throws io.smo.core.exception.ValidationException if the file is missing, not JPEG/PNG or too large
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
   * Sets the moderation status of a comment ({@code comments.setModerationStatus}; 50 units;
   * {@code youtube.force-ssl}).
   *
   * @param banAuthor also ban the author; allowed only with {@link YouTubeModerationStatus#REJECTED}
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
   * {@link #tokenProvider} or {@link #oauth(OAuth2Config, TokenStore, String)}.
   */
  final class Builder extends ClientBuilder<Builder> {
    private URI analyticsBaseUrl;
    private YouTubeQuota quota = YouTubeQuota.defaults();
    private long chunkSize = DEFAULT_CHUNK_SIZE;
    private Duration processingTimeout = Duration.ofMinutes(30);
    private Duration processingPollInterval = Duration.ofSeconds(5);
    private UploadListener uploadListener = UploadListener.NONE;
    private Boolean analytics;
    private String channelId = "mine";
    private OAuth2Config oauthConfig;
    private TokenStore oauthStore;
    private String oauthAccount;

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
     * Sets the upload chunk size in bytes: a positive multiple of 256 KiB. Default 10 MiB.
     *
     * @throws IllegalArgumentException if not a positive multiple of 262,144
     */
    public Builder uploadChunkSize(long bytes) {
      if (bytes <= 0 || bytes % CHUNK_GRANULARITY != 0) {
        throw new IllegalArgumentException("uploadChunkSize must be a positive multiple of 262144: " + bytes);
      }
      this.chunkSize = bytes;
      return this;
    }

    /**
     * Sets how long publish waits for processing in all. Default 30 minutes.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder processingTimeout(Duration timeout) {
      requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("processingTimeout <= 0: " + timeout);
      }
      this.processingTimeout = timeout;
      return this;
    }

    /**
     * Sets the first wait between processing polls (doubles up to 30 s). Default 5 s.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder processingPollInterval(Duration interval) {
      requireNonNull(interval, "interval == null");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("processingPollInterval < 0: " + interval);
      }
      this.processingPollInterval = interval;
      return this;
    }

    /** Receives upload and processing progress. Default none. */
    public Builder uploadListener(UploadListener listener) {
      this.uploadListener = requireNonNull(listener, "listener == null");
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

    /** Sets the channel id this client acts for (account key and Analytics {@code ids}). Default {@code mine}. */
    public Builder channelId(String channelId) {
      this.channelId = requireNonNull(channelId, "channelId == null");
      return this;
    }

    /**
     * Uses Google OAuth: tokens loaded from {@code store} under {@code accountKey}, refreshed with
     * {@code config} (see {@link YouTubeOAuth#config}) before expiry and once after a rejection,
     * {@code invalid_grant} explained by {@link YouTubeOAuth#refresher}.
     */
    public Builder oauth(OAuth2Config config, TokenStore store, String accountKey) {
      this.oauthConfig = requireNonNull(config, "config == null");
      this.oauthStore = requireNonNull(store, "store == null");
      this.oauthAccount = requireNonNull(accountKey, "accountKey == null");
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if no credentials were set
     */
    public YouTubeClient build() {
      if (oauthConfig != null) {
        OkHttpClient http = httpSettings().newOkHttpClient();
        OAuth2Flow flow = new OAuth2Flow(Platform.YOUTUBE, oauthConfig, http, clock());
        tokenProvider(RefreshingTokenProvider.builder(oauthAccount, oauthStore,
            YouTubeOAuth.refresher(flow)).clock(clock()).platform(Platform.YOUTUBE).build());
      }
      URI analyticsUrl = analyticsBaseUrl != null ? analyticsBaseUrl
          : baseUrlOverride() != null ? baseUrlOverride() : DEFAULT_ANALYTICS_BASE_URL;
      ApiRuntime runtime = runtime(Platform.YOUTUBE, "smo-youtube", DEFAULT_BASE_URL,
          new YouTubeErrorMapper(), RateLimitHeaderParser.NONE, RateLimitPolicy.unlimited(), channelId);
      return new DefaultYouTubeClient(runtime, new DefaultYouTubeClient.Settings(analyticsUrl, quota,
          chunkSize, processingTimeout, processingPollInterval, uploadListener, analytics, channelId));
    }
  }
}
