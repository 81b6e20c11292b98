package io.smo.twitter.internal;

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
import java.time.Instant;
import java.util.Locale;

/**
 * Maps X error answers: RFC 7807 problems ({@code {type,title,detail,status}}), the legacy {@code
 * {"errors":[{"code","message"}]}} shape, and {@code errors[]} inside a 200 (status 0 or 200 here).
 * Problem types are matched on their path suffix, since older answers use the {@code
 * api.twitter.com} prefix.
 *
 * <ul>
 *   <li>401 → {@link AuthenticationException} (the runtime refreshes once, then gives up);
 *   <li>403 duplicate content → {@link DuplicateContentException}; 403 reply not allowed (the
 *       self-serve "summoned replies only" rule) → {@link PermissionException} saying why; other
 *       403 → {@link PermissionException};
 *   <li>429 {@code usage-capped}, or a 24-hour app/user cap at zero → {@link
 *       QuotaExceededException} with the reset; other 429 → {@link RateLimitException} waiting
 *       until {@code x-rate-limit-reset};
 *   <li>404 / {@code resource-not-found} → {@link NotFoundException}; 400 / 409 → {@link
 *       InvalidRequestException}; 5xx → retryable {@link PlatformException}.
 * </ul>
 *
 * <p>The trace id is the {@code x-transaction-id} header (else {@code x-connection-hash}).
 *
 * @see <a href="https://docs.x.com/x-api/fundamentals/response-codes-and-errors">Response codes and
 *     errors</a>
 */
@SmoInternalApi
public final class TwitterErrorMapper implements ErrorMapper {
  /** Why X refuses most replies from self-serve apps (2026-02-23 rule). */
  public static final String REPLY_RESTRICTION =
      "X allows replies through the API on self-serve "
          + "access levels only when the author of the post replied to summoned this account (mentioned "
          + "it or quoted one of its posts); Enterprise access is exempt";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One parsed error: problem type suffix, title, detail/message, legacy code. */
  static final class Problem {
    String type = "";
    String title;
    String detail;
    String code;
    String parameter;

    String text() {
      String s = detail != null ? detail : title;
      return s == null ? "" : s;
    }
  }

  /** Parses the first error of an X body leniently (never throws). */
  static Problem parse(String body) {
    Problem p = new Problem();
    if (body == null || body.isBlank()) {
      return p;
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (java.io.IOException | RuntimeException e) {
      return p;
    }
    if (root == null || !root.isObject()) {
      return p;
    }
    JsonNode node = root;
    if (!root.has("title")
        && !root.has("detail")
        && root.path("errors").isArray()
        && root.path("errors").size() > 0) {
      node = root.path("errors").get(0);
    }
    String type = text(node, "type");
    if (type != null) {
      int i = type.lastIndexOf('/');
      p.type = i >= 0 ? type.substring(i + 1) : type;
    }
    p.title = text(node, "title");
    p.detail = text(node, "detail");
    if (p.detail == null) {
      p.detail = text(node, "message");
    }
    p.code = text(node, "code");
    p.parameter = text(node, "parameter");
    return p;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  @Override
  public SmoException map(HttpFailure f) {
    Problem p = parse(f.body());
    String msg = p.text().isEmpty() ? "HTTP " + f.status() : p.text();
    ErrorDetails.Builder b =
        f.details()
            .message(msg)
            .errorCode(p.type.isEmpty() ? p.code : p.type)
            .errorSubcode(p.type.isEmpty() ? null : p.code)
            .traceId(
                f.header("x-transaction-id").orElse(f.header("x-connection-hash").orElse(null)));
    ErrorDetails d = b.build();
    String lower = msg.toLowerCase(Locale.ROOT);
    int status = f.status();
    if (status == 401
        || p.type.equals("unsupported-authentication")
        || "89".equals(p.code)
        || "32".equals(p.code)) {
      return new AuthenticationException(d);
    }
    if (status == 429
        || p.type.equals("rate-limit-exceeded")
        || p.type.equals("usage-capped")
        || "88".equals(p.code)) {
      if (p.type.equals("usage-capped")) {
        return new QuotaExceededException(d, dailyReset(f).orElse(null));
      }
      if (zero(f, "x-app-limit-24hour-remaining") || zero(f, "x-user-limit-24hour-remaining")) {
        Instant reset =
            zero(f, "x-user-limit-24hour-remaining")
                ? epoch(f, "x-user-limit-24hour-reset")
                : epoch(f, "x-app-limit-24hour-reset");
        return new QuotaExceededException(d, reset);
      }
      Instant reset = epoch(f, "x-rate-limit-reset");
      Duration wait =
          reset == null
              ? ErrorMapper.retryAfter(f).orElse(Duration.ZERO)
              : Duration.between(f.receivedAt(), reset);
      return new RateLimitException(d, wait.isNegative() ? Duration.ZERO : wait);
    }
    if (lower.contains("duplicate content") || "187".equals(p.code)) {
      return new DuplicateContentException(d);
    }
    if (status == 403 && isReplyRestriction(lower)) {
      return new PermissionException(d, REPLY_RESTRICTION);
    }
    if (status == 403
        || p.type.equals("not-authorized-for-resource")
        || p.type.equals("not-authorized-for-field")
        || p.type.equals("field-unauthorized")
        || p.type.equals("client-forbidden")
        || p.type.equals("oauth1-permissions")
        || p.type.equals("disallowed-resource")) {
      String missing =
          p.type.equals("client-forbidden")
              ? "an X developer app enrolled in a project with the right access level"
              : null;
      return new PermissionException(d, missing);
    }
    if (status == 404
        || p.type.equals("resource-not-found")
        || (p.title != null && p.title.toLowerCase(Locale.ROOT).contains("not found"))) {
      return new NotFoundException(d);
    }
    if (status >= 500 || p.type.equals("internal-error")) {
      return new PlatformException(d, true);
    }
    if (status == 400
        || status == 409
        || p.type.equals("invalid-request")
        || p.type.equals("conflict")) {
      return new InvalidRequestException(d);
    }
    return new PlatformException(d, p.type.equals("resource-unavailable"));
  }

  static boolean isReplyRestriction(String lowerMessage) {
    return lowerMessage.contains("reply to this conversation is not allowed")
        || (lowerMessage.contains("reply")
            && (lowerMessage.contains("mentioned")
                || lowerMessage.contains("engaged")
                || lowerMessage.contains("summon")));
  }

  private static java.util.Optional<Instant> dailyReset(HttpFailure f) {
    Instant r = epoch(f, "x-app-limit-24hour-reset");
    if (r == null) {
      r = epoch(f, "x-user-limit-24hour-reset");
    }
    if (r == null) {
      r = epoch(f, "x-rate-limit-reset");
    }
    return java.util.Optional.ofNullable(r);
  }

  private static boolean zero(HttpFailure f, String header) {
    Long v = TwitterRateLimitParser.number(f.header(header).orElse(null));
    return v != null && v <= 0;
  }

  private static Instant epoch(HttpFailure f, String header) {
    Long v = TwitterRateLimitParser.number(f.header(header).orElse(null));
    return v == null ? null : Instant.ofEpochSecond(v);
  }
}
