package io.smo.facebook.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoInternalApi;
import io.smo.metagraph.spi.GraphPaging;
import io.smo.metagraph.spi.GraphTime;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Maps Graph JSON (comments, edge summaries, insights) to the core model. Never throws on odd
 * shapes.
 */
@SmoInternalApi
public final class FacebookMapper {
  private FacebookMapper() {}

  /** Parses a Graph time ({@code 2021-08-13T08:29:27+0000}), or {@code null}. */
  public static Instant time(JsonNode n) {
    return GraphTime.parse(n);
  }

  /**
   * Maps a Graph comment. The id falls back to the {@code comment_id} of {@code permalink_url} when
   * the app may not read ids (Page Public Content Access), else the item is skipped.
   *
   * @return the comment, or {@code null} when it has no id at all
   */
  public static Comment comment(JsonNode n) {
    String id = n.path("id").asText("");
    if (id.isEmpty()) {
      String link = n.path("permalink_url").asText("");
      id =
          GraphPaging.queryParam(link, "reply_comment_id")
              .or(() -> GraphPaging.queryParam(link, "comment_id"))
              .orElse("");
      if (id.isEmpty()) {
        return null;
      }
    }
    Comment.Builder b =
        Comment.builder(CommentRef.of(Platform.FACEBOOK, id))
            .text(n.path("message").asText(""))
            .createdAt(time(n.get("created_time")))
            .hidden(n.path("is_hidden").asBoolean(false));
    JsonNode from = n.get("from");
    if (from != null && from.isObject()) {
      b.authorId(from.path("id").asText(null)).authorName(from.path("name").asText(null));
    }
    if (n.hasNonNull("like_count")) {
      b.likeCount(n.get("like_count").asLong());
    }
    if (n.hasNonNull("comment_count")) {
      b.replyCount(n.get("comment_count").asLong());
    }
    JsonNode parent = n.get("parent");
    if (parent != null && parent.hasNonNull("id")) {
      b.parentId(parent.get("id").asText());
    }
    return b.build();
  }

  /**
   * Adds the edge summaries of a post ({@code reactions.summary.total_count}, {@code
   * comments.summary.total_count}, {@code shares.count}) to a metrics builder. Absent summaries
   * stay absent (a post nobody shared has no {@code shares} field: that is reported as 0 only when
   * the other summaries are present, as Graph omits it for zero).
   */
  public static void edges(JsonNode post, EngagementMetrics.Builder b) {
    JsonNode reactions = post.path("reactions").path("summary").get("total_count");
    if (reactions != null && reactions.isNumber()) {
      b.add(EngagementMetrics.Metric.LIKES, reactions.asLong())
          .raw("reactions", reactions.asLong());
    }
    JsonNode comments = post.path("comments").path("summary").get("total_count");
    if (comments != null && comments.isNumber()) {
      b.add(EngagementMetrics.Metric.COMMENTS, comments.asLong())
          .raw("comments", comments.asLong());
    }
    JsonNode shares = post.path("shares").get("count");
    if (shares != null && shares.isNumber()) {
      b.add(EngagementMetrics.Metric.SHARES, shares.asLong()).raw("shares", shares.asLong());
    } else if (reactions != null && comments != null) {
      b.add(EngagementMetrics.Metric.SHARES, 0).raw("shares", 0L);
    }
  }

  /**
   * Adds post insights ({@code data[].name} / {@code values[0].value}): {@code post_media_view} to
   * VIEWS, {@code post_total_media_view_unique} to REACH, {@code post_clicks} to CLICKS; every
   * metric (also object values such as {@code post_reactions_by_type_total}) is kept raw.
   */
  public static void insights(JsonNode body, EngagementMetrics.Builder b) {
    JsonNode data = body.path("data");
    for (JsonNode m : data) {
      String name = m.path("name").asText("");
      JsonNode values = m.path("values");
      if (name.isEmpty() || !values.isArray() || values.isEmpty()) {
        continue;
      }
      JsonNode v = values.get(values.size() - 1).get("value");
      if (v == null || v.isNull()) {
        continue;
      }
      if (v.isNumber()) {
        long x = v.asLong();
        b.raw(name, x);
        switch (name) {
          case "post_media_view" -> b.add(EngagementMetrics.Metric.VIEWS, x);
          case "post_total_media_view_unique" -> b.add(EngagementMetrics.Metric.REACH, x);
          case "post_clicks" -> b.add(EngagementMetrics.Metric.CLICKS, x);
          default -> {}
        }
      } else if (v.isObject()) {
        Map<String, Long> byType = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          byType.put(e.getKey(), e.getValue().asLong());
        }
        b.raw(name, byType);
      }
    }
  }

  /** Returns an empty metrics builder for a post. */
  public static EngagementMetrics.Builder metrics(PostRef ref, Instant now) {
    return EngagementMetrics.builder(ref).retrievedAt(now);
  }
}
