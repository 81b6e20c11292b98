package io.smo.core.event;

import io.smo.core.CrossPostResult;
import io.smo.core.SmoPublicApi;
import java.time.Duration;

/**
 * A {@code CrossPoster.publish} finished.
 *
 * @param result one outcome per target platform
 * @param duration how long the cross-post took
 */
@SmoPublicApi
public record CrossPostEvent(CrossPostResult result, Duration duration) {}
