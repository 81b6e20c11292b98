package io.smo.metagraph.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.SmoProtectedApi;
import java.util.Optional;

/**
 * The Graph API error body, parsed leniently:
 *
 * <pre>{@code
 * {"error":{"message":"…","type":"OAuthException","code":190,"error_subcode":460,
 *   "error_user_title":"…","error_user_msg":"…","fbtrace_id":"EJplcsCHuLu","is_transient":false}}
 * }</pre>
 *
 * Immutable. Contains no secret (Graph error bodies carry none), but {@link #message()} may echo
 * user content.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/guides/error-handling">Graph API
 *     error handling</a>
 */
@SmoProtectedApi
public final class GraphError {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String message;
  private final String type;
  private final Integer code;
  private final Integer subcode;
  private final String userTitle;
  private final String userMessage;
  private final String traceId;
  private final Boolean transientError;

  /**
   * Creates an error.
   *
   * @param message {@code message}
   * @param type {@code type}, e.g. {@code OAuthException}
   * @param code {@code code}, or {@code null}
   * @param subcode {@code error_subcode}, or {@code null}
   * @param userTitle {@code error_user_title}, or {@code null}
   * @param userMessage {@code error_user_msg}, or {@code null}
   * @param traceId {@code fbtrace_id}, or {@code null}
   * @param transientError {@code is_transient}, or {@code null} when absent
   */
  public GraphError(
      String message,
      String type,
      Integer code,
      Integer subcode,
      String userTitle,
      String userMessage,
      String traceId,
      Boolean transientError) {
    this.message = message == null ? "" : message;
    this.type = type;
    this.code = code;
    this.subcode = subcode;
    this.userTitle = userTitle;
    this.userMessage = userMessage;
    this.traceId = traceId;
    this.transientError = transientError;
  }

  /**
   * Parses a response body. Never throws.
   *
   * @param body the body text (may be empty or not JSON)
   * @return the error, when the body has an {@code error} object
   */
  public static Optional<GraphError> parse(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      return parse(JSON.readTree(body));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /**
   * Reads the {@code error} object of a parsed body. Never throws.
   *
   * @param root the body
   * @return the error, when {@code root} has an {@code error} object
   */
  public static Optional<GraphError> parse(JsonNode root) {
    if (root == null || !root.path("error").isObject()) {
      return Optional.empty();
    }
    JsonNode e = root.get("error");
    return Optional.of(
        new GraphError(
            text(e, "message"),
            text(e, "type"),
            integer(e, "code"),
            integer(e, "error_subcode"),
            text(e, "error_user_title"),
            text(e, "error_user_msg"),
            text(e, "fbtrace_id"),
            e.path("is_transient").isBoolean() ? e.get("is_transient").asBoolean() : null));
  }

  private static String text(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Integer integer(JsonNode n, String f) {
    JsonNode v = n.get(f);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.canConvertToInt()) {
      return v.asInt();
    }
    try {
      return Integer.valueOf(v.asText().trim());
    } catch (NumberFormatException ex) {
      return null;
    }
  }

  /** Returns {@code message} (empty when absent). */
  public String message() {
    return message;
  }

  /** Returns {@code type}, e.g. {@code OAuthException}, if present. */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  /** Returns {@code code}, or -1 when absent. */
  public int code() {
    return code == null ? -1 : code;
  }

  /** Returns {@code error_subcode}, or -1 when absent. */
  public int subcode() {
    return subcode == null ? -1 : subcode;
  }

  /** Returns {@code error_user_title}, if present. */
  public Optional<String> userTitle() {
    return Optional.ofNullable(userTitle);
  }

  /** Returns {@code error_user_msg} (the text Meta suggests showing to the user), if present. */
  public Optional<String> userMessage() {
    return Optional.ofNullable(userMessage);
  }

  /** Returns {@code fbtrace_id}, if present. */
  public Optional<String> traceId() {
    return Optional.ofNullable(traceId);
  }

  /** Returns {@code is_transient}, if present. */
  public Optional<Boolean> isTransient() {
    return Optional.ofNullable(transientError);
  }

  /** Returns a one-line description: code, subcode, type and message. */
  @Override
  public String toString() {
    return "GraphError{code="
        + code()
        + (subcode != null ? ", subcode=" + subcode : "")
        + (type != null ? ", type=" + type : "")
        + ", message="
        + message
        + (traceId != null ? ", fbtrace_id=" + traceId : "")
        + "}";
  }
}
