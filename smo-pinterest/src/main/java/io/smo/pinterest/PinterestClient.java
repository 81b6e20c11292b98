package io.smo.pinterest;

import static java.util.Objects.requireNonNull;

import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoPublicApi;
import io.smo.core.SocialClient;
import io.smo.core.auth.TokenStore;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.pagination.Paginator;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.ClientBuilder;
import io.smo.core.upload.UploadListener;
import io.smo.pinterest.internal.DefaultPinterestClient;
import io.smo.pinterest.internal.PinterestErrorMapper;
import io.smo.pinterest.internal.PinterestRateLimitParser;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Pinterest account over API v5: publishes image, carousel (2–5 images) and video Pins to a
 * board, deletes Pins, reads Pin analytics, and lists and creates boards.
 *
 * <ul>
 *   <li>{@link #publish} sends {@code POST /v5/pins}. The post text is the Pin description, its
 *       link the destination link; {@link PinterestOptions} adds board, title, alt text, dominant
 *       colour and video cover. One image goes as {@code image_url} (URL media) or {@code
 *       image_base64} (files and bytes, base64-encoded while streaming, never read whole);
 *       several images as {@code multiple_image_urls} or {@code multiple_image_base64}. A video is
 *       registered ({@code POST /v5/media}), uploaded to the returned {@code upload_url} as a
 *       multipart form with the returned {@code upload_parameters} (streamed from disk, without
 *       the Authorization header), polled ({@code GET /v5/media/{id}}) until {@code succeeded},
 *       then published with {@code video_id} and the cover image.
 *   <li>The board is required: {@link PinterestOptions#boardId()} or {@link
 *       Builder#defaultBoardId(String)}; without one, publish throws {@link ValidationException}.
 *   <li>No comments API and no native scheduling: those calls throw {@link
 *       io.smo.core.exception.UnsupportedFeatureException}; a scheduled post fails validation.
 *   <li><b>Trial access:</b> apps with Trial access create Pins and boards visible only to their
 *       creator (sandbox entities), and get 1,000 requests a day ({@link #trialRateLimits()}).
 *   <li>Scopes: {@code boards:read, boards:write, pins:read, pins:write} (plus the {@code
 *       _secret} variants for secret boards); analytics need {@code pins:read}.
 * </ul>
 *
 * <p>Immutable and thread-safe; close it to release its connection pool.
 *
 * <pre>{@code
 * try (PinterestClient pinterest = PinterestClient.builder()
 *     .accessToken(System.getenv("PINTEREST_TOKEN"))
 *     .defaultBoardId("549755885175")
 *     .build()) {
 *   PublishedPost pin = pinterest.publish(Post.builder().text("Summer salads")
 *       .addMedia(Media.fromFile(Path.of("salad.jpg"))).build());
 * }
 * }</pre>
 *
 * @see <a href="https://developers.pinterest.com/docs/api/v5/">Pinterest API v5</a>
 * @see <a href="https://developers.pinterest.com/docs/key-concepts/access-tiers/">Access tiers</a>
 */
@SmoPublicApi
public interface PinterestClient extends SocialClient {
  /** The production host; API paths start with {@code v5/}. */
  URI DEFAULT_BASE_URL = URI.create("https://api.pinterest.com/");

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the default client-side caps: one bucket per {@code x-ratelimit-category} the client
   * uses ({@code org_read}, {@code org_write}, {@code org_analytics}), each at Standard access's
   * universal 100 requests per second per user per app. Pinterest's per-category per-minute figures
   * for these categories are not published in a readable form, so the server's headers and 429s
   * drive the rest.
   */
  static RateLimitPolicy defaultRateLimits() {
    return RateLimitPolicy.builder()
        .bucket("org_read", 100, Duration.ofSeconds(1))
        .bucket("org_write", 100, Duration.ofSeconds(1))
        .bucket("org_analytics", 100, Duration.ofSeconds(1))
        .build();
  }

  /** Returns caps for Trial access: 1,000 requests per day per app in each category. */
  static RateLimitPolicy trialRateLimits() {
    return RateLimitPolicy.builder()
        .bucket("org_read", 1000, Duration.ofDays(1))
        .bucket("org_write", 1000, Duration.ofDays(1))
        .bucket("org_analytics", 1000, Duration.ofDays(1))
        .maxWait(Duration.ZERO)
        .build();
  }

  /** Returns the default board Pins go to when their options name none. */
  Optional<String> defaultBoardId();

  /**
   * Lists the account's boards ({@code GET /v5/boards}, bookmark paging, 25 per page), lazily.
   *
   * @throws SmoException while iterating, on failure
   */
  Paginator<Board> boards();

  /**
   * Creates a board ({@code POST /v5/boards}).
   *
   * @param name the name (required, not blank)
   * @param description the description, or {@code null}
   * @param privacy the privacy, or {@code null} for PUBLIC ({@code SECRET} needs {@code
   *     boards:write_secret})
   * @return the new board
   * @throws ValidationException if the name is blank or the privacy UNKNOWN
   * @throws io.smo.core.exception.PublishOutcomeUnknownException if the answer was lost
   * @throws SmoException on other failures
   */
  Board createBoard(String name, String description, BoardPrivacy privacy);

  /**
   * Reads a Pin's analytics for a date window ({@code GET /v5/pins/{id}/analytics}, all app
   * types, no split): IMPRESSION, OUTBOUND_CLICK, PIN_CLICK, SAVE, SAVE_RATE, TOTAL_COMMENTS,
   * TOTAL_REACTIONS and VIDEO_MRC_VIEW. Dates are UTC days.
   *
   * @param ref the Pin
   * @param startDate the first day, at most 90 days before today (UTC)
   * @param endDate the last day, not before {@code startDate} and at most 90 days after it
   * @throws ValidationException if the window breaks those rules (nothing was sent)
   * @throws io.smo.core.exception.NotFoundException if the Pin does not exist
   * @throws SmoException on other failures
   */
  EngagementMetrics metrics(PostRef ref, LocalDate startDate, LocalDate endDate);

  /**
   * Reads a Pin's analytics over the widest allowed window: the last 90 days up to today (UTC).
   *
   * @throws io.smo.core.exception.NotFoundException if the Pin does not exist
   * @throws SmoException on other failures
   */
  @Override
  EngagementMetrics metrics(PostRef ref);

  /**
   * Builds {@link PinterestClient}. Mutable, not thread-safe. Needs credentials: {@link
   * #accessToken(String)}, {@link #tokenProvider}, or {@link #oauth(PinterestOAuth, TokenStore,
   * String)} for refreshing tokens.
   */
  final class Builder extends ClientBuilder<Builder> {
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private String defaultBoardId;
    private String accountKey;
    private Duration videoProcessingTimeout = Duration.ofMinutes(10);
    private Duration pollInterval = Duration.ofSeconds(2);
    private UploadListener uploadListener = UploadListener.NONE;

    private Builder() {}

    /**
     * Sets the board Pins go to when their {@link PinterestOptions} name none. Default none.
     *
     * @throws IllegalArgumentException if not digits
     */
    public Builder defaultBoardId(String boardId) {
      requireNonNull(boardId, "boardId == null");
      if (!DIGITS.matcher(boardId).matches()) {
        throw new IllegalArgumentException("board id must be digits: " + boardId);
      }
      this.defaultBoardId = boardId;
      return this;
    }

    /** Sets the key rate limits and tokens are kept under. Default {@code "pinterest"}. */
    public Builder accountKey(String accountKey) {
      this.accountKey = requireNonNull(accountKey, "accountKey == null");
      return this;
    }

    /**
     * Uses refreshing OAuth 2.0 tokens: loaded from and saved to {@code store} under {@code
     * accountKey}, refreshed before expiry and once after a 401, the rotated refresh token
     * persisted (continuous refresh).
     */
    public Builder oauth(PinterestOAuth oauth, TokenStore store, String accountKey) {
      requireNonNull(oauth, "oauth == null");
      this.accountKey = requireNonNull(accountKey, "accountKey == null");
      return tokenProvider(oauth.tokenProvider(accountKey, store));
    }

    /**
     * Sets the longest wait for video processing. Default 10 minutes.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder videoProcessingTimeout(Duration timeout) {
      requireNonNull(timeout, "timeout == null");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("videoProcessingTimeout <= 0: " + timeout);
      }
      this.videoProcessingTimeout = timeout;
      return this;
    }

    /**
     * Sets the first wait between video status polls (doubling up to 30 s). Default 2 s.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder pollInterval(Duration interval) {
      requireNonNull(interval, "interval == null");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("pollInterval < 0: " + interval);
      }
      this.pollInterval = interval;
      return this;
    }

    /** Sets the listener of video upload and processing progress. Default none. */
    public Builder uploadListener(UploadListener listener) {
      this.uploadListener = requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if no credentials were set
     */
    public PinterestClient build() {
      String key = accountKey != null ? accountKey : "pinterest";
      ApiRuntime runtime = runtime(Platform.PINTEREST, "smo-pinterest", DEFAULT_BASE_URL,
          new PinterestErrorMapper(), new PinterestRateLimitParser(), defaultRateLimits(), key);
      return new DefaultPinterestClient(runtime, key, defaultBoardId, videoProcessingTimeout,
          pollInterval, uploadListener);
    }
  }
}
