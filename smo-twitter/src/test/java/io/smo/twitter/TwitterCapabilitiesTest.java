package io.smo.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Capabilities;
import io.smo.core.Feature;
import io.smo.core.MediaKind;
import io.smo.core.ReplyPolicy;
import io.smo.core.text.TextCounting;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Weighted counting boundaries (twitter-text v3) and the declared limits. */
class TwitterCapabilitiesTest {
  private final Capabilities caps = TwitterCapabilities.get();

  private boolean fits(String text) {
    return caps.textLimit().orElseThrow().fits(text);
  }

  @Test
  void latinCountsOnePerCharacter() {
    assertThat(fits("a".repeat(280))).isTrue();
    assertThat(fits("a".repeat(281))).isFalse();
  }

  @Test
  void cjkCountsTwo() {
    assertThat(TwitterCapabilities.weightedLength("漢")).isEqualTo(2);
    assertThat(fits("漢".repeat(140))).isTrue();
    assertThat(fits("漢".repeat(141))).isFalse();
    assertThat(fits("漢".repeat(139) + "ab")).isTrue();
    assertThat(fits("漢".repeat(139) + "abc")).isFalse();
  }

  @Test
  void emojiCountTwoEvenAsZwjSequences() {
    assertThat(TwitterCapabilities.weightedLength("😀")).isEqualTo(2);
    assertThat(TwitterCapabilities.weightedLength("👩‍👩‍👧‍👦")).isEqualTo(2);
    assertThat(TwitterCapabilities.weightedLength("👍🏽")).isEqualTo(2);
    assertThat(fits("😀".repeat(140))).isTrue();
    assertThat(fits("😀".repeat(140) + "a")).isFalse();
  }

  @Test
  void urlsCountTwentyThree() {
    String url = "https://example.com/" + "x".repeat(100);
    assertThat(TwitterCapabilities.weightedLength(url)).isEqualTo(23);
    assertThat(fits("a".repeat(256) + " " + url)).isTrue(); // 256 + 1 + 23 = 280
    assertThat(fits("a".repeat(257) + " " + url)).isFalse();
  }

  @Test
  void declaredLimits() {
    assertThat(caps.textLimit().get().counting()).isEqualTo(TextCounting.X_WEIGHTED);
    assertThat(caps.maxMediaItems()).isEqualTo(4);
    assertThat(caps.mixedMediaKinds()).isFalse();
    assertThat(caps.mediaRules().get(MediaKind.IMAGE).maxCount()).isEqualTo(4);
    assertThat(caps.mediaRules().get(MediaKind.GIF).maxCount()).isEqualTo(1);
    assertThat(caps.mediaRules().get(MediaKind.VIDEO).maxCount()).isEqualTo(1);
    assertThat(caps.mediaRules().get(MediaKind.VIDEO).maxDuration())
        .hasValueSatisfying(d -> assertThat(d.getSeconds()).isEqualTo(140));
    assertThat(caps.nativeScheduling()).isEmpty();
    assertThat(caps.supports(Feature.THREADS)).isTrue();
    assertThat(caps.supports(Feature.NATIVE_SCHEDULING)).isFalse();
  }

  @Test
  void replyPolicyMapping() {
    assertThat(
            TwitterCapabilities.replySettings(ReplyPolicy.MENTIONED_ONLY)
                .flatMap(TwitterOptions.ReplySettings::wireValue))
        .contains("mentionedUsers");
    assertThat(
            TwitterCapabilities.replySettings(ReplyPolicy.EVERYONE)
                .flatMap(TwitterOptions.ReplySettings::wireValue))
        .isEmpty();
    assertThat(TwitterCapabilities.replySettings(ReplyPolicy.NOBODY)).isEqualTo(Optional.empty());
  }
}
