package io.smo.facebook;

import static java.util.Objects.requireNonNull;

import io.smo.core.ClientBuilder;
import io.smo.core.HttpSettings;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.SocialClient;
import io.smo.core.http.ApiRuntime;
import io.smo.core.inbox.InboxClient;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.facebook.internal.DefaultFacebookClient;
import io.smo.metagraph.GraphApiVersion;
import io.smo.metagraph.spi.AppSecretProof;
import io.smo.metagraph.spi.GraphErrorMapper;
import io.smo.metagraph.spi.GraphRateLimitParser;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * Publishes to one Facebook Page through the Graph API and reads its engagement. Immutable and
 * thread-safe; close it to release what it created (its runtime, and the HTTP client it built for
 * {@code appsecret_proof}). The account is the Page: {@link Builder#accountId(String)} takes the
 * Page id; without it the id is read once with {@code GET /me?fields=id} (the Page token's own
 * node) on first use.
 *
 * <ul>
 *   <li>text and link: {@code POST /{page-id}/feed} ({@code message}, {@code link});
 *   <li>one photo: {@code POST /{page-id}/photos} ({@code url} or multipart {@code source}, {@code
 *       caption}); the returned {@code post_id} is the post's id (insights and comments belong to
 *       it), the photo id is kept as attribute {@code photoId};
 *   <li>several photos: each uploaded with {@code published=false} (plus {@code temporary=true}
 *       when scheduled), then {@code POST /{page-id}/feed} with {@code attached_media[i]};
 *   <li>video: {@code POST /{page-id}/videos}, with {@code file_url} for a URL, else the chunked
 *       protocol ({@code upload_phase=start|transfer|finish}, server-decided offsets, a failed
 *       chunk resumed at the offset the error reports), then {@code status.video_status} polled to
 *       {@code ready};
 *   <li>Reel ({@link FacebookOptions#asReel()}): {@code POST /{page-id}/video_reels} {@code
 *       upload_phase=start}, the bytes to the returned {@code upload_url} ({@code offset} and
 *       {@code file_size} headers), then {@code upload_phase=finish} with {@code
 *       video_state=PUBLISHED|SCHEDULED};
 *   <li>native scheduling: {@code published=false} + {@code scheduled_publish_time} (unix seconds),
 *       10 minutes to 30 days ahead (checked offline);
 *   <li>audience: {@code targeting} and {@code feed_targeting} (see {@link FacebookOptions}).
 * </ul>
 *
 * <p>Permissions: {@code pages_manage_posts}, {@code pages_read_engagement}, {@code
 * pages_show_list} to publish; {@code publish_video} for video; {@code pages_manage_engagement} to
 * reply, hide and delete comments; {@code read_insights} for insights.
 *
 * <pre>{@code
 * try (FacebookClient fb = FacebookClient.builder().accountId("1234").accessToken(pageToken).build()) {
 *   PublishedPost p = fb.publish(Post.builder().text("Hello").build());
 * }
 * }</pre>
 *
 * @see <a href="https://developers.facebook.com/docs/pages-api/posts">Pages API: posts</a>
 * @see <a href="https://developers.facebook.com/docs/video-api/guides/reels-publishing">Reels
 *     publishing</a>
 */
@SmoPublicApi
public interface FacebookClient extends SocialClient, InboxClient {
  /** The production base URL. */
  URI DEFAULT_BASE_URL = URI.create("https://graph.facebook.com/");

  /**
   * Longest wait for video processing unless {@link Builder#processingTimeout(Duration)}: 30
   * minutes.
   */
  Duration PROCESSING_DEADLINE = Duration.ofMinutes(30);

  /** Wait between video status reads unless {@link Builder#pollInterval(Duration)}: 2 seconds. */
  Duration POLL_INTERVAL = Duration.ofSeconds(2);

  /** Returns a builder. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the client-side caps used unless {@link Builder#rateLimitPolicy} says otherwise: the
   * Conversations API's 2 calls per second per Page ({@link FacebookRateBucket#CONVERSATIONS}),
   * paced rather than refused: a call waits up to {@link #CONVERSATIONS_MAX_WAIT} (one window) for
   * its slot, so that reading many pages of conversations (an inbox poll) goes at the allowed pace
   * instead of failing on its third page. The Pages calls are paced by Graph's usage headers
   * instead (see {@link FacebookRateBucket}); a window they report that opens later than that wait
   * still fails at once.
   */
  static RateLimitPolicy defaultRateLimits() {
    return RateLimitPolicy.unlimited().toBuilder()
        .bucket(FacebookRateBucket.CONVERSATIONS)
        .maxWait(CONVERSATIONS_MAX_WAIT)
        .build();
  }

  /**
   * The longest a call waits for a client-side window in {@link #defaultRateLimits()}: one window
   * of the Conversations API's 2 calls per second, 1 second.
   */
  Duration CONVERSATIONS_MAX_WAIT = Duration.ofSeconds(1);

  /**
   * Returns the Page id this client acts as: the one given to {@link Builder#accountId(String)},
   * else read once with {@code GET /me?fields=id} with the Page token and kept. Same as {@link
   * #accountKey()}.
   *
   * @throws io.smo.core.exception.SmoException if that read fails
   */
  String accountId();

  /** Returns the Graph API version in use. */
  GraphApiVersion apiVersion();

  /**
   * Builds a {@link FacebookClient}: a Page access token ({@link #accessToken(String)} or {@link
   * #tokenProvider(io.smo.core.auth.TokenProvider)}) is required; {@link #accountId(String)} (the
   * Page id) is optional. Mutable, not thread-safe.
   */
  final class Builder extends ClientBuilder<Builder> {
    private GraphApiVersion version = GraphApiVersion.DEFAULT;
    private String appSecret;

    private Builder() {}

    /** Sets the Graph API version. Default {@link GraphApiVersion#DEFAULT} (v26.0). */
    public Builder apiVersion(GraphApiVersion version) {
      this.version = requireNonNull(version, "version == null");
      return this;
    }

    /**
     * Sets the Graph API version, e.g. {@code "v25.0"}.
     *
     * @throws IllegalArgumentException if it is not of the form {@code vNN.N}
     */
    public Builder apiVersion(String version) {
      return apiVersion(GraphApiVersion.of(version));
    }

    /**
     * Sets the app secret: every call then carries {@code appsecret_proof} (hex HMAC-SHA256 of the
     * token). The secret is never logged.
     */
    public Builder appSecret(String appSecret) {
      this.appSecret = appSecret;
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if the credentials are missing
     */
    public FacebookClient build() {
      String accountId = accountIdSetting();
      OkHttpClient owned = null;
      if (appSecret != null && !appSecret.isEmpty()) {
        AppSecretProof proof = AppSecretProof.of(appSecret);
        HttpSettings s = httpSettings();
        OkHttpClient base = s.okHttpClient().orElse(null);
        OkHttpClient withProof =
            (base != null ? base.newBuilder() : new OkHttpClient.Builder())
                .addNetworkInterceptor(proof.networkInterceptor())
                .build();
        if (base == null) {
          owned = withProof;
        }
        httpSettings(s.toBuilder().okHttpClient(withProof).build());
      }
      ApiRuntime rt =
          runtime(
              Platform.FACEBOOK,
              "smo-facebook",
              DEFAULT_BASE_URL,
              new GraphErrorMapper(Platform.FACEBOOK),
              new GraphRateLimitParser(Platform.FACEBOOK),
              defaultRateLimits(),
              accountId != null ? accountId : Platform.FACEBOOK.id());
      return new DefaultFacebookClient(
          rt,
          version,
          accountId,
          uploadListener(),
          processingTimeoutOr(PROCESSING_DEADLINE),
          pollIntervalOr(POLL_INTERVAL),
          owned);
    }
  }
}
