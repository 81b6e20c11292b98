package io.smo.core.inbox;

import static java.util.Objects.requireNonNull;

import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.PostRef;
import io.smo.core.SmoPublicApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A public comment on one of the account's posts or videos, as an {@link InboxItem}: the {@link
 * Comment} itself, the post it is on ({@link #threadId()}), whether it is held for review (YouTube
 * {@code heldForReview}/{@code likelySpam}) and whether the account answered it. Immutable. Answer
 * it with {@link InboxClient#answer(InboxItem, String)} (a public reply) or moderate it through
 * {@link #commentRef()}.
 */
@SmoPublicApi
public final class InboxComment implements InboxItem {
  private final InboxRef ref;
  private final Comment comment;
  private final PostRef post;
  private final Direction direction;
  private final Instant createdAt;
  private final boolean answered;
  private final String moderationStatus;
  private final List<String> dropped;

  private InboxComment(Builder b) {
    comment = requireNonNull(b.comment, "comment == null");
    post = requireNonNull(b.post, "post == null");
    if (post.platform() != comment.ref().platform()) {
      throw new IllegalArgumentException("post and comment are on different platforms");
    }
    ref = InboxRef.of(post.platform(), b.account, InboxItemKind.COMMENT, post.id(), comment.id());
    direction = b.direction;
    createdAt =
        requireNonNull(
            b.createdAt != null ? b.createdAt : comment.createdAt().orElse(null),
            "createdAt == null (neither the comment nor the builder has one)");
    answered = b.answered;
    moderationStatus = b.moderationStatus;
    dropped = List.copyOf(b.dropped);
  }

  /**
   * Returns a builder.
   *
   * @param account the account key of the account whose content was commented on
   * @param post the post or video the comment is on
   * @param comment the comment
   */
  public static Builder builder(String account, PostRef post, Comment comment) {
    Builder b = new Builder();
    b.account = account;
    b.post = post;
    b.comment = comment;
    return b;
  }

  @Override
  public InboxRef ref() {
    return ref;
  }

  /** Returns the comment. */
  public Comment comment() {
    return comment;
  }

  /** Returns the comment's reference, for {@code reply} and {@code moderate}. */
  public CommentRef commentRef() {
    return comment.ref();
  }

  /** Returns the post or video the comment is on. */
  public PostRef post() {
    return post;
  }

  @Override
  public Direction direction() {
    return direction;
  }

  @Override
  public Optional<String> authorId() {
    return comment.authorId();
  }

  @Override
  public Optional<String> authorName() {
    return comment.authorName();
  }

  @Override
  public String text() {
    return comment.text();
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
   * Returns the platform's moderation status when it is not plainly published (YouTube {@code
   * heldForReview} or {@code likelySpam}), if any.
   */
  public Optional<String> moderationStatus() {
    return Optional.ofNullable(moderationStatus);
  }

  /** Returns whether the comment waits for the owner's review (held or likely spam). */
  public boolean heldForReview() {
    return moderationStatus != null;
  }

  @Override
  public List<String> dropped() {
    return dropped;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InboxComment inboxComment && ref.equals(inboxComment.ref);
  }

  @Override
  public int hashCode() {
    return ref.hashCode();
  }

  @Override
  public String toString() {
    return "InboxComment{"
        + ref
        + " "
        + direction
        + " by "
        + comment.authorName().orElse("?")
        + " at "
        + createdAt
        + (moderationStatus != null ? " " + moderationStatus : "")
        + "}";
  }

  /** Builds {@link InboxComment}. Mutable, not thread-safe. */
  public static final class Builder {
    private String account;
    private PostRef post;
    private Comment comment;
    private Direction direction = Direction.INBOUND;
    private Instant createdAt;
    private boolean answered;
    private String moderationStatus;
    private final List<String> dropped = new ArrayList<>();

    private Builder() {}

    /** Sets the direction. Default {@link Direction#INBOUND}. */
    public Builder direction(Direction direction) {
      this.direction = requireNonNull(direction, "direction == null");
      return this;
    }

    /**
     * Sets the time when the comment has none (a fallback, to be noted in {@link #drop(String)}).
     */
    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /** Sets whether the account answered it. Default false. */
    public Builder answered(boolean answered) {
      this.answered = answered;
      return this;
    }

    /** Sets the platform's moderation status when not published ({@code heldForReview}...). */
    public Builder moderationStatus(String moderationStatus) {
      this.moderationStatus = moderationStatus;
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
     * @throws NullPointerException if no time is known
     * @throws IllegalArgumentException if the account is empty or the post and comment platforms
     *     differ
     */
    public InboxComment build() {
      return new InboxComment(this);
    }
  }
}
