package io.smo.youtube;

import io.smo.core.AudienceDimension;
import io.smo.core.Capabilities;
import io.smo.core.Feature;
import io.smo.core.MediaKind;
import io.smo.core.MediaRule;
import io.smo.core.Platform;
import io.smo.core.SchedulingWindow;
import io.smo.core.SmoPublicApi;
import io.smo.core.Visibility;
import io.smo.core.media.MediaFormat;
import io.smo.core.text.TextCounting;
import io.smo.core.text.TextLimit;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

/**
 * What YouTube accepts through the Data API v3, for offline validation:
 *
 * <ul>
 *   <li>one video per post (MP4 or MOV detected from content), at most 256 GB; no images, no
 *       text-only posts (there is no community-post API);
 *   <li>the post text is the description: at most 5,000 UTF-8 <b>bytes</b> ({@link
 *       TextCounting#UTF8_BYTES}); the title ({@code options.youtube.title}) at most 100
 *       characters;
 *   <li>visibility {@code PUBLIC}, {@code UNLISTED} or {@code PRIVATE} ({@code
 *       status.privacyStatus}); no targeting dimension (region restrictions are read-only);
 *   <li>native scheduling ({@code privacyStatus=private} + {@code publishAt}); YouTube documents no
 *       window, so this takes at least 1 minute ahead and at most 10 years (an SDK choice);
 *   <li>delete, metrics, comments, replies, hide (held for review), delete comments.
 * </ul>
 *
 * Sources: https://developers.google.com/youtube/v3/docs/videos/insert and
 * https://developers.google.com/youtube/v3/docs/videos#resource.
 */
@SmoPublicApi
public final class YouTubeCapabilities {
  /** The largest upload, 256 GB, in bytes. */
  public static final long MAX_VIDEO_BYTES = 256L * 1024 * 1024 * 1024;

  /** The description limit in UTF-8 bytes. */
  public static final int MAX_DESCRIPTION_BYTES = 5000;

  /** The title limit in characters (code points). */
  public static final int MAX_TITLE_CHARS = 100;

  /** The total tags limit in characters. */
  public static final int MAX_TAGS_CHARS = 500;

  /** The custom thumbnail limit in bytes (2 MB, the stricter of the two documented values). */
  public static final long MAX_THUMBNAIL_BYTES = 2L * 1024 * 1024;

  private static final Capabilities CAPABILITIES =
      Capabilities.builder(Platform.YOUTUBE)
          .textLimit(TextLimit.of("text", MAX_DESCRIPTION_BYTES, TextCounting.UTF8_BYTES))
          .fieldLimit(
              TextLimit.of("options.youtube.title", MAX_TITLE_CHARS, TextCounting.CODE_POINTS))
          .fieldLimit(
              TextLimit.of("options.youtube.tags", MAX_TAGS_CHARS, TextCounting.CODE_POINTS))
          .mediaRequired(true)
          .maxMediaItems(1)
          .mediaRule(
              MediaRule.builder(MediaKind.VIDEO)
                  .formats(MediaFormat.MP4, MediaFormat.MOV)
                  .maxCount(1)
                  .maxBytes(MAX_VIDEO_BYTES)
                  .build())
          .audienceDimensions(EnumSet.of(AudienceDimension.VISIBILITY))
          .visibilities(EnumSet.of(Visibility.PUBLIC, Visibility.UNLISTED, Visibility.PRIVATE))
          .nativeScheduling(SchedulingWindow.of(Duration.ofMinutes(1), Duration.ofDays(3650)))
          .features(
              EnumSet.of(
                  Feature.DELETE,
                  Feature.METRICS,
                  Feature.COMMENTS,
                  Feature.REPLY,
                  Feature.HIDE_COMMENTS,
                  Feature.DELETE_COMMENTS,
                  Feature.FIRST_COMMENT,
                  Feature.ACCOUNT_INFO,
                  Feature.COMMENT_STREAM))
          .metricNames(
              List.of(
                  "viewCount",
                  "likeCount",
                  "commentCount",
                  "favoriteCount",
                  "views",
                  "estimatedMinutesWatched",
                  "averageViewDuration",
                  "likes",
                  "comments",
                  "shares",
                  "viewerPercentage"))
          .build();

  private YouTubeCapabilities() {}

  /** Returns YouTube's capabilities. */
  public static Capabilities get() {
    return CAPABILITIES;
  }
}
