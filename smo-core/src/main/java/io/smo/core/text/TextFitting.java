package io.smo.core.text;

import com.twitter.twittertext.Extractor;
import io.smo.core.SmoPublicApi;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fits text into a {@link TextLimit}: truncation and thread splitting that never cut inside a
 * grapheme cluster (so never inside a surrogate pair, an emoji ZWJ or skin-tone sequence, or a
 * flag) and never inside a URL (URLs found with twitter-text's {@link Extractor}). Stateless and
 * thread-safe.
 */
@SmoPublicApi
public final class TextFitting {
  /** The ellipsis appended to truncated text. */
  public static final String ELLIPSIS = "…";

  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private TextFitting() {}

  /**
   * Truncates {@code text} so that it plus an ellipsis fits {@code limit}. Text that fits is
   * returned unchanged.
   *
   * @param text the text
   * @param limit the limit to fit
   * @return the text cut on a safe boundary, with {@link #ELLIPSIS} appended when cut
   */
  public static String truncate(String text, TextLimit limit) {
    if (limit.fits(text)) {
      return text;
    }
    List<Integer> cuts = safeCuts(text);
    // binary search: the largest safe cut whose prefix + ellipsis fits (length is monotonic)
    int lo = 0;
    int hi = cuts.size() - 1;
    int best = 0;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      String candidate = text.substring(0, cuts.get(mid)).stripTrailing() + ELLIPSIS;
      if (limit.fits(candidate)) {
        best = cuts.get(mid);
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    String head = text.substring(0, best).stripTrailing();
    return head.isEmpty() ? "" : head + ELLIPSIS;
  }

  /**
   * Splits {@code text} into parts that each fit {@code limit}, breaking at whitespace where
   * possible, else at a grapheme boundary, never inside a URL.
   *
   * @param text the text
   * @param limit the per-part limit
   * @return one part when the text fits; more otherwise
   * @throws IllegalArgumentException if one URL alone does not fit the limit
   */
  public static List<String> split(String text, TextLimit limit) {
    List<String> parts = new ArrayList<>();
    String rest = text.strip();
    while (!rest.isEmpty()) {
      if (limit.fits(rest)) {
        parts.add(rest);
        break;
      }
      List<Integer> cuts = safeCuts(rest);
      int lo = 0;
      int hi = cuts.size() - 1;
      int best = 0;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (limit.fits(rest.substring(0, cuts.get(mid)).stripTrailing())) {
          best = cuts.get(mid);
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      if (best == 0) {
        throw new IllegalArgumentException("text cannot be split to fit " + limit
            + ": an unbreakable part (URL) is too long");
      }
      int cut = best;
      // prefer the last whitespace before the cut, if it keeps at least half of the part
      for (int i = best; i > best / 2; i--) {
        if (Character.isWhitespace(rest.charAt(i - 1)) && cuts.contains(i)) {
          cut = i;
          break;
        }
      }
      parts.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    return parts;
  }

  /** Returns the UTF-16 offsets where text may be cut: grapheme boundaries outside URLs, ascending. */
  static List<Integer> safeCuts(String text) {
    List<Extractor.Entity> urls = new Extractor().extractURLsWithIndices(text);
    List<Integer> cuts = new ArrayList<>();
    Matcher m = GRAPHEME.matcher(text);
    while (m.find()) {
      int end = m.end();
      boolean insideUrl = false;
      for (Extractor.Entity u : urls) {
        if (end > u.getStart() && end < u.getEnd()) {
          insideUrl = true;
          break;
        }
      }
      if (!insideUrl) {
        cuts.add(end);
      }
    }
    return cuts;
  }
}
