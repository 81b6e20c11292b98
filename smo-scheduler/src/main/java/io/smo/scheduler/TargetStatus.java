package io.smo.scheduler;

import io.smo.core.SmoPublicApi;

/** Where one target platform of a scheduled post stands. */
@SmoPublicApi
public enum TargetStatus {
  /** A local job waits for the due time. */
  PENDING,
  /** The platform holds the post for its own scheduled publication (Facebook, YouTube). */
  SCHEDULED_NATIVE,
  /** The job is publishing right now (a crash here leaves the target UNKNOWN, never re-run). */
  PUBLISHING,
  /** Published. */
  PUBLISHED,
  /** A retryable failure; the job runs again after a back-off. */
  RETRY,
  /** Failed for good (or retries used up). */
  FAILED,
  /**
   * The publish may have taken effect; held for the caller to reconcile, never re-run
   * automatically.
   */
  UNKNOWN,
  /** Offline validation refused the post at run time. */
  SKIPPED,
  /** Cancelled before it ran. */
  CANCELLED,
  /**
   * Never published: stored before schedules recorded their target account, so no instance can know
   * which account's credentials it was meant for. Schedule it again naming the account.
   */
  REFUSED;

  /** Returns whether nothing more will happen to the target without the caller. */
  public boolean terminal() {
    return this != PENDING && this != PUBLISHING && this != RETRY;
  }
}
