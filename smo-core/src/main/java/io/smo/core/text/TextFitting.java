package io.smo.core.text;

import com.twitter.twittertext.Extractor;
import io.smo.core.SmoPublicApi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
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
    int[] cuts = cutArray(text);
    int best =
        largestFitting(
            cuts, 0, end -> limit.fits(text.substring(0, end).stripTrailing() + ELLIPSIS));
    String head = best < 0 ? "" : text.substring(0, cuts[best]).stripTrailing();
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
    // cut points and URLs are found once for the whole text, and each part is searched by
    // galloping from its start, so the work per part is proportional to the part, not the rest
    List<String> parts = new ArrayList<>();
    int[] cuts = cutArray(text);
    int start = skipWhitespace(text, 0);
    while (start < text.length()) {
      final int from = start;
      int first = Arrays.binarySearch(cuts, start + 1);
      first = first >= 0 ? first : -first - 1;
      int bestIndex =
          largestFitting(cuts, first, end -> limit.fits(text.substring(from, end).stripTrailing()));
      if (bestIndex < 0) {
        throw new IllegalArgumentException(
            "text cannot be split to fit " + limit + ": an unbreakable part (URL) is too long");
      }
      int best = cuts[bestIndex];
      int cut = best;
      boolean restFits = skipWhitespace(text, best) == text.length();
      // prefer the last whitespace before the cut, if it keeps at least half of the part
      for (int i = best; !restFits && i > from + (best - from) / 2; i--) {
        if (Character.isWhitespace(text.charAt(i - 1)) && Arrays.binarySearch(cuts, i) >= 0) {
          cut = i;
          break;
        }
      }
      parts.add(text.substring(from, cut).strip());
      start = skipWhitespace(text, cut);
    }
    return parts;
  }

  /**
   * Splits {@code text} like {@link #split} and, when that gives more than one part, ends each part
   * with its number, {@code " i/n"} (e.g. {@code "… 2/5"}), room for which is kept inside {@code
   * limit}: the parts of a thread are then always distinct, even for repetitive text (X refuses a
   * reply identical to an earlier post as a duplicate).
   *
   * @param text the text
   * @param limit the per-part limit (the number included)
   * @return one unnumbered part when the text fits; else numbered parts that each fit
   * @throws IllegalArgumentException if the text cannot be split to fit (a URL longer than the
   *     limit, or no room left for the numbers)
   */
  public static List<String> splitNumbered(String text, TextLimit limit) {
    List<String> plain = split(text, limit);
    if (plain.size() <= 1) {
      return plain;
    }
    int n = plain.size();
    for (int round = 0; round < 8; round++) {
      String widest = " " + n + "/" + n;
      int reserve = limit.count(widest);
      if (reserve >= limit.max()) {
        throw new IllegalArgumentException(
            "text cannot be split to fit " + limit + ": no room left for the part numbers");
      }
      List<String> parts =
          split(text, TextLimit.of(limit.field(), limit.max() - reserve, limit.counting()));
      if (String.valueOf(parts.size()).length() <= String.valueOf(n).length()) {
        List<String> out = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
          String part = parts.get(i) + " " + (i + 1) + "/" + parts.size();
          if (!limit.fits(part)) {
            throw new IllegalArgumentException(
                "text cannot be split to fit " + limit + " with part numbers");
          }
          out.add(part);
        }
        return out;
      }
      n = parts.size();
    }
    throw new IllegalArgumentException(
        "text cannot be split to fit " + limit + " with part numbers");
  }

  private static int skipWhitespace(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * Index of the largest cut in {@code cuts[first..]} whose prefix fits, or -1 when none does:
   * exponential probing from {@code first}, then binary search (fitting is monotonic).
   */
  private static int largestFitting(int[] cuts, int first, IntPredicate fitsUpTo) {
    int good = first - 1;
    int bad = cuts.length;
    int step = 1;
    while (true) {
      int probe = Math.min(first + step - 1, cuts.length - 1);
      if (probe <= good) {
        break;
      }
      if (fitsUpTo.test(cuts[probe])) {
        good = probe;
        if (probe == cuts.length - 1) {
          break;
        }
        step <<= 1;
      } else {
        bad = probe;
        break;
      }
    }
    int lo = good + 1;
    int hi = bad - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (fitsUpTo.test(cuts[mid])) {
        good = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return good >= first ? good : -1;
  }

  static List<Integer> safeCuts(String text) {
    List<Integer> out = new ArrayList<>();
    for (int c : cutArray(text)) {
      out.add(c);
    }
    return out;
  }

  /** Grapheme ends outside URLs, ascending; one pass over the text and its (sorted) URLs. */
  private static int[] cutArray(String text) {
    List<Extractor.Entity> urls = new Extractor().extractURLsWithIndices(text);
    int[] cuts = new int[16];
    int n = 0;
    int u = 0;
    Matcher m = GRAPHEME.matcher(text);
    while (m.find()) {
      int end = m.end();
      while (u < urls.size() && urls.get(u).getEnd() <= end) {
        u++;
      }
      boolean insideUrl = u < urls.size() && end > urls.get(u).getStart();
      if (!insideUrl) {
        if (n == cuts.length) {
          cuts = Arrays.copyOf(cuts, n * 2);
        }
        cuts[n++] = end;
      }
    }
    return Arrays.copyOf(cuts, n);
  }
}
