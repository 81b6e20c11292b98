package io.smo.examples.spring;

import io.smo.core.CrossPostResult;
import io.smo.core.CrossPoster;
import io.smo.core.Post;
import io.smo.scheduler.PostScheduler;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Cross-posts and schedules through the auto-configured beans. */
@RestController
public class PostController {
  private final CrossPoster crossPoster;
  private final PostScheduler scheduler;

  /** Creates the controller. */
  public PostController(CrossPoster crossPoster, PostScheduler scheduler) {
    this.crossPoster = crossPoster;
    this.scheduler = scheduler;
  }

  /** A post to publish now: its text and an optional idempotency key. */
  public record PostRequest(String text, String idempotencyKey) {}

  /** A post to publish later, at a UTC instant. */
  public record ScheduleRequest(String text, Instant at) {}

  /** Publishes to every configured account; answers one status per platform. */
  @PostMapping("/posts")
  public Map<String, Object> publish(@RequestBody PostRequest request) {
    if (request.text() == null || request.text().isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "text is required");
    }
    Post.Builder b = Post.builder().text(request.text());
    if (request.idempotencyKey() != null) {
      b.idempotencyKey(request.idempotencyKey());
    }
    CrossPostResult r = crossPoster.publish(b.build());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("idempotencyKey", r.idempotencyKey());
    Map<String, String> outcomes = new LinkedHashMap<>();
    r.outcomes().forEach((p, o) -> outcomes.put(p.id(), o.status().name()));
    out.put("outcomes", outcomes);
    return out;
  }

  /** Schedules a post on every configured account; answers the schedule id. */
  @PostMapping("/schedules")
  public Map<String, String> schedule(@RequestBody ScheduleRequest request) {
    if (request.text() == null || request.at() == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "text and at are required");
    }
    String id =
        scheduler.schedule(
            Post.builder().text(request.text()).build(), crossPoster.platforms(), request.at());
    return Map.of("id", id);
  }
}
