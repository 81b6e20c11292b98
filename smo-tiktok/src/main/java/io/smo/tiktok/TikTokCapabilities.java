package io.smo.tiktok;

import io.smo.core.AudienceDimension;
import io.smo.core.Capabilities;
import io.smo.core.Feature;
import io.smo.core.MediaKind;
import io.smo.core.MediaRule;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.Visibility;
import io.smo.core.media.MediaFormat;
import io.smo.core.text.TextCounting;
import io.smo.core.text.TextLimit;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

/**
 * What TikTok's Content Posting and Display APIs accept and offer, for offline validation.
 *
 * <ul>
 *   <li>Text: the video caption ({@code post_info.title}) or photo description, 2,200 UTF-16 units
 *       (the photo description allows 4,000; the stricter caption limit is used for both). Photo
 *       title: 90 ({@code tiktok.photoTitle}).
 *   <li>Media is required: one video (MP4 or MOV; WebM is also accepted by TikTok but has no {@code
 *       MediaFormat}), at most 4 GB (TikTok's status doc mentions 4 GB files; aggregators quote 1
 *       to 10 GB), 3 s to 10 min (the creator's own maximum from {@code creator_info} is checked
 *       before each post); or 1 to 35 photos (JPEG or WebP, no PNG, at most 20,000,000 bytes each),
 *       pulled from URLs only.
 *   <li>Audience: only the visibility ({@code privacy_level}); no geo or demographic targeting.
 *   <li>Features: metrics only. No delete, no native scheduling, no comments, replies or
 *       moderation: the Content Posting and Display APIs have none. Comments of a Business account
 *       come with {@link TikTokBusinessAccount}: {@link #withBusinessComments()}.
 * </ul>
 *
 * @see <a href="https://developers.tiktok.com/doc/content-posting-api-reference-direct-post">Direct
 *     Post</a>
 * @see <a href="https://developers.tiktok.com/doc/content-posting-api-reference-photo-post">Photo
 *     Post</a>
 * @see <a href="https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide">Media
 *     Transfer Guide</a>
 */
@SmoPublicApi
public final class TikTokCapabilities {
  /** Caption limit in UTF-16 units. */
  public static final int MAX_CAPTION = 2200;

  /** Photo title limit in UTF-16 units. */
  public static final int MAX_PHOTO_TITLE = 90;

  /** Photos per photo post. */
  public static final int MAX_PHOTOS = 35;

  /** Largest video in bytes (4 GB, decimal: the stricter reading). */
  public static final long MAX_VIDEO_BYTES = 4_000_000_000L;

  /** Largest photo in bytes (20 MB, decimal: the stricter reading). */
  public static final long MAX_PHOTO_BYTES = 20_000_000L;

  /** Metric names read from {@code /v2/video/query/}. */
  public static final List<String> METRIC_NAMES =
      List.of("view_count", "like_count", "comment_count", "share_count");

  private static final Capabilities CAPABILITIES =
      Capabilities.builder(Platform.TIKTOK)
          .textLimit(TextLimit.of("text", MAX_CAPTION, TextCounting.UTF16_UNITS))
          .fieldLimit(TextLimit.of("tiktok.photoTitle", MAX_PHOTO_TITLE, TextCounting.UTF16_UNITS))
          .mediaRequired(true)
          .maxMediaItems(MAX_PHOTOS)
          .mixedMediaKinds(false)
          .mediaRule(
              MediaRule.builder(MediaKind.VIDEO)
                  .formats(MediaFormat.MP4, MediaFormat.MOV)
                  .maxCount(1)
                  .maxBytes(MAX_VIDEO_BYTES)
                  .duration(Duration.ofSeconds(3), Duration.ofMinutes(10))
                  .build())
          .mediaRule(
              MediaRule.builder(MediaKind.IMAGE)
                  .formats(MediaFormat.JPEG, MediaFormat.WEBP)
                  .maxCount(MAX_PHOTOS)
                  .maxBytes(MAX_PHOTO_BYTES)
                  .build())
          .audienceDimensions(EnumSet.of(AudienceDimension.VISIBILITY))
          .visibilities(
              EnumSet.of(
                  Visibility.PUBLIC,
                  Visibility.FOLLOWERS,
                  Visibility.MUTUAL_FOLLOWERS,
                  Visibility.PRIVATE))
          .features(EnumSet.of(Feature.METRICS, Feature.ACCOUNT_INFO))
          .metricNames(METRIC_NAMES)
          .build();

  private static final Capabilities WITH_BUSINESS_COMMENTS =
      CAPABILITIES.toBuilder()
          .features(
              EnumSet.of(
                  Feature.METRICS,
                  Feature.ACCOUNT_INFO,
                  Feature.COMMENTS,
                  Feature.REPLY,
                  Feature.HIDE_COMMENTS,
                  Feature.DELETE_COMMENTS,
                  Feature.COMMENT_STREAM))
          .build();

  private TikTokCapabilities() {}

  /**
   * Returns TikTok's capabilities with comments of a Business account on ({@link
   * TikTokBusinessAccount}): comments, replies and comments by the account (at most {@value
   * TikTokBusinessAccount#MAX_COMMENT_TEXT} characters), hiding, deleting the account's own
   * comments, and the account-wide comment stream. Messages and mentions stay unsupported.
   */
  public static Capabilities withBusinessComments() {
    return WITH_BUSINESS_COMMENTS;
  }

  /** Returns TikTok's capabilities. */
  public static Capabilities get() {
    return CAPABILITIES;
  }
}
