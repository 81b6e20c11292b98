package io.smo.core.text;

import static io.smo.core.text.TextCountingTest.FAMILY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextFittingTest {
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  /**
   * Asserts that {@code head} (without the ellipsis) ends on a grapheme boundary of {@code full}.
   */
  private static void assertGraphemePrefix(String full, String truncated) {
    assertThat(truncated).endsWith(TextFitting.ELLIPSIS);
    String head = truncated.substring(0, truncated.length() - TextFitting.ELLIPSIS.length());
    assertThat(full).startsWith(head);
    Matcher m = GRAPHEME.matcher(full);
    boolean boundary = head.isEmpty();
    while (m.find()) {
      if (m.end() == head.length()) {
        boundary = true;
      }
    }
    assertThat(boundary).as("cut at %d is a grapheme boundary", head.length()).isTrue();
    if (!head.isEmpty()) {
      assertThat(Character.isHighSurrogate(head.charAt(head.length() - 1))).isFalse();
      assertThat(head.charAt(head.length() - 1)).isNotEqualTo('\u200D');
    }
  }

  @Test
  void textThatFitsIsUnchanged() {
    TextLimit l = TextLimit.of("text", 10, TextCounting.CODE_POINTS);
    assertThat(TextFitting.truncate("0123456789", l)).isEqualTo("0123456789");
    assertThat(TextFitting.split("0123456789", l)).containsExactly("0123456789");
  }

  @Test
  void truncatesToLimitIncludingEllipsis() {
    TextLimit l = TextLimit.of("text", 10, TextCounting.CODE_POINTS);
    String t = TextFitting.truncate("abcdefghijklmnop", l);
    assertThat(t).isEqualTo("abcdefghi…");
    assertThat(l.fits(t)).isTrue();
  }

  @Test
  void neverCutsInsideZwjSequenceOrSurrogatePair() {
    // 3 families = 33 UTF-16 units; a limit of 20 units would cut inside the second family
    String text = FAMILY + FAMILY + FAMILY;
    TextLimit l = TextLimit.of("text", 20, TextCounting.UTF16_UNITS);
    String t = TextFitting.truncate(text, l);
    assertGraphemePrefix(text, t);
    assertThat(t).isEqualTo(FAMILY + "…");
    // code points: a family is 7, limit 10 must keep one whole family
    TextLimit cp = TextLimit.of("text", 10, TextCounting.CODE_POINTS);
    assertThat(TextFitting.truncate(text, cp)).isEqualTo(FAMILY + "…");
    // skin tone modifier stays with its base
    String wave = "\uD83D\uDC4B\uD83C\uDFFD"; // 👋🏽
    String t2 =
        TextFitting.truncate("ab" + wave + wave, TextLimit.of("t", 6, TextCounting.UTF16_UNITS));
    assertGraphemePrefix("ab" + wave + wave, t2);
    assertThat(t2).isEqualTo("ab…");
    // lone astral characters are never split into a lone surrogate
    String cats = "\uD83D\uDC31".repeat(5);
    String t3 = TextFitting.truncate(cats, TextLimit.of("t", 6, TextCounting.UTF16_UNITS));
    assertGraphemePrefix(cats, t3);
    assertThat(t3).isEqualTo("\uD83D\uDC31\uD83D\uDC31…");
  }

  @Test
  void neverCutsInsideAUrl() {
    String url = "https://example.com/a/very/long/path/segment";
    String text = "Read this " + url + " today";
    for (int max = 12; max < text.length(); max++) {
      TextLimit l = TextLimit.of("text", max, TextCounting.CODE_POINTS);
      String t = TextFitting.truncate(text, l);
      assertThat(l.fits(t)).isTrue();
      String head = t.substring(0, t.length() - 1);
      // either the whole URL is kept or none of it
      boolean partial = head.contains("https") && !head.contains(url);
      assertThat(partial).as("limit %d gave '%s'", max, t).isFalse();
      assertGraphemePrefix(text, t);
    }
  }

  @Test
  void xWeightedTruncationKeepsUrlsWhole() {
    // under X counting a URL costs 23 whatever its length
    String url = "https://example.com/" + "x".repeat(100);
    String text = "a".repeat(250) + " " + url + " " + "b".repeat(100);
    TextLimit x = TextLimit.of("text", 280, TextCounting.X_WEIGHTED);
    String t = TextFitting.truncate(text, x);
    assertThat(x.fits(t)).isTrue();
    assertThat(t).contains(url);
    assertThat(TextCounting.X_WEIGHTED.count(t)).isLessThanOrEqualTo(280);
  }

  @Test
  void splitsIntoPartsThatEachFitAndKeepAllWords() {
    String text = "one two three four five six seven eight nine ten eleven twelve";
    TextLimit l = TextLimit.of("text", 15, TextCounting.CODE_POINTS);
    List<String> parts = TextFitting.split(text, l);
    assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(l.fits(p)).isTrue());
    assertThat(String.join(" ", parts)).isEqualTo(text);
    // whitespace preferred: no word broken
    assertThat(parts).allSatisfy(p -> assertThat(p).doesNotStartWith(" ").doesNotEndWith(" "));
    assertThat(parts).contains("one two three");
  }

  @Test
  void splitKeepsGraphemesAndUrlsWhole() {
    String text = (FAMILY + " ").repeat(10) + "https://example.com/path";
    TextLimit l = TextLimit.of("text", 30, TextCounting.UTF16_UNITS);
    List<String> parts = TextFitting.split(text, l);
    assertThat(parts).allSatisfy(p -> assertThat(l.fits(p)).isTrue());
    assertThat(parts).anySatisfy(p -> assertThat(p).contains("https://example.com/path"));
    assertThat(String.join("", parts).replace(" ", "")).isEqualTo(text.replace(" ", ""));
    for (String p : parts) {
      assertThat(p.replace(FAMILY, "").replace(" ", ""))
          .satisfiesAnyOf(
              s -> assertThat(s).isEmpty(),
              s -> assertThat(s).isEqualTo("https://example.com/path"));
    }
  }

  @Test
  void splitRefusesAUrlLongerThanTheLimit() {
    TextLimit l = TextLimit.of("text", 10, TextCounting.CODE_POINTS);
    assertThatThrownBy(() -> TextFitting.split("https://example.com/long/path", l))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("URL");
  }

  /**
   * Regression: splitting re-counted and re-scanned the whole remaining text for every part
   * (quadratic and worse): 80,000 characters took over a minute, a 200,000-character text minutes.
   * The bound is only a guard against the hang, set far above the expected time.
   */
  @Test
  void splittingLongTextIsNotQuadratic() {
    String text = "word ".repeat(40_000) + "https://example.com/" + "a".repeat(3_000) + " end";
    TextLimit x = TextLimit.of("text", 280, TextCounting.X_WEIGHTED);
    List<String> parts =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(60), () -> TextFitting.split(text, x));
    assertThat(parts).hasSizeGreaterThan(700).allSatisfy(p -> assertThat(x.fits(p)).isTrue());
    assertThat(String.join(" ", parts)).isEqualTo(text.strip());
    assertThat(parts.get(parts.size() - 1)).endsWith(" end").contains("https://example.com/");
    String truncated =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(60), () -> TextFitting.truncate(text.repeat(10), x));
    assertThat(x.fits(truncated)).isTrue();
    assertThat(truncated).startsWith("word word").endsWith(TextFitting.ELLIPSIS);
  }
}
