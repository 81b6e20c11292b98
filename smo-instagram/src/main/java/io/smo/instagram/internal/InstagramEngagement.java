package io.smo.instagram.internal;

import io.smo.core.AccountInfo;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.SmoException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.pagination.Paginator;
import io.smo.instagram.ApiFlavor;
import io.smo.instagram.InstagramCapabilities;
import io.smo.instagram.InstagramRateBucket;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Metrics, comments, replies, moderation and account figures of an Instagram account, and the
 * lookup of the account id when it was not configured. Thread-safe.
 */
@SmoInternalApi
public final class InstagramEngagement {
  static final String COMMENT_FIELDS =
      "id,text,timestamp,username,from,like_count,hidden,parent_id";
  private static final String STORY_METRICS = "views,reach,shares,replies,total_interactions";
  private static final String MEDIA_FIELDS =
      "id,media_product_type,media_type,like_count,comments_count";
  private static final String EXPANDED_METRICS =
      MEDIA_FIELDS + ",insights.metric(" + String.join(",", InstagramCapabilities.METRICS) + ")";
  private static final Operation METRICS = Operation.read("metrics", InstagramRateBucket.GRAPH);

  private final ApiRuntime runtime;
  private final InstagramApi api;
  private final String version;
  private final Supplier<String> accountId;

  /**
   * Creates the engagement part of one client.
   *
   * @param runtime the runtime
   * @param api the Retrofit service
   * @param version the Graph version path
   * @param accountId supplies the IG User id
   */
  public InstagramEngagement(
      ApiRuntime runtime, InstagramApi api, String version, Supplier<String> accountId) {
    this.runtime = runtime;
    this.api = api;
    this.version = version;
    this.accountId = accountId;
  }

  /**
   * Learns the account id: with a Page ({@code flavor} Facebook Login), {@code GET
   * /{page-id}?fields=instagram_business_account}; else (Instagram Login) {@code GET
   * /me?fields=user_id,username} ({@code user_id}, else {@code id}).
   *
   * @param flavor the API flavour
   * @param facebookPageId the Page, or {@code null}
   * @throws NotFoundException if the Page has no linked Instagram account, or {@code /me} named
   *     none
   * @throws SmoException if the lookup failed
   */
  public String lookupAccountId(ApiFlavor flavor, String facebookPageId) {
    String id;
    if (facebookPageId != null) {
      InstagramDtos.PageNode page =
          runtime.call(
              Operation.read("linked instagram account", InstagramRateBucket.GRAPH),
              () -> api.page(version, facebookPageId, "instagram_business_account"));
      id =
          page == null || page.instagramBusinessAccount() == null
              ? null
              : page.instagramBusinessAccount().id();
      if (id == null || id.isBlank()) {
        throw new NotFoundException(
            ErrorDetails.builder(Platform.INSTAGRAM, "linked instagram account")
                .message(
                    "Facebook Page "
                        + facebookPageId
                        + " has no linked Instagram professional account")
                .build());
      }
      return id;
    }
    InstagramDtos.UserNode me =
        runtime.call(
            Operation.read("me", InstagramRateBucket.GRAPH),
            () -> api.user(version, "me", "user_id,username"));
    id = me == null ? null : me.userId() != null && !me.userId().isBlank() ? me.userId() : me.id();
    if (id == null || id.isBlank()) {
      throw new NotFoundException(
          ErrorDetails.builder(Platform.INSTAGRAM, "me")
              .message("GET /me named no Instagram account for this token (" + flavor + ")")
              .build());
    }
    return id;
  }

  /**
   * Reads a media's figures in one request (Graph field expansion): {@code GET
   * /{ig-media-id}?fields=id,media_product_type,media_type,like_count,comments_count,
   * insights.metric(views,reach,likes,comments,saved,shares,total_interactions)} gives the counts
   * and the insights with the current metric names of feed posts and Reels ({@link
   * InstagramCapabilities#METRICS}). When Graph refuses the insights it fails the whole request:
   * the media fields are then read alone (two requests) — for a Story, whose metrics differ ({@code
   * views,reach,shares,replies,total_interactions}), its insights are read next (three); "not
   * enough viewers" (code 10) leaves likes and comments from {@code like_count} / {@code
   * comments_count}, any other refusal is thrown. An answer without {@code insights} costs one more
   * read of the insights edge.
   *
   * @see <a
   *     href="https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights">IG
   *     Media insights</a>
   */
  public EngagementMetrics metrics(PostRef ref) {
    InstagramDtos.MediaMetrics expanded;
    try {
      expanded = runtime.call(METRICS, () -> api.mediaMetrics(version, ref.id(), EXPANDED_METRICS));
    } catch (PermissionException | InvalidRequestException refused) {
      InstagramDtos.MediaNode fields =
          runtime.call(METRICS, () -> api.media(version, ref.id(), MEDIA_FIELDS));
      if (isStory(fields)) {
        return InstagramMapper.metrics(
            ref, insights(ref, STORY_METRICS), fields, runtime.clock().instant());
      }
      if (!notEnoughViewers(refused)) {
        throw refused;
      }
      return InstagramMapper.metrics(ref, null, fields, runtime.clock().instant());
    }
    InstagramDtos.MediaNode fields = expanded == null ? null : expanded.fields();
    InstagramDtos.InsightsPage insights = expanded == null ? null : expanded.insights();
    if (insights == null) {
      insights =
          insights(
              ref,
              isStory(fields) ? STORY_METRICS : String.join(",", InstagramCapabilities.METRICS));
    }
    return InstagramMapper.metrics(ref, insights, fields, runtime.clock().instant());
  }

  /** Reads the insights edge alone; {@code null} when there are "not enough viewers" (code 10). */
  private InstagramDtos.InsightsPage insights(PostRef ref, String names) {
    try {
      return runtime.call(METRICS, () -> api.insights(version, ref.id(), names, null));
    } catch (PermissionException e) {
      if (!notEnoughViewers(e)) {
        throw e;
      }
      return null;
    }
  }

  private static boolean isStory(InstagramDtos.MediaNode fields) {
    return fields != null && "STORY".equals(fields.mediaProductType());
  }

  private static boolean notEnoughViewers(SmoException e) {
    return e instanceof PermissionException p
        && p.errorCode().filter("10"::equals).isPresent()
        && p.getMessage().toLowerCase(Locale.ROOT).contains("viewers");
  }

  /**
   * Lists top-level comments lazily ({@code GET /{ig-media-id}/comments}, {@code after} cursors).
   */
  public Paginator<Comment> comments(PostRef ref) {
    return Paginator.of(
        after ->
            InstagramMapper.comments(
                runtime.call(
                    Operation.read("comments", InstagramRateBucket.GRAPH),
                    () -> api.comments(version, ref.id(), COMMENT_FIELDS, 50, after))));
  }

  /** Replies to a top-level comment ({@code POST /{ig-comment-id}/replies}). */
  public Comment reply(CommentRef comment, String text) {
    InstagramDtos.Created body =
        runtime.call(
            Operation.create("reply", InstagramRateBucket.GRAPH),
            () -> api.reply(version, comment.id(), text));
    return created(body, text, comment.id(), "reply");
  }

  /** Comments on a media ({@code POST /{ig-media-id}/comments}). */
  public Comment comment(PostRef post, String text) {
    InstagramDtos.Created body =
        runtime.call(
            Operation.create("comment", InstagramRateBucket.GRAPH),
            () -> api.comment(version, post.id(), text));
    return created(body, text, null, "comment");
  }

  private Comment created(InstagramDtos.Created body, String text, String parent, String op) {
    String id = InstagramMapper.id(body);
    if (id == null) {
      throw new PublishOutcomeUnknownException(
          Platform.INSTAGRAM, op, "answer without a comment id", null, null, List.of(), null);
    }
    return Comment.builder(CommentRef.of(Platform.INSTAGRAM, id))
        .text(text)
        .parentId(parent)
        .createdAt(runtime.clock().instant())
        .build();
  }

  /**
   * Hides or unhides ({@code POST /{ig-comment-id}?hide=}) or deletes ({@code DELETE}) a comment.
   */
  public void moderate(CommentRef comment, ModerationAction action) {
    if (action == ModerationAction.DELETE) {
      runtime.call(
          Operation.write("delete comment", InstagramRateBucket.GRAPH),
          () -> api.delete(version, comment.id()));
    } else {
      boolean hide = action == ModerationAction.HIDE;
      runtime.call(
          Operation.write(hide ? "hide comment" : "unhide comment", InstagramRateBucket.GRAPH),
          () -> api.hide(version, comment.id(), hide));
    }
  }

  /**
   * Reads the account's figures: {@code GET /{ig-user-id}?fields=id,username,name,followers_count,
   * follows_count,media_count}. Absent fields stay absent.
   */
  public AccountInfo accountInfo() {
    String ig = accountId.get();
    InstagramDtos.UserNode u =
        runtime.call(
            Operation.read("account info", InstagramRateBucket.GRAPH),
            () ->
                api.user(
                    version, ig, "id,username,name,followers_count,follows_count,media_count"));
    return AccountInfo.builder(Platform.INSTAGRAM, u.id() != null ? u.id() : ig)
        .handle(u.username())
        .name(u.name())
        .followers(u.followersCount())
        .following(u.followsCount())
        .postCount(u.mediaCount())
        .raw("followers_count", u.followersCount())
        .raw("follows_count", u.followsCount())
        .raw("media_count", u.mediaCount())
        .retrievedAt(runtime.clock().instant())
        .build();
  }

  /**
   * The account's own media created at or after {@code since}, newest first, at most 100: {@code
   * GET /{ig-user-id}/media?fields=id,caption,timestamp,permalink&limit=100} (Stories are not
   * listed there), for {@link io.smo.core.Reconciler} to match an unknown outcome by caption and
   * time.
   */
  public java.util.List<io.smo.core.AccountPost> recentPosts(java.time.Instant since) {
    java.util.Objects.requireNonNull(since, "since == null");
    String ig = accountId.get();
    InstagramDtos.MediaPage page =
        runtime.call(
            Operation.read("recent posts", InstagramRateBucket.GRAPH),
            () -> api.ownMedia(version, ig, "id,caption,timestamp,permalink", 100));
    java.util.List<io.smo.core.AccountPost> out = new java.util.ArrayList<>();
    if (page == null || page.data() == null) {
      return out;
    }
    for (InstagramDtos.MediaNode m : page.data()) {
      java.util.Optional<java.time.Instant> at = InstagramMapper.timestamp(m.timestamp());
      if (at.isPresent() && !at.get().isBefore(since) && m.id() != null) {
        io.smo.core.PublishedPost.Builder pb =
            io.smo.core.PublishedPost.builder(PostRef.of(Platform.INSTAGRAM, m.id()));
        if (m.permalink() != null) {
          pb.url(java.net.URI.create(m.permalink()));
        }
        out.add(
            new io.smo.core.AccountPost(
                pb.build(), m.caption() == null ? "" : m.caption(), at.get()));
      }
    }
    return out;
  }
}
