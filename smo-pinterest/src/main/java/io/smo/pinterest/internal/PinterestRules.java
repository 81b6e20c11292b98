package io.smo.pinterest.internal;

import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import io.smo.core.exception.ValidationException;
import io.smo.core.media.MediaFormat;
import io.smo.pinterest.BoardPrivacy;
import io.smo.pinterest.PinterestCapabilities;
import io.smo.pinterest.PinterestOptions;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pinterest's rules beyond the shared capability checks: a board (digits) for every Pin, lengths of
 * title, alt text and link, absolute http(s) links, a {@code #RRGGBB} dominant colour, cover images
 * on video Pins only, no video by URL, uploaded images JPEG or PNG, carousels of one source kind;
 * the analytics date window; board names and privacy. No I/O; immutable.
 *
 * @see <a href="https://developers.pinterest.com/docs/api/v5/pins-create/">Create Pin</a>
 */
@SmoInternalApi
public final class PinterestRules {
  private static final Platform P = Platform.PINTEREST;
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

  private final String defaultBoardId;

  /**
   * Creates the rules.
   *
   * @param defaultBoardId the board Pins go to when their options name none, or {@code null}
   */
  public PinterestRules(String defaultBoardId) {
    this.defaultBoardId = defaultBoardId;
  }

  /** Returns the board a Pin of {@code post} goes to, or {@code null} when none is known. */
  public String board(Post post) {
    return options(post).boardId().orElse(defaultBoardId);
  }

  static PinterestOptions options(Post post) {
    return post.options(PinterestOptions.class).orElse(PinterestOptions.builder().build());
  }

  /** Returns the Pinterest-specific violations of {@code post} (empty when it is acceptable). */
  public List<Violation> violations(Post post) {
    List<Violation> out = new ArrayList<>();
    PinterestOptions o = options(post);
    String board = o.boardId().orElse(defaultBoardId);
    if (board == null) {
      out.add(
          Violation.of(
              P,
              "options.pinterest.boardId",
              "required",
              null,
              null,
              "a Pin needs a board: set PinterestOptions.boardId or the client's defaultBoardId"));
    } else if (!DIGITS.matcher(board).matches()) {
      out.add(
          Violation.of(
              P,
              "options.pinterest.boardId",
              "pattern",
              board,
              "digits",
              "board id must be digits"));
    }
    o.boardSectionId()
        .filter(s -> !DIGITS.matcher(s).matches())
        .ifPresent(
            s ->
                out.add(
                    Violation.of(
                        P,
                        "options.pinterest.boardSectionId",
                        "pattern",
                        s,
                        "digits",
                        "board section id must be digits")));
    o.title()
        .ifPresent(t -> length(out, "options.pinterest.title", t, PinterestCapabilities.TITLE_MAX));
    altText(post)
        .ifPresent(
            a -> length(out, "options.pinterest.altText", a, PinterestCapabilities.ALT_TEXT_MAX));
    link(post).ifPresent(l -> length(out, "link", l, PinterestCapabilities.LINK_MAX));
    o.link()
        .filter(l -> !absoluteHttp(l))
        .ifPresent(
            l ->
                out.add(
                    Violation.of(
                        P,
                        "options.pinterest.link",
                        "link-scheme",
                        l,
                        null,
                        "link must be an absolute http(s) URL with a host")));
    o.coverImageUrl()
        .filter(l -> !absoluteHttp(l))
        .ifPresent(
            l ->
                out.add(
                    Violation.of(
                        P,
                        "options.pinterest.coverImageUrl",
                        "link-scheme",
                        l,
                        null,
                        "cover image URL must be an absolute http(s) URL with a host")));
    o.dominantColor()
        .filter(c -> !COLOR.matcher(c).matches())
        .ifPresent(
            c ->
                out.add(
                    Violation.of(
                        P,
                        "options.pinterest.dominantColor",
                        "pattern",
                        c,
                        "#RRGGBB",
                        "dominant colour must be a hex colour like #6E7874")));
    List<Media> media = post.media();
    boolean video = media.stream().anyMatch(m -> m.kind() == MediaKind.VIDEO);
    if ((o.coverImageUrl().isPresent() || o.coverImageKeyFrameSeconds().isPresent()) && !video) {
      out.add(
          Violation.of(
              P,
              "options.pinterest.coverImage",
              "video-only",
              null,
              null,
              "a cover image applies to video Pins only"));
    }
    long urls = media.stream().filter(m -> m.sourceType() == Media.SourceType.URL).count();
    for (int i = 0; i < media.size(); i++) {
      Media m = media.get(i);
      if (m.kind() == MediaKind.VIDEO) {
        if (m.sourceType() == Media.SourceType.URL) {
          out.add(
              Violation.of(
                  P,
                  "media[" + i + "]",
                  "video-url-unsupported",
                  m.describe(),
                  null,
                  "Pinterest cannot pull a video from a URL; give a local file"));
        }
      } else if (m.sourceType() != Media.SourceType.URL && m.kind() != null) {
        MediaFormat f;
        try {
          f = m.info().format();
        } catch (UncheckedIOException e) {
          continue; // reported by the core validator
        }
        if (f != MediaFormat.JPEG && f != MediaFormat.PNG) {
          out.add(
              Violation.of(
                  P,
                  "media[" + i + "]",
                  "media-format",
                  f,
                  "JPEG, PNG",
                  "uploaded images (image_base64) must be JPEG or PNG; give other formats by URL"));
        }
      }
    }
    if (media.size() > 1 && urls > 0 && urls < media.size()) {
      out.add(
          Violation.of(
              P,
              "media",
              "carousel-sources",
              urls + " URLs of " + media.size(),
              null,
              "a carousel's images must all be URLs or all be files/bytes"));
    }
    return out;
  }

  /**
   * Checks an analytics window: start at most {@link PinterestCapabilities#ANALYTICS_MAX_DAYS_BACK}
   * days before {@code today}, end not before the start and at most that many days after it.
   *
   * @throws ValidationException naming every broken rule
   */
  public void checkAnalyticsWindow(LocalDate startDate, LocalDate endDate, LocalDate today) {
    List<Violation> v = new ArrayList<>();
    int max = PinterestCapabilities.ANALYTICS_MAX_DAYS_BACK;
    if (startDate.isBefore(today.minusDays(max))) {
      v.add(
          Violation.of(
              P,
              "startDate",
              "analytics-window",
              startDate,
              today.minusDays(max),
              "start date must be at most " + max + " days back"));
    }
    if (endDate.isBefore(startDate)) {
      v.add(
          Violation.of(
              P,
              "endDate",
              "analytics-window",
              endDate,
              startDate,
              "end date must not be before the start date"));
    } else if (ChronoUnit.DAYS.between(startDate, endDate) > max) {
      v.add(
          Violation.of(
              P,
              "endDate",
              "analytics-window",
              endDate,
              startDate.plusDays(max),
              "end date must be at most " + max + " days after the start date"));
    }
    if (!v.isEmpty()) {
      throw new ValidationException(P, v);
    }
  }

  /**
   * Checks a new board's name and privacy.
   *
   * @throws ValidationException if the name is blank or the privacy UNKNOWN
   */
  public void checkBoard(String name, BoardPrivacy privacy) {
    if (name == null || name.isBlank()) {
      throw ValidationException.of(P, "name", "not-empty", name, null, "board name is empty");
    }
    if (privacy == BoardPrivacy.UNKNOWN) {
      throw ValidationException.of(
          P,
          "privacy",
          "enum",
          privacy,
          "PUBLIC, PROTECTED, SECRET",
          "choose PUBLIC, PROTECTED or SECRET");
    }
  }

  /**
   * Whether {@code uri} is an absolute http(s) URL with a host (what Pinterest accepts as a link).
   */
  private static boolean absoluteHttp(URI uri) {
    if (uri.isOpaque()
        || uri.getScheme() == null
        || uri.getHost() == null
        || uri.getHost().isEmpty()) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("https") || scheme.equals("http");
  }

  private static void length(List<Violation> out, String field, String value, int max) {
    int n = value.length();
    if (n > max) {
      out.add(Violation.of(P, field, "max-length", n, max, field + " is too long (UTF-16 units)"));
    }
  }

  /** Returns the Pin's alt text: the options' one, else the first media item's. */
  static Optional<String> altText(Post post) {
    Optional<String> a = post.options(PinterestOptions.class).flatMap(PinterestOptions::altText);
    if (a.isPresent()) {
      return a;
    }
    return post.media().isEmpty() ? Optional.empty() : post.media().get(0).altText();
  }

  /** Returns the Pin's destination link: the options' one, else the post's. */
  static Optional<String> link(Post post) {
    return post.options(PinterestOptions.class)
        .flatMap(PinterestOptions::link)
        .or(post::link)
        .map(Object::toString);
  }
}
