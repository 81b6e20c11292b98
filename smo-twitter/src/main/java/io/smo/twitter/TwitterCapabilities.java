package io.smo.twitter;

import io.smo.core.AudienceDimension;
import io.smo.core.Capabilities;
import io.smo.core.Feature;
import io.smo.core.MediaKind;
import io.smo.core.MediaRule;
import io.smo.core.Platform;
import io.smo.core.ReplyPolicy;
import io.smo.core.SmoPublicApi;
import io.smo.core.media.MediaFormat;
import io.smo.core.text.TextCounting;
import io.smo.core.text.TextLimit;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * What X accepts, for offline validation:
 *
 * <ul>
 *   <li>text: 280, counted as X counts it ({@link TextCounting#X_WEIGHTED}: twitter-text v3, URLs
 *       23, emoji and CJK 2); longer text may become a thread ({@link Feature#THREADS});
 *   <li>media: up to 4 images (JPEG, PNG, WEBP; 5 MB each), or 1 GIF (15 MB), or 1 video (MP4 or
 *       MOV, 512 MB, 0.5 to 140 s, aspect ratio 1:3 to 3:1); kinds are not mixed;
 *   <li>alt text: 1,000 characters;
 *   <li>audience: only who may reply ({@code reply_settings}); no geographic or demographic
 *       targeting for organic posts, public visibility only;
 *   <li>no native scheduling through the API.
 * </ul>
 *
 * <p>Sources: <a href="https://docs.x.com/resources/fundamentals/counting-characters">counting
 * characters</a>, <a href="https://docs.x.com/x-api/media/quickstart/best-practices">media best
 * practices</a>. The video size cap is the {@code amplify_video} figure (512 MB); the OpenAPI
 * schema allows far more, the stricter documented value is used.
 */
@SmoPublicApi
public final class TwitterCapabilities {
  /** Maximum weighted length of a post. */
  public static final int MAX_WEIGHTED_LENGTH = 280;

  /** Maximum alt text length, in characters. */
  public static final int MAX_ALT_TEXT = 1000;

  /** Largest image, in bytes (5 MB). */
  public static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;

  /** Largest GIF, in bytes (15 MB). */
  public static final long MAX_GIF_BYTES = 15L * 1024 * 1024;

  /** Largest video, in bytes (512 MB). */
  public static final long MAX_VIDEO_BYTES = 512L * 1024 * 1024;

  /** The platform metric names {@code metrics()} reads. */
  public static final List<String> METRIC_NAMES =
      List.of(
          "impression_count",
          "like_count",
          "reply_count",
          "retweet_count",
          "repost_count",
          "quote_count",
          "bookmark_count",
          "url_link_clicks",
          "user_profile_clicks",
          "engagements");

  private static final Capabilities CAPABILITIES =
      Capabilities.builder(Platform.TWITTER)
          .textLimit(TextLimit.of("text", MAX_WEIGHTED_LENGTH, TextCounting.X_WEIGHTED))
          .fieldLimit(TextLimit.of("media.altText", MAX_ALT_TEXT, TextCounting.CODE_POINTS))
          .maxMediaItems(4)
          .mixedMediaKinds(false)
          .mediaRule(
              MediaRule.builder(MediaKind.IMAGE)
                  .formats(MediaFormat.JPEG, MediaFormat.PNG, MediaFormat.WEBP)
                  .maxCount(4)
                  .maxBytes(MAX_IMAGE_BYTES)
                  .build())
          .mediaRule(MediaRule.builder(MediaKind.GIF).maxCount(1).maxBytes(MAX_GIF_BYTES).build())
          .mediaRule(
              MediaRule.builder(MediaKind.VIDEO)
                  .formats(MediaFormat.MP4, MediaFormat.MOV)
                  .maxCount(1)
                  .maxBytes(MAX_VIDEO_BYTES)
                  .duration(Duration.ofMillis(500), Duration.ofSeconds(140))
                  .aspectRatio(1.0 / 3.0, 3.0)
                  .build())
          .audienceDimensions(
              EnumSet.of(AudienceDimension.VISIBILITY, AudienceDimension.REPLY_POLICY))
          .nativeScheduling(null)
          .features(
              EnumSet.of(
                  Feature.TEXT_ONLY_POSTS,
                  Feature.DELETE,
                  Feature.METRICS,
                  Feature.COMMENTS,
                  Feature.REPLY,
                  Feature.HIDE_COMMENTS,
                  Feature.THREADS,
                  Feature.ALT_TEXT,
                  Feature.FIRST_COMMENT,
                  Feature.ACCOUNT_INFO,
                  Feature.CONVERSATIONS,
                  Feature.SEND_MESSAGES,
                  Feature.MENTIONS))
          .metricNames(METRIC_NAMES)
          .build();

  private TwitterCapabilities() {}

  /** Returns X's capabilities. */
  public static Capabilities get() {
    return CAPABILITIES;
  }

  /**
   * Maps a platform-neutral reply policy to X {@code reply_settings}.
   *
   * @return the settings; empty for {@link ReplyPolicy#NOBODY}, which X cannot express (nobody may
   *     reply is not a {@code reply_settings} value)
   */
  public static Optional<TwitterOptions.ReplySettings> replySettings(ReplyPolicy policy) {
    return switch (policy) {
      case EVERYONE -> Optional.of(TwitterOptions.ReplySettings.EVERYONE);
      case FOLLOWING -> Optional.of(TwitterOptions.ReplySettings.FOLLOWING);
      case MENTIONED_ONLY -> Optional.of(TwitterOptions.ReplySettings.MENTIONED_USERS);
      case SUBSCRIBERS -> Optional.of(TwitterOptions.ReplySettings.SUBSCRIBERS);
      case VERIFIED -> Optional.of(TwitterOptions.ReplySettings.VERIFIED);
      default -> Optional.empty();
    };
  }

  /** Returns X's weighted length of {@code text} (twitter-text v3). */
  public static int weightedLength(String text) {
    return TextCounting.X_WEIGHTED.count(text);
  }
}
