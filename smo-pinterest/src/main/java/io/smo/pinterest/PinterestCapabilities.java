package io.smo.pinterest;

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
import java.util.Set;

/**
 * What Pinterest API v5 accepts for a Pin, known offline.
 *
 * <ul>
 *   <li>Text: the post text is the Pin {@code description}, at most {@value #DESCRIPTION_MAX}
 *       characters (OpenAPI 5.23; older pages say 500). Title {@value #TITLE_MAX}, alt text {@value
 *       #ALT_TEXT_MAX}, link {@value #LINK_MAX}. Pinterest does not say how it counts; the SDK
 *       counts UTF-16 units, the stricter reading (an emoji counts 2).
 *   <li>Media is required: one image, a carousel of {@value #CAROUSEL_MIN}–{@value #CAROUSEL_MAX}
 *       images, or one video; kinds are not mixed. Images: JPEG, PNG, WEBP, GIF by URL; files and
 *       bytes (sent as {@code image_base64}) JPEG or PNG only; at most 20 MB (third-party figure,
 *       UNCONFIRMED officially). Video: MP4/MOV/M4V, at most 2 GB, 4 s to 15 min, aspect ratio 1:2
 *       to 1.91:1 (third-party figures, UNCONFIRMED officially).
 *   <li>No audience targeting on organic Pins (a Pin is as visible as its board); PUBLIC only.
 *   <li>No native scheduling (no publish-time field in v5.23): schedule with smo-scheduler.
 *   <li>No comments API: only the {@code TOTAL_COMMENTS} count in analytics.
 *   <li>Delete, metrics ({@code /v5/pins/{id}/analytics}, 90-day window) and alt text are offered.
 * </ul>
 *
 * @see <a href="https://developers.pinterest.com/docs/api/v5/pins-create/">Create Pin</a>
 */
@SmoPublicApi
public final class PinterestCapabilities {
  /** The description (post text) limit in characters. */
  public static final int DESCRIPTION_MAX = 800;

  /** The title limit in characters. */
  public static final int TITLE_MAX = 100;

  /** The alt text limit in characters. */
  public static final int ALT_TEXT_MAX = 500;

  /** The link limit in characters. */
  public static final int LINK_MAX = 2048;

  /** The fewest images of a carousel Pin. */
  public static final int CAROUSEL_MIN = 2;

  /** The most images of a carousel Pin. */
  public static final int CAROUSEL_MAX = 5;

  /** The largest image in bytes (20 MB; third-party figure). */
  public static final long IMAGE_MAX_BYTES = 20L * 1024 * 1024;

  /** The largest video in bytes (2 GB; third-party figure). */
  public static final long VIDEO_MAX_BYTES = 2L * 1024 * 1024 * 1024;

  /** The furthest back an analytics window may start, in days before today (UTC). */
  public static final int ANALYTICS_MAX_DAYS_BACK = 90;

  /** The standard Pin analytics metric names. */
  public static final List<String> STANDARD_METRICS =
      List.of(
          "IMPRESSION",
          "OUTBOUND_CLICK",
          "PIN_CLICK",
          "SAVE",
          "SAVE_RATE",
          "TOTAL_COMMENTS",
          "TOTAL_REACTIONS",
          "USER_FOLLOW",
          "PROFILE_VISIT");

  /** The video Pin analytics metric names beyond the standard ones. */
  public static final List<String> VIDEO_METRICS =
      List.of(
          "VIDEO_MRC_VIEW",
          "VIDEO_10S_VIEW",
          "QUARTILE_95_PERCENT_VIEW",
          "VIDEO_V50_WATCH_TIME",
          "VIDEO_START",
          "VIDEO_AVG_WATCH_TIME");

  private static final Capabilities CAPABILITIES = build();

  private PinterestCapabilities() {}

  /** Returns Pinterest's capabilities. */
  public static Capabilities get() {
    return CAPABILITIES;
  }

  private static Capabilities build() {
    Set<String> metrics = new java.util.LinkedHashSet<>(STANDARD_METRICS);
    metrics.addAll(VIDEO_METRICS);
    return Capabilities.builder(Platform.PINTEREST)
        .textLimit(TextLimit.of("text", DESCRIPTION_MAX, TextCounting.UTF16_UNITS))
        .fieldLimit(TextLimit.of("options.pinterest.title", TITLE_MAX, TextCounting.UTF16_UNITS))
        .fieldLimit(
            TextLimit.of("options.pinterest.altText", ALT_TEXT_MAX, TextCounting.UTF16_UNITS))
        .fieldLimit(TextLimit.of("link", LINK_MAX, TextCounting.UTF16_UNITS))
        .mediaRequired(true)
        .maxMediaItems(CAROUSEL_MAX)
        .mixedMediaKinds(false)
        .mediaRule(
            MediaRule.builder(MediaKind.IMAGE)
                .formats(MediaFormat.JPEG, MediaFormat.PNG, MediaFormat.WEBP)
                .maxCount(CAROUSEL_MAX)
                .maxBytes(IMAGE_MAX_BYTES)
                .build())
        .mediaRule(
            MediaRule.builder(MediaKind.GIF)
                .maxCount(CAROUSEL_MAX)
                .maxBytes(IMAGE_MAX_BYTES)
                .build())
        .mediaRule(
            MediaRule.builder(MediaKind.VIDEO)
                .formats(MediaFormat.MP4, MediaFormat.MOV)
                .maxCount(1)
                .maxBytes(VIDEO_MAX_BYTES)
                .duration(Duration.ofSeconds(4), Duration.ofMinutes(15))
                .aspectRatio(0.5, 1.91)
                .build())
        .audienceDimensions(EnumSet.noneOf(io.smo.core.AudienceDimension.class))
        .visibilities(EnumSet.of(Visibility.PUBLIC))
        .nativeScheduling(null)
        .features(
            EnumSet.of(Feature.DELETE, Feature.METRICS, Feature.ALT_TEXT, Feature.ACCOUNT_INFO))
        .metricNames(metrics)
        .build();
  }
}
