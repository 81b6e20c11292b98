package io.smo.facebook.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.PlatformException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.inbox.Conversation;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxComment;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.Mention;
import io.smo.core.inbox.Message;
import io.smo.core.inbox.MessageRecipient;
import io.smo.core.inbox.OutgoingMessage;
import io.smo.core.pagination.Paginator;
import io.smo.core.spi.BaseSocialClient;
import io.smo.core.upload.UploadListener;
import io.smo.facebook.FacebookCapabilities;
import io.smo.facebook.FacebookClient;
import io.smo.facebook.FacebookRateBucket;
import io.smo.metagraph.GraphApiVersion;
import io.smo.metagraph.spi.GraphHttp;
import io.smo.metagraph.spi.MessengerInbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * The {@link FacebookClient} implementation: wires the runtime, the Graph helpers and the parts
 * below, and delegates to them: {@link FacebookRules} (validation), {@link FacebookPublisher}
 * (publishing, deleting), {@link FacebookEngagement} (metrics, comments, moderation, Page figures),
 * {@code MessengerInbox} (smo-meta-graph: conversations, sends, private replies) and {@link
 * FacebookInbox} (tagged posts). Thread-safe.
 */
@SmoInternalApi
public final class DefaultFacebookClient extends BaseSocialClient implements FacebookClient {
  private static final Operation ME = Operation.read("account", FacebookRateBucket.READS);

  private final GraphHttp http;
  private final OkHttpClient ownedHttp;
  private final FacebookPublisher publisher;
  private final FacebookEngagement engagement;
  private final MessengerInbox inbox;
  private final FacebookInbox tagged;
  private volatile String pageId;

  /**
   * Creates the client.
   *
   * @param rt the runtime (owned: closed with the client)
   * @param version the Graph version
   * @param pageId the Page id, or {@code null} to read it with {@code GET /me?fields=id} on first
   *     use
   * @param listener upload and processing progress
   * @param processingTimeout the longest wait for video processing
   * @param pollInterval the wait between processing status reads
   * @param ownedHttp the HTTP client built for {@code appsecret_proof}, released on close, or
   *     {@code null}
   */
  public DefaultFacebookClient(
      ApiRuntime rt,
      GraphApiVersion version,
      String pageId,
      UploadListener listener,
      Duration processingTimeout,
      Duration pollInterval,
      OkHttpClient ownedHttp) {
    super(rt, FacebookCapabilities.get(), pageId != null ? pageId : Platform.FACEBOOK.id());
    this.pageId = pageId;
    this.http = new GraphHttp(rt, version);
    this.ownedHttp = ownedHttp;
    this.publisher =
        new FacebookPublisher(rt, http, this::accountId, listener, processingTimeout, pollInterval);
    this.engagement =
        new FacebookEngagement(rt, http, rt.service(FacebookApi.class), this::accountId);
    this.inbox =
        MessengerInbox.builder(Platform.FACEBOOK, http)
            .owner(this::accountId)
            .account(this::accountId)
            .clock(rt.clock())
            .graphPlatform("messenger")
            .maxTextUnits(FacebookCapabilities.MAX_MESSAGE_TEXT)
            .readOperation(Operation.read("conversations", FacebookRateBucket.CONVERSATIONS))
            .sendOperation(Operation.create("send", FacebookRateBucket.MESSAGES))
            .build();
    this.tagged = new FacebookInbox(http, this::accountId, this::accountId, rt.clock());
  }

  @Override
  public String accountId() {
    String id = pageId;
    if (id == null) {
      synchronized (this) {
        if (pageId == null) {
          JsonNode me = http.get(ME, "me", java.util.Map.of("fields", "id"));
          String read = me.path("id").asText("");
          if (read.isBlank()) {
            throw new PlatformException(
                ErrorDetails.builder(Platform.FACEBOOK, ME.name())
                    .message("GET /me named no Page id")
                    .build(),
                false);
          }
          pageId = read;
        }
        id = pageId;
      }
    }
    return id;
  }

  /** Returns the Page id ({@link #accountId()}). */
  @Override
  public String accountKey() {
    return accountId();
  }

  @Override
  public GraphApiVersion apiVersion() {
    return http.version();
  }

  @Override
  protected List<Violation> platformViolations(Post post) {
    return FacebookRules.violations(post);
  }

  @Override
  protected PublishedPost doPublish(Post post) {
    return publisher.publish(post);
  }

  /** Deletes a post ({@code DELETE /{page-post-id}}). */
  @Override
  public void delete(PostRef ref) {
    checkRef(ref);
    publisher.delete(ref);
  }

  /** See {@link FacebookEngagement#accountInfo()}. */
  @Override
  public io.smo.core.AccountInfo accountInfo() {
    return engagement.accountInfo();
  }

  /** See {@link FacebookEngagement#recentPosts(java.time.Instant)}: the Page's published posts. */
  @Override
  public java.util.List<io.smo.core.AccountPost> recentPosts(java.time.Instant since) {
    return engagement.recentPosts(since);
  }

  /** See {@link FacebookEngagement#metrics(PostRef)}: one request (field expansion). */
  @Override
  public EngagementMetrics metrics(PostRef ref) {
    checkRef(ref);
    return engagement.metrics(ref);
  }

  /** See {@link FacebookEngagement#comments(PostRef)}. */
  @Override
  public Paginator<Comment> comments(PostRef ref) {
    checkRef(ref);
    return engagement.comments(ref);
  }

  /** Replies to a comment as the Page ({@code POST /{comment-id}/comments}). */
  @Override
  public Comment reply(CommentRef comment, String text) {
    checkRef(comment);
    checkText(text);
    return engagement.reply(comment, text);
  }

  /** Comments on a post as the Page ({@code POST /{post-id}/comments}). */
  @Override
  public Comment comment(PostRef post, String text) {
    checkRef(post);
    checkText(text);
    return engagement.comment(post, text);
  }

  /** Hides, unhides or deletes a comment. */
  @Override
  public void moderate(CommentRef comment, ModerationAction action) {
    checkRef(comment);
    engagement.moderate(comment, action);
  }

  // ---- inbox (Messenger Platform) ----

  /**
   * Lists the Page's Messenger conversations, most recently updated first ({@code GET
   * /{page-id}/conversations?platform=messenger} with {@code participants} and the nested {@code
   * messages.limit(20)}), each with its 20 most recent messages, newest first: Meta returns details
   * of those only ({@link Conversation#truncated()}). Conversations in the Requests folder inactive
   * for 30 days are not returned. Calls are paced to 2 per second per Page. Permissions: {@code
   * pages_manage_metadata}, {@code pages_read_engagement}, {@code pages_messaging}.
   */
  @Override
  public io.smo.core.pagination.Paginator<Conversation> conversations() {
    return inbox.conversations();
  }

  /**
   * Returns the 20 most recent messages of a conversation, newest first ({@code GET
   * /{conversation-id}?fields=messages.limit(20){...}}); older messages cannot be read.
   *
   * @throws io.smo.core.exception.ValidationException if the id is blank
   */
  @Override
  public io.smo.core.pagination.Paginator<Message> messages(String conversationId) {
    return inbox.messages(conversationId);
  }

  /**
   * Sends a Messenger message ({@code POST /{page-id}/messages}): {@code messaging_type=RESPONSE}
   * inside the 24-hour window, or {@code MESSAGE_TAG} with {@code tag=HUMAN_AGENT} (up to 7 days
   * after the person's last message) when {@link OutgoingMessage#tag()} asks for it. The retired
   * tags ({@code CONFIRMED_EVENT_UPDATE}, {@code ACCOUNT_UPDATE}, {@code POST_PURCHASE_UPDATE}) and
   * unknown ones are refused offline. Text up to {@link FacebookCapabilities#MAX_MESSAGE_TEXT}
   * characters, or one image, video, audio or file attachment by HTTPS URL. A recipient given by
   * conversation only costs one extra read (its participants). Never retried once it may have been
   * delivered.
   *
   * @throws io.smo.core.exception.MessagingWindowClosedException offline when {@code to} knows the
   *     last inbound time, else from Meta's 551, 1545041, 10/2018278 or 10/2534022 answers
   */
  @Override
  public Message send(MessageRecipient to, OutgoingMessage message) {
    return inbox.send(to, message);
  }

  /**
   * Sends the one private reply Meta allows to a comment on the Page ({@code POST
   * /{page-id}/messages} with {@code recipient={"comment_id":…}}), within 7 days of the comment. A
   * second private reply to the same comment through this client is refused offline.
   */
  @Override
  public Message privateReply(CommentRef comment, Instant commentedAt, OutgoingMessage message) {
    return inbox.privateReply(comment, commentedAt, message);
  }

  /**
   * Lists the posts that tag the Page, newest first ({@code GET /{page-id}/tagged}), as {@link
   * Mention}s.
   */
  @Override
  public io.smo.core.pagination.Paginator<Mention> mentions() {
    return tagged.taggedPosts();
  }

  /**
   * Answers an item: a comment with a public reply, a message with a Messenger message in its
   * conversation (refused offline outside the 24-hour window), a mention with a comment on the
   * tagging post.
   */
  @Override
  public InboxItem answer(InboxItem item, String text) {
    checkOwnItem(item);
    if (item instanceof Mention m) {
      Comment c = comment(m.post(), text);
      return InboxComment.builder(accountKey(), m.post(), c).direction(Direction.OUTBOUND).build();
    }
    return super.answer(item, text);
  }

  @Override
  public void close() {
    super.close();
    if (ownedHttp != null) {
      ownedHttp.dispatcher().executorService().shutdown();
      ownedHttp.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "FacebookClient{page="
        + (pageId != null ? pageId : "(not read yet)")
        + ", version="
        + http.version()
        + "}";
  }
}
