package io.smo.scheduler;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.Target;
import java.time.Instant;
import java.util.Optional;

/**
 * One target platform of a scheduled post: mode, status, the published ref and URL once known, the
 * last error message, attempts so far and when it last changed. Immutable.
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
  private final String account;
  private final String reason;

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
  public ScheduledTarget(
      Platform platform,
      ScheduleMode mode,
      TargetStatus status,
      String postId,
      String url,
      String error,
      int attempts,
      Instant updatedAt) {
    this(platform, null, mode, status, postId, url, error, attempts, updatedAt, null);
  }

  /**
   * Creates a target's state with its account.
   *
   * @param platform the platform
   * @param account the account on the platform ({@link Target#account()}), or {@code null} for a
   *     schedule stored before schedules recorded their accounts
   * @param mode how it is scheduled
   * @param status where it stands
   * @param postId the platform's post id, or {@code null}
   * @param url the public URL, or {@code null}
   * @param error the last error, or {@code null}
   * @param attempts publish attempts so far
   * @param updatedAt when the status last changed (UTC)
   * @param reason why a due target is still waiting, or {@code null}
   */
  public ScheduledTarget(
      Platform platform,
      String account,
      ScheduleMode mode,
      TargetStatus status,
      String postId,
      String url,
      String error,
      int attempts,
      Instant updatedAt,
      String reason) {
    this.platform = platform;
    this.account = account == null || account.isEmpty() ? null : account;
    this.mode = mode;
    this.status = status;
    this.postId = postId;
    this.url = url;
    this.error = error;
    this.attempts = attempts;
    this.updatedAt = updatedAt;
    this.reason = reason;
  }

  /**
   * Returns the target (platform and account), or empty for a schedule stored before schedules
   * recorded their accounts (such targets are {@link TargetStatus#REFUSED}, never published).
   */
  public Optional<Target> target() {
    return account == null ? Optional.empty() : Optional.of(Target.of(platform, account));
  }

  /** Returns the account on the platform (Page id, X user id...), if recorded. */
  public Optional<String> account() {
    return Optional.ofNullable(account);
  }

  /**
   * Returns why a target whose time has come is still {@link TargetStatus#PENDING} or {@link
   * TargetStatus#RETRY} (for example: no running scheduler instance holds a client for its
   * account), as seen by the instance that listed it.
   */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /** Returns a copy with {@code reason}. */
  public ScheduledTarget withReason(String reason) {
    return new ScheduledTarget(
        platform, account, mode, status, postId, url, error, attempts, updatedAt, reason);
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
    return platform.id()
        + " "
        + mode
        + " "
        + status
        + (postId != null ? " " + postId : "")
        + " as "
        + (account != null ? platform.id() + ":" + account : "an unrecorded account")
        + (error != null ? " (" + error + ")" : "")
        + (reason != null ? " [" + reason + "]" : "");
  }
}
