package io.smo.core.inbox;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A direct (private) message in a {@link Conversation}: direction, author, text, attachments, time
 * and the platform's ids (message id as {@link #platformId()}, conversation id as {@link
 * #threadId()}). Immutable.
 *
 * <p>A deleted or unsupported message (Meta {@code is_deleted}, {@code is_unsupported}, or a
 * Messenger message older than the 20 most recent) is kept with empty text and {@link #deleted()}
 * true, and {@link #dropped()} says why.
 */
@SmoPublicApi
public final class Message implements InboxItem {
  private final InboxRef ref;
  private final Direction direction;
  private final String authorId;
  private final String authorName;
  private final String recipientId;
  private final String text;
  private final List<Attachment> attachments;
  private final Instant createdAt;
  private final boolean answered;
  private final boolean deleted;
  private final String replyToId;
  private final List<String> dropped;

  private Message(Builder b) {
    ref = InboxRef.of(b.platform, b.account, InboxItemKind.MESSAGE, b.conversationId, b.id);
    direction = requireNonNull(b.direction, "direction == null");
    authorId = b.authorId;
    authorName = b.authorName;
    recipientId = b.recipientId;
    text = b.text == null ? "" : b.text;
    attachments = List.copyOf(b.attachments);
    createdAt = requireNonNull(b.createdAt, "createdAt == null");
    answered = b.answered;
    deleted = b.deleted;
    replyToId = b.replyToId;
    dropped = List.copyOf(b.dropped);
  }

  /**
   * Returns a builder.
   *
   * @param platform the platform
   * @param account the account key of the account whose inbox holds the conversation
   * @param conversationId the conversation (thread) id
   * @param id the platform's message id (Meta {@code mid}/message id, X {@code dm_event} id)
   */
  public static Builder builder(
      Platform platform, String account, String conversationId, String id) {
    Builder b = new Builder();
    b.platform = platform;
    b.account = account;
    b.conversationId = conversationId;
    b.id = id;
    return b;
  }

  @Override
  public InboxRef ref() {
    return ref;
  }

  /** Returns the conversation id (same as {@link #threadId()}). */
  public String conversationId() {
    return ref.threadId();
  }

  @Override
  public Direction direction() {
    return direction;
  }

  @Override
  public Optional<String> authorId() {
    return Optional.ofNullable(authorId);
  }

  @Override
  public Optional<String> authorName() {
    return Optional.ofNullable(authorName);
  }

  /** Returns the recipient's platform id (a PSID, IGSID or X user id), if known. */
  public Optional<String> recipientId() {
    return Optional.ofNullable(recipientId);
  }

  /**
   * Returns the other party of the conversation, seen from the account: the author of an inbound
   * message, the recipient of an outbound one.
   */
  public Optional<String> counterpartId() {
    return direction == Direction.INBOUND ? authorId() : recipientId();
  }

  @Override
  public String text() {
    return text;
  }

  /** Returns the attachments (empty when none). */
  public List<Attachment> attachments() {
    return attachments;
  }

  @Override
  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public boolean answered() {
    return answered;
  }

  /**
   * Returns whether the platform reports the message deleted, unsupported or no longer readable.
   */
  public boolean deleted() {
    return deleted;
  }

  /** Returns the id of the message this one replies to (Meta {@code reply_to.mid}), if any. */
  public Optional<String> replyToId() {
    return Optional.ofNullable(replyToId);
  }

  @Override
  public List<String> dropped() {
    return dropped;
  }

  /** Returns a copy with {@link #answered()} set to {@code answered}. */
  public Message withAnswered(boolean answered) {
    return answered == this.answered ? this : toBuilder().answered(answered).build();
  }

  /** Returns a builder holding these values. */
  public Builder toBuilder() {
    Builder b = builder(ref.platform(), ref.account(), ref.threadId(), ref.id());
    b.direction = direction;
    b.authorId = authorId;
    b.authorName = authorName;
    b.recipientId = recipientId;
    b.text = text;
    b.attachments.addAll(attachments);
    b.createdAt = createdAt;
    b.answered = answered;
    b.deleted = deleted;
    b.replyToId = replyToId;
    b.dropped.addAll(dropped);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Message message && ref.equals(message.ref);
  }

  @Override
  public int hashCode() {
    return ref.hashCode();
  }

  @Override
  public String toString() {
    return "Message{"
        + ref
        + " "
        + direction
        + " by "
        + (authorName != null ? authorName : authorId)
        + " at "
        + createdAt
        + ": '"
        + text
        + "'"
        + (attachments.isEmpty() ? "" : " +" + attachments.size() + " attachment(s)")
        + (deleted ? " deleted" : "")
        + "}";
  }

  /** Builds {@link Message}. Mutable, not thread-safe. */
  public static final class Builder {
    private Platform platform;
    private String account;
    private String conversationId;
    private String id;
    private Direction direction = Direction.INBOUND;
    private String authorId;
    private String authorName;
    private String recipientId;
    private String text;
    private final List<Attachment> attachments = new ArrayList<>();
    private Instant createdAt;
    private boolean answered;
    private boolean deleted;
    private String replyToId;
    private final List<String> dropped = new ArrayList<>();

    private Builder() {}

    /** Sets the direction. Default {@link Direction#INBOUND}. */
    public Builder direction(Direction direction) {
      this.direction = direction;
      return this;
    }

    /** Sets the author's platform id. */
    public Builder authorId(String authorId) {
      this.authorId = authorId;
      return this;
    }

    /** Sets the author's display name or handle. */
    public Builder authorName(String authorName) {
      this.authorName = authorName;
      return this;
    }

    /** Sets the recipient's platform id. */
    public Builder recipientId(String recipientId) {
      this.recipientId = recipientId;
      return this;
    }

    /** Sets the text ({@code null} means none). */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /** Adds an attachment. */
    public Builder attachment(Attachment attachment) {
      attachments.add(requireNonNull(attachment, "attachment == null"));
      return this;
    }

    /** Sets when it was sent (UTC). Required. */
    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /** Sets whether the account answered it. Default false. */
    public Builder answered(boolean answered) {
      this.answered = answered;
      return this;
    }

    /** Sets whether the platform reports it deleted or unreadable. Default false. */
    public Builder deleted(boolean deleted) {
      this.deleted = deleted;
      return this;
    }

    /** Sets the id of the message it replies to. */
    public Builder replyToId(String replyToId) {
      this.replyToId = replyToId;
      return this;
    }

    /** Adds a note on something the mapper dropped or replaced. */
    public Builder drop(String note) {
      dropped.add(requireNonNull(note, "note == null"));
      return this;
    }

    /**
     * Returns an immutable snapshot.
     *
     * @throws NullPointerException if the platform, direction or time is missing
     * @throws IllegalArgumentException if the account, conversation id or id is empty
     */
    public Message build() {
      return new Message(this);
    }
  }
}
