package io.smo.instagram.internal;

import static java.util.Objects.requireNonNull;

import io.smo.core.AccountInfo;
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
import io.smo.core.http.ApiRuntime;
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
import io.smo.instagram.ApiFlavor;
import io.smo.instagram.InstagramCapabilities;
import io.smo.instagram.InstagramClient;
import io.smo.instagram.MediaHost;
import io.smo.instagram.PublishingQuota;
import io.smo.metagraph.GraphApiVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * The {@link InstagramClient} implementation: wires the runtime and delegates to {@link
 * InstagramRules}, {@link InstagramPublisher}, {@link InstagramEngagement} and the inbox.
 * Thread-safe.
 */
@SmoInternalApi
public final class DefaultInstagramClient extends BaseSocialClient implements InstagramClient {
  /**
   * What the builder hands over.
   *
   * @param flavor the API flavour
   * @param version the Graph version
   * @param accountId the configured IG User id, or {@code null} to learn it
   * @param facebookPageId the linked Page (Facebook Login), or {@code null}
   * @param mediaHost the media host, or {@code null}
   * @param resumableVideo whether local videos use the resumable upload
   * @param pollInterval the first wait between container checks
   * @param processingTimeout the longest wait for the containers of one post
   * @param uploadListener upload and container progress
   * @param ownedHttp an HTTP client the builder created for this client (released on {@link
   *     #close()}), or {@code null}
   */
  public record Settings(
      ApiFlavor flavor,
      GraphApiVersion version,
      String accountId,
      String facebookPageId,
      MediaHost mediaHost,
      boolean resumableVideo,
      Duration pollInterval,
      Duration processingTimeout,
      UploadListener uploadListener,
      OkHttpClient ownedHttp) {}

  private final Settings settings;
  private final String configuredAccountId;
  private volatile String learnedAccountId;
  private final InstagramRules rules;
  private final InstagramPublisher publisher;
  private final InstagramEngagement engagement;
  private final InstagramInbox inbox;

  /**
   * Creates the client.
   *
   * @param runtime the runtime (owned; closed with the client)
   * @param settings the builder's settings
   */
  public DefaultInstagramClient(ApiRuntime runtime, Settings settings) {
    super(
        runtime,
        InstagramCapabilities.of(
            settings.flavor(),
            settings.flavor() == ApiFlavor.INSTAGRAM_LOGIN || settings.facebookPageId() != null),
        settings.accountId() != null ? settings.accountId() : "pending");
    this.settings = settings;
    this.configuredAccountId = settings.accountId();
    InstagramApi api = runtime.service(InstagramApi.class);
    this.rules = new InstagramRules(settings.mediaHost() != null, settings.resumableVideo());
    String v = settings.version().path();
    this.publisher =
        new InstagramPublisher(
            runtime,
            api,
            v,
            this::accountId,
            settings.mediaHost(),
            settings.resumableVideo(),
            settings.pollInterval(),
            settings.processingTimeout(),
            settings.uploadListener());
    this.engagement = new InstagramEngagement(runtime, api, v, this::accountId);
    this.inbox =
        new InstagramInbox(
            runtime,
            api,
            settings.version(),
            settings.flavor(),
            settings.facebookPageId(),
            this::accountId);
  }

  @Override
  public ApiFlavor flavor() {
    return settings.flavor();
  }

  @Override
  public String apiVersion() {
    return settings.version().path();
  }

  @Override
  public String accountId() {
    String id = configuredAccountId != null ? configuredAccountId : learnedAccountId;
    if (id == null) {
      synchronized (this) {
        id = learnedAccountId;
        if (id == null) {
          id = engagement.lookupAccountId(settings.flavor(), settings.facebookPageId());
          learnedAccountId = id;
        }
      }
    }
    return id;
  }

  @Override
  public String accountKey() {
    return accountId();
  }

  @Override
  public PublishingQuota publishingQuota() {
    return publisher.publishingQuota();
  }

  @Override
  protected List<Violation> platformViolations(Post post) {
    return rules.violations(post);
  }

  @Override
  protected PublishedPost doPublish(Post post) {
    return publisher.publish(post);
  }

  /**
   * Deletes published media ({@code DELETE /{ig-media-id}}), with Facebook Login only.
   *
   * @throws io.smo.core.exception.UnsupportedFeatureException with Instagram Login
   */
  @Override
  public void delete(PostRef ref) {
    checkRef(ref);
    if (settings.flavor() != ApiFlavor.FACEBOOK_LOGIN) {
      throw unsupported("delete", "Instagram Login has no media delete; Facebook Login has");
    }
    publisher.delete(ref);
  }

  @Override
  public EngagementMetrics metrics(PostRef ref) {
    checkRef(ref);
    return engagement.metrics(ref);
  }

  @Override
  public Paginator<Comment> comments(PostRef ref) {
    checkRef(ref);
    return engagement.comments(ref);
  }

  @Override
  public Comment reply(CommentRef comment, String text) {
    checkRef(comment);
    checkText(text);
    return engagement.reply(comment, text);
  }

  @Override
  public Comment comment(PostRef post, String text) {
    checkRef(post);
    checkText(text);
    return engagement.comment(post, text);
  }

  @Override
  public void moderate(CommentRef comment, ModerationAction action) {
    checkRef(comment);
    requireNonNull(action, "action == null");
    engagement.moderate(comment, action);
  }

  @Override
  public AccountInfo accountInfo() {
    return engagement.accountInfo();
  }

  /**
   * The account's own media since {@code since} ({@code GET /{ig-user-id}/media}), for reconciling
   * an unknown outcome.
   */
  @Override
  public java.util.List<io.smo.core.AccountPost> recentPosts(java.time.Instant since) {
    return engagement.recentPosts(since);
  }

  /**
   * Lists the conversations, most recently updated first, with their 20 most recent messages
   * (Meta's limit): {@code GET /{ig-user-id}/conversations?platform=instagram} (Instagram Login) or
   * {@code GET /{page-id}/conversations?platform=instagram} (Facebook Login).
   *
   * @throws io.smo.core.exception.UnsupportedFeatureException with Facebook Login and no Page id
   */
  @Override
  public Paginator<Conversation> conversations() {
    return inbox.conversations();
  }

  /**
   * Returns a conversation's 20 most recent messages, newest first ({@code GET
   * /{conversation-id}}).
   */
  @Override
  public Paginator<Message> messages(String conversationId) {
    return inbox.messages(conversationId);
  }

  /**
   * Sends a direct message ({@code POST /{ig-user-id}/messages}, Facebook Login: {@code POST
   * /{page-id}/messages}) with {@code recipient={"id":IGSID}}: {@code messaging_type=RESPONSE}
   * inside the 24-hour window, or {@code MESSAGE_TAG} with {@code tag=HUMAN_AGENT} up to 7 days
   * after the person's last message (the tag's syntax on {@code graph.instagram.com} is
   * UNCONFIRMED: the Messenger syntax is sent). Retired and unknown tags, empty text, text over
   * 1,000 bytes and attachments the Send API does not take are refused offline; so is a send
   * outside the window when {@code to} knows the last inbound time. Never retried once it may have
   * been delivered.
   *
   * @throws io.smo.core.exception.MessagingWindowClosedException offline, or from Meta's 551,
   *     1545041, 10/2018278 or 10/2534022 answers
   */
  @Override
  public Message send(MessageRecipient to, OutgoingMessage message) {
    return inbox.send(to, message);
  }

  /**
   * Sends the one private reply Instagram allows to a comment on the account's media ({@code
   * recipient={"comment_id":…}}), within 7 days of the comment; a second one to the same comment
   * through this client is refused offline.
   */
  @Override
  public Message privateReply(CommentRef comment, Instant commentedAt, OutgoingMessage message) {
    return inbox.privateReply(comment, commentedAt, message);
  }

  /**
   * Lists the media the account is tagged in, newest first ({@code GET /{ig-user-id}/tags}), as
   * {@link Mention}s. Mentions in Stories are not offered by the API; mentions in comments arrive
   * by webhook only ({@code mentions} field).
   */
  @Override
  public Paginator<Mention> mentions() {
    return inbox.mentions();
  }

  @Override
  public Mention mentionedComment(String commentId) {
    return inbox.mentionedComment(commentId, null);
  }

  @Override
  public Mention mentionedMedia(String mediaId) {
    return inbox.mentionedMedia(mediaId);
  }

  @Override
  public InboxItem complete(InboxItem item) {
    checkOwnItem(item);
    return inbox.complete(item);
  }

  /**
   * Answers an item: a comment with a public reply, a message with a direct message in its
   * conversation (refused offline outside the 24-hour window), a mention with a comment on the
   * mentioning media ({@code POST /{ig-user-id}/mentions}).
   */
  @Override
  public InboxItem answer(InboxItem item, String text) {
    checkOwnItem(item);
    if (item instanceof Mention m) {
      checkText(text);
      String id = inbox.answerMention(m, text);
      Comment c =
          Comment.builder(CommentRef.of(Platform.INSTAGRAM, id))
              .text(text)
              .parentId(m.commentId().orElse(null))
              .createdAt(clock().instant())
              .build();
      return InboxComment.builder(accountKey(), m.post(), c).direction(Direction.OUTBOUND).build();
    }
    return super.answer(item, text);
  }

  @Override
  public String inboxUnsupportedReason() {
    return inbox.messagingAvailable()
        ? "not offered by the Instagram API"
        : "with Facebook Login Instagram messages belong to the linked Page: set facebookPageId(...)";
  }

  /** Closes the runtime and the HTTP client the builder created for this client (if any). */
  @Override
  public void close() {
    try {
      super.close();
    } finally {
      release(settings.ownedHttp());
    }
  }

  /**
   * Shuts down an HTTP client this module created (its dispatcher and pooled connections).
   *
   * @param http the client, or {@code null}
   */
  public static void release(OkHttpClient http) {
    if (http != null) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "InstagramClient{"
        + settings.flavor()
        + ", "
        + settings.version().path()
        + ", account="
        + (configuredAccountId != null
            ? configuredAccountId
            : learnedAccountId != null ? learnedAccountId : "(not yet read)")
        + "}";
  }
}
