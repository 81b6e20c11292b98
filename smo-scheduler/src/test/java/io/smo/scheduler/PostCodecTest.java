package io.smo.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Platform;
import io.smo.core.PlatformOptions;
import io.smo.core.Post;
import io.smo.scheduler.internal.PostCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Options classes written to the SDK's conventions survive storage, whatever their setters look
 * like.
 */
class PostCodecTest {
  /** Varargs setter, plural accessor with a singular adder, optional values. */
  public static final class Sample implements PlatformOptions {
    private final List<Integer> keys;
    private final List<String> tags;
    private final String title;

    private Sample(Builder b) {
      keys = List.copyOf(b.keys);
      tags = List.copyOf(b.tags);
      title = b.title;
    }

    public static Builder builder() {
      return new Builder();
    }

    @Override
    public Platform platform() {
      return Platform.FACEBOOK;
    }

    public List<Integer> keys() {
      return keys;
    }

    public List<String> tags() {
      return tags;
    }

    public Optional<String> title() {
      return Optional.ofNullable(title);
    }

    public static final class Builder {
      private final List<Integer> keys = new ArrayList<>();
      private final List<String> tags = new ArrayList<>();
      private String title;

      public Builder keys(Integer... keys) {
        this.keys.addAll(List.of(keys));
        return this;
      }

      public Builder tag(String tag) {
        tags.add(tag);
        return this;
      }

      public Builder title(String title) {
        this.title = title;
        return this;
      }

      public Sample build() {
        return new Sample(this);
      }
    }
  }

  private final PostCodec codec = new PostCodec(io.smo.core.http.ApiRuntime.newObjectMapper());

  @Test
  void defaultsAndFilledOptionsRoundTrip() {
    Post empty = Post.builder().text("a").option(Sample.builder().build()).build();
    Post full =
        Post.builder()
            .text("b")
            .option(Sample.builder().keys(6, 24).tag("x").tag("y").title("t").build())
            .build();
    assertThat(codec.checkRoundTrip(empty)).isEmpty();
    assertThat(codec.checkRoundTrip(full)).isEmpty();
    Sample back = codec.decode(codec.encode(full)).options(Sample.class).orElseThrow();
    assertThat(back.keys()).containsExactly(6, 24);
    assertThat(back.tags()).containsExactly("x", "y");
    assertThat(back.title()).contains("t");
  }
}
