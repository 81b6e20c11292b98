package io.smo.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.text.TextCounting;
import io.smo.core.text.TextLimit;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostLinkAndTextTest {
  private static final Capabilities CAPS =
      Capabilities.builder(Platform.FACEBOOK)
          .textLimit(TextLimit.of("message", 63_206, TextCounting.CODE_POINTS))
          .visibilities(java.util.Set.of(Visibility.PUBLIC))
          .build();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private static List<Violation> validate(Post p) {
    return PostValidator.validate(p, CAPS, CLOCK);
  }

  @Test
  void linkMustBeAbsoluteHttp() {
    // a javascript:, mailto:, relative or host-less link validated clean and went to the platform
    for (String u :
        new String[] {
          "javascript:alert(1)", "/relative/path", "ftp://example.com/x", "https:///nohost"
        }) {
      assertThat(validate(Post.builder().text("hi").link(URI.create(u)).build()))
          .as(u)
          .extracting(Violation::rule)
          .containsExactly("link-scheme");
    }
    assertThat(
            validate(Post.builder().text("hi").link(URI.create("HTTPS://example.com/a")).build()))
        .isEmpty();
  }

  @Test
  void textMustBeValidUnicode() {
    // an unpaired surrogate validated clean; on the wire (UTF-8) it becomes '?' or is refused
    assertThat(validate(Post.builder().text("broken \uD83D emoji").build()))
        .extracting(Violation::rule)
        .containsExactly("text-encoding");
    assertThat(validate(Post.builder().text("ok \uD83D\uDE00 \u05E9\u05DC\u05D5\u05DD").build()))
        .isEmpty();
    assertThat(validate(Post.builder().text("nul \u0000 inside").build()))
        .extracting(Violation::rule)
        .containsExactly("text-encoding");
  }
}
