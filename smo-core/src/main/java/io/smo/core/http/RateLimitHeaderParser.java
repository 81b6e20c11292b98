package io.smo.core.http;

import io.smo.core.SmoProtectedApi;
import io.smo.core.resilience.RateLimitSnapshot;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;

/**
 * Parses a platform's rate-limit headers (X {@code x-rate-limit-*}, Meta {@code X-App-Usage} and
 * {@code X-Business-Use-Case-Usage}, Pinterest {@code x-ratelimit-*}...) into a {@link
 * RateLimitSnapshot}. Called on every response, successful or not. Must not throw.
 */
@SmoProtectedApi
@FunctionalInterface
public interface RateLimitHeaderParser {
  /** A parser for platforms that send no rate-limit headers. */
  RateLimitHeaderParser NONE = (headers, operation, now) -> Optional.empty();

  /**
   * Parses headers.
   *
   * @param headers the response headers
   * @param operation the operation (its bucket names the window)
   * @param now when the response arrived
   * @return the snapshot, if the headers carry one
   */
  Optional<RateLimitSnapshot> parse(Headers headers, Operation operation, Instant now);
}
