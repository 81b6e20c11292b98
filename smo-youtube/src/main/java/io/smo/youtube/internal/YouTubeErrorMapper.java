package io.smo.youtube.internal;

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
import java.util.Set;

/**
 * Maps Google's JSON error envelope {@code {"error":{"code","message","status","errors":[{"domain",
 * "reason","message"}]}}} (https://developers.google.com/youtube/v3/docs/errors) to SDK exceptions:
 *
 * <ul>
 *   <li>{@code quotaExceeded}, {@code dailyLimitExceeded} → {@link QuotaExceededException}
 *       resetting at the next midnight Pacific time; {@code uploadLimitExceeded} → {@link
 *       QuotaExceededException} 24 hours later; never retried;
 *   <li>{@code rateLimitExceeded}, {@code userRateLimitExceeded}, HTTP 429 → {@link
 *       RateLimitException} (retried);
 *   <li>{@code backendError}, {@code internalError}, 5xx → retryable {@link PlatformException};
 *   <li>{@code authError}, {@code required} on 401, any 401 → {@link AuthenticationException};
 *   <li>{@code forbidden}, {@code insufficientPermissions}, {@code accessNotConfigured}, other 403
 *       → {@link PermissionException};
 *   <li>{@code videoNotFound}, {@code commentNotFound}, {@code playlistNotFound}, 404 → {@link
 *       NotFoundException};
 *   <li>409 / {@code duplicate} / {@code videoAlreadyInPlaylist} → {@link
 *       DuplicateContentException};
 *   <li>other 4xx → {@link InvalidRequestException}.
 * </ul>
 *
 * The first {@code errors[].reason} becomes the error code, its {@code domain} the subcode; the
 * {@code X-GUploader-UploadID} or {@code X-Goog-Request-Id} header, when sent, the trace id.
 */
@SmoInternalApi
public final class YouTubeErrorMapper implements ErrorMapper {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> QUOTA =
      Set.of("quotaExceeded", "dailyLimitExceeded", "dailyLimitExceededUnreg");
  private static final Set<String> RATE =
      Set.of(
          "rateLimitExceeded",
          "userRateLimitExceeded",
          "rateLimitExceededUnreg",
          "servingLimitExceeded");
  private static final Set<String> TRANSIENT =
      Set.of("backendError", "internalError", "serviceUnavailable", "processingFailure");
  private static final Set<String> PERMISSION =
      Set.of(
          "forbidden",
          "insufficientPermissions",
          "accessNotConfigured",
          "accountDelegationForbidden",
          "authenticatedUserAccountClosed",
          "authenticatedUserAccountSuspended",
          "authenticatedUserNotChannel",
          "ineligibleAccount",
          "forbiddenPrivacySetting",
          "forbiddenLicenseSetting",
          "commentsDisabled");
  private static final Set<String> AUTH = Set.of("authError", "unauthorized", "invalidCredentials");
  private static final Set<String> NOT_FOUND =
      Set.of(
          "videoNotFound",
          "commentNotFound",
          "playlistNotFound",
          "channelNotFound",
          "commentThreadNotFound",
          "notFound",
          "playlistItemNotFound");
  private static final Set<String> DUPLICATE = Set.of("duplicate", "videoAlreadyInPlaylist");

  /** The parsed envelope. */
  static final class GoogleError {
    int code;
    String message = "";
    String status;
    String reason;
    String domain;
  }

  /** Parses the envelope leniently; never throws. */
  static GoogleError parse(String body) {
    GoogleError e = new GoogleError();
    if (body == null || body.isBlank()) {
      return e;
    }
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode err = root.path("error");
      if (err.isObject()) {
        e.code = err.path("code").asInt(0);
        e.message = stripTags(err.path("message").asText(""));
        e.status = err.path("status").isTextual() ? err.path("status").asText() : null;
        JsonNode first = err.path("errors").path(0);
        if (first.isObject()) {
          e.reason = first.path("reason").isTextual() ? first.path("reason").asText() : null;
          e.domain = first.path("domain").isTextual() ? first.path("domain").asText() : null;
          if (e.message.isEmpty()) {
            e.message = stripTags(first.path("message").asText(""));
          }
        }
      } else if (err.isTextual()) { // OAuth style {"error":"invalid_grant","error_description":...}
        e.reason = err.asText();
        e.message = root.path("error_description").asText("");
      }
    } catch (Exception ignored) {
      // not JSON: keep the status only
    }
    return e;
  }

  private static String stripTags(String s) {
    return s.replaceAll("<[^>]*>", "");
  }

  @Override
  public SmoException map(HttpFailure f) {
    GoogleError g = parse(f.body());
    int status = f.status();
    String reason = g.reason;
    ErrorDetails d =
        f.details()
            .errorCode(reason != null ? reason : g.status)
            .errorSubcode(g.domain)
            .message(g.message.isEmpty() ? "HTTP " + status : g.message)
            .traceId(
                f.header("x-guploader-uploadid").orElse(f.header("x-goog-request-id").orElse(null)))
            .build();
    if (reason != null) {
      if (QUOTA.contains(reason)) {
        return new QuotaExceededException(d, QuotaTracker.nextReset(f.receivedAt()));
      }
      if ("uploadLimitExceeded".equals(reason)) {
        return new QuotaExceededException(d, f.receivedAt().plus(Duration.ofHours(24)));
      }
      if (RATE.contains(reason)) {
        return new RateLimitException(d, ErrorMapper.retryAfter(f).orElse(Duration.ZERO));
      }
      if (AUTH.contains(reason) || status == 401) {
        return new AuthenticationException(d);
      }
      if (TRANSIENT.contains(reason) || status >= 500) {
        return new PlatformException(d, true);
      }
      if (PERMISSION.contains(reason)) {
        return new PermissionException(
            d,
            "insufficientPermissions".equals(reason)
                ? "a broader OAuth scope (youtube.force-ssl or youtube; youtube.upload cannot edit)"
                : null);
      }
      if (NOT_FOUND.contains(reason)) {
        return new NotFoundException(d);
      }
      if (DUPLICATE.contains(reason)) {
        return new DuplicateContentException(d);
      }
    }
    if (status == 429) {
      return new RateLimitException(d, ErrorMapper.retryAfter(f).orElse(Duration.ZERO));
    }
    if (status == 401) {
      return new AuthenticationException(d);
    }
    if (status == 403) {
      return new PermissionException(d, null);
    }
    if (status == 404) {
      return new NotFoundException(d);
    }
    if (status == 409) {
      return new DuplicateContentException(d);
    }
    if (status >= 500) {
      return new PlatformException(d, true);
    }
    if (status >= 400) {
      return new InvalidRequestException(d);
    }
    return new PlatformException(d, false);
  }
}
