package io.smo.tiktok.internal;

import io.smo.core.SmoInternalApi;
import io.smo.core.http.Operation;
import io.smo.core.http.RateLimitHeaderParser;
import io.smo.core.resilience.RateLimitSnapshot;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;

/**
 * TikTok's rate-limit headers: none. The v2 API documents per-endpoint caps per token over a
 * sliding minute ({@link io.smo.tiktok.TikTokRateBucket}) and answers {@code 429
 * rate_limit_exceeded} above them, but sends no remaining-calls or reset headers, so this parser
 * always returns empty and the client-side buckets and the 429 mapping do the work.
 *
 * @see <a href="https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit">Rate limits</a>
 */
@SmoInternalApi
public final class TikTokRateLimitParser implements RateLimitHeaderParser {
  /** Creates the parser. */
  public TikTokRateLimitParser() {}

  @Override
  public Optional<RateLimitSnapshot> parse(Headers headers, Operation operation, Instant now) {
    return Optional.empty();
  }
}
