package io.smo.examples.spring;

import io.smo.core.event.EngagementEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives the platforms' webhook events: the starter mounts the verified receiver at {@code
 * /smo/webhooks/{meta,x,tiktok,youtube}} and publishes every new event as a Spring event, which
 * this listener keeps (the last 100) and serves at {@code GET /engagement}. Against the sandbox,
 * the sandbox delivers its own signed events (comments, messages, mentions made on it).
 */
@RestController
public class EngagementFeed {
  private static final int KEEP = 100;
  private final Deque<Map<String, Object>> recent = new ArrayDeque<>();

  /** Keeps one event (called by Spring for every webhook event the receiver accepted). */
  @EventListener
  public void on(EngagementEvent event) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("kind", event.kind());
    e.put("type", event.type());
    e.put("platform", event.platform().id());
    e.put("account", event.accountId());
    e.put("objectId", event.objectId().orElse(null));
    e.put("text", event.text().orElse(null));
    e.put("occurredAt", event.occurredAt().map(Object::toString).orElse(null));
    synchronized (recent) {
      recent.addFirst(e);
      while (recent.size() > KEEP) {
        recent.removeLast();
      }
    }
  }

  /** Returns the latest events, newest first. */
  @GetMapping("/engagement")
  public List<Map<String, Object>> engagement() {
    synchronized (recent) {
      return new ArrayList<>(recent);
    }
  }
}
