package io.smo.twitter.internal;

import io.smo.core.AccountInfo;
import io.smo.core.AccountPost;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.Media;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.inbox.Conversation;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxComment;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxItemKind;
import io.smo.core.inbox.InboxStreams;
import io.smo.core.inbox.Mention;
import io.smo.core.inbox.Message;
import io.smo.core.inbox.MessageRecipient;
import io.smo.core.inbox.OutgoingMessage;
import io.smo.core.pagination.Paginator;
import io.smo.core.spi.BaseSocialClient;
import io.smo.core.upload.UploadListener;
import io.smo.twitter.TwitterCapabilities;
import io.smo.twitter.TwitterClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The {@link TwitterClient} implementation: wires the runtime and delegates to {@link TwitterRules}
 * (validation), {@link TwitterPublisher} (publish, delete, media through {@link
 * TwitterUploadProtocol}), {@link TwitterEngagement} (metrics, comments, replies, hiding, account
 * figures and id) and {@link TwitterInbox} (DMs and mentions). Immutable and thread-safe.
 */
@SmoInternalApi
public final class DefaultTwitterClient extends BaseSocialClient implements TwitterClient {
  private final TwitterRules rules = new TwitterRules();
  private final TwitterPublisher publisher;
  private final TwitterEngagement engagement;
  private final TwitterInbox inbox;

  /**
   * Creates the client.
   *
   * @param runtime the runtime (owned: closed with the client)
   * @param accountId the account's X user id, or {@code null} to read it from {@code /2/users/me}
   *     when first needed
   * @param listener upload progress listener
   * @param chunkSize preferred append segment in bytes
   * @param processingTimeout the longest wait for media processing
   * @param pollInterval the wait between STATUS calls when X names none
   * @param fieldsParameter {@code post.fields} or {@code tweet.fields}
   */
  public DefaultTwitterClient(
      ApiRuntime runtime,
      String accountId,
      UploadListener listener,
      long chunkSize,
      Duration processingTimeout,
      Duration pollInterval,
      String fieldsParameter) {
    super(
        runtime, TwitterCapabilities.get(), accountId != null ? accountId : Platform.TWITTER.id());
    TwitterApi api = runtime.service(TwitterApi.class);
    // the account id is known once given or learned by the engagement part; until then calls are
    // rate-limited under the platform's key
    TwitterUploadProtocol uploads =
        new TwitterUploadProtocol(
            runtime, api, chunkSize, processingTimeout, pollInterval, this::knownAccountId);
    this.publisher = new TwitterPublisher(runtime, api, uploads, listener, this::knownAccountId);
    this.engagement = new TwitterEngagement(runtime, api, fieldsParameter, accountId, publisher);
    this.inbox =
        new TwitterInbox(
            runtime, api, engagement::accountId, engagement::knownAccountId, fieldsParameter);
  }

  private String knownAccountId() {
    return engagement.knownAccountId();
  }

  /**
   * Returns the X user id this client posts as: the one given to the builder, else read once with
   * {@code GET /2/users/me} and kept.
   *
   * @throws io.smo.core.exception.SmoException if that call fails
   */
  @Override
  public String accountKey() {
    return engagement.accountId();
  }

  @Override
  public String accountId() {
    return engagement.accountId();
  }

  @Override
  protected List<Violation> platformViolations(Post post) {
    return rules.violations(post);
  }

  @Override
  protected PublishedPost doPublish(Post post) {
    return publisher.publish(post);
  }

  @Override
  public String uploadMedia(Media media) {
    Post probe = Post.builder().addMedia(media).build();
    List<Violation> v = validate(probe);
    if (!v.isEmpty()) {
      throw new ValidationException(Platform.TWITTER, v);
    }
    return publisher.upload(media);
  }

  @Override
  public void delete(PostRef ref) {
    checkRef(ref);
    publisher.delete(ref);
  }

  @Override
  public EngagementMetrics metrics(PostRef ref) {
    checkRef(ref);
    return engagement.metrics(ref);
  }

  /**
   * Lists the account's own posts since {@code since} ({@code GET /2/users/:id/tweets} with {@code
   * start_time}, at most 100).
   */
  @Override
  public List<AccountPost> recentPosts(Instant since) {
    return engagement.recentPosts(since);
  }

  @Override
  public Paginator<Comment> comments(PostRef ref) {
    checkRef(ref);
    return engagement.comments(ref);
  }

  @Override
  public Comment reply(CommentRef comment, String text) {
    checkRef(comment);
    return replyTo(comment.id(), text);
  }

  @Override
  public Comment comment(PostRef post, String text) {
    checkRef(post);
    return replyTo(post.id(), text);
  }

  private Comment replyTo(String id, String text) {
    checkText(text);
    rules.checkReply(text);
    return engagement.replyTo(id, text);
  }

  /**
   * Reads the account's figures: {@code GET /2/users/me?user.fields=public_metrics} ({@code
   * public_metrics.followers_count}, {@code following_count}, {@code tweet_count}).
   */
  @Override
  public AccountInfo accountInfo() {
    return engagement.accountInfo();
  }

  @Override
  public void moderate(CommentRef comment, ModerationAction action) {
    checkRef(comment);
    if (action == ModerationAction.DELETE) {
      throw unsupported(
          "moderate delete",
          "X lets an author hide replies to their posts, " + "not delete other people's replies");
    }
    engagement.hide(comment, action);
  }

  // ---- inbox: DMs (v2 dm_events) and the mentions timeline ----

  @Override
  public Paginator<Conversation> conversations() {
    return inbox.conversations();
  }

  @Override
  public Paginator<Message> messages(String conversationId) {
    return inbox.messages(conversationId);
  }

  @Override
  public Message send(MessageRecipient to, OutgoingMessage message) {
    return inbox.send(to, message);
  }

  @Override
  public Paginator<Mention> mentions() {
    return inbox.mentions();
  }

  @Override
  public Iterable<InboxItem> items(InboxItemKind kind, Instant since) {
    if (kind == InboxItemKind.MESSAGE) {
      return InboxStreams.until(InboxStreams.widen(inbox.allMessages()), since);
    }
    return super.items(kind, since);
  }

  @Override
  public InboxItem answer(InboxItem item, String text) {
    checkOwnItem(item);
    if (item instanceof Mention m) {
      Comment c = replyTo(m.post().id(), text);
      return InboxComment.builder(accountKey(), m.post(), c).direction(Direction.OUTBOUND).build();
    }
    return super.answer(item, text);
  }
}
