package io.smo.tiktok;

import static java.util.Objects.requireNonNull;

import io.smo.core.ClientBuilder;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.SocialClient;
import io.smo.core.exception.SmoException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.tiktok.TikTokOptions.PrivacyLevel;
import io.smo.tiktok.internal.DefaultTikTokClient;
import io.smo.tiktok.internal.TikTokErrorMapper;
import io.smo.tiktok.internal.TikTokRateLimitParser;
import java.net.URI;
import java.time.Duration;

/**
 * A TikTok creator account through the Content Posting API (video and photo posts, direct or to the
 * creator's inbox) and the Display API (metrics, account figures). Immutable and thread-safe; close
 * it to release its connection pool.
 *
 * <p>Publishing a post:
 *
 * <ol>
 *   <li>offline validation: core rules, a privacy level chosen explicitly for direct posts ({@link
 *       TikTokOptions#privacyLevel()} is never defaulted), photos only from URLs, photo title
 *       length, branded content not private;
 *   <li>for direct posts, {@code creator_info} is read (cached for {@link
 *       Builder#creatorInfoTtl(Duration) one minute}) and the post is checked against it: the
 *       privacy level must be one of the creator's options, an interaction the creator disabled
 *       must not be turned on, the video must not exceed the creator's maximum duration; else
 *       {@link io.smo.core.exception.ValidationException}, before the publish call;
 *   <li>init: {@code /v2/post/publish/video/init/} (direct), {@code
 *       /v2/post/publish/inbox/video/init/} (inbox) or {@code /v2/post/publish/content/init/}
 *       (photos, PULL_FROM_URL only); a local video is announced as FILE_UPLOAD with {@code
 *       chunk_size} and {@code total_chunk_count} computed by TikTok's rules (chunks 5 to 64 MB,
 *       the last up to 128 MB, at most 1,000, files under 5 MB whole) and streamed from disk in
 *       order with {@code Content-Range}; a URL video is sent as PULL_FROM_URL (the domain must be
 *       verified in the developer portal);
 *   <li>{@code /v2/post/publish/status/fetch/} is polled until {@code PUBLISH_COMPLETE}, {@code
 *       SEND_TO_USER_INBOX} or {@code FAILED}, under {@link Builder#processingTimeout(Duration)}
 *       (default 10 minutes), with progress to the {@link Builder#uploadListener upload listener}.
 *       The post id comes from {@code publicaly_available_post_id} (TikTok's spelling), which
 *       TikTok fills only after moderation; until then the returned ref carries the {@code
 *       publish_id} and the attribute {@code postIdPending=true}.
 * </ol>
 *
 * <p><b>Unaudited apps</b>: "All content posted by unaudited clients will be restricted to private
 * viewing mode": until TikTok audits the app, only {@link PrivacyLevel#SELF_ONLY} works, the
 * creator's account must be private, and at most 5 users may post per 24 hours. Posting otherwise
 * gives a {@link io.smo.core.exception.PermissionException}.
 *
 * <p>Not offered by TikTok's Content Posting and Display APIs (each throws {@link
 * io.smo.core.exception.UnsupportedFeatureException} with the reason): delete, native scheduling,
 * messages and mentions. Comments of TikTok <em>Business</em> accounts exist only in the separate
 * TikTok API for Business ({@code business-api.tiktok.com}, its own app, token and {@code
 * business_id}); they are off unless {@link Builder#businessAccount(TikTokBusinessAccount)} is
 * given, then comments, replies (at most 150 characters), hiding, deleting the account's own
 * comments and the inbox comment stream work (paths and shapes known from independent SDKs only).
 *
 * <p>Client-side rate limits default to TikTok's per-token caps ({@link TikTokRateBucket}):
 * creator_info 20/min, each init endpoint 6/min, status 30/min, video query and user info 600/min.
 * TikTok sends no rate-limit headers.
 *
 * <pre>{@code
 * try (TikTokClient tiktok = TikTokClient.builder().accessToken(token).build()) {
 *   PublishedPost p = tiktok.publish(Post.builder()
 *       .text("New drop #fashion")
 *       .addMedia(Media.fromFile(Path.of("clip.mp4")))
 *       .option(TikTokOptions.builder().privacyLevel(PrivacyLevel.SELF_ONLY).build())
 *       .build());
 * }
 * }</pre>
 *
 * @see <a href="https://developers.tiktok.com/doc/content-posting-api-get-started">Content Posting
 *     API</a>
 * @see <a href="https://developers.tiktok.com/doc/content-sharing-guidelines">Content sharing
 *     guidelines</a>
 * @see <a href="https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit">Rate limits</a>
 */
@SmoPublicApi
public interface TikTokClient extends SocialClient, io.smo.core.inbox.InboxClient {
  /** The production API base. */
  URI DEFAULT_BASE_URL = URI.create("https://open.tiktokapis.com/");

  /** The default preferred chunk size: 10,000,000 bytes, as in TikTok's guide. */
  long DEFAULT_CHUNK_SIZE = 10_000_000L;

  /** The default longest wait for TikTok to finish a post: 10 minutes. */
  Duration DEFAULT_PROCESSING_TIMEOUT = Duration.ofMinutes(10);

  /** The default first wait between status polls (doubling up to 30 s): 2 seconds. */
  Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Returns TikTok's documented per-token caps as a policy: every {@link TikTokRateBucket} at its
   * documented limit ({@code creator-info} 20/min, {@code video-init}, {@code inbox-init} and
   * {@code content-init} 6/min each, {@code status} 30/min, {@code video-query} and {@code
   * user-info} 600/min).
   */
  static RateLimitPolicy defaultRateLimits() {
    return RateLimitPolicy.documented(TikTokRateBucket.values());
  }

  /**
   * Returns the creator's {@code open_id}: the one given to {@link Builder#accountId(String)}, else
   * read once with {@code GET /v2/user/info/?fields=open_id} (scope {@code user.info.basic}) and
   * kept. Same as {@link #accountKey()}.
   *
   * @throws SmoException if that call fails
   */
  String accountId();

  /**
   * Returns the creator's current posting options, cached for the builder's {@link
   * Builder#creatorInfoTtl(Duration) TTL} (one minute by default).
   *
   * @throws SmoException when TikTok refuses (e.g. {@code scope_not_authorized} without {@code
   *     video.publish}) or cannot be reached
   */
  CreatorInfo creatorInfo();

  /**
   * Builds {@link TikTokClient}. Needs credentials ({@code accessToken} or {@code tokenProvider},
   * e.g. {@link TikTokOAuth#tokenProvider}). Shared settings come from {@link ClientBuilder}:
   * {@code accountId} (the creator's {@code open_id}; learned from {@code user/info} when not set),
   * {@code chunkSize} (preferred bytes per chunk, default {@value TikTokClient#DEFAULT_CHUNK_SIZE},
   * clamped to TikTok's 5 to 64 MB and raised when a file would need more than 1,000 chunks),
   * {@code processingTimeout} (default 10 minutes), {@code pollInterval} (first wait between status
   * polls, doubling up to 30 s; default 2 s) and {@code uploadListener}. Mutable, not thread-safe.
   */
  final class Builder extends ClientBuilder<Builder> {
    private Duration creatorInfoTtl = Duration.ofMinutes(1);
    private TikTokBusinessAccount business;

    private Builder() {}

    /**
     * Stands in for the Content Posting token of a client built with {@link #businessAccount} only:
     * every Content Posting or Display call is refused, typed, before anything is sent.
     */
    private static final io.smo.core.auth.TokenProvider NO_CONTENT_POSTING_TOKEN =
        () -> {
          throw new io.smo.core.exception.AuthenticationException(
              io.smo.core.exception.ErrorDetails.builder(Platform.TIKTOK, "content posting token")
                  .message(
                      "this TikTok client was built for Business comments only: publishing,"
                          + " metrics and account info need the Content Posting token"
                          + " (accessToken(...) or tokenProvider(...))")
                  .build());
        };

    /**
     * Sets how long {@code creator_info} is reused. Default 1 minute; zero re-reads it for every
     * post.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder creatorInfoTtl(Duration ttl) {
      requireNonNull(ttl, "ttl == null");
      if (ttl.isNegative()) {
        throw new IllegalArgumentException("creatorInfoTtl < 0: " + ttl);
      }
      this.creatorInfoTtl = ttl;
      return this;
    }

    /**
     * Turns on comments of a TikTok Business account through the TikTok API for Business: {@link
     * TikTokClient#comments}, {@link TikTokClient#reply}, {@link TikTokClient#comment}, {@link
     * TikTokClient#moderate} (hide, unhide, delete own) and the inbox's {@link
     * TikTokClient#commentStream()}. Off by default: without it those operations throw {@link
     * io.smo.core.exception.UnsupportedFeatureException} with the reason.
     *
     * <p>A client may be built with this option alone (no Content Posting token): it then serves
     * comments only, its {@link TikTokClient#accountKey() account key} is the {@code business_id}
     * (unless {@code accountId} is set), and publishing, metrics and account info throw {@link
     * io.smo.core.exception.AuthenticationException} before anything is sent. With both tokens the
     * account key is the Content Posting {@code open_id}, learned on first use.
     *
     * @param account the Business account's {@code business_id} and Business API token
     */
    public Builder businessAccount(TikTokBusinessAccount account) {
      this.business = requireNonNull(account, "account == null");
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if no credentials were set (neither a token nor {@link
     *     #businessAccount})
     */
    public TikTokClient build() {
      String accountId = accountIdSetting();
      if (tokenProvider() == null && business != null) {
        // a client for Business comments only: its account is the business account
        accountId = accountId != null ? accountId : business.businessId();
        accountId(accountId);
        tokenProvider(NO_CONTENT_POSTING_TOKEN);
      }
      ApiRuntime runtime =
          runtime(
              Platform.TIKTOK,
              "smo-tiktok",
              DEFAULT_BASE_URL,
              new TikTokErrorMapper(),
              new TikTokRateLimitParser(),
              defaultRateLimits(),
              accountId != null ? accountId : Platform.TIKTOK.id());
      ApiRuntime businessRuntime = null;
      if (business != null) {
        // its own runtime: its own token (refreshed after a 40105 like any client's), sent as
        // Access-Token without "Bearer", masked wherever TikTok echoes it
        businessRuntime =
            runtimeBuilder(
                    Platform.TIKTOK,
                    "smo-tiktok",
                    business.baseUrl(),
                    business.tokenProvider(),
                    new TikTokErrorMapper(),
                    new TikTokRateLimitParser(),
                    defaultRateLimits(),
                    business.businessId())
                .authHeader("Access-Token", "")
                .build();
      }
      return new DefaultTikTokClient(
          runtime,
          businessRuntime,
          new DefaultTikTokClient.Settings(
              accountId,
              chunkSizeOr(DEFAULT_CHUNK_SIZE),
              processingTimeoutOr(DEFAULT_PROCESSING_TIMEOUT),
              pollIntervalOr(DEFAULT_POLL_INTERVAL),
              creatorInfoTtl,
              uploadListener(),
              business));
    }
  }
}
