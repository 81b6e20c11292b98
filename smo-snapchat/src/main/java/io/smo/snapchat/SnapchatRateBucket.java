package io.smo.snapchat;

import io.smo.core.SmoPublicApi;
import io.smo.core.resilience.RateBucket;
import java.net.URI;
import java.time.Duration;

/**
 * Snapchat's documented rate limits. Snap documents two caps, "App average 20 requests/s; each
 * access token average 10 requests/s", answers 429 above them and sends no rate-limit headers.
 * Every call of the client counts against {@link #TOKEN}; the per-app cap is shared by all tokens
 * of an app across processes and is not tracked by a client.
 *
 * @see <a href="https://developers.snap.com/api/marketing-api/Ads-API/rate-limits">Rate limits</a>
 */
@SmoPublicApi
public enum SnapchatRateBucket implements RateBucket {
  /** Every Marketing API and Public Profile API call: 10 requests per second per access token. */
  TOKEN("token", 10);

  // Spec is a record of a String, an int, a Duration and a URI: immutable, which the checker
  // cannot see through the record
  @SuppressWarnings("ImmutableEnumChecker")
  private final Spec spec;

  /** Every Snapchat limit is per second. */
  SnapchatRateBucket(String id, int limit) {
    this.spec =
        new Spec(
            id,
            limit,
            Duration.ofSeconds(1),
            URI.create("https://developers.snap.com/api/marketing-api/Ads-API/rate-limits"));
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
