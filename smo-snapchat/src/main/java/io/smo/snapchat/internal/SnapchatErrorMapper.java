package io.smo.snapchat.internal;

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
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.SmoException;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.ErrorMapper;
import io.smo.core.http.HttpFailure;
import io.smo.core.http.Operation;
import io.smo.core.internal.Redactor;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Maps Snapchat's error answers (Marketing API and Public Profile API) to the SDK's exceptions.
 *
 * <p>The official errors page (https://developers.snap.com/api/marketing-api/Ads-API/errors) lists
 * only HTTP statuses: 400, 401, 403, 404, 405, 406, 410, 418, 429, 500, 503. The body shape is
 * UNCONFIRMED: no error body was found in any copy of the docs or in captured traffic. This mapper
 * therefore keys on the HTTP status, and reads {@code request_status}, {@code request_id} (kept as
 * trace id), {@code debug_message}, {@code display_message} and {@code error_code} leniently when
 * the body is JSON carrying them (the shape the issue describes and the 2xx envelopes suggest). It
 * never throws.
 *
 * <ul>
 *   <li>401 → {@link AuthenticationException} (the runtime refreshes once and retries);
 *   <li>403 → {@link PermissionException};
 *   <li>404, 410 → {@link NotFoundException};
 *   <li>429 → {@link RateLimitException}, waiting {@code Retry-After} when sent (no header is
 *       documented) or 1 s (the documented caps are per second);
 *   <li>500, 502, 503, 504 → retryable {@link PlatformException};
 *   <li>400 whose message says "duplicate" → {@link DuplicateContentException} (UNCONFIRMED
 *       wording); other 400, 405, 406, 418 → {@link InvalidRequestException}.
 * </ul>
 */
@SmoInternalApi
public final class SnapchatErrorMapper implements ErrorMapper {
  private static final ObjectMapper JSON = ApiRuntime.newObjectMapper();

  /** The wait after a 429 without {@code Retry-After}: the documented caps are per second. */
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  /** Creates the mapper. */
  public SnapchatErrorMapper() {}

  /**
   * Runs a Snapchat call through the runtime and returns its JSON body (an empty object for an
   * empty body). A 2xx answer whose envelope says {@code "request_status": "ERROR"} is mapped like
   * a 400, as the runtime does for non-2xx answers.
   *
   * @throws SmoException as mapped by this mapper
   */
  public static JsonNode call(
      ApiRuntime runtime, Operation op, Supplier<retrofit2.Call<JsonNode>> call) {
    ApiResponse<JsonNode> r = runtime.callForResponse(op, call);
    JsonNode body = r.body();
    if (body == null) {
      return runtime.json().createObjectNode();
    }
    if (SnapchatMapper.isError(body)) {
      throw runtime.mapFailure(op, 400, r.headers(), body.toString());
    }
    return body;
  }

  @Override
  public SmoException map(HttpFailure f) {
    JsonNode body = parse(f.body());
    String debug = text(body, "debug_message");
    String display = text(body, "display_message");
    String code = text(body, "error_code");
    String requestId = text(body, "request_id");
    if (requestId == null) {
      requestId = f.header("x-request-id").orElse(null);
    }
    String message = debug != null ? debug : display != null ? display : defaultMessage(f.status());
    ErrorDetails d =
        f.details()
            .message(Redactor.redactText(message))
            .errorCode(code)
            .traceId(requestId)
            .build();
    int s = f.status();
    return switch (s) {
      case 401 -> new AuthenticationException(d);
      case 403 -> new PermissionException(d, null);
      case 404, 410 -> new NotFoundException(d);
      case 429 -> new RateLimitException(d, ErrorMapper.retryAfter(f).orElse(DEFAULT_RETRY_AFTER));
      case 400 ->
          message.toLowerCase(Locale.ROOT).contains("duplicate")
              ? new DuplicateContentException(d)
              : new InvalidRequestException(d);
      case 405, 406, 418 -> new InvalidRequestException(d);
      default -> new PlatformException(d, s >= 500);
    };
  }

  private static String defaultMessage(int status) {
    return switch (status) {
      case 400 -> "bad request";
      case 401 -> "access token missing, invalid or expired";
      case 403 -> "forbidden: the token lacks access to this resource";
      case 404 -> "not found";
      case 410 -> "gone";
      case 429 -> "too many requests (10/s per token, 20/s per app)";
      case 500 -> "internal server error";
      case 503 -> "service unavailable";
      default -> "HTTP " + status;
    };
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(body);
      return n != null && n.isObject() ? n : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static String text(JsonNode n, String field) {
    if (n == null) {
      return null;
    }
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String t = v.asText();
    return t.isBlank() ? null : t;
  }
}
