package io.smo.core.text;

import com.twitter.twittertext.TwitterTextParser;
import io.smo.core.SmoPublicApi;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a platform counts the length of a text field.
 *
 * <ul>
 *   <li>{@link #CODE_POINTS}: Unicode code points (most platforms' "characters");
 *   <li>{@link #UTF16_UNITS}: Java {@code String.length()} (UTF-16 code units);
 *   <li>{@link #UTF8_BYTES}: bytes in UTF-8 (YouTube description: 5,000 bytes);
 *   <li>{@link #GRAPHEMES}: extended grapheme clusters, what a person sees as one character;
 *   <li>{@link #X_WEIGHTED}: X's weighted length from the official twitter-text library (v3
 *       configuration: every URL counts 23, emoji 2, CJK and most non-Latin scripts 2, Latin-1 and
 *       general punctuation 1; NFC normalised), see
 *       https://docs.x.com/resources/fundamentals/counting-characters.
 * </ul>
 */
@SmoPublicApi
public enum TextCounting {
  /** Unicode code points. */
  CODE_POINTS,
  /** UTF-16 code units ({@code String.length()}). */
  UTF16_UNITS,
  /** UTF-8 encoded bytes. */
  UTF8_BYTES,
  /** Extended grapheme clusters (regex {@code \X}). */
  GRAPHEMES,
  /** X (Twitter) weighted length, twitter-text v3 rules. */
  X_WEIGHTED;

  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  /**
   * Returns the length of {@code text} under this counting.
   *
   * @param text any text; {@code null} counts 0
   * @return the length in this counting's unit
   */
  public int count(String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    switch (this) {
      case CODE_POINTS -> {
        return text.codePointCount(0, text.length());
      }
      case UTF16_UNITS -> {
        return text.length();
      }
      case UTF8_BYTES -> {
        return text.getBytes(StandardCharsets.UTF_8).length;
      }
      case GRAPHEMES -> {
        Matcher m = GRAPHEME.matcher(text);
        int n = 0;
        while (m.find()) {
          n++;
        }
        return n;
      }
      case X_WEIGHTED -> {
        return TwitterTextParser.parseTweet(text).weightedLength;
      }
      default -> throw new AssertionError(this);
    }
  }

  /** Returns a short name for reports, e.g. {@code "X weighted length"}. */
  public String describe() {
    return switch (this) {
      case CODE_POINTS -> "characters (code points)";
      case UTF16_UNITS -> "UTF-16 units";
      case UTF8_BYTES -> "UTF-8 bytes";
      case GRAPHEMES -> "graphemes";
      default -> "X weighted length";
    };
  }
}
