package io.smo.instagram;

import static java.util.Objects.requireNonNull;

import io.smo.core.ClientBuilder;
import io.smo.core.SmoPublicApi;
import io.smo.core.SocialClient;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.exception.ValidationException;
import io.smo.core.inbox.InboxClient;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.Mention;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.instagram.internal.DefaultInstagramClient;
import io.smo.instagram.internal.InstagramErrorMapper;
import io.smo.instagram.internal.InstagramRateLimitParser;
import io.smo.metagraph.GraphApiVersion;
import io.smo.metagraph.spi.AppSecretProof;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * An Instagram professional account (Business or Creator) over the Instagram Graph API, with
 * Instagram Login ({@code graph.instagram.com}) or Facebook Login ({@code graph.facebook.com}),
 * chosen at build time ({@link ApiFlavor}).
 *
 * <p><b>Publishing</b> follows the container protocol of the <a
 * href="https://developers.facebook.com/docs/instagram-platform/content-publishing">content-publishing
 * guide</a>:
 *
 * <ol>
 *   <li>the daily publishing limit is read ({@code content_publishing_limit}); when it is used up
 *       the post is refused with {@link io.smo.core.exception.QuotaExceededException} before
 *       anything is sent;
 *   <li>a container is created per item ({@code POST /{ig-user-id}/media}): images by URL (local
 *       files through the {@link MediaHost}), videos by URL or by the resumable upload to {@code
 *       rupload.facebook.com}; carousels get one child per item ({@code is_carousel_item}) and a
 *       parent ({@code media_type=CAROUSEL}) carrying caption and options;
 *   <li>each container is polled ({@code GET /{container-id}?fields=status_code,status}) until
 *       {@code FINISHED}, every {@link Builder#pollInterval pollInterval} (doubling up to 30 s)
 *       within {@link Builder#processingTimeout processingTimeout}; {@code ERROR} and {@code
 *       EXPIRED} end with {@link io.smo.core.exception.MediaProcessingException}; every child and
 *       then the parent is polled. Each state reaches the {@link Builder#uploadListener upload
 *       listener} and the {@link io.smo.core.event.SmoListener#onUpload SmoListener} as an upload
 *       event ({@code PROCESSING} with the {@code status_code}, then {@code READY} or {@code
 *       FAILED});
 *   <li>{@code POST /{ig-user-id}/media_publish?creation_id=…} publishes; an answer lost after it
 *       was sent is {@link io.smo.core.exception.PublishOutcomeUnknownException} (never re-sent);
 *       "media not ready" (9007 / 2207027) polls longer and tries again.
 * </ol>
 *
 * <p>A failure while creating a container (for instance 9004 / 2207052, the media URL could not be
 * fetched) published nothing; container creates are retried like idempotent writes because an
 * unpublished container has no visible effect and expires after 24 hours.
 *
 * <p><b>Inbox</b> ({@link InboxClient}): conversations and their messages (the 20 most recent of
 * each, Meta's limit), sends inside the 24-hour window or with the {@code HUMAN_AGENT} tag up to 7
 * days, one private reply per comment within 7 days, and mentions (media the account is tagged in,
 * {@code GET /{ig-user-id}/tags}; with Facebook Login also comments and captions that @mention it,
 * read by id from a {@code mentions} webhook: {@link #mentionedComment}, {@link #mentionedMedia}).
 * With Instagram Login messages go through {@code /{ig-user-id}/conversations} and {@code
 * /messages}; with Facebook Login through the linked Page ({@code platform=instagram}), so {@link
 * Builder#facebookPageId} is needed for messaging.
 *
 * <p>Not offered by the API: native scheduling (schedule with {@code smo-scheduler}), audience
 * targeting, text-only posts, clickable links in captions, editing; deleting published media only
 * with Facebook Login.
 *
 * <p>Immutable and thread-safe. {@link #close()} releases what the client created (its HTTP
 * client), never an {@code OkHttpClient} passed in through {@code httpSettings}.
 *
 * <pre>{@code
 * InstagramClient ig = InstagramClient.builder()
 *     .flavor(ApiFlavor.INSTAGRAM_LOGIN)
 *     .accountId("17841400000000000")
 *     .accessToken(longLivedToken)
 *     .mediaHost(myS3Host)
 *     .build();
 * PublishedPost p = ig.publish(Post.builder().text("Hello #world")
 *     .addMedia(Media.fromFile(Path.of("photo.jpg"))).build());
 * }</pre>
 */
@SmoPublicApi
public interface InstagramClient extends SocialClient, InboxClient {
  /** Default wait between two container status checks (doubles up to 30 s): 10 seconds. */
  Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

  /** Default longest wait for a container to reach FINISHED: 5 minutes (Meta's advice). */
  Duration DEFAULT_PROCESSING_TIMEOUT = Duration.ofMinutes(5);

  /** Returns a builder. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Returns Instagram's documented fixed caps as client-side buckets, from {@link
   * InstagramRateBucket}: containers 400 and API-published posts 100 per account per 24 hours,
   * Conversations API 2 calls/s, sends 100/s, private replies 750/h, hashtag search 30 per 7 days.
   * {@link InstagramRateBucket#GRAPH} scales with impressions and is left to Meta's usage header. A
   * throttle answer (80002) carries no wait, so the longest wait allowed is 90 s (the default
   * one-minute back-off must fit).
   */
  static RateLimitPolicy defaultRateLimits() {
    RateLimitPolicy.Builder b = RateLimitPolicy.builder();
    for (InstagramRateBucket bucket : InstagramRateBucket.values()) {
      if (bucket != InstagramRateBucket.GRAPH) {
        b.bucket(bucket);
      }
    }
    return b.maxWait(Duration.ofSeconds(90)).build();
  }

  /** Returns the API flavour. */
  ApiFlavor flavor();

  /** Returns the Graph API version path, e.g. {@code v26.0}. */
  String apiVersion();

  /**
   * Returns the Instagram professional account id (the IG User id) this client acts as: the one
   * given to {@link Builder#accountId}, else learned once from the platform — with Facebook Login
   * and a Page, {@code GET /{page-id}?fields=instagram_business_account}; with Instagram Login,
   * {@code GET /me?fields=user_id,username}.
   *
   * @throws io.smo.core.exception.NotFoundException if the Page has no linked Instagram account
   * @throws io.smo.core.exception.SmoException if the lookup failed
   */
  String accountId();

  /**
   * Returns {@link #accountId()}: {@link SocialClient#accountKey()} is the real platform id.
   *
   * @throws io.smo.core.exception.SmoException if the id had to be learned and the lookup failed
   */
  @Override
  String accountKey();

  /**
   * Reads the publishing limit ({@code GET
   * /{ig-user-id}/content_publishing_limit?fields=quota_usage,config}).
   *
   * @return used and allowed posts in the 24-hour moving window
   * @throws io.smo.core.exception.SmoException if the read failed
   */
  PublishingQuota publishingQuota();

  /**
   * Reads a comment by someone else that @mentions the account, with Facebook Login ({@code GET
   * /{ig-user-id}?fields=mentioned_comment.comment_id(<id>){id,text,timestamp,like_count,username,
   * media{id}}}). The id comes from a {@code mentions} webhook ({@code comment_id}); Graph has no
   * list of such comments. {@code id}, {@code text}, {@code timestamp}, {@code like_count} and
   * {@code media} are the fields the edge lists; {@code username} is an IG Comment field its {@code
   * {fields}} takes — when Graph refuses it, the comment is read again without it and the author
   * stays unknown ({@link Mention#dropped()} says so). Answer it with {@link #answer(InboxItem,
   * String)} ({@code POST /{ig-user-id}/mentions} with {@code media_id} and {@code comment_id}).
   *
   * @param commentId the mentioning comment's id (decimal digits)
   * @return the mention ({@link Mention.Source#COMMENT}) on the media the comment is on, its
   *     author's handle, text and time (UTC)
   * @throws UnsupportedFeatureException with Instagram Login ({@code graph.instagram.com} lists
   *     only {@code /tags} and {@code /mentions}), before any call
   * @throws ValidationException if the id is blank or not a Graph id, before any call
   * @throws io.smo.core.exception.NotFoundException if Graph knows no such comment mentioning the
   *     account (code 100 / 33), e.g. deleted, or comments disabled on its media
   * @throws io.smo.core.exception.PermissionException if the token lacks {@code
   *     instagram_manage_comments} (or {@code instagram_basic}, {@code pages_read_engagement})
   * @throws io.smo.core.exception.SmoException on other failures
   * @see <a
   *     href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentioned_comment">IG
   *     User mentioned_comment</a>
   * @see <a
   *     href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment">IG
   *     Comment fields</a>
   * @since 0.2
   */
  Mention mentionedComment(String commentId);

  /**
   * Reads a media by someone else whose caption @mentions the account, with Facebook Login ({@code
   * GET /{ig-user-id}?fields=mentioned_media.media_id(<id>){id,caption,timestamp,media_type,
   * username,like_count,comments_count}}, fields the edge lists; it lists no {@code permalink}).
   * The id comes from a {@code mentions} webhook ({@code media_id}). The caption comes without the
   * {@code @} of the mention unless the account created the media (Meta's rule). Answer it with
   * {@link #answer(InboxItem, String)} ({@code POST /{ig-user-id}/mentions?media_id=…}).
   *
   * @param mediaId the mentioning media's id (decimal digits)
   * @return the mention ({@link Mention.Source#POST}), its author's handle, caption and time (UTC)
   * @throws UnsupportedFeatureException with Instagram Login, before any call
   * @throws ValidationException if the id is blank or not a Graph id, before any call
   * @throws io.smo.core.exception.NotFoundException if Graph knows no such media mentioning the
   *     account (code 100 / 33)
   * @throws io.smo.core.exception.PermissionException if the token lacks a permission
   * @throws io.smo.core.exception.SmoException on other failures
   * @see <a
   *     href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentioned_media">IG
   *     User mentioned_media</a>
   * @since 0.2
   */
  Mention mentionedMedia(String mediaId);

  /**
   * Completes a mention a {@code mentions} webhook delivered with ids only ({@code comment_id},
   * {@code media_id}): with Facebook Login by {@link #mentionedComment} or {@link #mentionedMedia}
   * (one request), keeping the item's ref; with Instagram Login, which has no such lookup, the item
   * is returned as delivered with the reason in {@link Mention#dropped()}. Every other item is
   * returned unchanged. {@link io.smo.core.inbox.UnifiedInbox} calls it once per offered item.
   *
   * @throws ValidationException if the item belongs to another platform or account
   * @throws io.smo.core.exception.SmoException if the lookup failed
   */
  @Override
  InboxItem complete(InboxItem item);

  /**
   * Builds an {@link InstagramClient}. Required: credentials ({@code accessToken} or {@code
   * tokenProvider}, e.g. {@link InstagramOAuth} with a {@link
   * io.smo.core.auth.RefreshingTokenProvider}). The account: {@link #accountId} or, with Facebook
   * Login, {@link #facebookPageId}; with Instagram Login it may be left out and is then learned
   * from {@code GET /me}. Settings shared by every platform ({@code pollInterval}, {@code
   * processingTimeout}, {@code uploadListener}, {@code chunkSize} — unused: the resumable upload
   * sends the file in one request) come from {@link ClientBuilder}.
   */
  final class Builder extends ClientBuilder<Builder> {
    private ApiFlavor flavor = ApiFlavor.INSTAGRAM_LOGIN;
    private GraphApiVersion version = GraphApiVersion.DEFAULT;
    private String facebookPageId;
    private MediaHost mediaHost;
    private boolean resumableVideo = true;
    private String appSecret;

    private Builder() {}

    /** Chooses the API flavour (host, token kind). Default {@link ApiFlavor#INSTAGRAM_LOGIN}. */
    public Builder flavor(ApiFlavor flavor) {
      this.flavor = requireNonNull(flavor, "flavor == null");
      return this;
    }

    /** Sets the Graph API version. Default {@link GraphApiVersion#DEFAULT}. */
    public Builder apiVersion(GraphApiVersion version) {
      this.version = requireNonNull(version, "version == null");
      return this;
    }

    /**
     * Sets the Graph API version from text such as {@code "v25.0"}.
     *
     * @throws IllegalArgumentException if unreadable
     */
    public Builder apiVersion(String version) {
      return apiVersion(GraphApiVersion.of(version));
    }

    /**
     * With Facebook Login: the Facebook Page linked to the Instagram account. The account id is
     * read from {@code instagram_business_account} on first use when {@link #accountId} is not set,
     * and messaging goes through this Page ({@code /{page-id}/conversations?platform=instagram},
     * {@code /{page-id}/messages}).
     */
    public Builder facebookPageId(String pageId) {
      this.facebookPageId = requireNonNull(pageId, "pageId == null");
      return this;
    }

    /** Sets how local files become public URLs. Default none: only URL media and video files. */
    public Builder mediaHost(MediaHost mediaHost) {
      this.mediaHost = mediaHost;
      return this;
    }

    /**
     * Whether local video files go through the resumable upload ({@code upload_type=resumable},
     * {@code rupload.facebook.com}) rather than the {@link MediaHost}. Default true.
     */
    public Builder resumableVideoUpload(boolean resumable) {
      this.resumableVideo = resumable;
      return this;
    }

    /**
     * Sends {@code appsecret_proof} with every Facebook Login call (for apps that require it). The
     * secret never appears in logs or messages.
     */
    public Builder appSecret(String appSecret) {
      this.appSecret = requireNonNull(appSecret, "appSecret == null");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if credentials are missing, or a Page id is given without
     *     Facebook Login, or Facebook Login has neither an account id nor a Page id
     */
    public InstagramClient build() {
      String accountId = accountIdSetting();
      if (accountId == null && facebookPageId != null && flavor != ApiFlavor.FACEBOOK_LOGIN) {
        throw new IllegalStateException("facebookPageId(...) needs ApiFlavor.FACEBOOK_LOGIN");
      }
      if (accountId == null && facebookPageId == null && flavor == ApiFlavor.FACEBOOK_LOGIN) {
        throw new IllegalStateException(
            "Instagram client with Facebook Login needs accountId(...)"
                + " or facebookPageId(...)");
      }
      OkHttpClient owned = null;
      if (appSecret != null) {
        OkHttpClient given = httpSettings().okHttpClient().orElse(null);
        OkHttpClient withProof;
        if (given != null) {
          withProof =
              given
                  .newBuilder()
                  .addNetworkInterceptor(AppSecretProof.of(appSecret).networkInterceptor())
                  .build();
        } else {
          owned =
              httpSettings()
                  .newOkHttpClient()
                  .newBuilder()
                  .addNetworkInterceptor(AppSecretProof.of(appSecret).networkInterceptor())
                  .build();
          withProof = owned;
        }
        httpSettings(httpSettings().toBuilder().okHttpClient(withProof).build());
      }
      String key =
          "instagram:"
              + (accountId != null
                  ? accountId
                  : facebookPageId != null ? "page-" + facebookPageId : "me");
      try {
        var rt =
            runtime(
                io.smo.core.Platform.INSTAGRAM,
                "smo-instagram",
                flavor.host(),
                new InstagramErrorMapper(),
                new InstagramRateLimitParser(),
                defaultRateLimits(),
                key);
        return new DefaultInstagramClient(
            rt,
            new DefaultInstagramClient.Settings(
                flavor,
                version,
                accountId,
                facebookPageId,
                mediaHost,
                resumableVideo,
                pollIntervalOr(DEFAULT_POLL_INTERVAL),
                processingTimeoutOr(DEFAULT_PROCESSING_TIMEOUT),
                uploadListener(),
                owned));
      } catch (RuntimeException e) {
        DefaultInstagramClient.release(owned);
        throw e;
      }
    }
  }
}
