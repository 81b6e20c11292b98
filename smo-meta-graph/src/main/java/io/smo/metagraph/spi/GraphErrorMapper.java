package io.smo.metagraph.spi;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.SmoProtectedApi;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.DuplicateContentException;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.QuotaExceededException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.SmoException;
import io.smo.core.http.ErrorMapper;
import io.smo.core.http.HttpFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps Graph API errors (Facebook and Instagram) to the SDK's exceptions. The Graph error body
 * decides, not the HTTP status: Meta sends throttling as HTTP 400 (sometimes 403 or 429) with an
 * error code.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>Graph error</th><th>Exception</th><th>retryable</th></tr>
 *   <tr><td>code 4, 17, 32, 341, 613, 80000-80099 (80001 Pages BUC, 80002 Instagram BUC); IG
 *       subcode 2207051</td><td>{@link RateLimitException}; wait from {@code Retry-After}, else
 *       {@code estimated_time_to_regain_access}, else {@link #DEFAULT_THROTTLE_WAIT}</td><td>yes</td></tr>
 *   <tr><td>code 368 (temporarily blocked for policy violations)</td><td>{@link
 *       RateLimitException} with {@link #POLICY_BLOCK_WAIT}, longer than any retry budget, so it
 *       is never retried automatically</td><td>no (in practice)</td></tr>
 *   <tr><td>code 9 with subcode 2207042 (Instagram publishing limit)</td><td>{@link
 *       QuotaExceededException}</td><td>no</td></tr>
 *   <tr><td>code 190 or 102, or subcodes 458-467 and 492</td><td>{@link
 *       AuthenticationException}</td><td>no (the runtime refreshes once)</td></tr>
 *   <tr><td>code 3, 10, 200-299; code 100 naming a missing permission</td><td>{@link
 *       PermissionException}</td><td>no</td></tr>
 *   <tr><td>code 100 subcode 33, code 803</td><td>{@link NotFoundException}</td><td>no</td></tr>
 *   <tr><td>code 506 (duplicate post)</td><td>{@link DuplicateContentException}</td><td>no</td></tr>
 *   <tr><td>code 1 or 2, or {@code is_transient=true}</td><td>{@link PlatformException}</td><td>yes,
 *       unless {@code is_transient=false}</td></tr>
 *   <tr><td>{@code is_transient=false} (any other code, 5xx included)</td><td>{@link
 *       PlatformException} for codes 1, 2 and 5xx, else {@link InvalidRequestException}</td><td>no</td></tr>
 *   <tr><td>any other code</td><td>{@link InvalidRequestException} for 4xx, {@link
 *       PlatformException} for 5xx</td><td>5xx only</td></tr>
 * </table>
 *
 * <p>The trace id is {@code fbtrace_id}, else the {@code x-fb-trace-id} header. Never throws.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/guides/error-handling">Graph API
 *     error handling</a>
 * @see <a href="https://developers.facebook.com/docs/graph-api/overview/rate-limiting/">Graph API
 *     rate limiting</a>
 */
@SmoProtectedApi
public final class GraphErrorMapper implements ErrorMapper {
  /**
   * The wait assumed for a throttling error that names none: 30 seconds (within the default
   * client-side rate-limit wait, so one automatic retry happens; Meta documents no figure).
   */
  public static final Duration DEFAULT_THROTTLE_WAIT = Duration.ofSeconds(30);

  /** The wait reported for a policy block (code 368): 24 hours (Meta documents no figure). */
  public static final Duration POLICY_BLOCK_WAIT = Duration.ofHours(24);

  private static final Set<Integer> THROTTLE_CODES = Set.of(4, 17, 32, 341, 613);
  private static final Set<Integer> AUTH_SUBCODES = Set.of(458, 459, 460, 463, 464, 467, 492);
  private static final Pattern PERMISSION =
      Pattern.compile(
          "\\b(pages_[a-z_]+|publish_video|read_insights|business_management|instagram_[a-z_]+)\\b");

  private final Platform platform;

  /**
   * Creates a mapper.
   *
   * @param platform {@link Platform#FACEBOOK} or {@link Platform#INSTAGRAM}
   */
  public GraphErrorMapper(Platform platform) {
    this.platform = requireNonNull(platform, "platform == null");
  }

  /** Returns the platform errors are reported for. */
  public Platform platform() {
    return platform;
  }

  /**
   * Returns whether {@code code} is one of Meta's throttling codes (4, 17, 32, 341, 613,
   * 80000-80099).
   */
  public static boolean isThrottlingCode(int code) {
    return THROTTLE_CODES.contains(code) || (code >= 80000 && code < 80100);
  }

  @Override
  public SmoException map(HttpFailure f) {
    Optional<GraphError> parsed = GraphError.parse(f.body());
    ErrorDetails.Builder d = f.details();
    f.header("x-fb-trace-id").ifPresent(d::traceId);
    if (parsed.isEmpty()) {
      return byStatus(
          f,
          d.message(f.body().isBlank() ? "HTTP " + f.status() : "unreadable Graph error body")
              .build());
    }
    GraphError e = parsed.get();
    String message =
        e.message() + e.userMessage().filter(u -> !u.isBlank()).map(u -> " — " + u).orElse("");
    d.errorCode(e.code() < 0 ? null : e.code())
        .errorSubcode(e.subcode() < 0 ? null : e.subcode())
        .message(message);
    e.traceId().ifPresent(d::traceId);
    ErrorDetails details = d.build();
    int code = e.code();
    int sub = e.subcode();

    if (code == 9 && sub == 2207042) {
      return new QuotaExceededException(details, null);
    }
    if (isThrottlingCode(code) || sub == 2207051) {
      return new RateLimitException(details, throttleWait(f));
    }
    if (code == 368) {
      return new RateLimitException(details, POLICY_BLOCK_WAIT);
    }
    if (code == 190 || code == 102 || AUTH_SUBCODES.contains(sub)) {
      return new AuthenticationException(details);
    }
    if (code == 3 || code == 10 || (code >= 200 && code <= 299)) {
      return new PermissionException(details, missingPermission(e.message()));
    }
    if ((code == 100 && sub == 33) || code == 803) {
      return new NotFoundException(details);
    }
    if (code == 100 && e.message().contains("permission")) {
      String missing = missingPermission(e.message());
      if (missing != null) {
        return new PermissionException(details, missing);
      }
    }
    if (code == 506) {
      return new DuplicateContentException(details);
    }
    // an explicit is_transient decides: false is never retried, even for the "possibly
    // temporary" codes 1 and 2 or a 5xx
    if (e.isTransient().isPresent()) {
      boolean transientError = e.isTransient().get();
      if (transientError || code == 1 || code == 2 || f.status() >= 500) {
        return new PlatformException(details, transientError);
      }
    }
    if (code == 1 || code == 2) {
      return new PlatformException(details, true);
    }
    if (code < 0) {
      return byStatus(f, details);
    }
    return f.status() >= 500
        ? new PlatformException(details, true)
        : new InvalidRequestException(details);
  }

  /**
   * Throttling errors are refused before any processing, so a create answered with one is safe to
   * retry; so is a 429.
   */
  @Override
  public boolean notProcessed(HttpFailure failure) {
    if (failure.status() == 429) {
      return true;
    }
    return GraphError.parse(failure.body())
        .map(e -> isThrottlingCode(e.code()) || e.subcode() == 2207051)
        .orElse(false);
  }

  private SmoException byStatus(HttpFailure f, ErrorDetails details) {
    int s = f.status();
    if (s == 401) {
      return new AuthenticationException(details);
    }
    if (s == 403) {
      return new PermissionException(details, null);
    }
    if (s == 404) {
      return new NotFoundException(details);
    }
    if (s == 429) {
      return new RateLimitException(details, throttleWait(f));
    }
    if (s >= 500 || s == 0) {
      return new PlatformException(details, true);
    }
    return new InvalidRequestException(details);
  }

  private static Duration throttleWait(HttpFailure f) {
    Optional<Duration> ra = ErrorMapper.retryAfter(f);
    if (ra.isPresent()) {
      return ra.get();
    }
    Duration fromUsage = f.rateLimit().map(s -> s.untilReset(f.receivedAt())).orElse(Duration.ZERO);
    return fromUsage.isZero() ? DEFAULT_THROTTLE_WAIT : fromUsage;
  }

  private static String missingPermission(String message) {
    Matcher m = PERMISSION.matcher(message == null ? "" : message);
    return m.find() ? m.group(1) : null;
  }
}
