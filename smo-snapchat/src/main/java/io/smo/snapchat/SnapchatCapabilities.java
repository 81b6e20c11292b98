package io.smo.snapchat;

import io.smo.core.AudienceDimension;
import io.smo.core.Capabilities;
import io.smo.core.Feature;
import io.smo.core.MediaKind;
import io.smo.core.MediaRule;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.media.MediaFormat;
import io.smo.core.text.TextCounting;
import io.smo.core.text.TextLimit;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

/**
 * What Snapchat accepts, for offline validation.
 *
 * <ul>
 *   <li>Exactly one media item per post (image or video); no text-only posts, no carousels.
 *   <li>Image: JPEG or PNG, at most 20 MB. Video: MP4, at most 500 MB, 5 to 60 seconds. These
 *       organic limits come from third parties (getlate, ayrshare, dashsocial), not from Snap:
 *       UNCONFIRMED. Where they disagree the stricter value is taken (500 MB, not 1 GB; MP4 only,
 *       although the Marketing API also takes MOV; 5–60 s, although Top Snap ads run 3–180 s,
 *       https://developers.snap.com/api/marketing-api/Ads-API/media).
 *   <li>Text: the Spotlight description, at most 160 characters including hashtags (counted as code
 *       points; UNCONFIRMED). Stories and Saved Stories take no caption.
 *   <li>Saved Story title ≤ 45 ({@code options.snapchat.title}); ad headline ≤ 34 and brand name ≤
 *       32 ({@code options.snapchat.ads.*}), creative name ≤ 375
 *       (https://developers.snap.com/api/marketing-api/Ads-API/creatives).
 *   <li>Audience: countries, regions ({@code "cc:regionId"} or a bare region id with one country),
 *       languages, age range, genders and interests (Snap category ids such as {@code SLC_7}) —
 *       honoured only for promoted posts ({@link SnapchatOptions#ads()}); see
 *       https://developers.snap.com/api/marketing-api/Ads-API/targeting. Cities, visibility other
 *       than public and reply policies are not supported.
 *   <li>Features: metrics (Marketing API stats; Public Profile insights, UNCONFIRMED path) and
 *       delete (promoted posts only: {@code DELETE /v1/ads/{id}}; deleting organic posts is not
 *       documented). No comments API, no native scheduling (UNCONFIRMED negatives).
 * </ul>
 */
@SmoPublicApi
public final class SnapchatCapabilities {
  /** Largest image, in bytes (20 MB, third-party figure). */
  public static final long MAX_IMAGE_BYTES = 20L * 1024 * 1024;

  /** Largest video, in bytes (500 MB: the stricter of 500 MB and 1 GB). */
  public static final long MAX_VIDEO_BYTES = 500L * 1024 * 1024;

  /** Spotlight description limit. */
  public static final int SPOTLIGHT_DESCRIPTION_MAX = 160;

  /** Saved Story title limit. */
  public static final int SAVED_STORY_TITLE_MAX = 45;

  /** Creative headline limit. */
  public static final int HEADLINE_MAX = 34;

  /** Creative brand name limit. */
  public static final int BRAND_NAME_MAX = 32;

  /** Creative / entity name limit. */
  public static final int NAME_MAX = 375;

  /** Size above which uploads use the multipart (chunked) protocol, and the part size: 32 MB. */
  public static final long PART_BYTES = 32L * 1024 * 1024;

  private static final Capabilities CAPS =
      Capabilities.builder(Platform.SNAPCHAT)
          .textLimit(TextLimit.of("text", SPOTLIGHT_DESCRIPTION_MAX, TextCounting.CODE_POINTS))
          .fieldLimit(
              TextLimit.of(
                  "options.snapchat.title", SAVED_STORY_TITLE_MAX, TextCounting.CODE_POINTS))
          .fieldLimit(
              TextLimit.of("options.snapchat.ads.headline", HEADLINE_MAX, TextCounting.CODE_POINTS))
          .fieldLimit(
              TextLimit.of(
                  "options.snapchat.ads.brandName", BRAND_NAME_MAX, TextCounting.CODE_POINTS))
          .fieldLimit(TextLimit.of("options.snapchat.ads.name", NAME_MAX, TextCounting.CODE_POINTS))
          .mediaRequired(true)
          .maxMediaItems(1)
          .mixedMediaKinds(false)
          .mediaRule(
              MediaRule.builder(MediaKind.IMAGE)
                  .formats(MediaFormat.JPEG, MediaFormat.PNG)
                  .maxBytes(MAX_IMAGE_BYTES)
                  .build())
          .mediaRule(
              MediaRule.builder(MediaKind.VIDEO)
                  .formats(MediaFormat.MP4)
                  .maxBytes(MAX_VIDEO_BYTES)
                  .duration(Duration.ofSeconds(5), Duration.ofSeconds(60))
                  .build())
          .audienceDimensions(
              EnumSet.of(
                  AudienceDimension.COUNTRIES,
                  AudienceDimension.REGIONS,
                  AudienceDimension.LANGUAGES,
                  AudienceDimension.AGE_RANGE,
                  AudienceDimension.GENDERS,
                  AudienceDimension.INTERESTS))
          .features(EnumSet.of(Feature.METRICS, Feature.DELETE))
          .metricNames(
              List.of(
                  "impressions",
                  "swipes",
                  "spend",
                  "video_views",
                  "screen_time_millis",
                  "view_completion",
                  "views",
                  "viewers",
                  "shares"))
          .build();

  private SnapchatCapabilities() {}

  /** Returns Snapchat's capabilities. */
  public static Capabilities get() {
    return CAPS;
  }
}
