package io.smo.pinterest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.SmoInternalApi;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps Pinterest's Generic Error body {@code {"code": <int>, "message": "..."}} (the same for
 * 400/401/403/404/429/5xx per the OpenAPI description) by HTTP status, since no complete code table
 * is published: 401 authentication (the runtime refreshes once), 403 permission, 404 not found, 409
 * duplicate, 400/413/422 invalid request, 429 (or code 8) rate limit with the wait from {@code
 * Retry-After} or the {@code x-ratelimit-reset} header, a wait over one hour (the Trial tier's
 * daily cap) as {@link QuotaExceededException}, 5xx retryable. S3 upload errors (XML {@code
 * <Code>}/{@code <Message>}) are read too. Never throws.
 *
 * @see <a href="https://developers.pinterest.com/docs/reference/rate-limits/">Rate limits</a>
 */
@SmoInternalApi
public final class PinterestErrorMapper implements ErrorMapper {
  /** Pinterest's in-body code for "request exceeded a rate limit". */
  public static final int RATE_LIMIT_CODE = 8;

  /** A server-advised wait longer than this is treated as a quota (daily cap), not retried. */
  public static final Duration QUOTA_THRESHOLD = Duration.ofHours(1);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]*)</Code>");
  private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

  @Override
  public SmoException map(HttpFailure f) {
    String code = null;
    String message = null;
    String body = f.body();
    try {
      JsonNode n = body.isBlank() ? null : JSON.readTree(body);
      if (n != null && n.isObject()) {
        if (n.hasNonNull("code")) {
          code = n.get("code").asText();
        }
        message = n.path("message").asText(null);
      }
    } catch (Exception e) {
      Matcher c = XML_CODE.matcher(body);
      Matcher m = XML_MESSAGE.matcher(body);
      code = c.find() ? c.group(1) : null;
      message = m.find() ? m.group(1) : null;
    }
    String trace =
        f.header("x-pinterest-rid")
            .or(() -> f.header("x-request-id"))
            .or(() -> f.header("x-amz-request-id"))
            .orElse(null);
    ErrorDetails details =
        f.details()
            .errorCode(code)
            .message(message != null ? message : "HTTP " + f.status())
            .traceId(trace)
            .build();
    int s = f.status();
    if (s == 429 || (String.valueOf(RATE_LIMIT_CODE).equals(code) && s != 401 && s != 403)) {
      Duration wait =
          ErrorMapper.retryAfter(f)
              .orElseGet(
                  () -> f.rateLimit().map(r -> r.untilReset(f.receivedAt())).orElse(Duration.ZERO));
      if (wait.compareTo(QUOTA_THRESHOLD) > 0) {
        return new QuotaExceededException(details, f.receivedAt().plus(wait));
      }
      return new RateLimitException(details, wait);
    }
    return switch (s) {
      case 401 -> new AuthenticationException(details);
      case 403 -> new PermissionException(details, null);
      case 404 -> new NotFoundException(details);
      case 409 -> new DuplicateContentException(details);
      case 400, 413, 422 -> new InvalidRequestException(details);
      default -> new PlatformException(details, s >= 500);
    };
  }
}
