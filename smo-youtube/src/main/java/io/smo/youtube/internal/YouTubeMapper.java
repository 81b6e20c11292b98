package io.smo.youtube.internal;

import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxComment;
import io.smo.core.upload.spi.ProcessingStatus;
import io.smo.youtube.internal.YouTubeDtos.ChannelStatistics;
import io.smo.youtube.internal.YouTubeDtos.CommentThread;
import io.smo.youtube.internal.YouTubeDtos.CommentThreadList;
import io.smo.youtube.internal.YouTubeDtos.ProcessingDetails;
import io.smo.youtube.internal.YouTubeDtos.ResultTable;
import io.smo.youtube.internal.YouTubeDtos.Video;
import io.smo.youtube.internal.YouTubeDtos.VideoStatistics;
import io.smo.youtube.internal.YouTubeDtos.VideoStatus;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the Data API and Analytics API wire records ({@link YouTubeDtos}) to the SDK model.
 * Stateless.
 */
@SmoInternalApi
public final class YouTubeMapper {
  private YouTubeMapper() {}

  /** Parses an RFC 3339 instant, or returns {@code null}. */
  static Instant instant(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Reads a uint64 sent as a JSON string, or {@code null} when absent or unreadable. */
  static Long count(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Maps a {@code youtube#video} resource to a published post (scheduled when private with {@code
   * publishAt}).
   */
  public static PublishedPost publishedPost(Video video) {
    String id = video.id();
    Instant publishAt = video.status() == null ? null : instant(video.status().publishAt());
    boolean scheduled = publishAt != null;
    Instant at =
        scheduled
            ? publishAt
            : video.snippet() == null ? null : instant(video.snippet().publishedAt());
    return PublishedPost.builder(PostRef.of(Platform.YOUTUBE, id))
        .url(URI.create("https://www.youtube.com/watch?v=" + id))
        .publishedAt(at)
        .scheduled(scheduled)
        .build();
  }

  /**
   * Maps a video's {@code status} and {@code processingDetails} to a processing status: {@code
   * processingStatus=succeeded} (or {@code uploadStatus=processed}) is done; {@code failed}, {@code
   * terminated}, {@code uploadStatus} failed or rejected is a failure; else pending.
   */
  public static ProcessingStatus<Video> processing(Video video) {
    VideoStatus status = video.status();
    ProcessingDetails pd = video.processingDetails();
    String upload = status == null || status.uploadStatus() == null ? "" : status.uploadStatus();
    String processing = pd == null || pd.processingStatus() == null ? "" : pd.processingStatus();
    String state = processing.isEmpty() ? upload : processing;
    if (upload.equals("failed")
        || upload.equals("rejected")
        || upload.equals("deleted")
        || processing.equals("failed")
        || processing.equals("terminated")) {
      String why =
          firstNonEmpty(
              status == null ? null : status.failureReason(),
              status == null ? null : status.rejectionReason(),
              pd == null ? null : pd.processingFailureReason());
      return ProcessingStatus.failed(state, why.isEmpty() ? upload + "/" + processing : why);
    }
    if (processing.equals("succeeded") || (processing.isEmpty() && upload.equals("processed"))) {
      return ProcessingStatus.succeeded(state, video);
    }
    Integer percent = null;
    if (pd != null && pd.processingProgress() != null) {
      Long total = count(pd.processingProgress().partsTotal());
      Long done = count(pd.processingProgress().partsProcessed());
      if (total != null && done != null && total > 0) {
        percent = (int) Math.min(100, done * 100 / total);
      }
    }
    return ProcessingStatus.pending(state, percent, null);
  }

  private static String firstNonEmpty(String... s) {
    for (String x : s) {
      if (x != null && !x.isEmpty()) {
        return x;
      }
    }
    return "";
  }

  /** Maps {@code statistics} of a video into metrics, keeping every figure present in raw. */
  public static EngagementMetrics.Builder statistics(PostRef ref, Video video, Instant now) {
    EngagementMetrics.Builder b = EngagementMetrics.builder(ref).retrievedAt(now);
    VideoStatistics s = video.statistics();
    if (s == null) {
      return b;
    }
    b.put(EngagementMetrics.Metric.VIEWS, count(s.viewCount()));
    b.put(EngagementMetrics.Metric.LIKES, count(s.likeCount()));
    b.put(EngagementMetrics.Metric.COMMENTS, count(s.commentCount()));
    raw(b, "viewCount", s.viewCount());
    raw(b, "likeCount", s.likeCount());
    raw(b, "dislikeCount", s.dislikeCount());
    raw(b, "favoriteCount", s.favoriteCount());
    raw(b, "commentCount", s.commentCount());
    return b;
  }

  private static void raw(EngagementMetrics.Builder b, String name, String value) {
    if (value != null) {
      b.raw(name, count(value));
    }
  }

  /**
   * Maps a {@code youtube#channel} ({@code snippet}, {@code statistics}) to account figures: the
   * subscriber count is absent when {@code hiddenSubscriberCount}; {@code videoCount} is the post
   * count; {@code viewCount} and the hidden flag are kept raw. YouTube reports no following count.
   */
  public static io.smo.core.AccountInfo accountInfo(YouTubeDtos.Channel ch, Instant now) {
    ChannelStatistics st = ch.statistics();
    boolean hidden = st != null && Boolean.TRUE.equals(st.hiddenSubscriberCount());
    Long subscribers = st == null || hidden ? null : count(st.subscriberCount());
    Long videos = st == null ? null : count(st.videoCount());
    Long views = st == null ? null : count(st.viewCount());
    io.smo.core.AccountInfo.Builder b =
        io.smo.core.AccountInfo.builder(Platform.YOUTUBE, ch.id() == null ? "" : ch.id())
            .handle(ch.snippet() == null ? null : ch.snippet().customUrl())
            .name(ch.snippet() == null ? null : ch.snippet().title())
            .followers(subscribers)
            .postCount(videos)
            .retrievedAt(now);
    b.raw("subscriberCount", subscribers);
    b.raw("videoCount", videos);
    b.raw("viewCount", views);
    b.raw(
        "hiddenSubscriberCount",
        (st != null && st.hiddenSubscriberCount() != null) ? hidden : null);
    return b.build();
  }

  /**
   * Reads an Analytics {@code resultTable} ({@code columnHeaders[].name}, {@code rows[][]}) into
   * one map per row, column name to value (numbers as {@code Long} or {@code Double}).
   */
  public static List<Map<String, Object>> reportRows(ResultTable table) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (table == null || table.columnHeaders() == null || table.rows() == null) {
      return rows; // an empty answer (204) has no rows
    }
    List<String> names = new ArrayList<>();
    table.columnHeaders().forEach(h -> names.add(h.name()));
    for (List<Object> row : table.rows()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < names.size() && i < row.size(); i++) {
        m.put(names.get(i), cell(row.get(i)));
      }
      rows.add(m);
    }
    return rows;
  }

  private static Object cell(Object v) {
    if (v instanceof Integer
        || v instanceof Long
        || v instanceof Short
        || v instanceof BigInteger) {
      return ((Number) v).longValue();
    }
    if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
      return ((Number) v).doubleValue();
    }
    return String.valueOf(v);
  }

  /** Maps a {@code youtube#comment} resource. */
  public static Comment comment(YouTubeDtos.Comment c) {
    YouTubeDtos.CommentSnippet s = c.snippet();
    String moderation =
        s == null || s.moderationStatus() == null ? "published" : s.moderationStatus();
    Comment.Builder b =
        Comment.builder(CommentRef.of(Platform.YOUTUBE, c.id() == null ? "" : c.id()))
            .hidden(!moderation.equals("published"));
    if (s != null) {
      b.authorId(s.authorChannelId() == null ? null : s.authorChannelId().value())
          .authorName(s.authorDisplayName())
          .text(
              s.textOriginal() != null
                  ? s.textOriginal()
                  : s.textDisplay() == null ? "" : s.textDisplay())
          .createdAt(instant(s.publishedAt()))
          .parentId(s.parentId())
          .likeCount(s.likeCount());
    } else {
      b.text("");
    }
    return b.build();
  }

  /**
   * Maps a {@code youtube#commentThread}: its top-level comment (with {@code totalReplyCount})
   * followed by the replies the thread carries (YouTube returns a subset of them).
   */
  public static List<Comment> thread(CommentThread thread) {
    List<Comment> out = new ArrayList<>();
    YouTubeDtos.CommentThreadSnippet ts = thread.snippet();
    if (ts != null && ts.topLevelComment() != null) {
      Comment c = comment(ts.topLevelComment());
      out.add(
          Comment.builder(c.ref())
              .authorId(c.authorId().orElse(null))
              .authorName(c.authorName().orElse(null))
              .text(c.text())
              .createdAt(c.createdAt().orElse(null))
              .likeCount(c.likeCount().isPresent() ? c.likeCount().getAsLong() : null)
              .replyCount(ts.totalReplyCount())
              .hidden(c.hidden())
              .build());
    }
    if (thread.replies() != null && thread.replies().comments() != null) {
      for (YouTubeDtos.Comment r : thread.replies().comments()) {
        out.add(comment(r));
      }
    }
    return out;
  }

  /** Maps a {@code commentThreadListResponse}: every thread's comments, in order. */
  public static List<Comment> threads(CommentThreadList list) {
    List<Comment> out = new ArrayList<>();
    if (list == null || list.items() == null) {
      return out; // an empty answer (204) is an empty page
    }
    for (CommentThread t : list.items()) {
      out.addAll(thread(t));
    }
    return out;
  }

  /** Returns the {@code nextPageToken}, or {@code null} on the last page. */
  public static String nextPageToken(CommentThreadList list) {
    return list == null ? null : emptyToNull(list.nextPageToken());
  }

  /** Returns the {@code nextPageToken}, or {@code null} on the last page. */
  public static String nextPageToken(YouTubeDtos.CommentList list) {
    return list == null ? null : emptyToNull(list.nextPageToken());
  }

  private static String emptyToNull(String t) {
    return t == null || t.isEmpty() ? null : t;
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
  public static List<InboxComment> inboxThread(
      CommentThread thread,
      String account,
      String ownChannel,
      String moderationStatus,
      Instant now) {
    return inboxThread(thread, account, ownChannel, moderationStatus, now, why -> {});
  }

  /**
   * Maps one comment thread (top-level comment and the replies included) to inbox comments, as
   * {@link #inboxThread(CommentThread, String, String, String, Instant)} does, telling {@code
   * skipped} what was left out whole (a comment without id).
   */
  public static List<InboxComment> inboxThread(
      CommentThread thread,
      String account,
      String ownChannel,
      String moderationStatus,
      Instant now,
      java.util.function.Consumer<String> skipped) {
    List<InboxComment> out = new ArrayList<>();
    YouTubeDtos.CommentThreadSnippet s = thread.snippet();
    String video = s == null ? null : s.videoId();
    List<String> notes = new ArrayList<>();
    if (video == null) {
      video = s == null ? null : s.channelId();
      notes.add("no videoId: the channel is used as the thread");
    }
    if (video == null) {
      video = ownChannel;
    }
    PostRef post = PostRef.of(Platform.YOUTUBE, video);
    if (s == null || s.topLevelComment() == null) {
      skipped.accept("a thread without topLevelComment: only its replies are kept");
    }
    List<Comment> comments = thread(thread);
    List<Instant> ownReplies = new ArrayList<>();
    for (Comment c : comments) {
      if (ownChannel.equals(c.authorId().orElse(null)) && c.createdAt().isPresent()) {
        ownReplies.add(c.createdAt().get());
      }
    }
    for (Comment c : comments) {
      if (c.id().isEmpty()) {
        skipped.accept(
            c.parentId().isPresent()
                ? "a reply without id was skipped"
                : "a top-level comment without id was skipped");
        continue;
      }
      boolean own = ownChannel.equals(c.authorId().orElse(null));
      InboxComment.Builder b =
          InboxComment.builder(account, post, c)
              .direction(own ? Direction.OUTBOUND : Direction.INBOUND)
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

  /**
   * Returns the one video of a {@code videos.list} answer.
   *
   * @throws io.smo.core.exception.NotFoundException if the list is empty (the video does not exist
   *     or is not the caller's)
   */
  public static Video onlyVideo(YouTubeDtos.VideoList list, String id, String operation) {
    if (list == null
        || list.items() == null
        || list.items().isEmpty()
        || list.items().get(0) == null) {
      throw new io.smo.core.exception.NotFoundException(
          io.smo.core.exception.ErrorDetails.builder(Platform.YOUTUBE, operation)
              .httpStatus(200)
              .errorCode("videoNotFound")
              .message("video " + id + " not found (empty videos.list)")
              .build());
    }
    return list.items().get(0);
  }

  /**
   * Builds the {@code video} resource sent with the upload session start ({@code snippet}, {@code
   * status}): the post text is the description, the title the option's or the text's first line
   * (else the file name), {@code privacyStatus} from the audience, and a scheduled post {@code
   * private} with {@code publishAt}.
   */
  public static Video toVideo(
      io.smo.core.Post post, io.smo.youtube.YouTubeOptions o, String fileName) {
    YouTubeDtos.VideoSnippet snippet =
        new YouTubeDtos.VideoSnippet(
            null,
            null,
            title(post, o, fileName),
            post.text().isEmpty() ? null : post.text(),
            o.tags().isEmpty() ? null : List.copyOf(o.tags()),
            o.categoryId().orElse(null),
            o.defaultLanguage().orElse(null),
            null);
    String privacy;
    String publishAt = null;
    if (post.scheduledAt().isPresent()) {
      privacy = "private";
      publishAt = post.scheduledAt().get().toString();
    } else {
      privacy = privacy(post.audience().visibility());
    }
    VideoStatus status =
        new VideoStatus(
            null,
            null,
            null,
            privacy,
            publishAt,
            o.license().orElse(null),
            o.embeddable().orElse(null),
            o.publicStatsViewable().orElse(null),
            o.selfDeclaredMadeForKids().orElse(null),
            o.containsSyntheticMedia().orElse(null));
    return new Video(null, snippet, status, null, null);
  }

  /**
   * Builds the {@code videos.update part=snippet,status} body: the update's values over the current
   * video's, keeping what the update does not change (a missing category becomes {@code 22}, as the
   * API requires one). A new {@code publishAt} makes the video private until then; a new visibility
   * alone drops the current {@code publishAt}.
   */
  public static Video updatedVideo(
      String id, Video current, io.smo.youtube.YouTubeVideoUpdate update) {
    YouTubeDtos.VideoSnippet cs =
        current.snippet() != null
            ? current.snippet()
            : new YouTubeDtos.VideoSnippet(null, null, null, null, null, null, null, null);
    VideoStatus st =
        current.status() != null
            ? current.status()
            : new VideoStatus(null, null, null, null, null, null, null, null, null, null);
    YouTubeDtos.VideoSnippet snippet =
        new YouTubeDtos.VideoSnippet(
            null,
            null,
            update.title().orElse(cs.title() == null ? "" : cs.title()),
            update.description().orElse(cs.description()),
            update.tags().map(List::copyOf).orElse(cs.tags()),
            update.categoryId().orElse(cs.categoryId() == null ? "22" : cs.categoryId()),
            cs.defaultLanguage(),
            cs.defaultAudioLanguage());
    String privacy =
        update
            .visibility()
            .map(YouTubeMapper::privacy)
            .orElse(st.privacyStatus() == null ? "private" : st.privacyStatus());
    Instant publishAt =
        update.publishAt().orElse(update.visibility().isPresent() ? null : instant(st.publishAt()));
    if (publishAt != null) {
      privacy = "private";
    }
    Boolean kids = update.selfDeclaredMadeForKids().orElse(st.selfDeclaredMadeForKids());
    VideoStatus status =
        new VideoStatus(
            null,
            null,
            null,
            privacy,
            publishAt == null ? null : publishAt.toString(),
            st.license(),
            st.embeddable(),
            st.publicStatsViewable(),
            kids,
            st.containsSyntheticMedia());
    return new Video(id, snippet, status, null, null);
  }

  /** Maps a visibility to {@code privacyStatus}. */
  static String privacy(io.smo.core.Visibility v) {
    return switch (v) {
      case UNLISTED -> "unlisted";
      case PRIVATE -> "private";
      default -> "public";
    };
  }

  private static String title(
      io.smo.core.Post post, io.smo.youtube.YouTubeOptions o, String fileName) {
    if (o.title().isPresent()) {
      return o.title().get();
    }
    String first = post.text().strip().split("\\R", 2)[0].strip();
    String base = first.isEmpty() ? fileName.replaceFirst("\\.[^.]*$", "") : first;
    base = base.replace("<", "").replace(">", "");
    if (base.isBlank()) {
      base = "Untitled";
    }
    int n = base.codePointCount(0, base.length());
    int max = io.smo.youtube.YouTubeCapabilities.MAX_TITLE_CHARS;
    return n <= max ? base : base.substring(0, base.offsetByCodePoints(0, max - 1)) + "\u2026";
  }
}
