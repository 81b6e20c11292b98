package io.smo.core;

import io.smo.core.exception.ValidationException;
import io.smo.core.media.MediaFormat;
import io.smo.core.media.MediaInfo;
import io.smo.core.text.TextFitting;
import io.smo.core.text.TextLimit;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@link Post} against a platform's {@link Capabilities} with no network call, and returns
 * every violation at once.
 *
 * <p>Rules: the post is not empty; text fits the limit as the platform counts it (unless the
 * overflow policy truncates, or threads where the platform has threads); media is present where
 * required, readable, of the format its content says (and its file name claims), of an accepted
 * kind and format, within count, byte size, duration and aspect-ratio limits; countries are ISO
 * 3166-1 alpha-2; the age range is ordered; only honoured audience dimensions and visibilities are
 * used (unless {@link Audience#dropUnsupported()}); a scheduled time is inside the native
 * scheduling window. Platform modules add their own rules on top ({@code SocialClient#validate}).
 *
 * <p>Stateless and thread-safe.
 */
@SmoPublicApi
public final class PostValidator {
  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Map<String, MediaFormat> EXTENSIONS =
      Map.of(
          "jpg",
          MediaFormat.JPEG,
          "jpeg",
          MediaFormat.JPEG,
          "png",
          MediaFormat.PNG,
          "gif",
          MediaFormat.GIF,
          "webp",
          MediaFormat.WEBP,
          "mp4",
          MediaFormat.MP4,
          "m4v",
          MediaFormat.MP4,
          "mov",
          MediaFormat.MOV,
          "heic",
          MediaFormat.HEIC);

  private PostValidator() {}

  /**
   * Returns every violation of {@code post} against {@code caps}; empty when valid.
   *
   * @param post the post
   * @param caps the platform's capabilities
   * @param clock the clock for scheduling-window checks
   * @return the violations, each attributed to {@code caps.platform()}
   */
  public static List<Violation> validate(Post post, Capabilities caps, Clock clock) {
    Platform p = caps.platform();
    List<Violation> out = new ArrayList<>();
    String text = post.text();

    if (text.isBlank() && post.media().isEmpty()) {
      out.add(Violation.of(p, "post", "not-empty", null, null, "a post needs text or media"));
    }

    post.link()
        .filter(l -> !Media.isAbsoluteHttp(l))
        .ifPresent(
            l ->
                out.add(
                    Violation.of(
                        p,
                        "link",
                        "link-scheme",
                        l,
                        null,
                        "link must be an absolute http(s) URL with a host")));
    int bad = invalidCharIndex(text);
    if (bad >= 0) {
      out.add(
          Violation.of(
              p,
              "text",
              "text-encoding",
              bad,
              null,
              "text has an unpaired surrogate "
                  + "or a NUL character at index "
                  + bad
                  + " (it cannot be sent as UTF-8 intact)"));
    }
    for (int i = 0; i < post.thread().size(); i++) {
      int b = invalidCharIndex(post.thread().get(i));
      if (b >= 0) {
        out.add(
            Violation.of(
                p,
                "thread[" + i + "]",
                "text-encoding",
                b,
                null,
                "thread part has an unpaired surrogate or a NUL character at index " + b));
      }
    }

    post.firstComment().ifPresent(comment -> validateFirstComment(comment, caps, out));

    // text
    List<String> threadParts = new ArrayList<>();
    if (!text.isEmpty()) {
      if (caps.textLimit().isEmpty()) {
        out.add(
            Violation.of(
                p,
                "text",
                "text-unsupported",
                text,
                null,
                p.displayName() + " posts take no text"));
      } else {
        TextLimit limit = caps.textLimit().get();
        int length = limit.count(text);
        if (length > limit.max()) {
          switch (post.textOverflow()) {
            case TRUNCATE -> {}
            case THREAD -> {
              if (!caps.supports(Feature.THREADS)) {
                out.add(
                    Violation.of(
                        p,
                        "text",
                        "max-length",
                        length,
                        limit.max(),
                        "text is too long ("
                            + limit.counting().describe()
                            + ") and "
                            + p.displayName()
                            + " has no threads"));
              } else {
                try {
                  threadParts.addAll(TextFitting.splitNumbered(text, limit));
                } catch (IllegalArgumentException e) {
                  out.add(
                      Violation.of(p, "text", "thread-split", length, limit.max(), e.getMessage()));
                }
              }
            }
            default ->
                out.add(
                    Violation.of(
                        p,
                        "text",
                        "max-length",
                        length,
                        limit.max(),
                        "text is too long, counted as " + limit.counting().describe()));
          }
        }
      }
    }
    if (caps.supports(Feature.THREADS) && (!post.thread().isEmpty() || threadParts.size() > 1)) {
      // X refuses a part identical to an earlier one as duplicate content
      List<String> all = new ArrayList<>(threadParts.isEmpty() ? List.of(text) : threadParts);
      all.addAll(post.thread());
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (int i = 0; i < all.size(); i++) {
        String part = all.get(i).strip();
        if (!part.isEmpty() && !seen.add(part)) {
          out.add(
              Violation.of(
                  p,
                  "thread",
                  "thread-duplicate-part",
                  i,
                  null,
                  "thread part "
                      + i
                      + " repeats an earlier part; the platform refuses identical posts"));
        }
      }
    }
    if (!post.thread().isEmpty()) {
      if (!caps.supports(Feature.THREADS)) {
        out.add(
            Violation.of(
                p,
                "thread",
                "threads-unsupported",
                post.thread().size(),
                0,
                p.displayName() + " has no threads"));
      } else {
        caps.textLimit()
            .ifPresent(
                limit -> {
                  for (int i = 0; i < post.thread().size(); i++) {
                    int n = limit.count(post.thread().get(i));
                    if (n > limit.max()) {
                      out.add(
                          Violation.of(
                              p,
                              "thread[" + i + "]",
                              "max-length",
                              n,
                              limit.max(),
                              "thread part is too long, counted as "
                                  + limit.counting().describe()));
                    }
                  }
                });
      }
    }

    validateMedia(post, caps, out);
    validateAudience(post.audience(), caps, out);

    // scheduling
    post.scheduledAt()
        .ifPresent(
            at -> {
              Instant now = clock.instant();
              if (caps.nativeScheduling().isEmpty()) {
                out.add(
                    Violation.of(
                        p,
                        "scheduledAt",
                        "scheduling-unsupported",
                        at,
                        null,
                        p.displayName()
                            + " has no native scheduling; schedule with smo-scheduler"));
              } else {
                SchedulingWindow w = caps.nativeScheduling().get();
                if (!w.contains(at, now)) {
                  out.add(
                      Violation.of(
                          p,
                          "scheduledAt",
                          "scheduling-window",
                          Duration.between(now, at),
                          w,
                          "scheduled time must be "
                              + w.minLead()
                              + " to "
                              + w.maxLead()
                              + " ahead"));
                }
              }
            });
    return out;
  }

  /**
   * Validates and throws when anything is wrong.
   *
   * @throws ValidationException listing every violation, if any
   */
  public static void check(Post post, Capabilities caps, Clock clock) {
    List<Violation> v = validate(post, caps, clock);
    if (!v.isEmpty()) {
      throw new ValidationException(caps.platform(), v);
    }
  }

  /**
   * Returns {@code post} adapted to {@code caps}: text cut on a safe boundary when the overflow
   * policy is TRUNCATE. Other policies return the post unchanged.
   */
  public static Post adapt(Post post, Capabilities caps) {
    if (post.textOverflow() == TextOverflow.TRUNCATE
        && caps.textLimit().isPresent()
        && !caps.textLimit().get().fits(post.text())) {
      return post.toBuilder()
          .text(TextFitting.truncate(post.text(), caps.textLimit().get()))
          .build();
    }
    return post;
  }

  private static void validateMedia(Post post, Capabilities caps, List<Violation> out) {
    Platform p = caps.platform();
    List<Media> media = post.media();
    if (media.isEmpty()) {
      if (caps.mediaRequired()) {
        out.add(
            Violation.of(
                p,
                "media",
                "media-required",
                0,
                1,
                p.displayName() + " needs at least one image or video"));
      }
      return;
    }
    if (media.size() > caps.maxMediaItems()) {
      out.add(
          Violation.of(
              p, "media", "max-count", media.size(), caps.maxMediaItems(), "too many media items"));
    }
    Map<MediaKind, Integer> perKind = new EnumMap<>(MediaKind.class);
    for (int i = 0; i < media.size(); i++) {
      Media m = media.get(i);
      String field = "media[" + i + "]";
      MediaInfo info;
      if (m.sourceType() == Media.SourceType.FILE) {
        Path f = m.file().orElseThrow();
        if (!Files.isRegularFile(f)) {
          out.add(
              Violation.of(
                  p,
                  field,
                  "media-missing",
                  f,
                  null,
                  Files.isDirectory(f)
                      ? "is a directory, not a media file"
                      : "file does not exist"));
          continue;
        }
        if (!Files.isReadable(f)) {
          out.add(Violation.of(p, field, "media-unreadable", f, null, "file is not readable"));
          continue;
        }
      }
      try {
        info = m.info();
      } catch (UncheckedIOException e) {
        out.add(
            Violation.of(
                p,
                field,
                "media-unreadable",
                m.describe(),
                null,
                "cannot read file: " + e.getCause().getMessage()));
        continue;
      }
      if (info.format() == MediaFormat.UNKNOWN) {
        out.add(
            Violation.of(
                p,
                field,
                "media-format",
                m.describe(),
                null,
                "content is not a known image or video format"));
        continue;
      }
      if (m.sourceType() == Media.SourceType.FILE) {
        String name = m.file().get().getFileName().toString();
        int dot = name.lastIndexOf('.');
        MediaFormat claimed =
            dot < 0 ? null : EXTENSIONS.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (claimed != null
            && claimed != info.format()
            && !(claimed.kind() == info.format().kind() && claimed.kind() == MediaKind.VIDEO)) {
          out.add(
              Violation.of(
                  p,
                  field,
                  "media-content-mismatch",
                  info.format(),
                  claimed,
                  "file name says " + claimed + " but the content is " + info.format()));
        }
      }
      MediaKind kind = m.kind();
      MediaRule rule = caps.mediaRules().get(kind);
      if (rule == null) {
        out.add(
            Violation.of(
                p,
                field,
                "media-kind",
                kind,
                caps.mediaRules().keySet(),
                p.displayName() + " does not accept " + kind));
        continue;
      }
      perKind.merge(kind, 1, Integer::sum);
      if (!rule.formats().contains(info.format())) {
        out.add(
            Violation.of(
                p, field, "media-format", info.format(), rule.formats(), "format not accepted"));
      }
      long size = m.sizeBytes();
      if (size > rule.maxBytes()) {
        out.add(Violation.of(p, field, "max-bytes", size, rule.maxBytes(), "file is too large"));
      }
      info.duration()
          .ifPresent(
              d -> {
                rule.maxDuration()
                    .filter(max -> d.compareTo(max) > 0)
                    .ifPresent(
                        max ->
                            out.add(
                                Violation.of(
                                    p, field, "video-duration", d, max, "video is too long")));
                rule.minDuration()
                    .filter(min -> d.compareTo(min) < 0)
                    .ifPresent(
                        min ->
                            out.add(
                                Violation.of(
                                    p, field, "video-duration", d, min, "video is too short")));
              });
      info.aspectRatio()
          .ifPresent(
              r -> {
                if (rule.minAspectRatio().isPresent()
                    && r < rule.minAspectRatio().getAsDouble() - 1e-3) {
                  out.add(
                      Violation.of(
                          p,
                          field,
                          "aspect-ratio",
                          String.format(Locale.ROOT, "%.3f", r),
                          rule.minAspectRatio().getAsDouble(),
                          "aspect ratio (width/height) is too small"));
                }
                if (rule.maxAspectRatio().isPresent()
                    && r > rule.maxAspectRatio().getAsDouble() + 1e-3) {
                  out.add(
                      Violation.of(
                          p,
                          field,
                          "aspect-ratio",
                          String.format(Locale.ROOT, "%.3f", r),
                          rule.maxAspectRatio().getAsDouble(),
                          "aspect ratio (width/height) is too large"));
                }
              });
    }
    perKind.forEach(
        (kind, n) -> {
          MediaRule rule = caps.mediaRules().get(kind);
          if (rule != null && n > rule.maxCount()) {
            out.add(
                Violation.of(
                    p,
                    "media",
                    "max-count-" + kind.name().toLowerCase(Locale.ROOT),
                    n,
                    rule.maxCount(),
                    "too many " + kind.name().toLowerCase(Locale.ROOT) + " items"));
          }
        });
    if (perKind.size() > 1 && !caps.mixedMediaKinds()) {
      out.add(
          Violation.of(
              p,
              "media",
              "mixed-media",
              perKind.keySet(),
              null,
              p.displayName() + " does not mix media kinds in one post"));
    }
  }

  /**
   * A first comment needs {@link Feature#FIRST_COMMENT}, valid UTF-16 and the platform's text
   * limit.
   */
  private static void validateFirstComment(String comment, Capabilities caps, List<Violation> out) {
    Platform p = caps.platform();
    if (!caps.supports(Feature.FIRST_COMMENT)) {
      out.add(
          Violation.of(
              p,
              "firstComment",
              "first-comment",
              null,
              null,
              p.displayName()
                  + " has no API to comment under a post; remove the first comment for this platform"));
      return;
    }
    int b = invalidCharIndex(comment);
    if (b >= 0) {
      out.add(
          Violation.of(
              p,
              "firstComment",
              "text-encoding",
              b,
              null,
              "first comment has an unpaired surrogate or a NUL character at index " + b));
    }
    caps.textLimit()
        .ifPresent(
            limit -> {
              int length = limit.count(comment);
              if (length > limit.max()) {
                out.add(
                    Violation.of(
                        p,
                        "firstComment",
                        "max-length",
                        length,
                        limit.max(),
                        "first comment is too long, counted as " + limit.counting().describe()));
              }
            });
  }

  private static void validateAudience(Audience a, Capabilities caps, List<Violation> out) {
    Platform p = caps.platform();
    for (String c : a.countries()) {
      if (!ISO_COUNTRIES.contains(c)) {
        out.add(
            Violation.of(
                p,
                "audience.countries",
                "iso-3166",
                c,
                null,
                "not an ISO 3166-1 alpha-2 country code"));
      }
    }
    a.ageRange()
        .filter(r -> !r.isValid())
        .ifPresent(
            r ->
                out.add(
                    Violation.of(
                        p,
                        "audience.ageRange",
                        "age-range-order",
                        r,
                        null,
                        "age range min must be <= max and >= 0")));
    for (java.util.Locale l : a.languages()) {
      if (l.getLanguage().isEmpty()) {
        out.add(Violation.of(p, "audience.languages", "bcp-47", l, null, "not a BCP 47 language"));
      }
    }
    if (!a.dropUnsupported()) {
      for (AudienceDimension d : a.usedDimensions()) {
        if (d == AudienceDimension.VISIBILITY) {
          continue;
        }
        if (!caps.audienceDimensions().contains(d)) {
          out.add(
              Violation.of(
                  p,
                  "audience." + camel(d),
                  "audience-unsupported",
                  d,
                  null,
                  p.displayName()
                      + " cannot apply "
                      + d.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                      + " (set Audience.dropUnsupported to publish without it)"));
        }
      }
    }
    if (!caps.visibilities().contains(a.visibility())) {
      out.add(
          Violation.of(
              p,
              "audience.visibility",
              "visibility-unsupported",
              a.visibility(),
              caps.visibilities(),
              p.displayName() + " cannot make a post " + a.visibility()));
    }
  }

  /** Index of the first unpaired surrogate or NUL in {@code s}, or -1. */
  private static int invalidCharIndex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u0000') {
        return i;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  private static String camel(AudienceDimension d) {
    String[] parts = d.name().toLowerCase(Locale.ROOT).split("_", -1);
    StringBuilder s = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      s.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return s.toString();
  }
}
