package io.smo.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MediaUrlTest {
  @Test
  void urlWithoutHostIsRejected() {
    // "http:foo" (opaque) and "https:///a.jpg" (no authority) passed as "absolute http(s)"
    for (String u : new String[] {"http:foo", "https:///a.jpg", "http:/relative.jpg"}) {
      assertThatThrownBy(() -> Media.fromUrl(URI.create(u), MediaKind.IMAGE))
          .as(u)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(u);
    }
  }

  @Test
  void schemeIsCaseInsensitive() {
    // RFC 3986 section 3.1: schemes are case-insensitive; "HTTPS://" was refused
    assertThat(Media.fromUrl(URI.create("HTTPS://cdn.example.com/a.jpg"), MediaKind.IMAGE).url())
        .contains(URI.create("HTTPS://cdn.example.com/a.jpg"));
    assertThat(Media.fromUrl(URI.create("Http://cdn.example.com/a.mp4"), MediaKind.VIDEO).kind())
        .isEqualTo(MediaKind.VIDEO);
  }
}
