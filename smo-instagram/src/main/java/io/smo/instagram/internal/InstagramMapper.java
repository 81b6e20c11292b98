package io.smo.instagram.internal;

import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.EngagementMetrics.Metric;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoInternalApi;
import io.smo.core.inbox.Mention;
import io.smo.core.pagination.Page;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps Instagram Graph answers ({@link InstagramDtos}) into the core model. Lenient: missing fields
 * stay absent, never a {@code NullPointerException}.
 */
@SmoInternalApi
public final class InstagramMapper {
  /**
   * Graph timestamps: {@code 2020-02-24T09:15:16+0000} (offset without colon), ISO also accepted.
   */
  private static final DateTimeFormatter GRAPH_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  /** Insight name → neutral metric. */
  private static final Map<String, Metric> METRICS =
      Map.of(
          "views",
          Metric.VIEWS,
          "reach",
          Metric.REACH,
          "likes",
          Metric.LIKES,
          "comments",
          Metric.COMMENTS,
          "saved",
          Metric.SAVES,
          "shares",
          Metric.SHARES);

  private InstagramMapper() {}

  /** A container's state: {@code status_code} and the free-text {@code status}. */
  public record ContainerStatus(String id, String statusCode, String status) {
    /** Returns whether the container can be published. */
    public boolean finished() {
      return "FINISHED".equals(statusCode);
    }

    /**
     * Returns whether the container reached a state it will not leave ({@code ERROR}, {@code
     * EXPIRED}).
     */
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
   * Reads a container status ({@code {"id","status","status_code"}}).
   *
   * @return the status; {@code statusCode} is {@code "UNKNOWN"} when the body has none
   */
  public static ContainerStatus containerStatus(InstagramDtos.ContainerState body) {
    if (body == null) {
      return new ContainerStatus(null, "UNKNOWN", null);
    }
    return new ContainerStatus(
        body.id(), body.statusCode() == null ? "UNKNOWN" : body.statusCode(), body.status());
  }

  /**
   * Reads {@code {"data":[{"quota_usage":2,"config":{"quota_total":50,"quota_duration":86400}}]}}.
   *
   * @return the limit, empty when the body has no entry
   */
  public static Optional<PublishingLimit> publishingLimit(InstagramDtos.PublishingLimitPage body) {
    if (body == null
        || body.data() == null
        || body.data().isEmpty()
        || body.data().get(0) == null
        || body.data().get(0).quotaUsage() == null) {
      return Optional.empty();
    }
    InstagramDtos.PublishingLimitEntry e = body.data().get(0);
    InstagramDtos.PublishingLimitConfig c = e.config();
    long total = c == null || c.quotaTotal() == null ? 0 : c.quotaTotal();
    long window = c == null || c.quotaDuration() == null ? 86_400 : c.quotaDuration();
    return Optional.of(new PublishingLimit(e.quotaUsage(), total, window));
  }

  /** Returns the {@code id} of a create answer, or {@code null}. */
  public static String id(InstagramDtos.Created body) {
    String id = body == null ? null : body.id();
    return id == null || id.isBlank() ? null : id;
  }

  /**
   * Maps an IG Comment ({@code id,text,timestamp,username,from{id,username},like_count,hidden,
   * parent_id,replies}).
   *
   * @return the comment, or {@code null} without an id
   */
  public static Comment comment(InstagramDtos.CommentNode n) {
    if (n == null || n.id() == null) {
      return null;
    }
    Comment.Builder b =
        Comment.builder(CommentRef.of(Platform.INSTAGRAM, n.id()))
            .text(Optional.ofNullable(n.text()).orElse(""));
    String username =
        n.username() != null ? n.username() : n.from() == null ? null : n.from().username();
    b.authorName(username);
    b.authorId(n.from() == null ? null : n.from().id());
    timestamp(n.timestamp()).ifPresent(b::createdAt);
    b.parentId(n.parentId() != null ? n.parentId() : n.parent() == null ? null : n.parent().id());
    if (n.likeCount() != null) {
      b.likeCount(n.likeCount());
    }
    if (n.replies() != null && n.replies().data() != null) {
      b.replyCount((long) n.replies().data().size());
    }
    b.hidden(Boolean.TRUE.equals(n.hidden()));
    return b.build();
  }

  /**
   * Maps a page of comments; comments without an id are skipped.
   *
   * @return the comments and the {@code after} cursor of the next page (empty on the last page)
   */
  public static Page<Comment> comments(InstagramDtos.CommentPage body) {
    List<Comment> out = new ArrayList<>();
    if (body != null && body.data() != null) {
      for (InstagramDtos.CommentNode n : body.data()) {
        Comment c = comment(n);
        if (c != null) {
          out.add(c);
        }
      }
    }
    return Page.of(out, after(body == null ? null : body.paging()));
  }

  /**
   * Returns the cursor of the next page: {@code paging.cursors.after} when {@code paging.next} is
   * present (the {@code after} query parameter of {@code next} when the cursors are missing), else
   * {@code null}.
   */
  public static String after(InstagramDtos.Paging paging) {
    if (paging == null || paging.next() == null || paging.next().isEmpty()) {
      return null;
    }
    if (paging.cursors() != null
        && paging.cursors().after() != null
        && !paging.cursors().after().isEmpty()) {
      return paging.cursors().after();
    }
    return queryParam(paging.next(), "after");
  }

  private static String queryParam(String url, String name) {
    int q = url.indexOf('?');
    if (q < 0) {
      return null;
    }
    for (String pair : url.substring(q + 1).split("&", -1)) {
      int i = pair.indexOf('=');
      if (i > 0 && pair.substring(0, i).equals(name)) {
        return java.net.URLDecoder.decode(
            pair.substring(i + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /**
   * Maps a media insights body into metrics: {@code views}, {@code reach}, {@code likes}, {@code
   * comments}, {@code saved}, {@code shares}; every figure (also {@code total_interactions},
   * breakdowns, deprecated ones like {@code impressions}) is kept raw under its platform name. The
   * deprecated {@code impressions} is not mapped to {@link Metric#IMPRESSIONS}.
   *
   * @param ref the media
   * @param insights the {@code /insights} body, or {@code null}
   * @param fields the media node with {@code like_count} / {@code comments_count} (used when the
   *     insights lack likes or comments), or {@code null}
   * @param now when the figures were read
   */
  public static EngagementMetrics metrics(
      PostRef ref,
      InstagramDtos.InsightsPage insights,
      InstagramDtos.MediaNode fields,
      Instant now) {
    EngagementMetrics.Builder b = EngagementMetrics.builder(ref).retrievedAt(now);
    if (insights != null && insights.data() != null) {
      for (InstagramDtos.Insight m : insights.data()) {
        if (m == null || m.name() == null) {
          continue;
        }
        String name = m.name();
        Long value = insightValue(m);
        if (value == null) {
          continue;
        }
        List<InstagramDtos.Breakdown> breakdowns =
            m.totalValue() == null ? null : m.totalValue().breakdowns();
        if (breakdowns != null && !breakdowns.isEmpty()) {
          Map<String, Object> raw = new LinkedHashMap<>();
          raw.put("value", value);
          for (InstagramDtos.Breakdown bd : breakdowns) {
            if (bd == null || bd.results() == null) {
              continue;
            }
            for (InstagramDtos.BreakdownResult r : bd.results()) {
              if (r == null || r.value() == null) {
                continue;
              }
              List<String> dims = r.dimensionValues() == null ? List.of() : r.dimensionValues();
              raw.put(String.join("/", dims), r.value());
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
      if (partial.likes().isEmpty() && fields.likeCount() != null) {
        b.put(Metric.LIKES, fields.likeCount());
        b.raw("like_count", fields.likeCount());
      }
      if (partial.comments().isEmpty() && fields.commentsCount() != null) {
        b.put(Metric.COMMENTS, fields.commentsCount());
        b.raw("comments_count", fields.commentsCount());
      }
    }
    return b.build();
  }

  /**
   * Returns the value of one insight: {@code total_value.value}, else the last {@code
   * values[].value}.
   */
  static Long insightValue(InstagramDtos.Insight m) {
    if (m.totalValue() != null
        && m.totalValue().value() != null
        && m.totalValue().value().isNumber()) {
      return m.totalValue().value().asLong();
    }
    List<InstagramDtos.InsightValue> values = m.values();
    if (values != null && !values.isEmpty()) {
      InstagramDtos.InsightValue v = values.get(values.size() - 1);
      if (v != null && v.value() != null && v.value().isNumber()) {
        return v.value().asLong();
      }
    }
    return null;
  }

  /**
   * Maps a {@code mentioned_comment} answer ({@code {"id","text","timestamp","like_count",
   * "username","media":{"id"}}}) into a {@link Mention} of {@link Mention.Source#COMMENT} on its
   * media. Missing author or time are said in {@link Mention#dropped()} (the time then is the read
   * time).
   *
   * @param c the comment node, or {@code null}
   * @param account the mentioned account (IG User id)
   * @param mediaId the media id to use (a webhook's {@code media_id}, keeping the item's ref), or
   *     {@code null} for the answer's {@code media.id}
   * @param now the read time
   * @param authorRefused whether {@code username} was not asked for because Graph refused it
   * @return the mention, or {@code null} without a comment id or a media id
   */
  public static Mention mentionedComment(
      InstagramDtos.CommentNode c,
      String account,
      String mediaId,
      Instant now,
      boolean authorRefused) {
    if (c == null || c.id() == null || c.id().isBlank()) {
      return null;
    }
    String media = mediaId != null ? mediaId : c.media() == null ? null : c.media().id();
    if (media == null || media.isBlank()) {
      return null;
    }
    Mention.Builder b =
        Mention.builder(account, PostRef.of(Platform.INSTAGRAM, media), Mention.Source.COMMENT)
            .commentId(c.id())
            .text(c.text() == null ? "" : c.text());
    if (c.text() == null) {
      b.drop("no text in the answer");
    }
    String username =
        c.username() != null ? c.username() : c.from() == null ? null : c.from().username();
    if (username != null && !username.isBlank()) {
      b.authorName(username);
    } else {
      b.drop(
          authorRefused
              ? "author: Graph refused username on mentioned_comment; the commenter is unknown"
              : "author: the answer named no username; the commenter is unknown");
    }
    if (c.from() != null && c.from().id() != null) {
      b.authorId(c.from().id());
    }
    Instant at = timestamp(c.timestamp()).orElse(null);
    if (at == null) {
      b.drop("no timestamp: the read time is used");
      at = now;
    }
    return b.createdAt(at).build();
  }

  /**
   * Maps a {@code mentioned_media} answer ({@code {"id","caption","timestamp","media_type",
   * "username","like_count","comments_count"}}) into a {@link Mention} of {@link
   * Mention.Source#POST}. The edge has no {@code permalink}; the caption comes without the
   * {@code @} of the mention unless the account owns the media (Meta's rule).
   *
   * @param m the media node, or {@code null}
   * @param account the mentioned account (IG User id)
   * @param now the read time
   * @return the mention, or {@code null} without a media id
   */
  public static Mention mentionedMedia(InstagramDtos.MediaNode m, String account, Instant now) {
    if (m == null || m.id() == null || m.id().isBlank()) {
      return null;
    }
    Mention.Builder b =
        Mention.builder(account, PostRef.of(Platform.INSTAGRAM, m.id()), Mention.Source.POST)
            .text(m.caption() == null ? "" : m.caption());
    if (m.caption() == null) {
      b.drop("no caption in the answer");
    }
    if (m.username() != null && !m.username().isBlank()) {
      b.authorName(m.username());
    } else if (m.owner() != null && m.owner().id() != null) {
      b.authorId(
          m.owner().id()); // Meta gives owner instead of username for the account's own media
    } else {
      b.drop("author: the answer named no username; the mentioning account is unknown");
    }
    permalink(m).ifPresent(b::permalink);
    Instant at = timestamp(m.timestamp()).orElse(null);
    if (at == null) {
      b.drop("no timestamp: the read time is used");
      at = now;
    }
    return b.createdAt(at).build();
  }

  /** Returns a copy of {@code m} with one more note in {@link Mention#dropped()}. */
  public static Mention withNote(Mention m, String note) {
    Mention.Builder b =
        Mention.builder(m.account(), m.post(), m.source())
            .commentId(m.commentId().orElse(null))
            .authorId(m.authorId().orElse(null))
            .authorName(m.authorName().orElse(null))
            .text(m.text())
            .createdAt(m.createdAt())
            .permalink(m.permalink().orElse(null))
            .answered(m.answered());
    m.dropped().forEach(b::drop);
    return b.drop(note).build();
  }

  /** Returns the {@code permalink} of a media node, if valid. */
  public static Optional<URI> permalink(InstagramDtos.MediaNode media) {
    String p = media == null ? null : media.permalink();
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
}
