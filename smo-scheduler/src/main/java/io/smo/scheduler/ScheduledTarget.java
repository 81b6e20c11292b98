package io.smo.scheduler;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import java.time.Instant;
import java.util.Optional;

/**
 * One target platform of a scheduled post: mode, status, the published ref and URL once known,
 * the last error message, attempts so far and when it last changed. Immutable.
 */
@SmoPublicApi
public final class ScheduledTarget {
  private final Platform platform;
  private final ScheduleMode mode;
  private final TargetStatus status;
  private final String postId;
  private final String url;
  private final String error;
  private final int attempts;
  private final Instant updatedAt;

  /**
   * Creates a view of one target.
   *
   * @param platform the platform
   * @param mode native or local
   * @param status the status
   * @param postId the platform post id, or {@code null}
   * @param url the public URL, or {@code null}
   * @param error the last error message, or {@code null}
   * @param attempts publish attempts so far
   * @param updatedAt when the status last changed (UTC)
   */
  public ScheduledTarget(Platform platform, ScheduleMode mode, TargetStatus status, String postId,
      String url, String error, int attempts, Instant updatedAt) {
    this.platform = platform;
    this.mode = mode;
    this.status = status;
    this.postId = postId;
    this.url = url;
    this.error = error;
    this.attempts = attempts;
    this.updatedAt = updatedAt;
  }

  /** Returns the platform. */
  public Platform platform() {
    return platform;
  }

  /** Returns how the target is scheduled. */
  public ScheduleMode mode() {
    return mode;
  }

  /** Returns the status. */
  public TargetStatus status() {
    return status;
  }

  /** Returns the platform's post id, once published or natively scheduled. */
  public Optional<String> postId() {
    return Optional.ofNullable(postId);
  }

  /** Returns the public URL, if known. */
  public Optional<String> url() {
    return Optional.ofNullable(url);
  }

  /** Returns the last error message, if any. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /** Returns how many publish attempts were made. */
  public int attempts() {
    return attempts;
  }

  /** Returns when the status last changed (UTC). */
  public Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public String toString() {
    return platform.id() + " " + mode + " " + status + (postId != null ? " " + postId : "")
        + (error != null ? " (" + error + ")" : "");
  }
}
