package io.smo.snapchat.internal;

import io.smo.core.SmoInternalApi;
import io.smo.core.http.Operation;
import io.smo.core.http.RateLimitHeaderParser;
import io.smo.core.resilience.RateLimitSnapshot;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;

/**
 * Snapchat's rate-limit headers: none ("No rate-limit headers are documented"; api-evangelist's
 * snapchat-rate-limits.yml confirms they are absent). Always empty: the client-side {@link
 * io.smo.snapchat.SnapchatRateBucket} caps and the 429 mapping do the work.
 *
 * @see <a href="https://developers.snap.com/api/marketing-api/Ads-API/rate-limits">Rate limits</a>
 */
@SmoInternalApi
public final class SnapchatRateLimitParser implements RateLimitHeaderParser {
  /** Creates the parser. */
  public SnapchatRateLimitParser() {}

  @Override
  public Optional<RateLimitSnapshot> parse(Headers headers, Operation operation, Instant now) {
    return Optional.empty();
  }
}
