package io.smo.webhooks;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.Platform;
import io.smo.core.event.EngagementEvent;
import io.smo.core.event.EventDeduplicator;
import io.smo.webhooks.WebhookException.Reason;
import io.smo.webhooks.internal.Hmac;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The shared part of the four handlers: size cap, containment of failures, de-duplication. */
abstract class BaseWebhookHandler implements WebhookHandler {
  static final ObjectMapper JSON = new ObjectMapper();

  final Platform platform;
  final EventDeduplicator deduplicator;
  final int maxBodyBytes;
  final Clock clock;

  BaseWebhookHandler(Platform platform, WebhookHandlerBuilder<?, ?> b) {
    this.platform = platform;
    this.deduplicator = b.deduplicator;
    this.maxBodyBytes = b.maxBodyBytes;
    this.clock = b.clock;
  }

  /** Returns the largest body accepted, in bytes. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  @Override
  public final WebhookResult handle(WebhookRequest request) {
    requireNonNull(request, "request == null");
    try {
      if (request.body().length > maxBodyBytes) {
        throw refuse(
            Reason.BODY_TOO_LARGE,
            "body has " + request.body().length + " bytes, the cap is " + maxBodyBytes);
      }
      switch (request.method()) {
        case "GET" -> {
          return handshake(request);
        }
        case "POST" -> {
          List<EngagementEvent> parsed = delivery(request);
          return deduplicate(parsed);
        }
        default -> throw refuse(Reason.METHOD_NOT_ALLOWED, "method " + request.method());
      }
    } catch (WebhookException e) {
      return WebhookResult.refused(e);
    } catch (RuntimeException | StackOverflowError e) {
      // a body the parser could not follow; it was signed, so the sender is the platform
      return WebhookResult.refused(
          new WebhookException(
              platform,
              Reason.MALFORMED_BODY,
              "unreadable " + name() + " payload: " + e.getClass().getSimpleName(),
              null));
    }
  }

  /** Answers a GET (handshake). */
  abstract WebhookResult handshake(WebhookRequest request);

  /** Verifies and parses a POST; throws {@link WebhookException} for refusals. */
  abstract List<EngagementEvent> delivery(WebhookRequest request);

  /** The answer to an accepted delivery. */
  WebhookResponse ok() {
    return WebhookResponse.text(200, "EVENT_RECEIVED");
  }

  private WebhookResult deduplicate(List<EngagementEvent> parsed) {
    List<EngagementEvent> fresh = new ArrayList<>(parsed.size());
    List<String> marked = new ArrayList<>(parsed.size());
    int duplicates = 0;
    try {
      for (EngagementEvent e : parsed) {
        if (deduplicator.firstSeen(e.dedupKey())) {
          fresh.add(e);
          marked.add(e.dedupKey());
        } else {
          duplicates++;
        }
      }
    } catch (RuntimeException storeFailure) {
      for (String k : marked) {
        try {
          deduplicator.forget(k);
        } catch (RuntimeException ignored) {
          // the platform re-delivers; at worst these keys stay marked until they expire
        }
      }
      return WebhookResult.refused(
          new WebhookException(
              platform,
              Reason.STORE_FAILED,
              "event store failed: " + storeFailure.getClass().getSimpleName(),
              storeFailure));
    }
    return WebhookResult.accepted(ok(), fresh, duplicates);
  }

  WebhookException refuse(Reason reason, String message) {
    return new WebhookException(platform, reason, message, null);
  }

  JsonNode parseJson(byte[] body) {
    if (body.length == 0) {
      throw refuse(Reason.MALFORMED_BODY, "empty body");
    }
    try {
      JsonNode n = JSON.readTree(body);
      if (n == null || !n.isObject()) {
        throw refuse(Reason.MALFORMED_BODY, "body is not a JSON object");
      }
      return n;
    } catch (IOException e) {
      throw refuse(Reason.MALFORMED_BODY, "body is not JSON");
    }
  }

  /** A dedup key: the platform prefix plus {@code id}, or a hash when it would be too long. */
  static String key(Platform p, String id) {
    String k = p.id() + ":" + id;
    return k.length() <= 512
        ? k
        : p.id() + ":sha256:" + Hmac.sha256Hex(k.getBytes(StandardCharsets.UTF_8));
  }

  /** A content-hash dedup key for items without an id. */
  static String hashKey(Platform p, String scope, String raw) {
    return p.id() + ":" + scope + ":sha256:" + Hmac.sha256Hex(raw.getBytes(StandardCharsets.UTF_8));
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    return v.asText();
  }
}
