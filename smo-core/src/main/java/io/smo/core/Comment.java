package io.smo.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A comment on a post, or a reply to a comment (X: a reply post). Immutable.
 *
 * <p>Counts are absent when the platform does not report them, never a made-up zero.
 */
@SmoPublicApi
public final class Comment {
  private final CommentRef ref;
  private final String authorId;
  private final String authorName;
  private final String text;
  private final Instant createdAt;
  private final String parentId;
  private final Long likeCount;
  private final Long replyCount;
  private final boolean hidden;

  private Comment(Builder b) {
    ref = requireNonNull(b.ref, "ref == null");
    authorId = b.authorId;
    authorName = b.authorName;
    text = b.text == null ? "" : b.text;
    createdAt = b.createdAt;
    parentId = b.parentId;
    likeCount = b.likeCount;
    replyCount = b.replyCount;
    hidden = b.hidden;
  }

  /** Returns a builder for the comment at {@code ref}. */
  public static Builder builder(CommentRef ref) {
    Builder b = new Builder();
    b.ref = ref;
    return b;
  }

  /** Returns the comment's reference. */
  public CommentRef ref() {
    return ref;
  }

  /** Returns the comment id. */
  public String id() {
    return ref.id();
  }

  /** Returns the author's platform id, if the platform shares it. */
  public Optional<String> authorId() {
    return Optional.ofNullable(authorId);
  }

  /** Returns the author's display name or handle, if the platform shares it. */
  public Optional<String> authorName() {
    return Optional.ofNullable(authorName);
  }

  /** Returns the text. */
  public String text() {
    return text;
  }

  /** Returns when it was written (UTC), if known. */
  public Optional<Instant> createdAt() {
    return Optional.ofNullable(createdAt);
  }

  /** Returns the id of the comment this one answers, if it is a reply. */
  public Optional<String> parentId() {
    return Optional.ofNullable(parentId);
  }

  /** Returns the like count, if reported. */
  public OptionalLong likeCount() {
    return likeCount == null ? OptionalLong.empty() : OptionalLong.of(likeCount);
  }

  /** Returns the reply count, if reported. */
  public OptionalLong replyCount() {
    return replyCount == null ? OptionalLong.empty() : OptionalLong.of(replyCount);
  }

  /** Returns whether the comment is hidden. */
  public boolean hidden() {
    return hidden;
  }

  @Override
  public String toString() {
    return "Comment{"
        + ref
        + " by "
        + authorName
        + ": '"
        + text
        + "'"
        + (hidden ? " hidden" : "")
        + "}";
  }

  /** Builds {@link Comment}. Mutable, not thread-safe. */
  public static final class Builder {
    private CommentRef ref;
    private String authorId;
    private String authorName;
    private String text;
    private Instant createdAt;
    private String parentId;
    private Long likeCount;
    private Long replyCount;
    private boolean hidden;

    private Builder() {}

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

    /** Sets the text. */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /** Sets the creation instant (UTC). */
    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /** Sets the parent comment id. */
    public Builder parentId(String parentId) {
      this.parentId = parentId;
      return this;
    }

    /** Sets the like count; {@code null} means not reported. */
    public Builder likeCount(Long likeCount) {
      this.likeCount = likeCount;
      return this;
    }

    /** Sets the reply count; {@code null} means not reported. */
    public Builder replyCount(Long replyCount) {
      this.replyCount = replyCount;
      return this;
    }

    /** Sets the hidden flag. */
    public Builder hidden(boolean hidden) {
      this.hidden = hidden;
      return this;
    }

    /** Returns an immutable snapshot. */
    public Comment build() {
      return new Comment(this);
    }
  }
}
