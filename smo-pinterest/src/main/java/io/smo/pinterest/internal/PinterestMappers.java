package io.smo.pinterest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.EngagementMetrics;
import io.smo.core.EngagementMetrics.Metric;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.pinterest.Board;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps Pinterest JSON (Pin, Board, PinAnalyticsResponse) to the SDK model. Stateless. */
@SmoInternalApi
public final class PinterestMappers {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PinterestMappers() {}

  /** Returns the public URL of a Pin. */
  public static URI pinUrl(String id) {
    return URI.create("https://www.pinterest.com/pin/" + id + "/");
  }

  /**
   * Maps a Pin object to a published post.
   *
   * @param pin the Pin JSON (must have {@code id})
   * @param fallbackTime used when {@code created_at} is absent or unreadable
   */
  public static PublishedPost published(JsonNode pin, Instant fallbackTime) {
    String id = pin.path("id").asText();
    Instant created = instant(pin.path("created_at").asText(null));
    return PublishedPost.builder(PostRef.of(Platform.PINTEREST, id)).url(pinUrl(id))
        .publishedAt(created != null ? created : fallbackTime).build();
  }

  /**
   * Parses Pinterest timestamps: {@code 2022-08-11T08:46:16} (UTC, no zone) or ISO with an
   * offset.
   *
   * @return the instant, or {@code null} when absent or unreadable
   */
  public static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** Maps a Board object. */
  public static Board board(JsonNode b) {
    return Board.builder(b.path("id").asText()).name(b.path("name").asText(""))
        .description(b.path("description").asText(null))
        .privacy(b.path("privacy").asText(null))
        .ownerUsername(b.path("owner").path("username").asText(null))
        .pinCount(b.hasNonNull("pin_count") ? b.get("pin_count").asLong() : null)
        .followerCount(b.hasNonNull("follower_count") ? b.get("follower_count").asLong() : null)
        .createdAt(instant(b.path("created_at").asText(null))).build();
  }

  /**
   * Maps a PinAnalyticsResponse ({@code {"all": {summary_metrics, lifetime_metrics,
   * daily_metrics}}}, keyed by app type when split): IMPRESSION to impressions, SAVE to saves,
   * PIN_CLICK to clicks (Pinterest counts outbound clicks inside Pin clicks), VIDEO_MRC_VIEW to
   * views, TOTAL_COMMENTS to comments, TOTAL_REACTIONS to likes. Absent figures stay absent. Raw:
   * every summary and lifetime figure by its Pinterest name, plus {@code daily_metrics} as a list.
   */
  public static EngagementMetrics metrics(PostRef ref, JsonNode response, Instant retrievedAt) {
    EngagementMetrics.Builder b = EngagementMetrics.builder(ref).retrievedAt(retrievedAt);
    JsonNode group = response.has("all") ? response.get("all") : first(response);
    if (group == null || !group.isObject()) {
      return b.build();
    }
    Map<String, Number> figures = new LinkedHashMap<>();
    collect(group.path("summary_metrics"), figures);
    collect(group.path("lifetime_metrics"), figures);
    figures.forEach(b::raw);
    if (group.path("daily_metrics").isArray()) {
      b.raw("daily_metrics", JSON.convertValue(group.get("daily_metrics"), java.util.List.class));
    }
    put(b, Metric.IMPRESSIONS, figures.get("IMPRESSION"));
    put(b, Metric.SAVES, figures.get("SAVE"));
    put(b, Metric.CLICKS, figures.get("PIN_CLICK"));
    put(b, Metric.VIEWS, figures.get("VIDEO_MRC_VIEW"));
    put(b, Metric.COMMENTS, figures.get("TOTAL_COMMENTS"));
    put(b, Metric.LIKES, figures.get("TOTAL_REACTIONS"));
    return b.build();
  }

  private static JsonNode first(JsonNode n) {
    Iterator<JsonNode> it = n.elements();
    return it.hasNext() ? it.next() : null;
  }

  private static void collect(JsonNode obj, Map<String, Number> into) {
    if (!obj.isObject()) {
      return;
    }
    obj.fields().forEachRemaining(e -> {
      if (e.getValue().isNumber()) {
        into.putIfAbsent(e.getKey(), e.getValue().numberValue());
      }
    });
  }

  private static void put(EngagementMetrics.Builder b, Metric m, Number n) {
    if (n != null) {
      b.put(m, Math.round(n.doubleValue()));
    }
  }
}
