package io.smo.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text counting. Expected X weighted lengths are NOT computed with our code: they are copied from
 * the twitter-text conformance suite, {@code conformance/tests/validate.yml} of
 * https://github.com/twitter/twitter-text (commit 3b8031c80efe49f16fd282a55e28eb23aef2ad85),
 * section {@code WeightedTweetsWithDiscountedEmojiCounterTest} (the v3 configuration X uses), and
 * from the rules on https://docs.x.com/resources/fundamentals/counting-characters (URL = 23, CJK =
 * 2, emoji sequence = 2). The strings are spelled with escapes so that the ZWJ (U+200D), skin-tone
 * modifiers and flags tags are visible.
 */
class TextCountingTest {
  static final String FAMILY =
      "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66"; // 👨‍👩‍👧‍👦
  static final String SINGER = "\uD83D\uDC68\u200D\uD83C\uDFA4"; // 👨‍🎤
  static final String RAISE_MEDIUM = "\uD83D\uDE4B\uD83C\uDFFD"; // 🙋🏽
  static final String CAT = "\uD83D\uDC31"; // 🐱
  static final String CJK_160 =
      "故人西辞黄鹤楼，烟花三月下扬州。孤帆远影碧空尽，唯见长江天际流。朱雀桥边野草花，乌衣巷口夕阳斜。"
          + "旧时王谢堂前燕，飞入寻常百姓家。朝辞白帝彩云间，千里江陵一日还。两岸猿声啼不住，轻舟已过万重山。泪湿罗巾梦不成，"
          + "夜深前殿按歌声。红颜未老恩先断，斜倚薰笼坐到明。独在异乡为异客，每逢佳节倍思亲。遥知兄弟登高处，遍插茱萸少一人。";

  @Test
  void conformanceUrlCountsAs23() {
    // validate.yml "Regular Tweet with url": weightedLength 26; "Just url": 23
    assertThat(TextCounting.X_WEIGHTED.count("Hi http://test.co")).isEqualTo(26);
    assertThat(TextCounting.X_WEIGHTED.count("http://test.co")).isEqualTo(23);
    // "10 url string, no overflow": 10 x (23 + 1 space) = 240
    assertThat(TextCounting.X_WEIGHTED.count("https://www.twitter.com/aloha ".repeat(10)))
        .isEqualTo(240);
    // a very long URL still counts 23
    assertThat(TextCounting.X_WEIGHTED.count("see https://example.com/" + "a".repeat(300)))
        .isEqualTo(27);
  }

  @Test
  void conformanceCjkCountsDouble() {
    assertThat(CJK_160.codePointCount(0, CJK_160.length())).isEqualTo(160);
    // "160 CJK char, overflow at char index 140": weightedLength 320
    assertThat(TextCounting.X_WEIGHTED.count(CJK_160)).isEqualTo(320);
    // "3 latin char + 160 CJK char": 323
    assertThat(TextCounting.X_WEIGHTED.count("the" + CJK_160)).isEqualTo(323);
  }

  @Test
  void conformanceEmojiSequencesCountTwo() {
    // "Count a mix of single byte single word, and double word unicode characters": H🐱☺👨‍👩‍👧‍👦
    // = 7
    assertThat(TextCounting.X_WEIGHTED.count("H" + CAT + "\u263A" + FAMILY)).isEqualTo(7);
    // "Count unicode emoji chars inside the basic multilingual plane": 😷👾😡🔥💩 = 10
    assertThat(
            TextCounting.X_WEIGHTED.count(
                "\uD83D\uDE37\uD83D\uDC7E\uD83D\uDE21\uD83D\uDD25\uD83D\uDCA9"))
        .isEqualTo(10);
    // "... outside the BMP with skin tone modifiers": 🙋🏽👨‍🎤 = 4 (skin tone and ZWJ sequences =
    // 2 each)
    assertThat(TextCounting.X_WEIGHTED.count(RAISE_MEDIUM + SINGER)).isEqualTo(4);
    // "Unicode 9.0 emoji": "Unicode 9.0 emoji: 🤠; 💃; 💃🏾" = 29
    assertThat(
            TextCounting.X_WEIGHTED.count(
                "Unicode 9.0 emoji: \uD83E\uDD20; \uD83D\uDC83; \uD83D\uDC83\uD83C\uDFFE"))
        .isEqualTo(29);
    // "140 family emoji": 280, valid
    assertThat(TextCounting.X_WEIGHTED.count(FAMILY.repeat(140))).isEqualTo(280);
  }

  @Test
  void conformanceNormalisation() {
    // "'Á' is normalized into 1 char" (A + combining acute): 2
    assertThat(TextCounting.X_WEIGHTED.count("A\u0301B")).isEqualTo(2);
  }

  @ParameterizedTest
  @CsvSource({
    // text, code points, UTF-16 units, UTF-8 bytes, graphemes
    "abc, 3, 3, 3, 3",
    "é, 1, 1, 2, 1",
    "日本語, 3, 3, 9, 3",
  })
  void simpleCountings(String text, int cp, int utf16, int utf8, int graphemes) {
    assertThat(TextCounting.CODE_POINTS.count(text)).isEqualTo(cp);
    assertThat(TextCounting.UTF16_UNITS.count(text)).isEqualTo(utf16);
    assertThat(TextCounting.UTF8_BYTES.count(text)).isEqualTo(utf8);
    assertThat(TextCounting.GRAPHEMES.count(text)).isEqualTo(graphemes);
  }

  @Test
  void emojiUnderEveryCounting() {
    // 👨‍👩‍👧‍👦: 4 emoji + 3 ZWJ = 7 code points, 11 UTF-16 units, 4*4+3*3 = 25 UTF-8 bytes, 1
    // grapheme
    assertThat(TextCounting.CODE_POINTS.count(FAMILY)).isEqualTo(7);
    assertThat(TextCounting.UTF16_UNITS.count(FAMILY)).isEqualTo(11);
    assertThat(TextCounting.UTF8_BYTES.count(FAMILY)).isEqualTo(25);
    assertThat(TextCounting.GRAPHEMES.count(FAMILY)).isEqualTo(1);
    assertThat(TextCounting.GRAPHEMES.count(RAISE_MEDIUM + SINGER)).isEqualTo(2);
    // flag of Scotland: black flag + 5 tag characters + cancel tag = 1 grapheme
    String scotland =
        "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
    assertThat(TextCounting.GRAPHEMES.count(scotland)).isEqualTo(1);
    assertThat(TextCounting.X_WEIGHTED.count(scotland)).isEqualTo(2);
  }

  @Test
  void nullAndEmptyCountZero() {
    for (TextCounting c : TextCounting.values()) {
      assertThat(c.count(null)).isZero();
      assertThat(c.count("")).isZero();
      assertThat(c.describe()).isNotBlank();
    }
  }

  @Test
  void limitBoundaries() {
    TextLimit l = TextLimit.of("text", 280, TextCounting.X_WEIGHTED);
    assertThat(l.fits("a".repeat(280))).isTrue();
    assertThat(l.fits("a".repeat(281))).isFalse();
    assertThat(l.fits("日".repeat(140))).isTrue();
    assertThat(l.fits("日".repeat(140) + "a")).isFalse();
    assertThat(l.fits(FAMILY.repeat(140))).isTrue();
    assertThat(l.fits(FAMILY.repeat(140) + "a")).isFalse();
    TextLimit bytes = TextLimit.of("description", 5000, TextCounting.UTF8_BYTES);
    assertThat(bytes.fits("é".repeat(2500))).isTrue();
    assertThat(bytes.fits("é".repeat(2500) + "a")).isFalse();
    assertThat(l.toString()).contains("280").contains("X weighted");
  }
}
