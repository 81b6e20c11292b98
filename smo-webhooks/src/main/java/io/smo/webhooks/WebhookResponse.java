package io.smo.webhooks;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP answer a handler chose for a delivery: status, headers and body. Send it as is.
 * Immutable.
 *
 * @since 0.2
 */
@SmoPublicApi
public final class WebhookResponse {
  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;

  private WebhookResponse(int status, Map<String, String> headers, byte[] body) {
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body;
  }

  /** Returns an answer with a UTF-8 body of {@code contentType}. */
  public static WebhookResponse of(int status, String contentType, String body) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", requireNonNull(contentType, "contentType == null"));
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Cache-Control", "no-store");
    return new WebhookResponse(status, h, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns a plain-text answer. */
  public static WebhookResponse text(int status, String body) {
    return of(status, "text/plain; charset=utf-8", body);
  }

  /** Returns a JSON answer. */
  public static WebhookResponse json(int status, String body) {
    return of(status, "application/json", body);
  }

  /** Returns the HTTP status. */
  public int status() {
    return status;
  }

  /** Returns the headers to set, unmodifiable. */
  public Map<String, String> headers() {
    return headers;
  }

  /** Returns a copy of the body bytes (possibly empty). */
  public byte[] body() {
    return body.clone();
  }

  /** Returns the body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "WebhookResponse{" + status + ", " + body.length + " bytes}";
  }
}
