package io.smo.scheduler;

import io.smo.core.SmoPublicApi;

/** How a target of a scheduled post is scheduled. */
@SmoPublicApi
public enum ScheduleMode {
  /**
   * The platform schedules it (Facebook {@code scheduled_publish_time}, YouTube {@code publishAt}).
   */
  NATIVE,
  /** A persistent db-scheduler job publishes it at the due time. */
  LOCAL
}
