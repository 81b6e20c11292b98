package io.smo.core.event;

import io.smo.core.SmoPublicApi;
import java.time.Duration;

/**
 * How an {@link ApiCall} ended, all attempts included.
 *
 * @param outcome the outcome
 * @param attempts how many HTTP attempts were made (0 when refused before any)
 * @param duration the whole call's duration, retries and waits included
 * @param error the failure thrown to the caller, or {@code null} on success
 */
@SmoPublicApi
public record CallResult(Outcome outcome, int attempts, Duration duration, Throwable error) {}
