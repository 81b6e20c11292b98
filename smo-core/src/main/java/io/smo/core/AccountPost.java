package io.smo.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One of an account's own posts as the platform lists it ({@link SocialClient#recentPosts}): the
 * published post, its text as the platform stores it, and when it was created (UTC). Immutable.
 */
@SmoPublicApi
public final class AccountPost {
  private final PublishedPost post;
  private final String text;
  private final Instant createdAt;

  /**
   * Creates a listed post.
   *
   * @param post the post (ref, URL)
   * @param text its text as listed (may differ from what was sent: shortened links)
   * @param createdAt when the platform created it (UTC)
   */
  public AccountPost(PublishedPost post, String text, Instant createdAt) {
    this.post = requireNonNull(post, "post == null");
    this.text = text == null ? "" : text;
    this.createdAt = requireNonNull(createdAt, "createdAt == null");
  }

  /** Returns the post. */
  public PublishedPost post() {
    return post;
  }

  /** Returns its text as listed. */
  public String text() {
    return text;
  }

  /** Returns when it was created (UTC). */
  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public String toString() {
    return "AccountPost{" + post.ref() + " at " + createdAt + "}";
  }
}
