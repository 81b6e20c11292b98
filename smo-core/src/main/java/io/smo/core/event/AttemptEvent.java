package io.smo.core.event;

import io.smo.core.SmoPublicApi;
import java.time.Duration;

/**
 * One HTTP attempt of an {@link ApiCall}.
 *
 * @param call the call this attempt belongs to
 * @param attempt the attempt number, from 1 (a retry after a token refresh keeps the number)
 * @param status the HTTP status, or 0 when no answer came (connection refused, timeout)
 * @param outcome the attempt's outcome, from its status
 * @param duration how long the attempt took, rate-limit waits excluded
 * @param bytesSent request body bytes, or -1 when unknown
 * @param bytesReceived response body bytes as declared by the server, or -1 when unknown
 */
@SmoPublicApi
public record AttemptEvent(
    ApiCall call,
    int attempt,
    int status,
    Outcome outcome,
    Duration duration,
    long bytesSent,
    long bytesReceived) {}
