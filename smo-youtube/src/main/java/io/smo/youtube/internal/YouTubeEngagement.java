package io.smo.youtube.internal;

import io.smo.core.AccountInfo;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.SmoException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.pagination.Page;
import io.smo.core.pagination.Paginator;
import io.smo.youtube.YouTubeModerationStatus;
import io.smo.youtube.YouTubeOAuth;
import io.smo.youtube.YouTubeQuota;
import io.smo.youtube.internal.YouTubeDtos.ChannelList;
import io.smo.youtube.internal.YouTubeDtos.CommentThreadList;
import io.smo.youtube.internal.YouTubeDtos.ResultTable;
import io.smo.youtube.internal.YouTubeDtos.Video;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engagement on YouTube: metrics ({@code videos.list part=snippet,statistics}, one round trip, plus
 * Analytics reports when allowed), comments ({@code commentThreads.list part=snippet,replies}: the
 * top-level comments and their replies in one call per page), comments and replies ({@code
 * commentThreads.insert}, {@code comments.insert}), moderation ({@code
 * comments.setModerationStatus}, {@code comments.delete}) and the channel's figures and id ({@code
 * channels.list mine=true}). Thread-safe.
 */
@SmoInternalApi
public final class YouTubeEngagement {
  private static final Logger LOG = LoggerFactory.getLogger(YouTubeEngagement.class);

  private final ApiRuntime runtime;
  private final YouTubeApi api;
  private final YouTubeApi analyticsApi;
  private final QuotaTracker quota;
  private final DefaultYouTubeClient.Settings settings;
  private volatile String channelId;

  /**
   * Creates the engagement part.
   *
   * @param runtime the runtime
   * @param api the Data API service
   * @param analyticsApi the Analytics API service
   * @param quota the quota account
   * @param settings the client settings ({@code accountId}: the channel id, or {@code null} to
   *     learn it)
   */
  public YouTubeEngagement(
      ApiRuntime runtime,
      YouTubeApi api,
      YouTubeApi analyticsApi,
      QuotaTracker quota,
      DefaultYouTubeClient.Settings settings) {
    this.runtime = runtime;
    this.api = api;
    this.analyticsApi = analyticsApi;
    this.quota = quota;
    this.settings = settings;
    this.channelId = settings.accountId();
  }

  /**
   * Returns the channel id: the configured one, else the token's channel read once with {@code
   * channels.list part=id mine=true} (1 quota unit) and kept; {@link #accountInfo()} learns it too.
   *
   * @throws NotFoundException if the token's account has no channel
   * @throws SmoException if the call fails
   */
  public String channelId() {
    String id = channelId;
    if (id == null) {
      synchronized (this) {
        if (channelId == null) {
          ChannelList r =
              quota.call(
                  runtime,
                  "channels.list",
                  Operation.read("channel"),
                  () -> api.listMyChannels("id", true));
          learn(firstChannel(r, "channel").id());
        }
        id = channelId;
      }
    }
    return id;
  }

  /** Returns the channel id if known (configured or learned), else {@code null}; never calls. */
  public String knownChannelId() {
    return channelId;
  }

  private void learn(String id) {
    if (id == null || id.isEmpty()) {
      throw new NotFoundException(
          ErrorDetails.builder(Platform.YOUTUBE, "channel")
              .message("the token has no YouTube channel")
              .build());
    }
    if (channelId == null) {
      synchronized (this) {
        if (channelId == null) {
          channelId = id;
        }
      }
    }
  }

  private static YouTubeDtos.Channel firstChannel(ChannelList r, String operation) {
    if (r == null || r.items() == null || r.items().isEmpty()) {
      throw new NotFoundException(
          ErrorDetails.builder(Platform.YOUTUBE, operation)
              .httpStatus(200)
              .message("the token's account has no YouTube channel")
              .build());
    }
    return r.items().get(0);
  }

  /**
   * Reads the channel's figures: {@code channels.list part=snippet,statistics mine=true}
   * (subscribers, absent when hidden; videos; views in raw), and learns the channel id from the
   * same answer when it was not configured.
   */
  public AccountInfo accountInfo() {
    ChannelList list =
        quota.call(
            runtime,
            "channels.list",
            Operation.read("account info"),
            () -> api.listMyChannels("snippet,statistics", true));
    YouTubeDtos.Channel ch = firstChannel(list, "account info");
    if (ch.id() != null && !ch.id().isEmpty()) {
      learn(ch.id());
    }
    return YouTubeMapper.accountInfo(ch, runtime.clock().instant());
  }

  /**
   * Reads a video's figures in one {@code videos.list part=snippet,statistics} (views, likes,
   * comments; {@code publishedAt} bounds the Analytics query), plus Analytics reports when enabled.
   */
  public EngagementMetrics metrics(PostRef ref) {
    Video video =
        YouTubeMapper.onlyVideo(
            quota.call(
                runtime,
                "videos.list",
                Operation.read("metrics"),
                () -> api.listVideos("snippet,statistics", ref.id())),
            ref.id(),
            "metrics");
    EngagementMetrics.Builder b = YouTubeMapper.statistics(ref, video, runtime.clock().instant());
    if (analyticsEnabled()) {
      try {
        addAnalytics(
            b,
            ref.id(),
            video.snippet() == null ? null : YouTubeMapper.instant(video.snippet().publishedAt()));
      } catch (PermissionException | NotFoundException e) {
        LOG.debug("youtube analytics unavailable for {}: {}", ref.id(), e.getMessage());
      }
    }
    return b.build();
  }

  private boolean analyticsEnabled() {
    if (settings.analytics() != null) {
      return settings.analytics();
    }
    try {
      return runtime
          .tokens()
          .map(t -> t.token().scopes().contains(YouTubeOAuth.SCOPE_ANALYTICS))
          .orElse(false);
    } catch (SmoException e) {
      return false;
    }
  }

  /**
   * Adds the Analytics figures: totals, demographics (age group x gender) and views by country.
   * Three reports, since the API takes one dimension set per query.
   */
  private void addAnalytics(EngagementMetrics.Builder b, String videoId, Instant publishedAt) {
    Instant now = runtime.clock().instant();
    LocalDate end = now.atZone(YouTubeQuota.RESET_ZONE).toLocalDate();
    LocalDate start =
        publishedAt == null
            ? end.minusDays(365)
            : publishedAt.atZone(YouTubeQuota.RESET_ZONE).toLocalDate();
    if (start.isAfter(end)) {
      start = end;
    }
    String ids =
        settings.accountId() == null ? "channel==MINE" : "channel==" + settings.accountId();
    String filter = "video==" + videoId;
    String s = start.toString();
    String e = end.toString();
    Operation op = Operation.read("metrics");
    ResultTable totals =
        runtime.call(
            op,
            () ->
                analyticsApi.report(
                    ids,
                    s,
                    e,
                    "views,estimatedMinutesWatched,averageViewDuration,likes,comments,shares",
                    null,
                    filter,
                    null));
    List<Map<String, Object>> rows = YouTubeMapper.reportRows(totals);
    if (!rows.isEmpty()) {
      Map<String, Object> row = rows.get(0);
      row.forEach((k, v) -> b.raw("analytics." + k, v));
      Object shares = row.get("shares");
      if (shares instanceof Number n) {
        b.put(EngagementMetrics.Metric.SHARES, n.longValue());
      }
    }
    ResultTable demo =
        runtime.call(
            op,
            () ->
                analyticsApi.report(
                    ids, s, e, "viewerPercentage", "ageGroup,gender", filter, null));
    b.raw("analytics.demographics", YouTubeMapper.reportRows(demo));
    ResultTable countries =
        runtime.call(
            op, () -> analyticsApi.report(ids, s, e, "views", "country", filter, "-views"));
    Map<String, Object> byCountry = new LinkedHashMap<>();
    for (Map<String, Object> row : YouTubeMapper.reportRows(countries)) {
      byCountry.put(String.valueOf(row.get("country")), row.get("views"));
    }
    b.raw("analytics.country", byCountry);
  }

  /**
   * Lists a video's comments with their replies, one {@code commentThreads.list} per page of 100.
   */
  public Paginator<Comment> comments(PostRef ref) {
    return Paginator.of(
        cursor -> {
          CommentThreadList page =
              quota.call(
                  runtime,
                  "commentThreads.list",
                  Operation.read("comments"),
                  () ->
                      api.listCommentThreads(
                          "snippet,replies", ref.id(), 100, cursor, "plainText"));
          return Page.of(YouTubeMapper.threads(page), YouTubeMapper.nextPageToken(page));
        });
  }

  /** Posts a top-level comment ({@code commentThreads.insert part=snippet}). */
  public Comment comment(PostRef post, String text) {
    YouTubeDtos.CommentThread body =
        new YouTubeDtos.CommentThread(
            null,
            new YouTubeDtos.CommentThreadSnippet(
                null,
                post.id(),
                new YouTubeDtos.Comment(null, YouTubeDtos.CommentSnippet.text(null, text)),
                null),
            null);
    YouTubeDtos.CommentThread thread =
        quota.call(
            runtime,
            "commentThreads.insert",
            Operation.create("comment"),
            () -> api.insertCommentThread("snippet", body));
    List<Comment> c = thread == null ? List.of() : YouTubeMapper.thread(thread);
    if (c.isEmpty()) {
      throw new PublishOutcomeUnknownException(
          Platform.YOUTUBE,
          "comment",
          "the answer carried no comment",
          null,
          null,
          List.of(),
          thread == null ? null : thread.id());
    }
    return c.get(0);
  }

  /** Replies to a comment ({@code comments.insert part=snippet} with {@code parentId}). */
  public Comment reply(CommentRef comment, String text) {
    YouTubeDtos.Comment body =
        new YouTubeDtos.Comment(null, YouTubeDtos.CommentSnippet.text(comment.id(), text));
    YouTubeDtos.Comment created =
        quota.call(
            runtime,
            "comments.insert",
            Operation.create("reply"),
            () -> api.insertComment("snippet", body));
    return YouTubeMapper.comment(created);
  }

  /** HIDE = {@code heldForReview}, UNHIDE = {@code published}, DELETE = {@code comments.delete}. */
  public void moderate(CommentRef comment, ModerationAction action) {
    switch (action) {
      case HIDE -> setModerationStatus(comment, YouTubeModerationStatus.HELD_FOR_REVIEW, false);
      case UNHIDE -> setModerationStatus(comment, YouTubeModerationStatus.PUBLISHED, false);
      default ->
          quota.call(
              runtime,
              "comments.delete",
              Operation.write("moderate delete"),
              () -> api.deleteComment(comment.id()));
    }
  }

  /** Sets a checked moderation status ({@code comments.setModerationStatus}). */
  public void setModerationStatus(
      CommentRef comment, YouTubeModerationStatus status, boolean banAuthor) {
    quota.call(
        runtime,
        "comments.setModerationStatus",
        Operation.write("moderate"),
        () ->
            api.setModerationStatus(
                comment.id(), status.wireValue(), banAuthor ? Boolean.TRUE : null));
  }
}
