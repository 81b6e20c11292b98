package io.smo.core.event;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import java.time.Duration;

/**
 * A scheduler ran one due target of a scheduled post.
 *
 * @param platform the target platform
 * @param account the SDK account key of the target
 * @param status the target's status after the run, lower case from a fixed set ({@code
 *     "published"}, {@code "failed"}, {@code "unknown"}, {@code "skipped"}, {@code "retry"})
 * @param duration how long the run took
 */
@SmoPublicApi
public record SchedulerRunEvent(
    Platform platform, String account, String status, Duration duration) {}
