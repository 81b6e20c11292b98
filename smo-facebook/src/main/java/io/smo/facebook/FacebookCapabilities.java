package io.smo.facebook;

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
 * The limits of Facebook Page posts, used offline by {@link io.smo.core.PostValidator}. Where
 * sources disagree the stricter value is taken:
 *
 * <ul>
 *   <li>message: 63,206 characters (the commonly cited figure; Meta's reference gives none),
 *       counted in UTF-16 units;
 *   <li>photos: JPEG, PNG, GIF, at most 4 MB each (Page photos reference, as cited); up to 10 per
 *       multi-photo post (the {@code attached_media} route has no documented cap; 10 is a
 *       conservative choice); photos and videos cannot be mixed;
 *   <li>video: MP4 or MOV, one per post, at most 4 GB and 240 minutes (the stricter of the figures
 *       in circulation; Meta says to read {@code VideoUploadLimits});
 *   <li>native scheduling: 10 minutes to 30 days ahead (the Pages API guide says 30 days, the feed
 *       reference 75; the stricter one is used);
 *   <li>audience: countries, regions and cities (restricting {@code targeting}), age range,
 *       genders, languages and interests (preferring {@code feed_targeting}); visibility only
 *       public.
 * </ul>
 *
 * @see <a href="https://developers.facebook.com/docs/pages-api/posts">Pages API: posts</a>
 * @see <a href="https://developers.facebook.com/docs/graph-api/reference/page/feed/">Page feed
 *     reference</a>
 */
@SmoPublicApi
public final class FacebookCapabilities {
  /** Message length limit (UTF-16 units). */
  public static final int MAX_TEXT = 63_206;

  /** Photo size limit in bytes (4 MB). */
  public static final long MAX_PHOTO_BYTES = 4L * 1024 * 1024;

  /** Video size limit in bytes (4 GB). */
  public static final long MAX_VIDEO_BYTES = 4L * 1024 * 1024 * 1024;

  /** Photos per multi-photo post. */
  public static final int MAX_PHOTOS = 10;

  /** Earliest scheduled time: 10 minutes ahead. */
  public static final Duration MIN_SCHEDULE_LEAD = Duration.ofMinutes(10);

  /** Latest scheduled time: 30 days ahead. */
  public static final Duration MAX_SCHEDULE_LEAD = Duration.ofDays(30);

  /**
   * Messenger text limit: 2,000 characters (the Send API reference figure; not in our facts file,
   * UNCONFIRMED there).
   */
  public static final int MAX_MESSAGE_TEXT = 2_000;

  /** The insight metrics read by {@code metrics()} (none deprecated since v25). */
  public static final List<String> INSIGHT_METRICS =
      List.of(
          "post_media_view",
          "post_total_media_view_unique",
          "post_clicks",
          "post_reactions_by_type_total");

  private static final Capabilities CAPS =
      Capabilities.builder(Platform.FACEBOOK)
          .textLimit(TextLimit.of("text", MAX_TEXT, TextCounting.UTF16_UNITS))
          .mediaRequired(false)
          .maxMediaItems(MAX_PHOTOS)
          .mixedMediaKinds(false)
          .mediaRule(
              MediaRule.builder(MediaKind.IMAGE)
                  .formats(MediaFormat.JPEG, MediaFormat.PNG)
                  .maxCount(MAX_PHOTOS)
                  .maxBytes(MAX_PHOTO_BYTES)
                  .build())
          .mediaRule(
              MediaRule.builder(MediaKind.GIF)
                  .formats(MediaFormat.GIF)
                  .maxCount(MAX_PHOTOS)
                  .maxBytes(MAX_PHOTO_BYTES)
                  .build())
          .mediaRule(
              MediaRule.builder(MediaKind.VIDEO)
                  .formats(MediaFormat.MP4, MediaFormat.MOV)
                  .maxCount(1)
                  .maxBytes(MAX_VIDEO_BYTES)
                  .duration(null, Duration.ofHours(4))
                  .build())
          .audienceDimensions(
              EnumSet.of(
                  AudienceDimension.COUNTRIES,
                  AudienceDimension.REGIONS,
                  AudienceDimension.CITIES,
                  AudienceDimension.AGE_RANGE,
                  AudienceDimension.GENDERS,
                  AudienceDimension.LANGUAGES,
                  AudienceDimension.INTERESTS))
          .visibilities(EnumSet.of(Visibility.PUBLIC))
          .nativeScheduling(SchedulingWindow.of(MIN_SCHEDULE_LEAD, MAX_SCHEDULE_LEAD))
          .features(
              EnumSet.of(
                  Feature.TEXT_ONLY_POSTS,
                  Feature.DELETE,
                  Feature.METRICS,
                  Feature.COMMENTS,
                  Feature.REPLY,
                  Feature.HIDE_COMMENTS,
                  Feature.DELETE_COMMENTS,
                  Feature.NATIVE_SCHEDULING,
                  Feature.FIRST_COMMENT,
                  Feature.ACCOUNT_INFO,
                  Feature.CONVERSATIONS,
                  Feature.SEND_MESSAGES,
                  Feature.PRIVATE_REPLIES,
                  Feature.MENTIONS,
                  Feature.HUMAN_AGENT_TAG))
          .metricNames(
              List.of(
                  "reactions",
                  "comments",
                  "shares",
                  "post_media_view",
                  "post_total_media_view_unique",
                  "post_clicks",
                  "post_reactions_by_type_total"))
          .build();

  private FacebookCapabilities() {}

  /** Returns the capabilities. */
  public static Capabilities get() {
    return CAPS;
  }
}
