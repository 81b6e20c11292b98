package io.smo.instagram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.EngagementMetrics.Metric;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoInternalApi;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps Instagram Graph bodies (read as JSON trees) into the core model. Lenient: missing fields
 * stay absent, never a {@code NullPointerException}.
 */
@SmoInternalApi
public final class InstagramMapper {
  /** Graph timestamps: {@code 2020-02-24T09:15:16+0000} (offset without colon), ISO also accepted. */
  private static final DateTimeFormatter GRAPH_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).optionalStart().appendOffset("+HHMM", "Z")
      .optionalEnd().optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);

  /** Insight name → neutral metric. */
  private static final Map<String, Metric> METRICS = Map.of(
      "views", Metric.VIEWS, "reach", Metric.REACH, "likes", Metric.LIKES,
      "comments", Metric.COMMENTS, "saved", Metric.SAVES, "shares", Metric.SHARES);

  private InstagramMapper() {}

  /** A container's state: {@code status_code} and the free-text {@code status}. */
  public record ContainerStatus(String id, String statusCode, String status) {
    /** Returns whether the container can be published. */
    public boolean finished() {
      return "FINISHED".equals(statusCode);
    }

    /** Returns whether the container reached a state it will not leave ({@code ERROR}, {@code EXPIRED}). */
    public boolean failed() {
      return "ERROR".equals(statusCode) || "EXPIRED".equals(statusCode);
    }

    /** Returns whether the container was already published. */
    public boolean published() {
      return "PUBLISHED".equals(statusCode);
    }
  }

  /** The {@code content_publishing_limit} figures: posts used and allowed per window. */
  public record PublishingLimit(long used, long total, long windowSeconds) {
    /** Returns whether no post is left in the window. */
    public boolean exhausted() {
      return total > 0 && used >= total;
    }
  }

  /**
   * Reads a container status body ({@code {"id","status","status_code"}}).
   *
   * @return the status; {@code statusCode} is {@code "UNKNOWN"} when the body has none
   */
  public static ContainerStatus containerStatus(JsonNode body) {
    return new ContainerStatus(text(body, "id"), Optional.ofNullable(text(body, "status_code"))
        .orElse("UNKNOWN"), text(body, "status"));
  }

  /**
   * Reads {@code {"data":[{"quota_usage":2,"config":{"quota_total":50,"quota_duration":86400}}]}}.
   *
   * @return the limit, empty when the body has no entry
   */
  public static Optional<PublishingLimit> publishingLimit(JsonNode body) {
    JsonNode e = body == null ? null : body.path("data").path(0);
    if (e == null || e.isMissingNode() || !e.has("quota_usage")) {
      return Optional.empty();
    }
    JsonNode config = e.path("config");
    return Optional.of(new PublishingLimit(e.path("quota_usage").asLong(0),
        config.path("quota_total").asLong(0), config.path("quota_duration").asLong(86_400)));
  }

  /** Returns the {@code id} of a create answer, or {@code null}. */
  public static String id(JsonNode body) {
    String id = text(body, "id");
    return id == null || id.isBlank() ? null : id;
  }

  /**
   * Maps an IG Comment ({@code id,text,timestamp,username,from{id,username},like_count,hidden,
   * parent_id,replies}).
   *
   * @return the comment, or {@code null} without an id
   */
  public static Comment comment(JsonNode n) {
    String id = text(n, "id");
    if (id == null) {
      return null;
    }
    Comment.Builder b = Comment.builder(CommentRef.of(Platform.INSTAGRAM, id))
        .text(Optional.ofNullable(text(n, "text")).orElse(""));
    String username = Optional.ofNullable(text(n, "username")).orElse(text(n.path("from"), "username"));
    b.authorName(username);
    b.authorId(text(n.path("from"), "id"));
    timestamp(text(n, "timestamp")).ifPresent(b::createdAt);
    b.parentId(Optional.ofNullable(text(n, "parent_id")).orElse(text(n.path("parent"), "id")));
    if (n.hasNonNull("like_count")) {
      b.likeCount(n.get("like_count").asLong());
    }
    JsonNode replies = n.path("replies").path("data");
    if (replies.isArray()) {
      b.replyCount((long) replies.size());
    }
    b.hidden(n.path("hidden").asBoolean(false));
    return b.build();
  }

  /**
   * Maps a media insights body into metrics: {@code views}, {@code reach}, {@code likes}, {@code
   * comments}, {@code saved}, {@code shares}; every figure (also {@code total_interactions},
   * breakdowns, deprecated ones like {@code impressions}) is kept raw under its platform name.
   * The deprecated {@code impressions} is not mapped to {@link Metric#IMPRESSIONS}.
   *
   * @param ref the media
   * @param insights the {@code /insights} body, or {@code null}
   * @param fields the media node with {@code like_count} / {@code comments_count} (used when the
   *     insights lack likes or comments), or {@code null}
   * @param now when the figures were read
   */
  public static EngagementMetrics metrics(PostRef ref, JsonNode insights, JsonNode fields, Instant now) {
    EngagementMetrics.Builder b = EngagementMetrics.builder(ref).retrievedAt(now);
    if (insights != null) {
      for (JsonNode m : insights.path("data")) {
        String name = text(m, "name");
        if (name == null) {
          continue;
        }
        Long value = insightValue(m);
        if (value == null) {
          continue;
        }
        JsonNode breakdowns = m.path("total_value").path("breakdowns");
        if (breakdowns.isArray() && breakdowns.size() > 0) {
          Map<String, Object> raw = new LinkedHashMap<>();
          raw.put("value", value);
          for (JsonNode bd : breakdowns) {
            for (JsonNode r : bd.path("results")) {
              raw.put(String.join("/", values(r.path("dimension_values"))), r.path("value").asLong());
            }
          }
          b.raw(name, raw);
        } else {
          b.raw(name, value);
        }
        Metric metric = METRICS.get(name);
        if (metric != null) {
          b.put(metric, value);
        }
      }
    }
    if (fields != null) {
      EngagementMetrics partial = b.build();
      if (partial.likes().isEmpty() && fields.hasNonNull("like_count")) {
        b.put(Metric.LIKES, fields.get("like_count").asLong());
        b.raw("like_count", fields.get("like_count").asLong());
      }
      if (partial.comments().isEmpty() && fields.hasNonNull("comments_count")) {
        b.put(Metric.COMMENTS, fields.get("comments_count").asLong());
        b.raw("comments_count", fields.get("comments_count").asLong());
      }
    }
    return b.build();
  }

  /** Returns the value of one insight: {@code total_value.value}, else the last {@code values[].value}. */
  static Long insightValue(JsonNode m) {
    JsonNode total = m.path("total_value").path("value");
    if (total.isNumber()) {
      return total.asLong();
    }
    JsonNode values = m.path("values");
    if (values.isArray() && values.size() > 0) {
      JsonNode v = values.get(values.size() - 1).path("value");
      if (v.isNumber()) {
        return v.asLong();
      }
    }
    return null;
  }

  private static String[] values(JsonNode array) {
    String[] out = new String[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asText();
    }
    return out;
  }

  /** Returns the {@code permalink} of a media node, if valid. */
  public static Optional<URI> permalink(JsonNode media) {
    String p = text(media, "permalink");
    try {
      return p == null ? Optional.empty() : Optional.of(URI.create(p));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Parses a Graph timestamp ({@code 2020-02-24T09:15:16+0000}) into a UTC instant. */
  public static Optional<Instant> timestamp(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(s, GRAPH_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static String text(JsonNode n, String field) {
    if (n == null) {
      return null;
    }
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }
}
