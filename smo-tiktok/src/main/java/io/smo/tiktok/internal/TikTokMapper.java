package io.smo.tiktok.internal;

import io.smo.core.AccountInfo;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.EngagementMetrics.Metric;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.core.Visibility;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxComment;
import io.smo.core.upload.spi.ProcessingStatus;
import io.smo.tiktok.CreatorInfo;
import io.smo.tiktok.TikTokOptions;
import io.smo.tiktok.TikTokOptions.PrivacyLevel;
import io.smo.tiktok.internal.TikTokDtos.BusinessComment;
import io.smo.tiktok.internal.TikTokDtos.CreatorInfoData;
import io.smo.tiktok.internal.TikTokDtos.PostInfo;
import io.smo.tiktok.internal.TikTokDtos.StatusData;
import io.smo.tiktok.internal.TikTokDtos.User;
import io.smo.tiktok.internal.TikTokDtos.Video;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps TikTok's DTOs to the SDK model and the SDK's options to TikTok's {@code post_info}.
 *
 * @see <a
 *     href="https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status">Get
 *     Post Status</a>
 * @see <a href="https://developers.tiktok.com/doc/tiktok-api-v2-video-object">Video object</a>
 */
@SmoInternalApi
public final class TikTokMapper {
  private static final Platform P = Platform.TIKTOK;

  private TikTokMapper() {}

  /** Maps {@code creator_info} data; unknown privacy values are dropped, absent flags are false. */
  public static CreatorInfo creatorInfo(CreatorInfoData d) {
    if (d == null) {
      return new CreatorInfo(null, null, null, List.of(), false, false, false, null);
    }
    List<PrivacyLevel> levels = new ArrayList<>();
    if (d.privacyLevelOptions() != null) {
      for (String s : d.privacyLevelOptions()) {
        try {
          levels.add(PrivacyLevel.valueOf(s));
        } catch (IllegalArgumentException | NullPointerException ignored) {
          // a level this SDK does not know cannot be chosen through it
        }
      }
    }
    return new CreatorInfo(
        d.creatorUsername(),
        d.creatorNickname(),
        d.creatorAvatarUrl(),
        levels,
        Boolean.TRUE.equals(d.commentDisabled()),
        Boolean.TRUE.equals(d.duetDisabled()),
        Boolean.TRUE.equals(d.stitchDisabled()),
        d.maxVideoPostDurationSec() == null
            ? null
            : Duration.ofSeconds(d.maxVideoPostDurationSec()));
  }

  /** Returns the TikTok privacy level matching a core visibility, if one does. */
  public static Optional<PrivacyLevel> privacyFor(Visibility v) {
    return switch (v) {
      case PUBLIC -> Optional.of(PrivacyLevel.PUBLIC_TO_EVERYONE);
      case FOLLOWERS -> Optional.of(PrivacyLevel.FOLLOWER_OF_CREATOR);
      case MUTUAL_FOLLOWERS -> Optional.of(PrivacyLevel.MUTUAL_FOLLOW_FRIENDS);
      case PRIVATE -> Optional.of(PrivacyLevel.SELF_ONLY);
      default -> Optional.empty();
    };
  }

  private static boolean flag(Optional<Boolean> chosen, boolean creatorDisabled) {
    return chosen.orElse(creatorDisabled) || creatorDisabled;
  }

  /**
   * Builds the {@code post_info} of a direct video post; unset switches follow the creator's
   * settings.
   */
  public static PostInfo videoPostInfo(String caption, TikTokOptions o, CreatorInfo c) {
    return new PostInfo(
        caption,
        null,
        o.privacyLevel().map(Enum::name).orElse(null),
        flag(o.disableDuet(), c != null && c.duetDisabled()),
        flag(o.disableComment(), c != null && c.commentDisabled()),
        flag(o.disableStitch(), c != null && c.stitchDisabled()),
        o.videoCoverTimestampMs().isPresent() ? o.videoCoverTimestampMs().getAsLong() : null,
        o.brandContent() ? Boolean.TRUE : null,
        o.brandOrganic() ? Boolean.TRUE : null,
        o.aiGenerated() ? Boolean.TRUE : null,
        null);
  }

  /**
   * Builds the {@code post_info} of a photo post: title from the options, description from the post
   * text; privacy and switches only for direct posts ({@code c} non-null).
   */
  public static PostInfo photoPostInfo(String text, TikTokOptions o, CreatorInfo c) {
    boolean direct = c != null;
    return new PostInfo(
        o.photoTitle().orElse(null),
        text.isEmpty() ? null : text,
        direct ? o.privacyLevel().map(Enum::name).orElse(null) : null,
        null,
        direct ? flag(o.disableComment(), c.commentDisabled()) : null,
        null,
        null,
        o.brandContent() ? Boolean.TRUE : null,
        o.brandOrganic() ? Boolean.TRUE : null,
        o.aiGenerated() ? Boolean.TRUE : null,
        o.autoAddMusic() ? Boolean.TRUE : null);
  }

  /** Returns the first public post id of a status, if TikTok gave one. */
  public static Optional<String> postId(StatusData s) {
    if (s == null || s.publicalyAvailablePostId() == null) {
      return Optional.empty();
    }
    return s.publicalyAvailablePostId().stream()
        .filter(id -> id != null && !id.isBlank())
        .findFirst();
  }

  /**
   * Maps a status to the poller's view: {@code PUBLISH_COMPLETE} and {@code SEND_TO_USER_INBOX}
   * succeed, {@code FAILED} fails with {@code fail_reason}, anything else is pending with the
   * upload or download percent.
   */
  public static ProcessingStatus<StatusData> processing(StatusData s, long totalBytes) {
    String state = s == null || s.status() == null ? "UNKNOWN" : s.status();
    return switch (state) {
      case "PUBLISH_COMPLETE", "SEND_TO_USER_INBOX" -> ProcessingStatus.succeeded(state, s);
      case "FAILED" -> ProcessingStatus.failed(state, s.failReason());
      default -> {
        Integer pct = null;
        if (s != null
            && totalBytes > 0
            && s.uploadedBytes() != null
            && state.equals("PROCESSING_UPLOAD")) {
          pct = (int) Math.min(99, s.uploadedBytes() * 100 / totalBytes);
        }
        yield ProcessingStatus.pending(state, pct, null);
      }
    };
  }

  /**
   * Builds the published post: the public post id when TikTok gave one (with the {@code publishId}
   * attribute), else the publish id with {@code postIdPending=true}.
   */
  public static PublishedPost published(
      String publishId, StatusData s, CreatorInfo creator, Instant now) {
    Optional<String> postId = postId(s);
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("publishId", publishId);
    if (postId.isEmpty()) {
      attrs.put("postIdPending", "true");
    }
    if (s != null && s.status() != null) {
      attrs.put("status", s.status());
    }
    PublishedPost.Builder b =
        PublishedPost.builder(PostRef.of(P, postId.orElse(publishId), attrs)).publishedAt(now);
    if (postId.isPresent() && creator != null && creator.username() != null) {
      b.url(URI.create("https://www.tiktok.com/@" + creator.username() + "/video/" + postId.get()));
    }
    return b.build();
  }

  /**
   * Maps {@code user/info} to the account's figures: id {@code open_id}, handle {@code username},
   * name {@code display_name}, followers, following and posts; the four counts are also kept raw
   * under TikTok's names (absent without scope {@code user.info.stats}).
   */
  public static AccountInfo accountInfo(User u, Instant now) {
    User user = u != null ? u : new User(null, null, null, null, null, null, null, null, null);
    AccountInfo.Builder b =
        AccountInfo.builder(P, user.openId() == null ? "" : user.openId())
            .handle(user.username())
            .name(user.displayName())
            .followers(user.followerCount())
            .following(user.followingCount())
            .postCount(user.videoCount())
            .retrievedAt(now);
    b.raw("follower_count", user.followerCount());
    b.raw("following_count", user.followingCount());
    b.raw("likes_count", user.likesCount());
    b.raw("video_count", user.videoCount());
    return b.build();
  }

  /** Maps a Display API video to metrics: views, likes, comments, shares; raw figures kept. */
  public static EngagementMetrics metrics(PostRef ref, Video v, Instant now) {
    EngagementMetrics.Builder b =
        EngagementMetrics.builder(ref)
            .retrievedAt(now)
            .put(Metric.VIEWS, v.viewCount())
            .put(Metric.LIKES, v.likeCount())
            .put(Metric.COMMENTS, v.commentCount())
            .put(Metric.SHARES, v.shareCount());
    if (v.viewCount() != null) {
      b.raw("view_count", v.viewCount());
    }
    if (v.likeCount() != null) {
      b.raw("like_count", v.likeCount());
    }
    if (v.commentCount() != null) {
      b.raw("comment_count", v.commentCount());
    }
    if (v.shareCount() != null) {
      b.raw("share_count", v.shareCount());
    }
    return b.build();
  }

  // ------------------------------------------------------------ TikTok API for Business comments

  /** Separator of the video id and the comment id in a Business comment's {@link CommentRef}. */
  public static final char COMMENT_REF_SEPARATOR = '_';

  /**
   * Returns the SDK ref of a Business API comment: {@code <video_id>_<comment_id>}, because every
   * call on a comment (reply, hide) needs its video too.
   */
  public static CommentRef commentRef(String videoId, String commentId) {
    return CommentRef.of(P, videoId + COMMENT_REF_SEPARATOR + commentId);
  }

  /**
   * Splits a Business comment ref into {@code [videoId, commentId]}, or returns {@code null} when
   * the ref has no video id (a bare comment id).
   */
  public static String[] splitCommentRef(CommentRef ref) {
    String id = ref.id();
    int i = id.indexOf(COMMENT_REF_SEPARATOR);
    if (i <= 0 || i == id.length() - 1) {
      return null;
    }
    String video = id.substring(0, i);
    String comment = id.substring(i + 1);
    return isTikTokId(video) && isTikTokId(comment) ? new String[] {video, comment} : null;
  }

  /** Returns whether {@code s} is a TikTok numeric id: ASCII digits only, at most 32 of them. */
  public static boolean isTikTokId(String s) {
    if (s == null || s.isEmpty() || s.length() > 32) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Maps a Business API comment or reply. A missing author keeps the comment with no author; a
   * missing time leaves it absent (the inbox mapper then uses the read time and says so).
   *
   * @param c the comment
   * @param videoId the video the comment was listed under (used when the answer names none)
   * @return the comment, or {@code null} when it has no id (nothing to answer or moderate)
   */
  public static Comment businessComment(BusinessComment c, String videoId) {
    if (c == null || c.commentId() == null || c.commentId().isBlank()) {
      return null;
    }
    String video = c.videoId() != null && !c.videoId().isBlank() ? c.videoId() : videoId;
    String author =
        c.uniqueIdentifier() != null && !c.uniqueIdentifier().isBlank()
            ? c.uniqueIdentifier()
            : c.userId();
    Comment.Builder b =
        Comment.builder(commentRef(video, c.commentId()))
            .text(c.text() == null ? "" : c.text())
            .hidden("HIDDEN".equals(c.status()));
    if (author != null && !author.isBlank()) {
      b.authorId(author);
    }
    String name = c.username() != null && !c.username().isBlank() ? c.username() : c.displayName();
    if (name != null && !name.isBlank()) {
      b.authorName(name);
    }
    if (c.createTime() != null && c.createTime() > 0) {
      b.createdAt(Instant.ofEpochSecond(c.createTime()));
    }
    if (c.parentCommentId() != null && !c.parentCommentId().isBlank()) {
      b.parentId(video + COMMENT_REF_SEPARATOR + c.parentCommentId());
    }
    if (c.likes() != null) {
      b.likeCount(c.likes());
    }
    if (c.replies() != null) {
      b.replyCount(c.replies());
    }
    return b.build();
  }

  /**
   * Maps one listed top-level comment and the replies known for it to inbox comments: the owner's
   * own comments are {@link Direction#OUTBOUND}, an inbound comment is answered when the owner
   * replied after it; what could not be mapped is said in {@link InboxComment#dropped()}.
   *
   * @param top the top-level comment
   * @param replies its replies (from {@code reply_list} or {@code reply/list})
   * @param account the client's account key
   * @param videoId the video listed
   * @param now the read time, used when a comment has no time
   */
  public static List<InboxComment> inboxComments(
      BusinessComment top,
      List<BusinessComment> replies,
      String account,
      String videoId,
      Instant now) {
    List<InboxComment> out = new ArrayList<>();
    Comment parent = businessComment(top, videoId);
    if (parent == null) {
      return out;
    }
    PostRef post = PostRef.of(P, videoId);
    List<BusinessComment> thread = new ArrayList<>();
    thread.add(top);
    if (replies != null) {
      thread.addAll(replies);
    }
    // the owner's replies in the thread: a comment is answered when one came after it (TikTok
    // threads are one level deep, so a reply to a reply is a reply in the thread)
    List<Instant> ownerReplies = new ArrayList<>();
    for (BusinessComment r : thread.subList(1, thread.size())) {
      if (r != null && Boolean.TRUE.equals(r.owner())) {
        ownerReplies.add(
            r.createTime() == null ? Instant.MAX : Instant.ofEpochSecond(r.createTime()));
      }
    }
    for (BusinessComment raw : thread) {
      Comment c = businessComment(raw, videoId);
      if (c == null) {
        continue;
      }
      boolean own = Boolean.TRUE.equals(raw.owner());
      // a comment the owner hid is Comment.hidden(), not held for review: no moderation status
      InboxComment.Builder b =
          InboxComment.builder(account, post, c)
              .direction(own ? Direction.OUTBOUND : Direction.INBOUND);
      if (c.createdAt().isEmpty()) {
        b.createdAt(now).drop("no create_time: the read time is used");
      }
      if (c.authorId().isEmpty()) {
        b.drop("no unique_identifier or user_id: the author is unknown");
      }
      Instant at = c.createdAt().orElse(now);
      b.answered(!own && ownerReplies.stream().anyMatch(r -> !r.isBefore(at)));
      out.add(b.build());
    }
    return out;
  }
}
