package io.smo.twitter.internal;

import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.http.Operation;
import io.smo.core.http.RateLimitHeaderParser;
import io.smo.core.resilience.RateLimitSnapshot;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;

/**
 * Parses X's {@code x-rate-limit-limit}, {@code x-rate-limit-remaining} and {@code
 * x-rate-limit-reset} (unix seconds) into an endpoint-scoped snapshot; when those are absent, the
 * observed daily {@code x-app-limit-24hour-*} or {@code x-user-limit-24hour-*} headers.
 *
 * @see <a href="https://docs.x.com/x-api/fundamentals/rate-limits">Rate limits</a>
 */
@SmoInternalApi
public final class TwitterRateLimitParser implements RateLimitHeaderParser {
  @Override
  public Optional<RateLimitSnapshot> parse(Headers headers, Operation operation, Instant now) {
    Optional<RateLimitSnapshot> s =
        read(headers, "x-rate-limit-", operation, now, RateLimitSnapshot.Scope.ENDPOINT);
    if (s.isPresent()) {
      return s;
    }
    s = read(headers, "x-user-limit-24hour-", operation, now, RateLimitSnapshot.Scope.USER);
    return s.isPresent()
        ? s
        : read(headers, "x-app-limit-24hour-", operation, now, RateLimitSnapshot.Scope.APP);
  }

  private static Optional<RateLimitSnapshot> read(
      Headers h, String prefix, Operation op, Instant now, RateLimitSnapshot.Scope scope) {
    Long limit = number(h.get(prefix + "limit"));
    Long remaining = number(h.get(prefix + "remaining"));
    Long reset = number(h.get(prefix + "reset"));
    if (limit == null && remaining == null && reset == null) {
      return Optional.empty();
    }
    return Optional.of(
        RateLimitSnapshot.builder(Platform.TWITTER, now)
            .scope(scope)
            .bucket(op == null ? null : op.bucket())
            .limit(limit)
            .remaining(remaining)
            .resetAt(reset == null ? null : Instant.ofEpochSecond(reset))
            .build());
  }

  /** Reads a header number leniently; {@code null} when absent or unreadable. */
  static Long number(String v) {
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
