package io.smo.instagram;

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
 * The exact limits of Instagram publishing, from the <a
 * href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media">IG
 * User media reference</a> and the content-publishing guide:
 *
 * <ul>
 *   <li>caption at most {@value #MAX_CAPTION} characters, counted in UTF-16 units (the stricter of
 *       the two readings of "characters"), at most {@value #MAX_HASHTAGS} hashtags and {@value
 *       #MAX_MENTIONS} @mentions;
 *   <li>media required; 1 to {@value #MAX_CAROUSEL_ITEMS} items (carousel), images and videos
 *       mixed;
 *   <li>images: JPEG only, at most 8 MB ({@value #MAX_IMAGE_BYTES} bytes); feed aspect ratio 4:5 to
 *       1.91:1 (Stories: any, 9:16 recommended);
 *   <li>Reels and feed videos: MP4 or MOV, 3 s to 15 min, at most 300 MB; Story videos 3 to 60 s,
 *       at most 100 MB;
 *   <li>at most {@value #MAX_COLLABORATORS} collaborators; alt text at most {@value #MAX_ALT_TEXT}
 *       characters;
 *   <li>no native scheduling (the guide tells apps to schedule themselves), no audience targeting,
 *       public posts only, no threads, no text-only posts;
 *   <li>deleting published media only with Facebook Login (the Graph codegen spec lists {@code
 *       DELETE /{ig-media-id}} on IGMedia, not on the Instagram-Login node).
 * </ul>
 *
 * <p>The 24-hour publishing limit (50 or 100 posts: Meta's own pages disagree) is read from {@code
 * content_publishing_limit} before every publish rather than assumed here.
 */
@SmoPublicApi
public final class InstagramCapabilities {
  /** Longest caption, in UTF-16 units. */
  public static final int MAX_CAPTION = 2200;

  /** Most hashtags in one caption. */
  public static final int MAX_HASHTAGS = 30;

  /** Most @mentions in one caption. */
  public static final int MAX_MENTIONS = 20;

  /** Most items in a carousel. */
  public static final int MAX_CAROUSEL_ITEMS = 10;

  /** Most collaborators per post. */
  public static final int MAX_COLLABORATORS = 3;

  /** Longest alt text, in characters. */
  public static final int MAX_ALT_TEXT = 1000;

  /** Largest image, in bytes (8 MiB). */
  public static final long MAX_IMAGE_BYTES = 8L * 1024 * 1024;

  /** Largest Reel or feed video, in bytes (300 MiB). */
  public static final long MAX_REEL_BYTES = 300L * 1024 * 1024;

  /** Largest Story video, in bytes (100 MiB). */
  public static final long MAX_STORY_VIDEO_BYTES = 100L * 1024 * 1024;

  /** Shortest video. */
  public static final Duration MIN_VIDEO = Duration.ofSeconds(3);

  /** Longest Reel. */
  public static final Duration MAX_REEL = Duration.ofMinutes(15);

  /** Longest Story video. */
  public static final Duration MAX_STORY_VIDEO = Duration.ofSeconds(60);

  /** Narrowest feed image (4:5). */
  public static final double MIN_FEED_ASPECT = 0.8;

  /** Widest feed image (1.91:1). */
  public static final double MAX_FEED_ASPECT = 1.91;

  /**
   * The insight metrics {@code metrics()} reads (current names, not the deprecated {@code
   * impressions} / {@code plays}).
   */
  public static final List<String> METRICS =
      List.of("views", "reach", "likes", "comments", "saved", "shares", "total_interactions");

  /**
   * Longest direct message text: 1,000 bytes of UTF-8 (Instagram messaging, {@code
   * engagement-and-measurement.md} §2.1.8).
   */
  public static final int MAX_MESSAGE_BYTES = 1000;

  private InstagramCapabilities() {}

  /**
   * Returns the capabilities for a flavour with messaging (they differ only in {@link
   * Feature#DELETE}): the inbox offers {@link Feature#CONVERSATIONS}, {@link
   * Feature#SEND_MESSAGES}, {@link Feature#PRIVATE_REPLIES}, {@link Feature#HUMAN_AGENT_TAG} and
   * {@link Feature#MENTIONS}.
   *
   * @param flavor the API flavour
   * @return the capabilities
   */
  public static Capabilities of(ApiFlavor flavor) {
    return of(flavor, true);
  }

  /**
   * Returns the capabilities for a flavour, with or without messaging (with Facebook Login,
   * messages belong to the linked Page, so a client without its Page id has none; mentions stay).
   *
   * @param flavor the API flavour
   * @param messaging whether conversations, sends and private replies are available
   * @return the capabilities
   */
  public static Capabilities of(ApiFlavor flavor, boolean messaging) {
    Set<Feature> features =
        EnumSet.of(
            Feature.METRICS,
            Feature.COMMENTS,
            Feature.REPLY,
            Feature.HIDE_COMMENTS,
            Feature.DELETE_COMMENTS,
            Feature.ALT_TEXT,
            Feature.FIRST_COMMENT,
            Feature.ACCOUNT_INFO,
            Feature.MENTIONS);
    if (messaging) {
      features.addAll(
          EnumSet.of(
              Feature.CONVERSATIONS,
              Feature.SEND_MESSAGES,
              Feature.PRIVATE_REPLIES,
              Feature.HUMAN_AGENT_TAG));
    }
    if (flavor == ApiFlavor.FACEBOOK_LOGIN) {
      features.add(Feature.DELETE);
    }
    return Capabilities.builder(Platform.INSTAGRAM)
        .textLimit(TextLimit.of("text", MAX_CAPTION, TextCounting.UTF16_UNITS))
        .fieldLimit(TextLimit.of("media.altText", MAX_ALT_TEXT, TextCounting.CODE_POINTS))
        .mediaRequired(true)
        .maxMediaItems(MAX_CAROUSEL_ITEMS)
        .mixedMediaKinds(true)
        .mediaRule(
            MediaRule.builder(MediaKind.IMAGE)
                .formats(MediaFormat.JPEG)
                .maxCount(MAX_CAROUSEL_ITEMS)
                .maxBytes(MAX_IMAGE_BYTES)
                .build())
        .mediaRule(
            MediaRule.builder(MediaKind.VIDEO)
                .formats(MediaFormat.MP4, MediaFormat.MOV)
                .maxCount(MAX_CAROUSEL_ITEMS)
                .maxBytes(MAX_REEL_BYTES)
                .duration(MIN_VIDEO, MAX_REEL)
                .build())
        .visibilities(EnumSet.of(Visibility.PUBLIC))
        .features(features)
        .metricNames(METRICS)
        .build();
  }

  /** Returns the capabilities for {@link ApiFlavor#INSTAGRAM_LOGIN}. */
  public static Capabilities get() {
    return of(ApiFlavor.INSTAGRAM_LOGIN);
  }
}
