package io.smo.instagram.internal;

import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.http.Operation;
import io.smo.core.http.RateLimitHeaderParser;
import io.smo.core.resilience.RateLimitSnapshot;
import io.smo.metagraph.spi.GraphRateLimitParser;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;

/**
 * Reads Instagram's usage headers ({@code X-Business-Use-Case-Usage} with {@code
 * "type":"instagram"}, {@code X-App-Usage}) through the shared Graph parser: call count, CPU and
 * time as a percentage, and {@code estimated_time_to_regain_access} as the wait.
 *
 * @see <a
 *     href="https://developers.facebook.com/docs/graph-api/overview/rate-limiting#headers-2">Graph
 *     usage headers</a>
 */
@SmoInternalApi
public final class InstagramRateLimitParser implements RateLimitHeaderParser {
  private final GraphRateLimitParser graph = new GraphRateLimitParser(Platform.INSTAGRAM);

  /** Creates the parser. */
  public InstagramRateLimitParser() {}

  @Override
  public Optional<RateLimitSnapshot> parse(Headers headers, Operation operation, Instant now) {
    return graph.parse(headers, operation, now);
  }
}
