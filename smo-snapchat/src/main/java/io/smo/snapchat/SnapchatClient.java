package io.smo.snapchat;

import static java.util.Objects.requireNonNull;

import io.smo.core.ClientBuilder;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoPublicApi;
import io.smo.core.SocialClient;
import io.smo.core.auth.TokenStore;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.pagination.Paginator;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.snapchat.SnapchatOptions.Destination;
import io.smo.snapchat.internal.DefaultSnapchatClient;
import io.smo.snapchat.internal.SnapchatErrorMapper;
import io.smo.snapchat.internal.SnapchatRateLimitParser;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Snapchat client: organic posts to a Public Profile's Story, Saved Stories or Spotlight (Public
 * Profile API, allow-listed apps), and promoted posts with audience targeting (Marketing API,
 * {@code https://adsapi.snapchat.com/v1}). Immutable and thread-safe; close it to release its
 * connection pool.
 *
 * <p><b>Organic</b> (no {@link SnapchatOptions#ads()}): the one media item is encrypted with
 * AES-256-CBC (fresh random key and IV, streamed from disk), uploaded in parts of at most 32 MB,
 * and posted to the {@link Destination}. The uploaded media object expires 24 hours after it was
 * created; Stories disappear 24 hours after posting, Saved Stories and Spotlights stay. Spotlight
 * takes video only and uses the post text as description (≤ 160); Stories take no text. Sources:
 * https://developers.snap.com/api/marketing-api/Public-Profile-API/Introduction and
 * .../ProfileAssetManagement; the posting, stats paths and answers are UNCONFIRMED (the copies of
 * the docs found stop after Create Media) and modelled on the Marketing API envelope.
 *
 * <p><b>Promoted</b> ({@link SnapchatOptions#ads()} set; spends money): the media is uploaded to
 * the ad account (chunked above 32 MB) and, in this order, one creative, one campaign, one ad squad
 * carrying the {@link io.smo.core.Audience} as {@code targeting}, and one ad are created. The
 * returned ref is the ad. Targeting without the ads option is refused offline with a {@link
 * ValidationException}: only ads can honour it on Snapchat.
 *
 * <p><b>Engagement</b>: {@link #metrics(PostRef)} reads the Marketing API stats of an ad
 * (impressions, swipes → clicks, video views, spend in micro-currency, screen time) or the insights
 * of an organic post (UNCONFIRMED path). {@link #delete(PostRef)} deletes ads; organic posts cannot
 * be deleted through any documented endpoint. Snapchat has no comments API: comment operations
 * throw {@link io.smo.core.exception.UnsupportedFeatureException}.
 *
 * <p><b>Limits and errors</b>: no rate-limit headers exist; the client caps itself at 10 requests
 * per second per token ({@link SnapchatRateBucket#TOKEN}; the per-app 20/s cap is shared by all
 * tokens of an app and is not tracked across clients). A 429 becomes {@link
 * io.smo.core.exception.RateLimitException}; 401 triggers one token refresh. Errors are mapped by
 * HTTP status (see https://developers.snap.com/api/marketing-api/Ads-API/errors).
 *
 * <pre>{@code
 * try (SnapchatClient snap = SnapchatClient.builder()
 *     .accountId("c9ba7b74-…").adAccountId("dbb95f66-…")
 *     .accessToken(token).build()) {
 *   snap.publish(Post.builder().addMedia(Media.fromFile(Path.of("clip.mp4")))
 *       .option(SnapchatOptions.builder().destination(Destination.SPOTLIGHT).build()).build());
 * }
 * }</pre>
 */
@SmoPublicApi
public interface SnapchatClient extends SocialClient {
  /** The Marketing API host. */
  URI ADS_BASE_URL = URI.create("https://adsapi.snapchat.com/");

  /** The Public Profile API host. */
  URI PROFILE_BASE_URL = URI.create("https://businessapi.snapchat.com/");

  /** Ref attribute: {@code story}, {@code saved_story}, {@code spotlight} or {@code ad}. */
  String ATTR_KIND = "kind";

  /** Ref attribute: the Public Profile id. */
  String ATTR_PROFILE = "profileId";

  /** Ref attribute: the ad account id. */
  String ATTR_AD_ACCOUNT = "adAccountId";

  /** Ref attribute: the campaign id of a promoted post. */
  String ATTR_CAMPAIGN = "campaignId";

  /** Ref attribute: the ad squad id of a promoted post. */
  String ATTR_AD_SQUAD = "adSquadId";

  /** Ref attribute: the creative id of a promoted post. */
  String ATTR_CREATIVE = "creativeId";

  /** Ref attribute: the media id. */
  String ATTR_MEDIA = "mediaId";

  /**
   * The default upload part size, which is also the largest single upload: 32 MB (Snap's maximum
   * part).
   */
  long DEFAULT_CHUNK_SIZE = SnapchatCapabilities.PART_BYTES;

  /** The default longest wait for uploaded media to become {@code READY}: 10 minutes. */
  Duration DEFAULT_PROCESSING_TIMEOUT = Duration.ofMinutes(10);

  /** The default first wait between media status polls: 1 second. */
  Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the default client-side caps: {@link SnapchatRateBucket#TOKEN}, 10 requests per second
   * (the documented per-token average), and a wait of at most 1 s for the next second's permits (a
   * call then waits exactly until its window opens instead of failing; set {@code
   * maxWait(Duration.ZERO)} to fail fast).
   */
  static RateLimitPolicy defaultRateLimits() {
    return RateLimitPolicy.documented(SnapchatRateBucket.values()).toBuilder()
        .maxWait(Duration.ofSeconds(1))
        .build();
  }

  /**
   * Returns the account this client acts as: the Public Profile id given to {@link
   * Builder#accountId(String)}, else (a client for promoted posts only) the ad account id. Same as
   * {@link #accountKey()}.
   */
  String accountId();

  /** Returns the ad account this client promotes in, if configured. */
  Optional<String> adAccountId();

  /**
   * Lists the ad account's ads (promoted posts) as refs, following {@code paging.next_link}. Lazy:
   * nothing is fetched until iteration.
   *
   * @throws ValidationException if the client has no ad account id
   */
  Paginator<PostRef> promotedPosts();

  /**
   * Builds {@link SnapchatClient}. Needs credentials ({@code accessToken}, {@code tokenProvider} or
   * {@link #oauth(SnapchatOAuth, TokenStore)}) and at least one of {@link #accountId(String)} (the
   * Public Profile id, for organic posts) and {@link #adAccountId(String)} (promoted posts). {@code
   * baseUrl(...)} overrides the Marketing API host and, unless {@link #profileBaseUrl(URI)} is set,
   * the Public Profile host too. Shared settings from {@link ClientBuilder}: {@code chunkSize}
   * (upload part size and largest single upload in bytes, 16 bytes to 32 MB, default 32 MB), {@code
   * processingTimeout} (default 10 minutes), {@code pollInterval} (default 1 s), {@code
   * uploadListener}. Mutable, not thread-safe.
   */
  final class Builder extends ClientBuilder<Builder> {
    private String adAccountId;
    private URI profileBaseUrl;
    private SnapchatOAuth oauth;
    private TokenStore oauthStore;

    private Builder() {}

    /** Sets the ad account promoted posts are created in. */
    public Builder adAccountId(String adAccountId) {
      this.adAccountId = requireNonNull(adAccountId, "adAccountId == null");
      return this;
    }

    /**
     * Overrides the Public Profile API host. Default {@link #PROFILE_BASE_URL} (or {@code baseUrl}
     * when set).
     */
    public Builder profileBaseUrl(URI profileBaseUrl) {
      this.profileBaseUrl = requireNonNull(profileBaseUrl, "profileBaseUrl == null");
      return this;
    }

    /**
     * Authenticates with OAuth tokens kept in {@code store} under the client's account id (the
     * profile id, else the ad account id), refreshed through {@code oauth} before expiry and once
     * after a 401; rotated refresh tokens are saved.
     */
    public Builder oauth(SnapchatOAuth oauth, TokenStore store) {
      this.oauth = requireNonNull(oauth, "oauth == null");
      this.oauthStore = requireNonNull(store, "store == null");
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if credentials or both ids are missing
     * @throws IllegalArgumentException if the chunk size is below 16 bytes or above 32 MB
     */
    public SnapchatClient build() {
      String profileId = accountIdSetting();
      if (profileId == null && adAccountId == null) {
        throw new IllegalStateException(
            "Snapchat client needs accountId(...) (the Public Profile id)"
                + " and/or adAccountId(...)");
      }
      long partBytes = chunkSizeOr(DEFAULT_CHUNK_SIZE);
      if (partBytes < 16 || partBytes > SnapchatCapabilities.PART_BYTES) {
        throw new IllegalArgumentException("chunk size must be 16 bytes .. 32 MB: " + partBytes);
      }
      String accountKey = profileId != null ? profileId : adAccountId;
      if (oauth != null) {
        tokenProvider(oauth.tokenProvider(accountKey, oauthStore, clock()));
      }
      ApiRuntime rt =
          runtime(
              Platform.SNAPCHAT,
              "smo-snapchat",
              ADS_BASE_URL,
              new SnapchatErrorMapper(),
              new SnapchatRateLimitParser(),
              defaultRateLimits(),
              accountKey);
      URI profileBase =
          profileBaseUrl != null
              ? profileBaseUrl
              : baseUrlOverride() != null ? baseUrlOverride() : PROFILE_BASE_URL;
      return new DefaultSnapchatClient(
          rt,
          new DefaultSnapchatClient.Settings(
              profileId,
              adAccountId,
              profileBase,
              partBytes,
              processingTimeoutOr(DEFAULT_PROCESSING_TIMEOUT),
              pollIntervalOr(DEFAULT_POLL_INTERVAL),
              uploadListener()));
    }
  }
}
