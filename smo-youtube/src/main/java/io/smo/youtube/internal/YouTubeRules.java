package io.smo.youtube.internal;

import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import io.smo.core.Visibility;
import io.smo.core.exception.ValidationException;
import io.smo.core.media.MediaFormat;
import io.smo.core.media.MediaInspector;
import io.smo.core.text.TextCounting;
import io.smo.youtube.YouTubeCapabilities;
import io.smo.youtube.YouTubeModerationStatus;
import io.smo.youtube.YouTubeOptions;
import io.smo.youtube.YouTubeVideoUpdate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * YouTube's rules for a post and for the extra operations, checked offline before any call
 * (https://developers.google.com/youtube/v3/docs/videos#resource: title at most 100 characters,
 * description at most 5,000 bytes, no {@code <} or {@code >}, tags at most 500 characters in all;
 * thumbnails JPEG or PNG of at most 2 MB). No I/O except reading a thumbnail's header. Stateless.
 */
@SmoInternalApi
public final class YouTubeRules {
  private static final Platform P = Platform.YOUTUBE;
  private static final Set<String> LICENSES = Set.of("youtube", "creativeCommon");

  private YouTubeRules() {}

  /** Returns the post's YouTube options, or the defaults. */
  public static YouTubeOptions options(Post post) {
    return post.options(YouTubeOptions.class).orElseGet(() -> YouTubeOptions.builder().build());
  }

  /** Returns every YouTube-specific violation of {@code post} (the core checks run separately). */
  public static List<Violation> violations(Post post) {
    List<Violation> out = new ArrayList<>();
    YouTubeOptions o = options(post);
    o.title().ifPresent(t -> checkTitle(t, "options.youtube.title", out));
    if (hasAngle(post.text())) {
      out.add(
          Violation.of(
              P,
              "text",
              "no-angle-brackets",
              null,
              null,
              "YouTube descriptions cannot contain < or >"));
    }
    int tagChars = 0;
    for (String tag : o.tags()) {
      tagChars += tag.codePointCount(0, tag.length()) + (tag.contains(" ") ? 2 : 0);
      if (hasAngle(tag)) {
        out.add(
            Violation.of(
                P,
                "options.youtube.tags",
                "no-angle-brackets",
                tag,
                null,
                "YouTube tags cannot contain < or >"));
      }
      if (tag.isBlank()) {
        out.add(Violation.of(P, "options.youtube.tags", "not-empty", tag, null, "a tag is empty"));
      } else if (tag.contains(",")) {
        out.add(
            Violation.of(
                P,
                "options.youtube.tags",
                "no-comma",
                tag,
                null,
                "a tag cannot contain a comma (YouTube separates tags with commas); give two tags"));
      }
    }
    tagChars += Math.max(0, o.tags().size() - 1);
    if (tagChars > YouTubeCapabilities.MAX_TAGS_CHARS) {
      out.add(
          Violation.of(
              P,
              "options.youtube.tags",
              "max-length",
              tagChars,
              YouTubeCapabilities.MAX_TAGS_CHARS,
              "tags are too long in all (commas and quotes count)"));
    }
    o.categoryId()
        .filter(c -> !c.matches("\\d+"))
        .ifPresent(
            c ->
                out.add(
                    Violation.of(
                        P,
                        "options.youtube.categoryId",
                        "numeric",
                        c,
                        null,
                        "category ids are numeric (videoCategories.list)")));
    o.license()
        .filter(l -> !LICENSES.contains(l))
        .ifPresent(
            l ->
                out.add(
                    Violation.of(
                        P,
                        "options.youtube.license",
                        "enum",
                        l,
                        LICENSES,
                        "license must be youtube or creativeCommon")));
    o.thumbnail().ifPresent(t -> checkThumbnail(t, "options.youtube.thumbnail", out));
    if (post.scheduledAt().isPresent() && post.audience().visibility() != Visibility.PUBLIC) {
      out.add(
          Violation.of(
              P,
              "scheduledAt",
              "scheduled-visibility",
              post.audience().visibility(),
              Visibility.PUBLIC,
              "a scheduled video becomes public at publishAt; its visibility must be PUBLIC"));
    }
    for (int i = 0; i < post.media().size(); i++) {
      if (post.media().get(i).sourceType() == Media.SourceType.URL) {
        out.add(
            Violation.of(
                P,
                "media[" + i + "]",
                "media-source",
                "URL",
                "FILE",
                "YouTube uploads files; it cannot pull a video from a URL"));
      }
    }
    if (!post.link().isEmpty()) {
      out.add(
          Violation.of(
              P,
              "link",
              "link-unsupported",
              post.link().get(),
              null,
              "YouTube videos take no link field; put the link in the description"));
    }
    return out;
  }

  /**
   * Checks a metadata update ({@code videos.update}).
   *
   * @throws ValidationException with every violation
   */
  public static void checkUpdate(YouTubeVideoUpdate update) {
    List<Violation> v = new ArrayList<>();
    update.title().ifPresent(t -> checkTitle(t, "title", v));
    update
        .description()
        .ifPresent(
            d -> {
              int n = TextCounting.UTF8_BYTES.count(d);
              if (n > YouTubeCapabilities.MAX_DESCRIPTION_BYTES) {
                v.add(
                    Violation.of(
                        P,
                        "description",
                        "max-length",
                        n,
                        YouTubeCapabilities.MAX_DESCRIPTION_BYTES,
                        "description is too long (UTF-8 bytes)"));
              }
              if (hasAngle(d)) {
                v.add(
                    Violation.of(
                        P,
                        "description",
                        "no-angle-brackets",
                        null,
                        null,
                        "YouTube descriptions cannot contain < or >"));
              }
            });
    update
        .visibility()
        .filter(x -> x == Visibility.FOLLOWERS || x == Visibility.MUTUAL_FOLLOWERS)
        .ifPresent(
            x ->
                v.add(
                    Violation.of(
                        P,
                        "visibility",
                        "visibility-unsupported",
                        x,
                        "PUBLIC, UNLISTED, PRIVATE",
                        "YouTube cannot make a video " + x)));
    if (update.publishAt().isPresent()
        && update.visibility().filter(x -> x != Visibility.PUBLIC).isPresent()) {
      v.add(
          Violation.of(
              P,
              "publishAt",
              "scheduled-visibility",
              update.visibility().get(),
              Visibility.PUBLIC,
              "a scheduled video becomes public at publishAt"));
    }
    if (!v.isEmpty()) {
      throw new ValidationException(P, v);
    }
  }

  /**
   * Checks a thumbnail file given to {@code thumbnails.set}.
   *
   * @throws ValidationException if the file is missing, not JPEG/PNG or larger than 2 MB
   */
  public static void checkThumbnail(Path image) {
    List<Violation> v = new ArrayList<>();
    checkThumbnail(image, "image", v);
    if (!v.isEmpty()) {
      throw new ValidationException(P, v);
    }
  }

  /**
   * Checks a playlist id.
   *
   * @throws ValidationException if blank
   */
  public static void checkPlaylistId(String playlistId) {
    if (playlistId == null || playlistId.isBlank()) {
      throw ValidationException.of(
          P, "playlistId", "not-empty", playlistId, null, "playlist id is empty");
    }
  }

  /**
   * Checks a moderation call: banning the author is only allowed with {@code REJECTED}.
   *
   * @throws ValidationException otherwise
   */
  public static void checkModeration(YouTubeModerationStatus status, boolean banAuthor) {
    if (banAuthor && status != YouTubeModerationStatus.REJECTED) {
      throw ValidationException.of(
          P,
          "banAuthor",
          "ban-without-reject",
          status,
          YouTubeModerationStatus.REJECTED,
          "banAuthor is only allowed with REJECTED");
    }
  }

  static boolean hasAngle(String s) {
    return s != null && (s.indexOf('<') >= 0 || s.indexOf('>') >= 0);
  }

  private static void checkTitle(String t, String field, List<Violation> out) {
    int n = TextCounting.CODE_POINTS.count(t);
    if (t.isBlank()) {
      out.add(Violation.of(P, field, "not-empty", t, null, "title is blank"));
    }
    if (n > YouTubeCapabilities.MAX_TITLE_CHARS) {
      out.add(
          Violation.of(
              P,
              field,
              "max-length",
              n,
              YouTubeCapabilities.MAX_TITLE_CHARS,
              "title is too long (characters)"));
    }
    if (hasAngle(t)) {
      out.add(
          Violation.of(
              P, field, "no-angle-brackets", t, null, "YouTube titles cannot contain < or >"));
    }
  }

  private static void checkThumbnail(Path t, String field, List<Violation> out) {
    if (!Files.isRegularFile(t) || !Files.isReadable(t)) {
      out.add(
          Violation.of(
              P,
              field,
              "media-missing",
              t,
              null,
              "thumbnail file does not exist or is unreadable"));
      return;
    }
    try {
      MediaFormat f = MediaInspector.inspect(t).format();
      if (f != MediaFormat.JPEG && f != MediaFormat.PNG) {
        out.add(
            Violation.of(
                P, field, "media-format", f, "JPEG, PNG", "thumbnails must be JPEG or PNG"));
      }
      long size = Files.size(t);
      if (size > YouTubeCapabilities.MAX_THUMBNAIL_BYTES) {
        out.add(
            Violation.of(
                P,
                field,
                "max-bytes",
                size,
                YouTubeCapabilities.MAX_THUMBNAIL_BYTES,
                "thumbnail is larger than 2 MB"));
      }
    } catch (IOException e) {
      out.add(
          Violation.of(
              P, field, "media-unreadable", t, null, "cannot read thumbnail: " + e.getMessage()));
    }
  }
}
