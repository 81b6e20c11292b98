package io.smo.core.inbox;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoPublicApi;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A post or comment, usually by someone else, that mentions or tags the account (X mentions
 * timeline, Instagram {@code tags}/{@code mentioned_media}/{@code mentioned_comment}, Facebook
 * tagged posts). Its thread is the mentioning post ({@link #post()}); for a mention in a comment,
 * {@link #commentId()} names the comment. Immutable.
 */
@SmoPublicApi
public final class Mention implements InboxItem {
  /** Where the mention is. */
  public enum Source {
    /**
     * In a post or its caption (an X post, an IG media the account is tagged in, a FB tagged post).
     */
    POST,
    /** In a comment on someone's post. */
    COMMENT
  }

  private final InboxRef ref;
  private final Source source;
  private final PostRef post;
  private final String commentId;
  private final String authorId;
  private final String authorName;
  private final String text;
  private final Instant createdAt;
  private final URI permalink;
  private final boolean answered;
  private final List<String> dropped;

  private Mention(Builder b) {
    post = requireNonNull(b.post, "post == null");
    source = requireNonNull(b.source, "source == null");
    commentId = b.commentId;
    if (source == Source.COMMENT && commentId == null) {
      throw new IllegalArgumentException("a COMMENT mention needs its comment id");
    }
    ref =
        InboxRef.of(
            post.platform(),
            b.account,
            InboxItemKind.MENTION,
            post.id(),
            commentId != null ? commentId : post.id());
    authorId = b.authorId;
    authorName = b.authorName;
    text = b.text == null ? "" : b.text;
    createdAt = requireNonNull(b.createdAt, "createdAt == null");
    permalink = b.permalink;
    answered = b.answered;
    dropped = List.copyOf(b.dropped);
  }

  /**
   * Returns a builder for a mention in {@code post} (the mentioning post, not the account's).
   *
   * @param account the account key of the mentioned account
   * @param post the post that mentions the account, or the post a mentioning comment is on
   * @param source whether the mention is in the post or in a comment
   */
  public static Builder builder(String account, PostRef post, Source source) {
    Builder b = new Builder();
    b.account = account;
    b.post = post;
    b.source = source;
    return b;
  }

  @Override
  public InboxRef ref() {
    return ref;
  }

  /** Returns whether the mention is in a post or in a comment. */
  public Source source() {
    return source;
  }

  /** Returns the mentioning post (or the post the mentioning comment is on). */
  public PostRef post() {
    return post;
  }

  /** Returns the mentioning comment's id, for a {@link Source#COMMENT} mention. */
  public Optional<String> commentId() {
    return Optional.ofNullable(commentId);
  }

  /** Returns the platform. */
  @Override
  public Platform platform() {
    return post.platform();
  }

  /** Always {@link Direction#INBOUND}: a mention is written about the account. */
  @Override
  public Direction direction() {
    return Direction.INBOUND;
  }

  @Override
  public Optional<String> authorId() {
    return Optional.ofNullable(authorId);
  }

  @Override
  public Optional<String> authorName() {
    return Optional.ofNullable(authorName);
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public Instant createdAt() {
    return createdAt;
  }

  /** Returns the public link of the mentioning post, if the platform gave one. */
  public Optional<URI> permalink() {
    return Optional.ofNullable(permalink);
  }

  @Override
  public boolean answered() {
    return answered;
  }

  @Override
  public List<String> dropped() {
    return dropped;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mention mention && ref.equals(mention.ref);
  }

  @Override
  public int hashCode() {
    return ref.hashCode();
  }

  @Override
  public String toString() {
    return "Mention{"
        + ref
        + " "
        + source
        + " by "
        + (authorName != null ? authorName : authorId)
        + " at "
        + createdAt
        + ": '"
        + text
        + "'}";
  }

  /** Builds {@link Mention}. Mutable, not thread-safe. */
  public static final class Builder {
    private String account;
    private PostRef post;
    private Source source;
    private String commentId;
    private String authorId;
    private String authorName;
    private String text;
    private Instant createdAt;
    private URI permalink;
    private boolean answered;
    private final List<String> dropped = new ArrayList<>();

    private Builder() {}

    /** Sets the mentioning comment's id (required for {@link Source#COMMENT}). */
    public Builder commentId(String commentId) {
      this.commentId = commentId;
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

    /** Sets the text of the mentioning post or comment. */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /** Sets when it was written (UTC). Required. */
    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /** Sets the public link of the mentioning post. */
    public Builder permalink(URI permalink) {
      this.permalink = permalink;
      return this;
    }

    /** Sets whether the account answered it. Default false. */
    public Builder answered(boolean answered) {
      this.answered = answered;
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
     * @throws NullPointerException if the time is missing
     * @throws IllegalArgumentException if a COMMENT mention has no comment id, or the account is
     *     empty
     */
    public Mention build() {
      return new Mention(this);
    }
  }
}
