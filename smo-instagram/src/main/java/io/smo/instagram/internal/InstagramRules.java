package io.smo.instagram.internal;

import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import io.smo.core.media.MediaInfo;
import io.smo.instagram.InstagramCapabilities;
import io.smo.instagram.InstagramOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instagram's rules for a post, checked offline (no I/O) on top of the core rules: hashtags (at
 * most 30) and {@code @mentions} (at most 20) in the caption, no link, collaborators (at most 3,
 * usernames), Story shape (one item, no caption, no collaborators, no first comment), alt text
 * length, feed image aspect ratio (4:5 to 1.91:1), Story video length and size, and whether local
 * files can reach Instagram (a {@link io.smo.instagram.MediaHost}, or the resumable upload for
 * videos).
 *
 * <p>A hashtag is {@code #} followed by letters, digits or {@code _}; a mention is {@code @}
 * followed by a username ({@code [A-Za-z0-9._]}, up to 30) and not preceded by a word character (so
 * e-mail addresses do not count).
 */
@SmoInternalApi
public final class InstagramRules {
  static final InstagramOptions DEFAULT_OPTIONS = InstagramOptions.builder().build();
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._]{1,30}");
  private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])#[\\p{L}\\p{N}_]+");
  private static final Pattern MENTION =
      Pattern.compile("(?<![\\p{L}\\p{N}_.])@[A-Za-z0-9._]{1,30}");

  private final boolean mediaHost;
  private final boolean resumableVideo;

  /**
   * Creates the rules for one client.
   *
   * @param mediaHost whether a media host is configured
   * @param resumableVideo whether local videos go through the resumable upload
   */
  public InstagramRules(boolean mediaHost, boolean resumableVideo) {
    this.mediaHost = mediaHost;
    this.resumableVideo = resumableVideo;
  }

  /** Returns how many hashtags {@code text} holds. */
  public static int hashtags(String text) {
    return count(HASHTAG, text);
  }

  /** Returns how many @mentions {@code text} holds. */
  public static int mentions(String text) {
    return count(MENTION, text);
  }

  private static int count(Pattern p, String text) {
    if (text == null) {
      return 0;
    }
    Matcher m = p.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /**
   * Returns the Instagram-specific violations of {@code post} (empty when none).
   *
   * @param post the post, already checked against the core rules
   */
  public List<Violation> violations(Post post) {
    List<Violation> out = new ArrayList<>();
    Platform p = Platform.INSTAGRAM;
    InstagramOptions o = post.options(InstagramOptions.class).orElse(DEFAULT_OPTIONS);
    int tags = hashtags(post.text());
    if (tags > InstagramCapabilities.MAX_HASHTAGS) {
      out.add(
          Violation.of(
              p,
              "text",
              "max-hashtags",
              tags,
              InstagramCapabilities.MAX_HASHTAGS,
              "a caption may hold at most 30 hashtags"));
    }
    int mentions = mentions(post.text());
    if (mentions > InstagramCapabilities.MAX_MENTIONS) {
      out.add(
          Violation.of(
              p,
              "text",
              "max-mentions",
              mentions,
              InstagramCapabilities.MAX_MENTIONS,
              "a caption may hold at most 20 @mentions"));
    }
    post.link()
        .ifPresent(
            l ->
                out.add(
                    Violation.of(
                        p,
                        "link",
                        "link-unsupported",
                        l,
                        null,
                        "Instagram posts have no link field and captions do not make links clickable")));
    if (o.collaborators().size() > InstagramCapabilities.MAX_COLLABORATORS) {
      out.add(
          Violation.of(
              p,
              "options.instagram.collaborators",
              "max-count",
              o.collaborators().size(),
              InstagramCapabilities.MAX_COLLABORATORS,
              "at most 3 collaborators"));
    }
    for (String c : o.collaborators()) {
      if (!USERNAME.matcher(c).matches()) {
        out.add(
            Violation.of(
                p,
                "options.instagram.collaborators",
                "username",
                c,
                null,
                "not an Instagram username (letters, digits, '.', '_', no '@')"));
      }
    }
    o.thumbOffset()
        .filter(Duration::isNegative)
        .ifPresent(
            t ->
                out.add(
                    Violation.of(
                        p,
                        "options.instagram.thumbOffset",
                        "min",
                        t,
                        Duration.ZERO,
                        "thumb offset is negative")));
    List<Media> media = post.media();
    boolean story = o.format() == InstagramOptions.Format.STORY;
    if (story) {
      if (media.size() != 1) {
        out.add(
            Violation.of(
                p,
                "media",
                "story-one-item",
                media.size(),
                1,
                "a Story takes exactly one image or video"));
      }
      if (!post.text().isBlank()) {
        out.add(
            Violation.of(
                p,
                "text",
                "story-caption",
                post.text().length(),
                0,
                "Stories show no caption; leave the text empty"));
      }
      if (!o.collaborators().isEmpty()) {
        out.add(
            Violation.of(
                p,
                "options.instagram.collaborators",
                "story-collaborators",
                o.collaborators().size(),
                0,
                "Stories take no collaborators"));
      }
      if (post.firstComment().isPresent()) {
        out.add(
            Violation.of(
                p,
                "firstComment",
                "first-comment",
                null,
                null,
                "Stories take no comments (answers are private replies); remove the first comment"));
      }
    }
    for (int i = 0; i < media.size(); i++) {
      Media m = media.get(i);
      String field = "media[" + i + "]";
      m.altText()
          .ifPresent(
              a -> {
                int n = a.codePointCount(0, a.length());
                if (n > InstagramCapabilities.MAX_ALT_TEXT) {
                  out.add(
                      Violation.of(
                          p,
                          field + ".altText",
                          "max-length",
                          n,
                          InstagramCapabilities.MAX_ALT_TEXT,
                          "alt text is too long"));
                }
              });
      boolean local = m.sourceType() != Media.SourceType.URL;
      if (local && !mediaHost && (m.kind() != MediaKind.VIDEO || !resumableVideo)) {
        out.add(
            Violation.of(
                p,
                field,
                "media-host-required",
                m.describe(),
                null,
                "Instagram fetches "
                    + m.kind().name().toLowerCase(Locale.ROOT)
                    + " by URL: configure a MediaHost or pass a public URL"));
      }
      MediaInfo info;
      try {
        info = m.info();
      } catch (RuntimeException e) {
        continue; // reported by the core rules
      }
      if (m.kind() == MediaKind.IMAGE && !story) {
        info.aspectRatio()
            .ifPresent(
                r -> {
                  if (r < InstagramCapabilities.MIN_FEED_ASPECT - 1e-3
                      || r > InstagramCapabilities.MAX_FEED_ASPECT + 1e-3) {
                    out.add(
                        Violation.of(
                            p,
                            field,
                            "aspect-ratio",
                            String.format(Locale.ROOT, "%.3f", r),
                            "0.8..1.91",
                            "feed images must be 4:5 to 1.91:1"));
                  }
                });
      }
      if (m.kind() == MediaKind.VIDEO && story) {
        info.duration()
            .filter(d -> d.compareTo(InstagramCapabilities.MAX_STORY_VIDEO) > 0)
            .ifPresent(
                d ->
                    out.add(
                        Violation.of(
                            p,
                            field,
                            "video-duration",
                            d,
                            InstagramCapabilities.MAX_STORY_VIDEO,
                            "Story videos last at most 60 s")));
        long size = local ? m.sizeBytes() : -1;
        if (size > InstagramCapabilities.MAX_STORY_VIDEO_BYTES) {
          out.add(
              Violation.of(
                  p,
                  field,
                  "max-bytes",
                  size,
                  InstagramCapabilities.MAX_STORY_VIDEO_BYTES,
                  "Story videos are at most 100 MB"));
        }
      }
    }
    return out;
  }
}
