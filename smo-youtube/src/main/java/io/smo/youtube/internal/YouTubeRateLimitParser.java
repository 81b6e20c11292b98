package io.smo.youtube.internal;

import io.smo.core.SmoInternalApi;
import io.smo.core.http.Operation;
import io.smo.core.http.RateLimitHeaderParser;
import io.smo.core.resilience.RateLimitSnapshot;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;

/**
 * YouTube's rate-limit headers: there are none. The Data API reports neither remaining calls nor
 * quota units in its responses (https://developers.google.com/youtube/v3/getting-started#quota);
 * the client counts quota units itself ({@link QuotaTracker}) and Google's {@code quotaExceeded},
 * {@code rateLimitExceeded} and {@code userRateLimitExceeded} errors are mapped by {@link
 * YouTubeErrorMapper}. Stateless.
 */
@SmoInternalApi
public final class YouTubeRateLimitParser implements RateLimitHeaderParser {
  /** Creates the parser. */
  public YouTubeRateLimitParser() {}

  @Override
  public Optional<RateLimitSnapshot> parse(Headers headers, Operation operation, Instant now) {
    return Optional.empty();
  }
}
