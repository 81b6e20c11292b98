package io.smo.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Figures of the account a client acts for: id, handle, display name, followers (subscribers on
 * YouTube), following and post count, each absent when the platform does not report it (never a
 * made-up zero), plus the platform's own figures by their names. Immutable.
 *
 * <p>Where each platform reports them ({@link SocialClient#accountInfo()}):
 *
 * <ul>
 *   <li>Facebook Page: {@code followers_count} (followers; {@code fan_count}, the Page's likes, is
 *       in {@link #raw()}), no following or post count.
 *   <li>Instagram: {@code followers_count}, {@code follows_count}, {@code media_count}.
 *   <li>X: {@code /2/users/me} {@code public_metrics.followers_count}, {@code following_count},
 *       {@code tweet_count}.
 *   <li>YouTube: channel {@code statistics.subscriberCount} (absent when {@code
 *       hiddenSubscriberCount}), {@code videoCount}; no following.
 *   <li>TikTok: {@code user/info} {@code follower_count}, {@code following_count}, {@code
 *       video_count} (scope {@code user.info.stats}).
 *   <li>Pinterest: {@code user_account} {@code follower_count}, {@code following_count}, {@code
 *       pin_count}.
 * </ul>
 */
@SmoPublicApi
public final class AccountInfo {
  private final Platform platform;
  private final String id;
  private final String handle;
  private final String name;
  private final Long followers;
  private final Long following;
  private final Long postCount;
  private final Map<String, Object> raw;
  private final Instant retrievedAt;

  private AccountInfo(Builder b) {
    platform = b.platform;
    id = b.id;
    handle = b.handle;
    name = b.name;
    followers = b.followers;
    following = b.following;
    postCount = b.postCount;
    raw = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.raw));
    retrievedAt = b.retrievedAt;
  }

  /**
   * Returns a builder for the account {@code id} on {@code platform}.
   *
   * @throws NullPointerException if either is null
   */
  public static Builder builder(Platform platform, String id) {
    Builder b = new Builder();
    b.platform = requireNonNull(platform, "platform == null");
    b.id = requireNonNull(id, "id == null");
    return b;
  }

  /** Returns the platform. */
  public Platform platform() {
    return platform;
  }

  /** Returns the platform's account id (Page id, IG user id, X user id, channel id, open_id...). */
  public String id() {
    return id;
  }

  /** Returns the handle (username, without '@'; YouTube: the custom URL), if reported. */
  public Optional<String> handle() {
    return Optional.ofNullable(handle);
  }

  /** Returns the display name, if reported. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** Returns the followers (YouTube: subscribers), if reported. */
  public OptionalLong followers() {
    return followers == null ? OptionalLong.empty() : OptionalLong.of(followers);
  }

  /** Returns how many accounts this one follows, if reported. */
  public OptionalLong following() {
    return following == null ? OptionalLong.empty() : OptionalLong.of(following);
  }

  /** Returns the number of posts (media, tweets, videos, pins), if reported. */
  public OptionalLong postCount() {
    return postCount == null ? OptionalLong.empty() : OptionalLong.of(postCount);
  }

  /** Returns the platform's own figures by their names. */
  public Map<String, Object> raw() {
    return raw;
  }

  /** Returns when the figures were read (UTC). */
  public Instant retrievedAt() {
    return retrievedAt;
  }

  @Override
  public String toString() {
    return "AccountInfo{"
        + platform.id()
        + ":"
        + id
        + (handle != null ? " @" + handle : "")
        + " followers="
        + followers
        + " following="
        + following
        + " posts="
        + postCount
        + "}";
  }

  /** Builds {@link AccountInfo}. Mutable, not thread-safe. */
  public static final class Builder {
    private Platform platform;
    private String id;
    private String handle;
    private String name;
    private Long followers;
    private Long following;
    private Long postCount;
    private final Map<String, Object> raw = new LinkedHashMap<>();
    private Instant retrievedAt = Instant.EPOCH;

    private Builder() {}

    /** Sets the handle; {@code null} or blank leaves it absent; a leading '@' is dropped. */
    public Builder handle(String handle) {
      this.handle =
          handle == null || handle.isBlank() ? null : handle.strip().replaceFirst("^@", "");
      return this;
    }

    /** Sets the display name; {@code null} or blank leaves it absent. */
    public Builder name(String name) {
      this.name = name == null || name.isBlank() ? null : name;
      return this;
    }

    /** Sets the followers; {@code null} leaves it absent. */
    public Builder followers(Long followers) {
      this.followers = followers;
      return this;
    }

    /** Sets the following count; {@code null} leaves it absent. */
    public Builder following(Long following) {
      this.following = following;
      return this;
    }

    /** Sets the post count; {@code null} leaves it absent. */
    public Builder postCount(Long postCount) {
      this.postCount = postCount;
      return this;
    }

    /** Records a platform figure under its own name; {@code null} is ignored. */
    public Builder raw(String name, Object value) {
      if (value != null) {
        raw.put(name, value);
      }
      return this;
    }

    /** Sets when the figures were read (UTC). */
    public Builder retrievedAt(Instant retrievedAt) {
      this.retrievedAt = requireNonNull(retrievedAt, "retrievedAt == null");
      return this;
    }

    /** Returns an immutable snapshot. */
    public AccountInfo build() {
      return new AccountInfo(this);
    }
  }
}
