package io.smo.pinterest;

import static java.util.Objects.requireNonNull;

import io.smo.core.ClientBuilder;
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
import io.smo.pinterest.internal.DefaultPinterestClient;
import io.smo.pinterest.internal.PinterestErrorMapper;
import io.smo.pinterest.internal.PinterestRateLimitParser;
import io.smo.pinterest.internal.PinterestUploadProtocol;
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
 *       image_base64} (files and bytes, base64-encoded while streaming, never read whole); several
 *       images as {@code multiple_image_urls} or {@code multiple_image_base64}. A video is
 *       registered ({@code POST /v5/media}), uploaded to the returned {@code upload_url} as a
 *       multipart form with the returned {@code upload_parameters} (streamed from disk, without the
 *       Authorization header), polled ({@code GET /v5/media/{id}}) until {@code succeeded}, then
 *       published with {@code video_id} and the cover image.
 *   <li>The board is required: {@link PinterestOptions#boardId()} or {@link
 *       Builder#defaultBoardId(String)}; without one, publish throws {@link ValidationException}.
 *   <li>No comments API and no native scheduling: those calls throw {@link
 *       io.smo.core.exception.UnsupportedFeatureException}; a scheduled post fails validation.
 *   <li><b>Trial access:</b> apps with Trial access create Pins and boards visible only to their
 *       creator (sandbox entities), and get 1,000 requests a day ({@link #trialRateLimits()}).
 *   <li>Scopes: {@code boards:read, boards:write, pins:read, pins:write} (plus the {@code _secret}
 *       variants for secret boards); analytics need {@code pins:read}.
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
   * Returns the default client-side caps, one bucket per {@link PinterestRateBucket} (the {@code
   * x-ratelimit-category} of the calls the client makes: {@code org_read}, {@code org_write},
   * {@code org_analytics}), each at Standard access's universal 100 requests per second per user
   * per app. Pinterest's per-category per-minute figures for these categories are not published in
   * a readable form, so the server's headers and 429s drive the rest. Limits are kept per account
   * ({@link #accountId()}).
   *
   * @see <a href="https://developers.pinterest.com/docs/reference/rate-limits/">Rate limits</a>
   */
  static RateLimitPolicy defaultRateLimits() {
    return RateLimitPolicy.documented(PinterestRateBucket.values());
  }

  /**
   * Returns caps for Trial access: {@link PinterestRateBucket#TRIAL_LIMIT} (1,000) requests per day
   * in each {@link PinterestRateBucket}, and no waiting for a refill (a day is too long).
   *
   * @see <a href="https://developers.pinterest.com/docs/key-concepts/access-tiers/">Access
   *     tiers</a>
   */
  static RateLimitPolicy trialRateLimits() {
    RateLimitPolicy.Builder b = RateLimitPolicy.builder();
    for (PinterestRateBucket bucket : PinterestRateBucket.values()) {
      b.bucket(bucket, PinterestRateBucket.TRIAL_LIMIT, PinterestRateBucket.TRIAL_PERIOD);
    }
    return b.maxWait(Duration.ZERO).build();
  }

  /**
   * Returns the account's Pinterest username (its {@link io.smo.core.Target} account, the key rate
   * limits and idempotency are kept under): the one given to {@link Builder#accountId(String)},
   * else read once from {@code GET /v5/user_account} and kept. Equal to {@link #accountKey()}.
   *
   * @throws SmoException if it has to be read and the call fails
   */
  String accountId();

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
   * Reads a Pin's analytics for a date window ({@code GET /v5/pins/{id}/analytics}, all app types,
   * no split): IMPRESSION, OUTBOUND_CLICK, PIN_CLICK, SAVE, SAVE_RATE, TOTAL_COMMENTS,
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
   * String)} for refreshing tokens. Settings shared by every module come from {@link
   * ClientBuilder}: {@code accountId} (the Pinterest username), {@code processingTimeout} (video
   * processing, default 10 minutes), {@code pollInterval} (first wait between video status polls,
   * doubling up to 30 s, default 2 s), {@code uploadListener}.
   */
  final class Builder extends ClientBuilder<Builder> {
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private String defaultBoardId;

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

    /**
     * Uses refreshing OAuth 2.0 tokens: loaded from and saved to {@code store} under {@code key},
     * refreshed before expiry and once after a 401, the rotated refresh token persisted (continuous
     * refresh). Same as {@code tokenProvider(oauth.tokenProvider(key, store))}.
     *
     * @param key the key the token is stored under (not the account id)
     */
    public Builder oauth(PinterestOAuth oauth, TokenStore store, String key) {
      requireNonNull(oauth, "oauth == null");
      return tokenProvider(oauth.tokenProvider(requireNonNull(key, "key == null"), store));
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if no credentials were set
     */
    public PinterestClient build() {
      String accountId = accountIdSetting();
      ApiRuntime runtime =
          runtime(
              Platform.PINTEREST,
              "smo-pinterest",
              DEFAULT_BASE_URL,
              new PinterestErrorMapper(),
              new PinterestRateLimitParser(),
              defaultRateLimits(),
              accountId != null ? accountId : Platform.PINTEREST.id());
      return new DefaultPinterestClient(
          runtime,
          accountId,
          defaultBoardId,
          processingTimeoutOr(PinterestUploadProtocol.DEFAULT_PROCESSING_TIMEOUT),
          pollIntervalOr(PinterestUploadProtocol.DEFAULT_POLL_INTERVAL),
          uploadListener());
    }
  }
}
