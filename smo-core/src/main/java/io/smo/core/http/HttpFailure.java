package io.smo.core.http;

import io.smo.core.Platform;
import io.smo.core.SmoProtectedApi;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.resilience.RateLimitSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A non-2xx answer (or a 2xx whose body says error) handed to a platform's {@link ErrorMapper}:
 * status, headers, the body text (bounded to 64 KiB) and the rate-limit snapshot parsed from the
 * headers. Immutable.
 */
@SmoProtectedApi
public final class HttpFailure {
  private final Platform platform;
  private final Operation operation;
  private final int status;
  private final Map<String, List<String>> headers;
  private final String body;
  private final RateLimitSnapshot rateLimit;
  private final Instant receivedAt;

  /**
   * Creates a failure description.
   *
   * @param platform the platform
   * @param operation the operation
   * @param status the HTTP status
   * @param headers the response headers, names lower-case
   * @param body the body text (may be empty)
   * @param rateLimit the parsed rate-limit snapshot, or {@code null}
   * @param receivedAt when the answer arrived
   */
  public HttpFailure(
      Platform platform,
      Operation operation,
      int status,
      Map<String, List<String>> headers,
      String body,
      RateLimitSnapshot rateLimit,
      Instant receivedAt) {
    this.platform = platform;
    this.operation = operation;
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body == null ? "" : body;
    this.rateLimit = rateLimit;
    this.receivedAt = receivedAt;
  }

  /** Returns the platform. */
  public Platform platform() {
    return platform;
  }

  /** Returns the operation. */
  public Operation operation() {
    return operation;
  }

  /** Returns the HTTP status. */
  public int status() {
    return status;
  }

  /** Returns the first value of a header (name case-insensitive), if present. */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** Returns all headers, names lower-case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** Returns the body text (possibly empty; unredacted: never put it in a message as is). */
  public String body() {
    return body;
  }

  /** Returns the rate-limit snapshot of the response, if any. */
  public Optional<RateLimitSnapshot> rateLimit() {
    return Optional.ofNullable(rateLimit);
  }

  /** Returns when the answer arrived. */
  public Instant receivedAt() {
    return receivedAt;
  }

  /**
   * Returns an {@link ErrorDetails} builder pre-filled with platform, operation, status, the
   * redacted body snippet and the rate-limit snapshot, for mappers to complete.
   */
  public ErrorDetails.Builder details() {
    return ErrorDetails.builder(platform, operation.name())
        .httpStatus(status)
        .bodySnippet(io.smo.core.internal.Redactor.redactText(body))
        .rateLimit(rateLimit);
  }
}
