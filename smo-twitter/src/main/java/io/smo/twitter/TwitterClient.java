package io.smo.twitter;

import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.SocialClient;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.core.ClientBuilder;
import io.smo.core.upload.UploadListener;
import io.smo.twitter.internal.DefaultTwitterClient;
import io.smo.twitter.internal.TwitterErrorMapper;
import io.smo.twitter.internal.TwitterMediaUploader;
import io.smo.twitter.internal.TwitterRateLimitParser;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * X (Twitter) API v2 client.
 *
 * <ul>
 *   <li>{@link #publish}: {@code POST /2/tweets} with text, up to 4 images or 1 GIF or 1 video
 *       (uploaded first through the v2 media endpoints, alt text through {@code
 *       /2/media/metadata}), {@code reply_settings} from the audience's reply policy (or {@link
 *       TwitterOptions}), quote and reply targets; a long text with {@link
 *       io.smo.core.TextOverflow#THREAD} or an explicit {@link io.smo.core.Post#thread()} becomes
 *       a reply chain. When a later part fails, a {@link
 *       io.smo.core.exception.PublishOutcomeUnknownException} lists the parts already posted
 *       ({@code publishedParts()}) with the failure as its cause.
 *   <li>{@link #delete}: {@code DELETE /2/tweets/{id}} (own posts only).
 *   <li>{@link #metrics}: {@code public_metrics}, plus {@code non_public_metrics} and {@code
 *       organic_metrics} when the token may read them (own posts, 30 days); otherwise public only.
 *   <li>{@link #comments}: replies found by recent search {@code conversation_id:<id>} (7 days).
 *   <li>{@link #reply} / {@link #comment}: a post replying to the reply or the post; X refuses
 *       replies on self-serve access unless the author summoned this account, mapped to {@link
 *       io.smo.core.exception.PermissionException} with the reason.
 *   <li>{@link #moderate}: hide and unhide replies to own posts ({@code PUT
 *       /2/tweets/{id}/hidden}); deleting others' replies is impossible on X.
 * </ul>
 *
 * <p>Immutable and thread-safe. Needs scopes {@code tweet.read tweet.write users.read} (posting),
 * {@code media.write} (media), {@code tweet.moderate.write} (hiding), {@code offline.access}
 * (refresh), see {@link TwitterAuth}.
 *
 * @see <a href="https://docs.x.com/x-api/posts/manage-tweets/introduction">Manage posts</a>
 */
@SmoPublicApi
public interface TwitterClient extends SocialClient, io.smo.core.inbox.InboxClient {
  /** The production base URL. */
  URI DEFAULT_BASE_URL = URI.create("https://api.x.com/");

  /** Returns a builder. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Returns X's documented caps as client-side buckets: posts 100 per user per 15 minutes ({@code
   * tweets.create}) and 10,000 per app per 24 hours ({@code tweets.create.app}, enforced by X's
   * {@code x-app-limit-24hour-*} answers, which become {@link
   * io.smo.core.exception.QuotaExceededException}); deletes 50/15 min; post lookups 900/15 min;
   * recent search 300/15 min; hide replies 50/15 min; one-shot media upload 500/15 min; chunked
   * upload calls 1,875/15 min; status 1,000/15 min; mentions 300/15 min per user ({@code
   * users.mentions}); DM reads and DM sends 15/15 min each ({@code dm.read}, {@code dm.create};
   * sends are also capped at 1,440 per 24 hours by X). The older guide's "200 per 15 minutes" for
   * posts is superseded by the newer table (stricter value kept).
   *
   * @see <a href="https://docs.x.com/x-api/fundamentals/rate-limits">Rate limits</a>
   */
  static RateLimitPolicy defaultRateLimits() {
    Duration w = Duration.ofMinutes(15);
    return RateLimitPolicy.builder()
        .bucket("tweets.create", 100, w)
        .bucket("tweets.create.app", 10_000, Duration.ofHours(24))
        .bucket("tweets.delete", 50, w)
        .bucket("tweets.read", 900, w)
        .bucket("tweets.search", 300, w)
        .bucket("tweets.hide", 50, w)
        .bucket("media.upload", 500, w)
        .bucket("media.chunked", 1_875, w)
        .bucket("media.status", 1_000, w)
        .bucket("media.metadata", 500, w)
        .bucket("users.me", 75, w)
        .bucket("users.mentions", 300, w)
        .bucket("dm.read", 15, w)
        .bucket("dm.create", 15, w)
        .build();
  }

  /**
   * Uploads one media item (image, GIF or video, with its alt text) without posting, for use in
   * several posts within its expiry (24 hours).
   *
   * @return the media id
   * @throws io.smo.core.exception.ValidationException if X does not accept the media
   * @throws io.smo.core.exception.MediaProcessingException if processing failed or timed out
   * @throws io.smo.core.exception.SmoException on any other failure
   */
  String uploadMedia(Media media);

  /**
   * Returns the account's X user id: the one given to {@link Builder#userId(String)}, else read
   * once from {@code GET /2/users/me}. Needed for the mentions timeline and to tell sent DMs from
   * received ones.
   *
   * @throws io.smo.core.exception.SmoException if it has to be read and the call fails
   */
  String userId();

  /**
   * Lists the account's DM conversations, grouped from the 100 most recent DM events ({@code GET
   * /2/dm_events}; X has no conversation list). Only legacy DMs: encrypted X Chat conversations are
   * not readable through the API, and X keeps 30 days of DM history.
   */
  @Override
  io.smo.core.pagination.Paginator<io.smo.core.inbox.Conversation> conversations();

  /**
   * Sends a text DM: {@code POST /2/dm_conversations/{dm_conversation_id}/messages} when the
   * recipient names a conversation, else {@code POST
   * /2/dm_conversations/with/{participant_id}/messages}. X has no reply window and no message
   * tags (a tag is refused offline); media must be uploaded ids, so attachments are refused
   * offline. Never retried once it may have been delivered.
   */
  @Override
  io.smo.core.inbox.Message send(io.smo.core.inbox.MessageRecipient to,
      io.smo.core.inbox.OutgoingMessage message);

  /**
   * Reads the mentions timeline ({@code GET /2/users/{id}/mentions}, newest first, with {@code
   * expansions=author_id}); 300 calls per 15 minutes per user.
   */
  @Override
  io.smo.core.pagination.Paginator<io.smo.core.inbox.Mention> mentions();

  /** Builds {@link TwitterClient}. Mutable, not thread-safe. */
  final class Builder extends ClientBuilder<Builder> {
    private UploadListener uploadListener = UploadListener.NONE;
    private long segmentBytes = TwitterMediaUploader.DEFAULT_SEGMENT;
    private Duration processingDeadline = Duration.ofMinutes(10);
    private String accountKey;
    private String fieldsParameter = "post.fields";
    private String userId;

    private Builder() {}

    /** Receives media upload and processing progress. Default none. */
    public Builder uploadListener(UploadListener listener) {
      this.uploadListener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Sets the preferred append segment in bytes (default 1 MiB; grown when a file would need more
     * than 1000 segments).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder segmentBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("segmentBytes <= 0: " + bytes);
      }
      this.segmentBytes = bytes;
      return this;
    }

    /** Sets the longest wait for media processing (default 10 minutes). */
    public Builder processingDeadline(Duration deadline) {
      this.processingDeadline = Objects.requireNonNull(deadline, "deadline == null");
      return this;
    }

    /**
     * Sets the X user id of the account (its {@link io.smo.core.Target} and the key rate limits
     * and idempotency are kept under). Default: read once with {@code GET /2/users/me} when first
     * needed.
     */
    public Builder accountKey(String accountKey) {
      this.accountKey = Objects.requireNonNull(accountKey, "accountKey == null");
      return this;
    }

    /**
     * Sets the account's X user id (numeric), so that mentions and DMs need no {@code
     * /2/users/me} call. Optional.
     *
     * @throws IllegalArgumentException if it is not 1 to 19 digits
     */
    public Builder userId(String userId) {
      if (userId != null && !userId.matches("[0-9]{1,19}")) {
        throw new IllegalArgumentException("an X user id is 1 to 19 digits: " + userId);
      }
      this.userId = userId;
      return this;
    }

    /**
     * Chooses the query parameter that asks for post fields: {@code post.fields} (default; the
     * name in the official OpenAPI description 2.167) or {@code tweet.fields} (the name the
     * documentation pages and earlier descriptions use). Responses are read in both spellings.
     *
     * @param name {@code "post.fields"} or {@code "tweet.fields"}
     * @throws IllegalArgumentException for any other name
     */
    public Builder fieldsParameter(String name) {
      if (!"post.fields".equals(name) && !"tweet.fields".equals(name)) {
        throw new IllegalArgumentException("fieldsParameter must be post.fields or tweet.fields: "
            + name);
      }
      this.fieldsParameter = name;
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if no credentials were set
     */
    public TwitterClient build() {
      return new DefaultTwitterClient(runtime(Platform.TWITTER, "smo-twitter", DEFAULT_BASE_URL,
          new TwitterErrorMapper(), new TwitterRateLimitParser(), defaultRateLimits(), accountKey != null ? accountKey : Platform.TWITTER.id()),
          accountKey, uploadListener, segmentBytes, processingDeadline, fieldsParameter, userId);
    }
  }
}
