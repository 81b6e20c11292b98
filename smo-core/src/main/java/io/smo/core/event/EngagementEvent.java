package io.smo.core.event;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.inbox.InboxItem;
import java.time.Instant;
import java.util.Optional;

/**
 * One thing that happened on a platform account, pushed by the platform's webhook: a comment
 * created, edited or removed, a direct message received or echoed, a mention, a post published or
 * failed, a reaction, a follow, or an event type the SDK does not model ({@link Unknown}, never
 * dropped). Immutable and thread-safe.
 *
 * <p>The family is sealed: switch over it with {@code instanceof} patterns. Every event carries the
 * target account it concerns ({@link #accountId()}: Page id, Instagram account id, X user id,
 * YouTube channel id, TikTok user open id), the platform's ids, the raw JSON (or Atom XML) of the
 * single item it was parsed from, and a {@link #dedupKey()} under which an {@link
 * EventDeduplicator} recognises a re-delivery.
 *
 * <pre>{@code
 * for (EngagementEvent e : result.events()) {
 *   if (e instanceof EngagementEvent.CommentCreated c) {
 *     System.out.println(c.platform() + " comment " + c.objectId() + ": " + c.text().orElse(""));
 *   }
 * }
 * }</pre>
 *
 * @since 0.2
 */
@SmoPublicApi
public abstract sealed class EngagementEvent
    permits EngagementEvent.CommentCreated,
        EngagementEvent.CommentEdited,
        EngagementEvent.CommentRemoved,
        EngagementEvent.MessageReceived,
        EngagementEvent.MessageEchoed,
        EngagementEvent.Mention,
        EngagementEvent.PostPublished,
        EngagementEvent.PostFailed,
        EngagementEvent.Reaction,
        EngagementEvent.Follow,
        EngagementEvent.Unknown {

  private final Platform platform;
  private final String accountId;
  private final String dedupKey;
  private final String type;
  private final String objectId;
  private final String parentId;
  private final String authorId;
  private final String authorName;
  private final String text;
  private final Instant occurredAt;
  private final String rawJson;
  private final InboxItem inboxItem;

  EngagementEvent(Builder b) {
    platform = requireNonNull(b.platform, "platform == null");
    accountId = requireNonNull(b.accountId, "accountId == null");
    dedupKey = requireNonNull(b.dedupKey, "dedupKey == null");
    type = requireNonNull(b.type, "type == null");
    objectId = b.objectId;
    parentId = b.parentId;
    authorId = b.authorId;
    authorName = b.authorName;
    text = b.text;
    occurredAt = b.occurredAt;
    rawJson = b.rawJson == null ? "{}" : b.rawJson;
    inboxItem = b.inboxItem;
  }

  /**
   * Returns a builder for an event on {@code platform} concerning account {@code accountId}.
   *
   * @param platform the platform that pushed the event
   * @param accountId the target account (Page id, IG account id, X user id, channel id, open id)
   * @param dedupKey the platform's event id, or a content hash where it has none; unique per event
   * @param type the platform's own event type, e.g. {@code "feed/comment/add"} or {@code
   *     "tweet_create_events"}
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(Platform platform, String accountId, String dedupKey, String type) {
    return new Builder(platform, accountId, dedupKey, type);
  }

  /** Returns the platform that pushed the event. */
  public Platform platform() {
    return platform;
  }

  /**
   * Returns the target account the event concerns: the Facebook Page id, Instagram account id, X
   * user id ({@code for_user_id}), YouTube channel id or TikTok user open id.
   */
  public String accountId() {
    return accountId;
  }

  /**
   * Returns the key under which a re-delivery of this event is recognised: {@code platform:} plus
   * the platform's event id where it sends one (X, TikTok), else the object id and verb (Meta
   * comment id + verb, message id), else a SHA-256 of the item's raw bytes.
   */
  public String dedupKey() {
    return dedupKey;
  }

  /** Returns the platform's own name of the event type, e.g. {@code "feed/comment/add"}. */
  public String type() {
    return type;
  }

  /**
   * Returns the platform id of the object the event is about: the comment id, message id ({@code
   * mid}), post id, video id or TikTok {@code publish_id}.
   */
  public Optional<String> objectId() {
    return Optional.ofNullable(objectId);
  }

  /**
   * Returns the id of what the object belongs to: the post or media a comment is on, the parent
   * comment of a reply, the conversation or sender of a message, the post a reaction is on.
   */
  public Optional<String> parentId() {
    return Optional.ofNullable(parentId);
  }

  /** Returns the platform id of the person who acted (commenter, sender, liker, follower). */
  public Optional<String> authorId() {
    return Optional.ofNullable(authorId);
  }

  /** Returns the display name or handle of the person who acted, if the platform sent it. */
  public Optional<String> authorName() {
    return Optional.ofNullable(authorName);
  }

  /** Returns the text of the comment, message or mention, if the payload carried it. */
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  /** Returns when it happened on the platform (UTC), if the payload said so. */
  public Optional<Instant> occurredAt() {
    return Optional.ofNullable(occurredAt);
  }

  /**
   * Returns the raw JSON of the single item this event was parsed from (for YouTube, the Atom
   * {@code <entry>} XML), exactly as far as the SDK read it; unknown fields stay reachable here.
   */
  public String rawJson() {
    return rawJson;
  }

  /**
   * Returns the inbox item this event carries: an {@link io.smo.core.inbox.InboxComment} for new
   * and edited comments, a {@link io.smo.core.inbox.Message} for received and echoed messages
   * (echoes are {@link io.smo.core.inbox.Direction#OUTBOUND}), a {@link io.smo.core.inbox.Mention}
   * for mentions; empty for removals, publish results, reactions, follows and unknown events, and
   * when the payload lacked what the inbox model requires. These are the same objects the inbox
   * reads by polling, so an application merges both streams by {@link InboxItem#ref()}.
   */
  public Optional<InboxItem> inboxItem() {
    return Optional.ofNullable(inboxItem);
  }

  /** Returns a short name of the event family, e.g. {@code "comment.created"}. */
  public abstract String kind();

  @Override
  public String toString() {
    return kind()
        + "{"
        + platform.id()
        + " account="
        + accountId
        + (objectId == null ? "" : " id=" + objectId)
        + (parentId == null ? "" : " parent=" + parentId)
        + " type="
        + type
        + "}";
  }

  /** A new comment (or reply) on one of the account's posts. */
  public static final class CommentCreated extends EngagementEvent {
    CommentCreated(Builder b) {
      super(b);
    }

    @Override
    public String kind() {
      return "comment.created";
    }
  }

  /** A comment's text was edited. */
  public static final class CommentEdited extends EngagementEvent {
    CommentEdited(Builder b) {
      super(b);
    }

    @Override
    public String kind() {
      return "comment.edited";
    }
  }

  /** A comment was removed or hidden. */
  public static final class CommentRemoved extends EngagementEvent {
    CommentRemoved(Builder b) {
      super(b);
    }

    @Override
    public String kind() {
      return "comment.removed";
    }
  }

  /** A direct message sent to the account. */
  public static final class MessageReceived extends EngagementEvent {
    MessageReceived(Builder b) {
      super(b);
    }

    @Override
    public String kind() {
      return "message.received";
    }
  }

  /**
   * A message the account itself sent (from the native app, another tool or this SDK), echoed back
   * by the platform: an <b>outgoing</b> message, never one to answer.
   */
  public static final class MessageEchoed extends EngagementEvent {
    MessageEchoed(Builder b) {
      super(b);
    }

    @Override
    public String kind() {
      return "message.echoed";
    }
  }

  /** Someone mentioned the account in a post, caption or comment. */
  public static final class Mention extends EngagementEvent {
    Mention(Builder b) {
      super(b);
    }

    @Override
    public String kind() {
      return "mention";
    }
  }

  /** A post (or upload) the account published is live; {@link #objectId()} is its id. */
  public static final class PostPublished extends EngagementEvent {
    PostPublished(Builder b) {
      super(b);
    }

    @Override
    public String kind() {
      return "post.published";
    }
  }

  /**
   * Publishing failed on the platform after it was accepted; {@link #objectId()} is the id the SDK
   * returned when publishing (TikTok {@code publish_id}).
   */
  public static final class PostFailed extends EngagementEvent {
    private final String reason;

    PostFailed(Builder b) {
      super(b);
      reason = b.reason;
    }

    /** Returns the platform's failure reason, if it gave one. */
    public Optional<String> reason() {
      return Optional.ofNullable(reason);
    }

    @Override
    public String kind() {
      return "post.failed";
    }
  }

  /** A like or reaction was added to (or removed from) the account's post or comment. */
  public static final class Reaction extends EngagementEvent {
    private final String reactionType;
    private final boolean removed;

    Reaction(Builder b) {
      super(b);
      reactionType = b.reason;
      removed = b.removed;
    }

    /** Returns the reaction, e.g. {@code "like"}, {@code "love"}, as the platform names it. */
    public Optional<String> reactionType() {
      return Optional.ofNullable(reactionType);
    }

    /** Returns whether the reaction was taken back. */
    public boolean removed() {
      return removed;
    }

    @Override
    public String kind() {
      return "reaction";
    }
  }

  /** Someone followed (or unfollowed) the account. */
  public static final class Follow extends EngagementEvent {
    private final boolean removed;

    Follow(Builder b) {
      super(b);
      removed = b.removed;
    }

    /** Returns whether this is an unfollow. */
    public boolean removed() {
      return removed;
    }

    @Override
    public String kind() {
      return "follow";
    }
  }

  /**
   * An event type the SDK does not model. Kept with its raw JSON and platform type so nothing is
   * dropped silently.
   */
  public static final class Unknown extends EngagementEvent {
    Unknown(Builder b) {
      super(b);
    }

    @Override
    public String kind() {
      return "unknown";
    }
  }

  /**
   * Builds one {@link EngagementEvent}; the terminal method picks the family member. Mutable and
   * not thread-safe.
   */
  public static final class Builder {
    private final Platform platform;
    private final String accountId;
    private final String dedupKey;
    private final String type;
    private String objectId;
    private String parentId;
    private String authorId;
    private String authorName;
    private String text;
    private Instant occurredAt;
    private String rawJson;
    private InboxItem inboxItem;
    private String reason;
    private boolean removed;

    private Builder(Platform platform, String accountId, String dedupKey, String type) {
      this.platform = requireNonNull(platform, "platform == null");
      this.accountId = requireNonNull(accountId, "accountId == null");
      this.dedupKey = requireNonNull(dedupKey, "dedupKey == null");
      this.type = requireNonNull(type, "type == null");
    }

    /** Sets the object id (comment, message, post, video, publish id). Default none. */
    public Builder objectId(String objectId) {
      this.objectId = objectId;
      return this;
    }

    /** Sets the parent id (post, parent comment, conversation). Default none. */
    public Builder parentId(String parentId) {
      this.parentId = parentId;
      return this;
    }

    /** Sets the acting person's platform id. Default none. */
    public Builder authorId(String authorId) {
      this.authorId = authorId;
      return this;
    }

    /** Sets the acting person's name or handle. Default none. */
    public Builder authorName(String authorName) {
      this.authorName = authorName;
      return this;
    }

    /** Sets the text. Default none. */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /** Sets when it happened (UTC). Default unknown. */
    public Builder occurredAt(Instant occurredAt) {
      this.occurredAt = occurredAt;
      return this;
    }

    /** Sets the raw JSON (or XML) of the item. Default {@code "{}"}. */
    public Builder rawJson(String rawJson) {
      this.rawJson = rawJson;
      return this;
    }

    /** Sets the inbox item (comment, message, mention) the event carries. Default none. */
    public Builder inboxItem(InboxItem inboxItem) {
      this.inboxItem = inboxItem;
      return this;
    }

    /** Sets the failure reason ({@link PostFailed}) or reaction type ({@link Reaction}). */
    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    /** Marks a reaction or follow as taken back. Default false. */
    public Builder removed(boolean removed) {
      this.removed = removed;
      return this;
    }

    /** Returns a {@link CommentCreated}. */
    public CommentCreated commentCreated() {
      return new CommentCreated(this);
    }

    /** Returns a {@link CommentEdited}. */
    public CommentEdited commentEdited() {
      return new CommentEdited(this);
    }

    /** Returns a {@link CommentRemoved}. */
    public CommentRemoved commentRemoved() {
      return new CommentRemoved(this);
    }

    /** Returns a {@link MessageReceived}. */
    public MessageReceived messageReceived() {
      return new MessageReceived(this);
    }

    /** Returns a {@link MessageEchoed}. */
    public MessageEchoed messageEchoed() {
      return new MessageEchoed(this);
    }

    /** Returns a {@link Mention}. */
    public Mention mention() {
      return new Mention(this);
    }

    /** Returns a {@link PostPublished}. */
    public PostPublished postPublished() {
      return new PostPublished(this);
    }

    /** Returns a {@link PostFailed}. */
    public PostFailed postFailed() {
      return new PostFailed(this);
    }

    /** Returns a {@link Reaction}. */
    public Reaction reaction() {
      return new Reaction(this);
    }

    /** Returns a {@link Follow}. */
    public Follow follow() {
      return new Follow(this);
    }

    /** Returns an {@link Unknown}. */
    public Unknown unknown() {
      return new Unknown(this);
    }
  }
}
