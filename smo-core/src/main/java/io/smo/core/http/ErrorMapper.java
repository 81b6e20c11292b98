package io.smo.core.http;

import io.smo.core.SmoProtectedApi;
import io.smo.core.exception.SmoException;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns a platform's error answer into the SDK's exception types. Each platform module has one: it
 * parses the platform's error body leniently (never throwing), maps HTTP status and in-body codes
 * to {@code AuthenticationException}, {@code PermissionException}, {@code RateLimitException},
 * {@code QuotaExceededException}, {@code NotFoundException}, {@code DuplicateContentException},
 * {@code InvalidRequestException} or {@code PlatformException} with the right retryable flag, and
 * keeps the platform's trace id.
 */
@SmoProtectedApi
public interface ErrorMapper {
  /**
   * Maps a failure. Must not throw and must not return {@code null}.
   *
   * @param failure the answer
   * @return the exception to throw (or retry on, when {@link SmoException#retryable()})
   */
  SmoException map(HttpFailure failure);

  /**
   * Returns whether the platform documents this failure of a create as "not processed", which makes
   * a retry safe. Default: only HTTP 429.
   */
  default boolean notProcessed(HttpFailure failure) {
    return failure.status() == 429;
  }

  /**
   * Parses a {@code Retry-After} header (delta-seconds or HTTP date).
   *
   * @return the wait, if the header is present and readable
   */
  static Optional<Duration> retryAfter(HttpFailure failure) {
    return failure
        .header("retry-after")
        .flatMap(
            v -> {
              try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
              } catch (NumberFormatException e) {
                try {
                  java.time.ZonedDateTime at =
                      java.time.ZonedDateTime.parse(
                          v.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                  Duration d = Duration.between(failure.receivedAt(), at.toInstant());
                  return Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (java.time.format.DateTimeParseException e2) {
                  return Optional.empty();
                }
              }
            });
  }
}
