package io.smo.tiktok.internal;

import io.smo.core.AccountInfo;
import io.smo.core.EngagementMetrics;
import io.smo.core.EngagementMetrics.Metric;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.core.Visibility;
import io.smo.core.upload.spi.ProcessingStatus;
import io.smo.tiktok.CreatorInfo;
import io.smo.tiktok.TikTokOptions;
import io.smo.tiktok.TikTokOptions.PrivacyLevel;
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
}
