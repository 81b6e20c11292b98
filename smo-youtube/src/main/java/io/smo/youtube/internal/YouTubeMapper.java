package io.smo.youtube.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.core.upload.spi.ProcessingStatus;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps Data API and Analytics API JSON to the SDK model. Stateless. */
@SmoInternalApi
public final class YouTubeMapper {
  private YouTubeMapper() {}

  /** Parses an RFC 3339 instant, or returns {@code null}. */
  static Instant instant(JsonNode n) {
    if (n == null || !n.isTextual()) {
      return null;
    }
    try {
      return Instant.parse(n.asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Reads a uint64 sent as a JSON string (or number), or {@code null} when absent. */
  static Long count(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.asLong();
    }
    try {
      return Long.parseLong(n.asText().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Maps a {@code youtube#video} resource to a published post (scheduled when private with {@code publishAt}). */
  public static PublishedPost publishedPost(JsonNode video) {
    String id = video.path("id").asText();
    JsonNode status = video.path("status");
    Instant publishAt = instant(status.get("publishAt"));
    boolean scheduled = publishAt != null;
    Instant at = scheduled ? publishAt : instant(video.path("snippet").get("publishedAt"));
    return PublishedPost.builder(PostRef.of(Platform.YOUTUBE, id))
        .url(URI.create("https://www.youtube.com/watch?v=" + id))
        .publishedAt(at)
        .scheduled(scheduled)
        .build();
  }

  /**
   * Maps a video's {@code status} and {@code processingDetails} to a processing status: {@code
   * processingStatus=succeeded} (or {@code uploadStatus=processed}) is done; {@code failed},
   * {@code terminated}, {@code uploadStatus} failed or rejected is a failure; else pending.
   */
  public static ProcessingStatus<JsonNode> processing(JsonNode video) {
    JsonNode status = video.path("status");
    JsonNode pd = video.path("processingDetails");
    String upload = status.path("uploadStatus").asText("");
    String processing = pd.path("processingStatus").asText("");
    String state = processing.isEmpty() ? upload : processing;
    if (upload.equals("failed") || upload.equals("rejected") || upload.equals("deleted")
        || processing.equals("failed") || processing.equals("terminated")) {
      String why = firstNonEmpty(status.path("failureReason").asText(""),
          status.path("rejectionReason").asText(""), pd.path("processingFailureReason").asText(""));
      return ProcessingStatus.failed(state, why.isEmpty() ? upload + "/" + processing : why);
    }
    if (processing.equals("succeeded") || (processing.isEmpty() && upload.equals("processed"))) {
      return ProcessingStatus.succeeded(state, video);
    }
    Integer percent = null;
    JsonNode prog = pd.path("processingProgress");
    Long total = count(prog.get("partsTotal"));
    Long done = count(prog.get("partsProcessed"));
    if (total != null && done != null && total > 0) {
      percent = (int) Math.min(100, done * 100 / total);
    }
    return ProcessingStatus.pending(state, percent, null);
  }

  private static String firstNonEmpty(String... s) {
    for (String x : s) {
      if (!x.isEmpty()) {
        return x;
      }
    }
    return "";
  }

  /** Maps {@code statistics} of a video into metrics, keeping the raw figures. */
  public static EngagementMetrics.Builder statistics(PostRef ref, JsonNode video, Instant now) {
    JsonNode s = video.path("statistics");
    EngagementMetrics.Builder b = EngagementMetrics.builder(ref).retrievedAt(now);
    b.put(EngagementMetrics.Metric.VIEWS, count(s.get("viewCount")));
    b.put(EngagementMetrics.Metric.LIKES, count(s.get("likeCount")));
    b.put(EngagementMetrics.Metric.COMMENTS, count(s.get("commentCount")));
    s.fields().forEachRemaining(e -> b.raw(e.getKey(), count(e.getValue())));
    return b;
  }

  /**
   * Reads an Analytics {@code resultTable} ({@code columnHeaders[].name}, {@code rows[][]}) into
   * one map per row, column name to value (numbers as {@code Long} or {@code Double}).
   */
  public static List<Map<String, Object>> reportRows(JsonNode table) {
    List<String> names = new ArrayList<>();
    if (table == null) {
      return new ArrayList<>(); // an empty answer (204) has no rows
    }
    for (JsonNode h : table.path("columnHeaders")) {
      names.add(h.path("name").asText());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode row : table.path("rows")) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < names.size() && i < row.size(); i++) {
        JsonNode v = row.get(i);
        m.put(names.get(i), v.isIntegralNumber() ? (Object) v.asLong()
            : v.isNumber() ? (Object) v.asDouble() : v.asText());
      }
      rows.add(m);
    }
    return rows;
  }

  /** Maps a {@code youtube#comment} resource. */
  public static Comment comment(JsonNode c) {
    JsonNode s = c.path("snippet");
    String moderation = s.path("moderationStatus").asText("published");
    return Comment.builder(CommentRef.of(Platform.YOUTUBE, c.path("id").asText()))
        .authorId(text(s.path("authorChannelId").path("value")))
        .authorName(text(s.path("authorDisplayName")))
        .text(s.hasNonNull("textOriginal") ? s.path("textOriginal").asText()
            : s.path("textDisplay").asText(""))
        .createdAt(instant(s.get("publishedAt")))
        .parentId(text(s.path("parentId")))
        .likeCount(count(s.get("likeCount")))
        .hidden(!moderation.equals("published"))
        .build();
  }

  private static String text(JsonNode n) {
    return n.isTextual() ? n.asText() : null;
  }

  /**
   * Maps a {@code youtube#commentThread}: its top-level comment (with {@code totalReplyCount})
   * followed by the replies the thread carries (YouTube returns a subset of them).
   */
  public static List<Comment> thread(JsonNode thread) {
    List<Comment> out = new ArrayList<>();
    JsonNode top = thread.path("snippet").path("topLevelComment");
    if (top.isObject()) {
      Comment c = comment(top);
      Long replies = count(thread.path("snippet").get("totalReplyCount"));
      out.add(Comment.builder(c.ref()).authorId(c.authorId().orElse(null))
          .authorName(c.authorName().orElse(null)).text(c.text()).createdAt(c.createdAt().orElse(null))
          .likeCount(c.likeCount().isPresent() ? c.likeCount().getAsLong() : null)
          .replyCount(replies).hidden(c.hidden()).build());
    }
    for (JsonNode r : thread.path("replies").path("comments")) {
      out.add(comment(r));
    }
    return out;
  }

  /** Maps a {@code commentThreadListResponse}: every thread's comments, in order. */
  public static List<Comment> threads(JsonNode list) {
    List<Comment> out = new ArrayList<>();
    if (list == null) {
      return out; // an empty answer (204) is an empty page
    }
    for (JsonNode t : list.path("items")) {
      out.addAll(thread(t));
    }
    return out;
  }

  /** Returns the {@code nextPageToken}, or {@code null} on the last page. */
  public static String nextPageToken(JsonNode list) {
    if (list == null) {
      return null;
    }
    JsonNode t = list.path("nextPageToken");
    return t.isTextual() && !t.asText().isEmpty() ? t.asText() : null;
  }

  /**
   * Maps a {@code youtube#commentThread} of the channel-wide stream to inbox comments: the
   * top-level comment and the replies the thread carries, each answered when the channel replied
   * after it. A thread without {@code videoId} (a channel discussion) uses the channel as its
   * thread and says so.
   *
   * @param account the client's account key
   * @param ownChannel the channel's id (its own comments are outbound)
   * @param moderationStatus {@code heldForReview} for the held stream, {@code null} for published
   * @param now the read time, used when a comment has no {@code publishedAt}
   */
  public static List<io.smo.core.inbox.InboxComment> inboxThread(JsonNode thread, String account,
      String ownChannel, String moderationStatus, Instant now) {
    List<io.smo.core.inbox.InboxComment> out = new ArrayList<>();
    JsonNode s = thread.path("snippet");
    String video = text(s.path("videoId"));
    List<String> notes = new ArrayList<>();
    if (video == null) {
      video = text(s.path("channelId"));
      notes.add("no videoId: the channel is used as the thread");
    }
    if (video == null) {
      video = ownChannel;
    }
    io.smo.core.PostRef post = io.smo.core.PostRef.of(Platform.YOUTUBE, video);
    List<Comment> comments = thread(thread);
    List<Instant> ownReplies = new ArrayList<>();
    for (Comment c : comments) {
      if (ownChannel.equals(c.authorId().orElse(null)) && c.createdAt().isPresent()) {
        ownReplies.add(c.createdAt().get());
      }
    }
    for (Comment c : comments) {
      if (c.id().isEmpty()) {
        continue;
      }
      boolean own = ownChannel.equals(c.authorId().orElse(null));
      io.smo.core.inbox.InboxComment.Builder b = io.smo.core.inbox.InboxComment.builder(account, post, c)
          .direction(own ? io.smo.core.inbox.Direction.OUTBOUND : io.smo.core.inbox.Direction.INBOUND)
          .moderationStatus(c.parentId().isEmpty() ? moderationStatus : null);
      notes.forEach(b::drop);
      if (c.createdAt().isEmpty()) {
        b.createdAt(now).drop("no publishedAt: the read time is used");
      }
      Instant at = c.createdAt().orElse(now);
      b.answered(!own && ownReplies.stream().anyMatch(r -> r.isAfter(at)));
      if (c.authorId().isEmpty()) {
        b.drop("no authorChannelId: the author is unknown");
      }
      out.add(b.build());
    }
    return out;
  }
}
