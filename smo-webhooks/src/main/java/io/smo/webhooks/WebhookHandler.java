package io.smo.webhooks;

import io.smo.core.SmoPublicApi;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Answers one platform's webhook requests: handshakes (Meta's {@code hub.challenge}, X's CRC,
 * WebSub verification) and signed deliveries, which it verifies in constant time, parses into
 * {@link io.smo.core.event.EngagementEvent}s and de-duplicates. Framework-free: any HTTP server,
 * servlet or controller passes the request in and sends the {@link WebhookResult#response()} back.
 *
 * <p>{@link #handle} never throws for anything a client can send: every bad request becomes a
 * definite HTTP answer plus a {@link WebhookException} in {@link WebhookResult#error()}. There is
 * no switch to turn signature verification off. Implementations are thread-safe.
 *
 * <pre>{@code
 * WebhookResult r = handler.handle(method, uri, headers, body);   // in your controller
 * r.events().forEach(inbox::accept);                               // each event once
 * return ResponseEntity.status(r.status()).body(r.response().body());
 * }</pre>
 *
 * @since 0.2
 */
@SmoPublicApi
public interface WebhookHandler {
  /**
   * Returns the path segment this handler is served under by {@link Webhooks}, e.g. {@code "meta"}.
   */
  String name();

  /**
   * Handles one request.
   *
   * @param request the request as received
   * @return the answer to send, the new events and the refusal, if any; never null
   */
  WebhookResult handle(WebhookRequest request);

  /**
   * Handles one request given as its parts.
   *
   * @param method the HTTP method
   * @param uri the request URI (path and query)
   * @param headers the headers, any case; may be null
   * @param rawBody the body exactly as received; may be null
   * @return the answer to send, the new events and the refusal, if any; never null
   */
  default WebhookResult handle(
      String method, URI uri, Map<String, List<String>> headers, byte[] rawBody) {
    return handle(WebhookRequest.of(method, uri, headers, rawBody));
  }
}
