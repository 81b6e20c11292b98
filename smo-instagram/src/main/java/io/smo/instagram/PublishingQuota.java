package io.smo.instagram;

import io.smo.core.SmoPublicApi;
import java.time.Duration;

/**
 * The account's publishing limit as {@code GET /{ig-user-id}/content_publishing_limit} reports it:
 * posts published through the API in the moving window, and how many are allowed (Meta's docs say
 * 50 in one place and 100 in another, so the SDK always reads it). Carousels count as one post.
 * Immutable.
 *
 * @see <a
 *     href="https://developers.facebook.com/docs/instagram-platform/content-publishing#rate-limit">Publishing
 *     rate limit</a>
 */
@SmoPublicApi
public final class PublishingQuota {
  private final long used;
  private final long total;
  private final Duration window;

  /**
   * Creates a snapshot.
   *
   * @param used posts published in the window ({@code quota_usage})
   * @param total posts allowed in the window ({@code config.quota_total}; 0 when not reported)
   * @param window the window ({@code config.quota_duration}, normally 24 hours)
   */
  public PublishingQuota(long used, long total, Duration window) {
    this.used = used;
    this.total = total;
    this.window = window;
  }

  /** Returns the posts published in the window. */
  public long used() {
    return used;
  }

  /** Returns the posts allowed in the window (0 when Instagram did not say). */
  public long total() {
    return total;
  }

  /** Returns the posts left, never negative (Long.MAX_VALUE when the total is unknown). */
  public long remaining() {
    return total <= 0 ? Long.MAX_VALUE : Math.max(0, total - used);
  }

  /** Returns the moving window length. */
  public Duration window() {
    return window;
  }

  /** Returns whether no post is left. */
  public boolean exhausted() {
    return total > 0 && used >= total;
  }

  @Override
  public String toString() {
    return "PublishingQuota{" + used + "/" + total + " per " + window + "}";
  }
}
