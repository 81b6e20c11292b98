package io.smo.facebook.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.PermissionException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.pagination.Paginator;
import io.smo.facebook.FacebookCapabilities;
import io.smo.facebook.FacebookRateBucket;
import io.smo.metagraph.spi.GraphHttp;
import io.smo.metagraph.spi.GraphPaging;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A Page's engagement: post metrics (one request, field expansion), comments with their authors,
 * replies, comments, moderation and the Page's figures. References are checked by the caller.
 * Thread-safe.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/reference/post">Page post</a>
 * @see <a
 *     href="https://developers.facebook.com/docs/graph-api/reference/object/comments">Comments</a>
 */
@SmoInternalApi
public final class FacebookEngagement {
  private static final Operation METRICS = Operation.read("metrics", FacebookRateBucket.READS);
  private static final Operation ACCOUNT = Operation.read("account info", FacebookRateBucket.READS);
  private static final Operation COMMENTS = Operation.read("comments", FacebookRateBucket.READS);
  private static final Operation COMMENT = Operation.create("comment", FacebookRateBucket.COMMENTS);
  private static final Operation MODERATE =
      Operation.write("moderate", FacebookRateBucket.COMMENTS);

  private final ApiRuntime runtime;
  private final GraphHttp http;
  private final FacebookApi api;
  private final String versionPath;
  private final Supplier<String> page;

  /**
   * Creates the engagement side of one Page.
   *
   * @param runtime the client's runtime
   * @param http the Graph helper over it
   * @param api the Facebook Graph service over the same runtime
   * @param page the Page id (asked on each call, so it may be learned on first use)
   */
  public FacebookEngagement(
      ApiRuntime runtime, GraphHttp http, FacebookApi api, Supplier<String> page) {
    this.runtime = runtime;
    this.http = http;
    this.api = api;
    this.versionPath = http.version().path();
    this.page = page;
  }

  /**
   * Reads the Page's figures: {@code GET
   * /{page-id}?fields=id,name,username,followers_count,fan_count}. Followers are {@code
   * followers_count}; {@code fan_count} (people who like the Page) is in {@link
   * io.smo.core.AccountInfo#raw()}. Pages report no following or post count.
   */
  public io.smo.core.AccountInfo accountInfo() {
    String pageId = page.get();
    JsonNode node =
        http.call(ACCOUNT, () -> api.node(versionPath, pageId, FacebookApi.PAGE_FIELDS));
    return io.smo.core.AccountInfo.builder(Platform.FACEBOOK, node.path("id").asText(pageId))
        .name(node.path("name").asText(null))
        .handle(node.path("username").asText(null))
        .followers(node.hasNonNull("followers_count") ? node.get("followers_count").asLong() : null)
        .raw(
            "followers_count",
            node.hasNonNull("followers_count") ? node.get("followers_count").asLong() : null)
        .raw("fan_count", node.hasNonNull("fan_count") ? node.get("fan_count").asLong() : null)
        .retrievedAt(runtime.clock().instant())
        .build();
  }

  /**
   * Reads a post's engagement in one request (Graph field expansion): {@code GET
   * /{post-id}?fields=shares,reactions.summary(total_count).limit(0),
   * comments.summary(total_count).limit(0),insights.metric(...).period(lifetime)} gives reactions,
   * comments and shares from the edge summaries and the post insights ({@link
   * FacebookCapabilities#INSIGHT_METRICS}) in one answer. When insights are refused (Pages under
   * 100 likes, no {@code read_insights}) Graph fails the whole request: the edge summaries are then
   * read alone and returned with raw {@code insights_error} (two requests). An answer without
   * {@code insights} at all costs one more read of the insights edge, to learn why.
   */
  public EngagementMetrics metrics(PostRef ref) {
    EngagementMetrics.Builder b = FacebookMapper.metrics(ref, runtime.clock().instant());
    JsonNode post;
    try {
      post = http.call(METRICS, () -> api.node(versionPath, ref.id(), FacebookApi.POST_METRICS));
    } catch (PermissionException | InvalidRequestException e) {
      post = http.call(METRICS, () -> api.node(versionPath, ref.id(), FacebookApi.POST_EDGES));
      FacebookMapper.edges(post, b);
      b.raw("insights_error", e.details().summary());
      return b.build();
    }
    FacebookMapper.edges(post, b);
    JsonNode ins = post.get("insights");
    if (ins != null && ins.isObject()) {
      FacebookMapper.insights(ins, b);
      return b.build();
    }
    try {
      FacebookMapper.insights(
          http.call(
              METRICS,
              () -> api.insights(versionPath, ref.id(), FacebookApi.INSIGHT_METRICS, "lifetime")),
          b);
    } catch (PermissionException | InvalidRequestException e) {
      b.raw("insights_error", e.details().summary());
    }
    return b.build();
  }

  /**
   * Lists a post's comments, oldest first, with {@code filter=stream} so that ranking hides none,
   * each with its author ({@code from{id,name}}) in the same answer: one request per page of 50.
   * Pages follow {@code paging.next} and stop on a repeated one.
   */
  public Paginator<Comment> comments(PostRef ref) {
    return GraphPaging.paginator(
        cursor ->
            cursor == null
                ? http.call(
                    COMMENTS,
                    () ->
                        api.comments(
                            versionPath,
                            ref.id(),
                            FacebookApi.COMMENT_FIELDS,
                            "stream",
                            "chronological",
                            50,
                            null))
                : http.call(
                    COMMENTS, () -> api.next(GraphPaging.rebase(cursor, runtime.baseUrl()))),
        FacebookMapper::comment);
  }

  /** Replies to a comment as the Page ({@code POST /{comment-id}/comments}). */
  public Comment reply(CommentRef comment, String text) {
    JsonNode r = http.post(COMMENT, comment.id() + "/comments", Map.of("message", text));
    return Comment.builder(CommentRef.of(Platform.FACEBOOK, FacebookPublisher.id(r, "id", COMMENT)))
        .text(text)
        .authorId(page.get())
        .parentId(comment.id())
        .createdAt(runtime.clock().instant())
        .build();
  }

  /** Comments on a post as the Page ({@code POST /{post-id}/comments}). */
  public Comment comment(PostRef post, String text) {
    JsonNode r = http.post(COMMENT, post.id() + "/comments", Map.of("message", text));
    return Comment.builder(CommentRef.of(Platform.FACEBOOK, FacebookPublisher.id(r, "id", COMMENT)))
        .text(text)
        .authorId(page.get())
        .createdAt(runtime.clock().instant())
        .build();
  }

  /**
   * Hides or unhides a comment ({@code POST /{comment-id}} with {@code is_hidden}) or deletes it
   * ({@code DELETE /{comment-id}}).
   */
  public void moderate(CommentRef comment, ModerationAction action) {
    switch (requireNonNull(action, "action == null")) {
      case HIDE -> http.post(MODERATE, comment.id(), Map.of("is_hidden", "true"));
      case UNHIDE -> http.post(MODERATE, comment.id(), Map.of("is_hidden", "false"));
      default -> http.delete(MODERATE, comment.id());
    }
  }

  /**
   * The Page's own published posts created at or after {@code since}, newest first, at most 100:
   * {@code GET /{page-id}/published_posts?fields=id,message,created_time,permalink_url&limit=100}
   * (Graph Page reference; Reels are not listed there), for {@link io.smo.core.Reconciler} to match
   * an unknown outcome by text and time.
   */
  public java.util.List<io.smo.core.AccountPost> recentPosts(java.time.Instant since) {
    requireNonNull(since, "since == null");
    String pageId = page.get();
    JsonNode list =
        http.get(
            ACCOUNT,
            pageId + "/published_posts",
            Map.of("fields", "id,message,created_time,permalink_url", "limit", "100"));
    java.util.List<io.smo.core.AccountPost> out = new java.util.ArrayList<>();
    for (JsonNode n : list.path("data")) {
      java.time.Instant at =
          io.smo.metagraph.spi.GraphTime.parse(n.path("created_time").asText(null));
      if (at != null && !at.isBefore(since) && n.hasNonNull("id")) {
        io.smo.core.PublishedPost.Builder pb =
            io.smo.core.PublishedPost.builder(PostRef.of(Platform.FACEBOOK, n.get("id").asText()));
        if (n.hasNonNull("permalink_url")) {
          pb.url(java.net.URI.create(n.get("permalink_url").asText()));
        }
        out.add(new io.smo.core.AccountPost(pb.build(), n.path("message").asText(""), at));
      }
    }
    return out;
  }
}
