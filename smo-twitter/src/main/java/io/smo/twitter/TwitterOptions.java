package io.smo.twitter;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.PlatformOptions;
import io.smo.core.SmoPublicApi;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-post options for X ({@code POST /2/tweets} body fields the platform-neutral {@link
 * io.smo.core.Post} does not cover). Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * Post.builder().text("Agreed!")
 *     .option(TwitterOptions.builder().inReplyTo("1445880548472328192").build())
 *     .build();
 * }</pre>
 *
 * <p>Quote posts were removed from X's self-serve tiers on 2026-04-20, and replies there are only
 * allowed when the original author summoned the replier; X refuses others with 403, which the
 * client maps to {@link io.smo.core.exception.PermissionException}.
 *
 * @see <a href="https://docs.x.com/x-api/posts/manage-tweets/integrate">Manage posts</a>
 */
@SmoPublicApi
public final class TwitterOptions implements PlatformOptions {
  /** X {@code reply_settings} values (who may reply); omitting the field means everyone. */
  public enum ReplySettings {
    /** Everyone (the field is omitted). */
    EVERYONE(null),
    /** Accounts the author follows ({@code following}). */
    FOLLOWING("following"),
    /** Only mentioned accounts ({@code mentionedUsers}). */
    MENTIONED_USERS("mentionedUsers"),
    /** The author's subscribers ({@code subscribers}). */
    SUBSCRIBERS("subscribers"),
    /** Verified accounts ({@code verified}). */
    VERIFIED("verified");

    private final String wire;

    ReplySettings(String wire) {
      this.wire = wire;
    }

    /** Returns the wire value, empty for {@link #EVERYONE}. */
    public Optional<String> wireValue() {
      return Optional.ofNullable(wire);
    }
  }

  private final String quoteTweetId;
  private final String inReplyToTweetId;
  private final List<String> excludeReplyUserIds;
  private final ReplySettings replySettings;
  private final boolean madeWithAi;
  private final boolean paidPartnership;

  private TwitterOptions(Builder b) {
    quoteTweetId = b.quoteTweetId;
    inReplyToTweetId = b.inReplyToTweetId;
    excludeReplyUserIds = List.copyOf(b.excludeReplyUserIds);
    replySettings = b.replySettings;
    madeWithAi = b.madeWithAi;
    paidPartnership = b.paidPartnership;
  }

  /** Returns a builder with no options set. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Platform platform() {
    return Platform.TWITTER;
  }

  /** Returns the post to quote ({@code quote_tweet_id}), if any. */
  public Optional<String> quoteTweetId() {
    return Optional.ofNullable(quoteTweetId);
  }

  /** Returns the post this one replies to ({@code reply.in_reply_to_tweet_id}), if any. */
  public Optional<String> inReplyToTweetId() {
    return Optional.ofNullable(inReplyToTweetId);
  }

  /**
   * Returns the user ids removed from the reply's mentions ({@code reply.exclude_reply_user_ids}).
   */
  public List<String> excludeReplyUserIds() {
    return excludeReplyUserIds;
  }

  /**
   * Returns the reply settings override, if set; it wins over the {@link io.smo.core.Audience}'s
   * {@link io.smo.core.ReplyPolicy}.
   */
  public Optional<ReplySettings> replySettings() {
    return Optional.ofNullable(replySettings);
  }

  /** Returns whether the post discloses AI-generated media ({@code made_with_ai}). */
  public boolean madeWithAi() {
    return madeWithAi;
  }

  /** Returns whether the post discloses a paid partnership ({@code paid_partnership}). */
  public boolean paidPartnership() {
    return paidPartnership;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TwitterOptions t)) {
      return false;
    }
    return Objects.equals(quoteTweetId, t.quoteTweetId)
        && Objects.equals(inReplyToTweetId, t.inReplyToTweetId)
        && excludeReplyUserIds.equals(t.excludeReplyUserIds)
        && replySettings == t.replySettings
        && madeWithAi == t.madeWithAi
        && paidPartnership == t.paidPartnership;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        quoteTweetId,
        inReplyToTweetId,
        excludeReplyUserIds,
        replySettings,
        madeWithAi,
        paidPartnership);
  }

  @Override
  public String toString() {
    return "TwitterOptions{quote="
        + quoteTweetId
        + ", inReplyTo="
        + inReplyToTweetId
        + ", replySettings="
        + replySettings
        + "}";
  }

  /** Builds {@link TwitterOptions}. Mutable, not thread-safe. */
  public static final class Builder {
    private String quoteTweetId;
    private String inReplyToTweetId;
    private List<String> excludeReplyUserIds = List.of();
    private ReplySettings replySettings;
    private boolean madeWithAi;
    private boolean paidPartnership;

    private Builder() {}

    /**
     * Quotes a post.
     *
     * @param tweetId 1 to 19 digits
     * @throws IllegalArgumentException if not a post id
     */
    public Builder quote(String tweetId) {
      this.quoteTweetId = checkId(tweetId);
      return this;
    }

    /**
     * Makes the post a reply.
     *
     * @param tweetId 1 to 19 digits
     * @throws IllegalArgumentException if not a post id
     */
    public Builder inReplyTo(String tweetId) {
      this.inReplyToTweetId = checkId(tweetId);
      return this;
    }

    /** Removes these user ids from the reply's auto-populated mentions. */
    public Builder excludeReplyUserIds(List<String> userIds) {
      userIds.forEach(TwitterOptions::checkId);
      this.excludeReplyUserIds = List.copyOf(userIds);
      return this;
    }

    /** Overrides who may reply (default: from the post's {@link io.smo.core.ReplyPolicy}). */
    public Builder replySettings(ReplySettings replySettings) {
      this.replySettings = requireNonNull(replySettings, "replySettings == null");
      return this;
    }

    /** Discloses AI-generated media. */
    public Builder madeWithAi(boolean madeWithAi) {
      this.madeWithAi = madeWithAi;
      return this;
    }

    /** Discloses a paid partnership. */
    public Builder paidPartnership(boolean paidPartnership) {
      this.paidPartnership = paidPartnership;
      return this;
    }

    /** Returns an immutable snapshot. */
    public TwitterOptions build() {
      return new TwitterOptions(this);
    }
  }

  static String checkId(String id) {
    requireNonNull(id, "id == null");
    if (!id.matches("[0-9]{1,19}")) {
      throw new IllegalArgumentException("not an X post/user id (1-19 digits): '" + id + "'");
    }
    return id;
  }
}
