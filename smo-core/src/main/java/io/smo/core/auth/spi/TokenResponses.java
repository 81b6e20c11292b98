package io.smo.core.auth.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.Platform;
import io.smo.core.SmoProtectedApi;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.TransportException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads the fields of a token-endpoint answer defensively: an {@code access_token} that is not a
 * non-blank string fit for an HTTP header, or an {@code expires_in} that is not a number of seconds
 * between 0 and {@link #MAX_EXPIRES_IN}, is an {@link AuthenticationException} (the endpoint did
 * not give a usable token), never an {@code ArithmeticException}, {@code DateTimeException} or
 * {@code IllegalArgumentException}. No message echoes a token value.
 */
@SmoProtectedApi
public final class TokenResponses {
  /** The longest lifetime accepted from {@code expires_in}: 100 years, in seconds. */
  public static final long MAX_EXPIRES_IN = Duration.ofDays(36_525).toSeconds();

  private static final ObjectMapper JSON = new ObjectMapper();

  private TokenResponses() {}

  /**
   * Parses the body of a token endpoint's answer as JSON; an empty body reads as {@code {}}.
   *
   * @param text the body text (empty when the answer had none)
   * @param status the HTTP status of the answer
   * @param platform the platform named in errors
   * @param operation the operation named in errors
   * @return the parsed tree (an object, an array or a scalar, as sent)
   * @throws TransportException if the body is not JSON (retryable when {@code status} is 500 or
   *     above)
   */
  public static JsonNode parse(String text, int status, Platform platform, String operation) {
    try {
      return JSON.readTree(text.isEmpty() ? "{}" : text);
    } catch (IOException e) {
      throw new TransportException(
          platform,
          operation,
          "token endpoint answered HTTP " + status + " with a body that is not JSON",
          null,
          status >= 500);
    }
  }

  /**
   * Returns the token text of field {@code field} of {@code json}.
   *
   * @param json the answer object (may be {@code null} or not an object)
   * @param field the field, e.g. {@code "access_token"}
   * @param platform the platform named in errors
   * @param operation the operation named in errors
   * @return the value, stripped of surrounding white space
   * @throws AuthenticationException if missing, not a string, blank, or not sendable in a header
   */
  public static String token(JsonNode json, String field, Platform platform, String operation) {
    JsonNode v = json == null ? null : json.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw bad(
          platform,
          operation,
          field
              + " is "
              + (v == null || v.isNull()
                  ? "missing"
                  : v.isTextual()
                      ? "blank"
                      : "a JSON " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
    }
    String s = v.asText().strip();
    int bad = firstInvalidChar(s);
    if (bad >= 0) {
      throw bad(
          platform,
          operation,
          field
              + " holds a character that cannot be sent in an HTTP"
              + " header (at position "
              + bad
              + ")");
    }
    return s;
  }

  /**
   * Returns {@code now + seconds} for a lifetime field ({@code expires_in}...), or {@code null}
   * when the field is absent, {@code null} or 0 (no expiry given).
   *
   * @param now the instant the answer was received
   * @param json the answer object (may be {@code null})
   * @param field the field name
   * @param platform the platform named in errors
   * @param operation the operation named in errors
   * @return the expiry (UTC) or {@code null}
   * @throws AuthenticationException if not a whole number of seconds in [0, {@link
   *     #MAX_EXPIRES_IN}]
   */
  public static Instant expiresAt(
      Instant now, JsonNode json, String field, Platform platform, String operation) {
    JsonNode v = json == null ? null : json.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    long seconds;
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      seconds = v.asLong();
    } else if (v.isNumber()
        && !v.isIntegralNumber()
        && v.asDouble() >= 0
        && v.asDouble() <= MAX_EXPIRES_IN) {
      seconds = (long) v.asDouble();
    } else if (v.isTextual() && v.asText().strip().matches("\\d{1,18}")) {
      seconds = Long.parseLong(v.asText().strip());
    } else {
      throw bad(platform, operation, field + " is not a number of seconds");
    }
    if (seconds < 0 || seconds > MAX_EXPIRES_IN) {
      throw bad(
          platform, operation, field + " = " + seconds + " is outside 0.." + MAX_EXPIRES_IN + " s");
    }
    return seconds == 0 ? null : now.plusSeconds(seconds);
  }

  private static AuthenticationException bad(Platform platform, String operation, String what) {
    return new AuthenticationException(
        ErrorDetails.builder(platform, operation)
            .message("token endpoint answered an unusable token: " + what)
            .build());
  }

  /**
   * Index of the first character outside printable ASCII {@code 0x21..0x7E}, or -1 (as AccessToken
   * checks).
   */
  private static int firstInvalidChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return i;
      }
    }
    return -1;
  }
}
