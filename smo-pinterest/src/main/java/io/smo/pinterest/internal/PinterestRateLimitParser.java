package io.smo.pinterest.internal;

import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.http.Operation;
import io.smo.core.http.RateLimitHeaderParser;
import io.smo.core.resilience.RateLimitSnapshot;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * Reads Pinterest's rate-limit headers {@code x-ratelimit-limit}, {@code x-ratelimit-remaining} and
 * {@code x-ratelimit-reset} into a {@link RateLimitSnapshot} of scope USER (Standard access limits
 * are per user per app), bucket = the operation's {@code x-ratelimit-category}.
 *
 * <p>The v5 header format is not documented (the v1 API sent {@code X-Ratelimit-Limit} and {@code
 * X-Ratelimit-Remaining}); the parser is lenient: the first integer of each value is used (so
 * {@code "100, 100;w=60"} reads as 100), and a reset of at least 10^9 is read as epoch seconds, a
 * smaller one as seconds from now. Never throws.
 */
@SmoInternalApi
public final class PinterestRateLimitParser implements RateLimitHeaderParser {
  /** The limit header. */
  public static final String LIMIT = "x-ratelimit-limit";

  /** The remaining header. */
  public static final String REMAINING = "x-ratelimit-remaining";

  /** The reset header. */
  public static final String RESET = "x-ratelimit-reset";

  private static final Pattern NUMBER = Pattern.compile("\\d+");

  @Override
  public Optional<RateLimitSnapshot> parse(Headers headers, Operation operation, Instant now) {
    Long limit = number(headers.get(LIMIT));
    Long remaining = number(headers.get(REMAINING));
    Long reset = number(headers.get(RESET));
    if (limit == null && remaining == null) {
      return Optional.empty();
    }
    Instant resetAt =
        reset == null
            ? null
            : reset >= 1_000_000_000L ? Instant.ofEpochSecond(reset) : now.plusSeconds(reset);
    return Optional.of(
        RateLimitSnapshot.builder(Platform.PINTEREST, now)
            .scope(RateLimitSnapshot.Scope.USER)
            .bucket(operation == null ? null : operation.bucket())
            .limit(limit)
            .remaining(remaining)
            .resetAt(resetAt)
            .build());
  }

  private static Long number(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = NUMBER.matcher(value);
    if (!m.find()) {
      return null;
    }
    try {
      return Long.parseLong(m.group());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
