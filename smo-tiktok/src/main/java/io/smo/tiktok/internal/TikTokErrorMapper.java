package io.smo.tiktok.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.QuotaExceededException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.ErrorMapper;
import io.smo.core.http.HttpFailure;
import io.smo.core.http.Operation;
import io.smo.tiktok.internal.TikTokDtos.BusinessEnvelope;
import io.smo.tiktok.internal.TikTokDtos.Envelope;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import retrofit2.Call;

/**
 * Maps TikTok's v2 error envelope {@code {"data":{},"error":{"code","message","log_id"}}} (and the
 * OAuth shape {@code {"error":"invalid_grant","error_description","log_id"}}) to the SDK's
 * exceptions; {@code log_id} becomes the trace id.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>code</th><th>exception</th><th>retryable</th></tr>
 *   <tr><td>access_token_invalid (401)</td><td>Authentication (runtime refreshes once)</td><td>no</td></tr>
 *   <tr><td>scope_not_authorized, scope_permission_missed</td><td>Permission</td><td>no</td></tr>
 *   <tr><td>unaudited_client_can_only_post_to_private_accounts, url_ownership_unverified,
 *       spam_risk_user_banned_from_posting</td><td>Permission</td><td>no</td></tr>
 *   <tr><td>rate_limit_exceeded (429)</td><td>RateLimit</td><td>yes</td></tr>
 *   <tr><td>spam_risk_too_many_posts, spam_risk_too_many_pending_share,
 *       reached_active_user_cap</td><td>QuotaExceeded</td><td>no</td></tr>
 *   <tr><td>privacy_level_option_mismatch</td><td>Validation</td><td>no</td></tr>
 *   <tr><td>invalid_params, invalid_file_upload, spam_risk_text, media checks</td><td>InvalidRequest</td><td>no</td></tr>
 *   <tr><td>internal_error, 5xx</td><td>Platform</td><td>yes</td></tr>
 * </table>
 *
 * @see <a href="https://developers.tiktok.com/doc/tiktok-api-v2-error-handling">Error handling</a>
 * @see <a href="https://developers.tiktok.com/doc/content-posting-api-reference-direct-post">Direct
 *     Post error codes</a>
 */
@SmoInternalApi
public final class TikTokErrorMapper implements ErrorMapper {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> QUOTA =
      Set.of(
          "spam_risk_too_many_posts",
          "spam_risk_too_many_pending_share",
          "reached_active_user_cap");
  private static final Set<String> INVALID =
      Set.of(
          "invalid_params",
          "invalid_file_upload",
          "spam_risk_text",
          "file_format_check_failed",
          "duration_check_failed",
          "frame_rate_check_failed",
          "picture_size_check_failed",
          "video_pull_failed",
          "photo_pull_failed",
          "invalid_publish_id");
  private static final Set<String> PERMISSION =
      Set.of(
          "scope_not_authorized",
          "scope_permission_missed",
          "unaudited_client_can_only_post_to_private_accounts",
          "url_ownership_unverified",
          "spam_risk_user_banned_from_posting",
          "access_denied",
          "unauthorized_client");

  /** Parsed error fields. */
  record Parsed(String code, String message, String logId) {}

  /** Parses the error body leniently; never throws. */
  static Parsed parse(String body) {
    try {
      JsonNode root = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
      JsonNode numeric = root.get("code");
      if (numeric != null && numeric.isIntegralNumber()) { // TikTok API for Business
        return new Parsed(
            BUSINESS_PREFIX + numeric.asText(), text(root, "message"), text(root, "request_id"));
      }
      JsonNode err = root.path("error");
      if (err.isObject()) {
        return new Parsed(text(err, "code"), text(err, "message"), text(err, "log_id"));
      }
      if (err.isTextual()) {
        return new Parsed(err.asText(), text(root, "error_description"), text(root, "log_id"));
      }
    } catch (Exception ignored) {
      // not JSON: fall through
    }
    return new Parsed(null, null, null);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /**
   * Prefix of a TikTok API for Business return code in {@link Parsed#code()} (e.g. {@code
   * business:40100}), so that numeric codes never collide with the v2 string codes.
   */
  static final String BUSINESS_PREFIX = "business:";

  /** TikTok API for Business: "QPS, QPM or QPD exceeded" (rate limit). */
  static final long BUSINESS_RATE_LIMIT = 40100;

  /**
   * TikTok API for Business codes for a token that is wrong, revoked or expired: 40105 ("Access
   * token is incorrect or has been revoked") and 40104. Read from third-party code and Q&A (the
   * Business API's return-code appendix, ads.tiktok.com/marketing_api/docs?id=1737172488964097, was
   * not readable here): UNCONFIRMED beyond these two.
   */
  static final Set<Long> BUSINESS_AUTH = Set.of(40104L, 40105L);

  @Override
  public SmoException map(HttpFailure f) {
    Parsed p = parse(f.body());
    String code = p.code() == null ? "" : p.code();
    if (code.startsWith(BUSINESS_PREFIX)) {
      return mapBusiness(f, p, code.substring(BUSINESS_PREFIX.length()));
    }
    String message =
        p.message() == null || p.message().isBlank()
            ? (code.isEmpty() ? "HTTP " + f.status() : code)
            : p.message();
    ErrorDetails.Builder d = f.details().errorCode(p.code()).traceId(p.logId()).message(message);
    int s = f.status();
    if (code.equals("access_token_invalid")
        || code.equals("invalid_grant")
        || (code.isEmpty() && s == 401)) {
      return new AuthenticationException(d.build());
    }
    if (code.equals("unaudited_client_can_only_post_to_private_accounts")) {
      return new PermissionException(
          d.message(
                  message
                      + " (the TikTok account must be private, or"
                      + " the app must pass TikTok's audit, before posting with this privacy level)")
              .build(),
          "audited app or private account");
    }
    if (code.startsWith("scope_")) {
      return new PermissionException(
          d.build(), "scope (video.publish / video.upload / video.list)");
    }
    if (PERMISSION.contains(code)) {
      return new PermissionException(d.build(), code);
    }
    if (code.equals("rate_limit_exceeded") || s == 429) {
      Duration wait = ErrorMapper.retryAfter(f).orElse(Duration.ZERO);
      return new RateLimitException(d.build(), wait);
    }
    if (QUOTA.contains(code)) {
      return new QuotaExceededException(d.build(), null);
    }
    if (code.equals("privacy_level_option_mismatch")) {
      return new ValidationException(
          Platform.TIKTOK,
          List.of(
              Violation.of(
                  Platform.TIKTOK,
                  "tiktok.privacyLevel",
                  code,
                  null,
                  null,
                  "TikTok refused the privacy level: "
                      + message
                      + (p.logId() != null ? " (log_id " + p.logId() + ")" : ""))));
    }
    if (INVALID.contains(code)) {
      return new InvalidRequestException(d.build());
    }
    if (code.equals("internal_error") || s >= 500) {
      return new PlatformException(d.build(), true);
    }
    if (s == 404) {
      return new NotFoundException(d.build());
    }
    if (s == 401) {
      return new AuthenticationException(d.build());
    }
    if (s == 403) {
      return new PermissionException(d.build(), null);
    }
    if ((s >= 400 && s < 500) || !code.isEmpty()) {
      return new InvalidRequestException(d.build());
    }
    return new PlatformException(d.build(), false);
  }

  /**
   * Runs a v2 call through the runtime and returns its {@code data}. A 2xx answer whose envelope
   * carries an error code is mapped like a non-2xx answer (TikTok reports some refusals that way),
   * inside the attempt and at the status the code stands for ({@link #v2Status}): a rate limit
   * waits and retries, a server fault on a create is UNKNOWN.
   *
   * @param runtime the client's runtime
   * @param op the operation
   * @param call the Retrofit call
   * @param <T> the data type
   * @return the data, possibly {@code null}
   * @throws PublishOutcomeUnknownException if a create was answered with an empty body
   * @throws TransportException if another call was answered with an empty body
   * @throws SmoException as mapped by this mapper
   */
  public static <T> T unwrap(ApiRuntime runtime, Operation op, Supplier<Call<Envelope<T>>> call) {
    ApiResponse<Envelope<T>> r =
        runtime.callForResponse(
            op,
            call,
            e ->
                e.ok()
                    ? null
                    : new ApiRuntime.BodyFailure(
                        v2Status(e.error().code(), 200), json(runtime, e)));
    Envelope<T> e = r.body();
    if (e == null) {
      throw emptyAnswer(op);
    }
    return e.data();
  }

  /**
   * Maps a TikTok API for Business return code (HTTP 200, numeric {@code code}): 40100 is a rate
   * limit (retryable; the call was not processed), 40104/40105 a rejected token, 5xxxx a server
   * fault (retryable for reads), any other code an invalid request with TikTok's message and {@code
   * request_id} as the trace id.
   */
  private static SmoException mapBusiness(HttpFailure f, Parsed p, String code) {
    long n;
    try {
      n = Long.parseLong(code);
    } catch (NumberFormatException e) {
      n = -1;
    }
    String message =
        "TikTok API for Business code "
            + code
            + " (in an HTTP 200 answer)"
            + (p.message() == null || p.message().isBlank() ? "" : ": " + p.message());
    ErrorDetails.Builder d = f.details().errorCode(code).traceId(p.logId()).message(message);
    if (n == BUSINESS_RATE_LIMIT) {
      return new RateLimitException(d.build(), ErrorMapper.retryAfter(f).orElse(Duration.ZERO));
    }
    if (BUSINESS_AUTH.contains(n)) {
      return new AuthenticationException(d.build());
    }
    if (n >= 50000) {
      return new PlatformException(d.build(), true);
    }
    return new InvalidRequestException(d.build());
  }

  /**
   * The HTTP status a TikTok API for Business code stands for, so that the runtime's retry rules
   * treat it like the same failure sent as a status ({@link ApiRuntime.BodyFailure}).
   */
  static int businessStatus(long code) {
    if (code == BUSINESS_RATE_LIMIT) {
      return 429;
    }
    if (BUSINESS_AUTH.contains(code)) {
      return 401;
    }
    return code >= 50000 ? 500 : 400;
  }

  /** The HTTP status a v2 error code inside a 2xx answer stands for. */
  static int v2Status(String code, int answered) {
    return switch (code == null ? "" : code) {
      case "rate_limit_exceeded" -> 429;
      case "access_token_invalid" -> 401;
      case "internal_error" -> 500;
      default -> answered;
    };
  }

  /**
   * Runs a TikTok API for Business call through the runtime and returns its {@code data}. A
   * non-zero {@code code} in the 200 answer is lifted to the status it stands for ({@link
   * #businessStatus}) inside the attempt, so rate limits wait and retry and a create is never
   * re-sent after a server fault.
   *
   * @param runtime the client's runtime
   * @param op the operation
   * @param call the Retrofit call
   * @param <T> the data type
   * @return the data, possibly {@code null}
   * @throws PublishOutcomeUnknownException if a create was answered with an empty body
   * @throws TransportException if another call was answered with an empty body
   * @throws SmoException as mapped by this mapper
   */
  public static <T> T unwrapBusiness(
      ApiRuntime runtime, Operation op, Supplier<Call<BusinessEnvelope<T>>> call) {
    return unwrapBusiness(runtime, op, call, List.of());
  }

  /**
   * Like {@link #unwrapBusiness(ApiRuntime, Operation, Supplier)} for calls that send secrets of
   * their own in the body (an app secret, an authorization code, a refresh token): wherever
   * TikTok's refusal echoes one of {@code secrets}, it is masked before the refusal becomes an
   * exception message.
   *
   * @param secrets values never to show (values under 6 characters are left alone)
   */
  public static <T> T unwrapBusiness(
      ApiRuntime runtime,
      Operation op,
      Supplier<Call<BusinessEnvelope<T>>> call,
      List<String> secrets) {
    ApiResponse<BusinessEnvelope<T>> r =
        runtime.callForResponse(
            op,
            call,
            e ->
                e.ok()
                    ? null
                    : new ApiRuntime.BodyFailure(
                        businessStatus(e.code()), mask(json(runtime, e), secrets)));
    BusinessEnvelope<T> e = r.body();
    if (e == null) {
      throw emptyAnswer(op);
    }
    return e.data();
  }

  /** An empty success answer: UNKNOWN for a create (it may have taken effect), else retryable. */
  private static SmoException emptyAnswer(Operation op) {
    if (op.kind() == Operation.Kind.CREATE) {
      return new PublishOutcomeUnknownException(
          Platform.TIKTOK, op.name(), "empty success answer", null, null, List.of(), null);
    }
    return new TransportException(Platform.TIKTOK, op.name(), "empty answer body", null, true);
  }

  private static String mask(String body, List<String> secrets) {
    String out = body;
    for (String v : secrets) {
      if (v != null && v.length() >= 6) {
        out = out.replace(v, io.smo.core.internal.Redactor.MASK);
      }
    }
    return out;
  }

  private static String json(ApiRuntime runtime, Object envelope) {
    try {
      return runtime.json().writeValueAsString(envelope);
    } catch (JsonProcessingException ex) {
      return "";
    }
  }

  @Override
  public boolean notProcessed(HttpFailure failure) {
    if (failure.status() == 429) {
      return true;
    }
    String code = parse(failure.body()).code();
    return "rate_limit_exceeded".equals(code);
  }
}
