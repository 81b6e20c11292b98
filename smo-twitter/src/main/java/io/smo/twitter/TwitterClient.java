package io.smo.twitter;

import io.smo.core.ClientBuilder;
import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.SocialClient;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.twitter.internal.DefaultTwitterClient;
import io.smo.twitter.internal.TwitterErrorMapper;
import io.smo.twitter.internal.TwitterRateLimitParser;
import io.smo.twitter.internal.TwitterUploadProtocol;
import java.net.URI;

/**
 * X (Twitter) API v2 client.
 *
 * <ul>
 *   <li>{@link #publish}: {@code POST /2/tweets} with text, up to 4 images or 1 GIF or 1 video
 *       (uploaded first through the v2 media endpoints, alt text through {@code
 *       /2/media/metadata}), {@code reply_settings} from the audience's reply policy (or {@link
 *       TwitterOptions}), quote and reply targets; a long text with {@link
 *       io.smo.core.TextOverflow#THREAD} or an explicit {@link io.smo.core.Post#thread()} becomes a
 *       reply chain. When a later part fails, a {@link
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
 * (refresh), see {@link TwitterOAuth}.
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
   * Returns X's documented caps as client-side buckets, one per {@link TwitterRateBucket}: posts
   * 100 per user per 15 minutes ({@link TwitterRateBucket#TWEETS_CREATE}) and 10,000 per app per 24
   * hours ({@link TwitterRateBucket#TWEETS_CREATE_APP}, enforced by X's {@code
   * x-app-limit-24hour-*} answers, which become {@link
   * io.smo.core.exception.QuotaExceededException}); deletes 50/15 min; post lookups 900/15 min;
   * recent search 300/15 min; hide replies 50/15 min; one-shot media upload 500/15 min; chunked
   * upload calls 1,875/15 min; status 1,000/15 min; {@code /2/users/me} 75/15 min; own posts 900/15
   * min; mentions 300/15 min; DM reads and DM sends 15/15 min each (sends are also capped at 1,440
   * per 24 hours by X). Limits are kept per account ({@link #accountId()}).
   *
   * @see <a href="https://docs.x.com/x-api/fundamentals/rate-limits">Rate limits</a>
   */
  static RateLimitPolicy defaultRateLimits() {
    return RateLimitPolicy.documented(TwitterRateBucket.values());
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
   * Returns the account's X user id (its {@link io.smo.core.Target} account, the key rate limits
   * and idempotency are kept under): the one given to {@link Builder#accountId(String)}, else read
   * once from {@code GET /2/users/me} and kept. Equal to {@link #accountKey()}.
   *
   * @throws io.smo.core.exception.SmoException if it has to be read and the call fails
   */
  String accountId();

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
   * /2/dm_conversations/with/{participant_id}/messages}. X has no reply window and no message tags
   * (a tag is refused offline); media must be uploaded ids, so attachments are refused offline.
   * Never retried once it may have been delivered.
   */
  @Override
  io.smo.core.inbox.Message send(
      io.smo.core.inbox.MessageRecipient to, io.smo.core.inbox.OutgoingMessage message);

  /**
   * Reads the mentions timeline ({@code GET /2/users/{id}/mentions}, newest first, with {@code
   * expansions=author_id}); 300 calls per 15 minutes per user.
   */
  @Override
  io.smo.core.pagination.Paginator<io.smo.core.inbox.Mention> mentions();

  /**
   * Builds {@link TwitterClient}. Mutable, not thread-safe. Settings shared by every module come
   * from {@link ClientBuilder}: {@code accountId} (the X user id, 1 to 19 digits), {@code
   * chunkSize} (append segment, default 1 MiB, grown when a file would need more than 1000
   * segments), {@code processingTimeout} (default 10 minutes), {@code pollInterval} (default 1
   * second when X names no {@code check_after_secs}), {@code uploadListener}.
   */
  final class Builder extends ClientBuilder<Builder> {
    private String fieldsParameter = "post.fields";

    private Builder() {}

    /**
     * Chooses the query parameter that asks for post fields: {@code post.fields} (default; the name
     * in the official OpenAPI description 2.167) or {@code tweet.fields} (the name the
     * documentation pages and earlier descriptions use). Responses are read in both spellings.
     *
     * @param name {@code "post.fields"} or {@code "tweet.fields"}
     * @throws IllegalArgumentException for any other name
     */
    public Builder fieldsParameter(String name) {
      if (!"post.fields".equals(name) && !"tweet.fields".equals(name)) {
        throw new IllegalArgumentException(
            "fieldsParameter must be post.fields or tweet.fields: " + name);
      }
      this.fieldsParameter = name;
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if no credentials were set
     * @throws IllegalArgumentException if the account id is not an X user id (1 to 19 digits)
     */
    public TwitterClient build() {
      String accountId = accountIdSetting();
      if (accountId != null && !accountId.matches("[0-9]{1,19}")) {
        throw new IllegalArgumentException("an X user id is 1 to 19 digits: " + accountId);
      }
      return new DefaultTwitterClient(
          runtime(
              Platform.TWITTER,
              "smo-twitter",
              DEFAULT_BASE_URL,
              new TwitterErrorMapper(),
              new TwitterRateLimitParser(),
              defaultRateLimits(),
              accountId != null ? accountId : Platform.TWITTER.id()),
          accountId,
          uploadListener(),
          chunkSizeOr(TwitterUploadProtocol.DEFAULT_CHUNK_SIZE),
          processingTimeoutOr(TwitterUploadProtocol.DEFAULT_PROCESSING_TIMEOUT),
          pollIntervalOr(TwitterUploadProtocol.DEFAULT_POLL_INTERVAL),
          fieldsParameter);
    }
  }
}
