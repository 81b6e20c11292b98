package io.smo.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.exception.ValidationException;
import io.smo.core.fake.FakeTime;
import io.smo.core.fake.TestMedia;
import io.smo.core.media.MediaFormat;
import io.smo.core.text.TextCounting;
import io.smo.core.text.TextLimit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostValidatorTest {
  static final Clock CLOCK = new FakeTime();
  static final Instant NOW = CLOCK.instant();

  static final Capabilities CAPS =
      Capabilities.builder(Platform.TWITTER)
          .textLimit(TextLimit.of("text", 280, TextCounting.X_WEIGHTED))
          .maxMediaItems(4)
          .mediaRule(
              MediaRule.builder(MediaKind.IMAGE)
                  .formats(MediaFormat.JPEG, MediaFormat.PNG)
                  .maxCount(4)
                  .maxBytes(1_000_000)
                  .build())
          .mediaRule(
              MediaRule.builder(MediaKind.VIDEO)
                  .maxCount(1)
                  .maxBytes(512L << 20)
                  .duration(Duration.ofMillis(500), Duration.ofSeconds(140))
                  .aspectRatio(1 / 3.0, 3.0)
                  .build())
          .mediaRule(MediaRule.builder(MediaKind.GIF).maxCount(1).build())
          .audienceDimensions(Set.of(AudienceDimension.REPLY_POLICY, AudienceDimension.COUNTRIES))
          .visibilities(Set.of(Visibility.PUBLIC, Visibility.FOLLOWERS))
          .nativeScheduling(SchedulingWindow.of(Duration.ofMinutes(10), Duration.ofDays(30)))
          .features(Set.of(Feature.THREADS))
          .build();

  @TempDir Path dir;

  static List<Violation> validate(Post post) {
    return PostValidator.validate(post, CAPS, CLOCK);
  }

  static List<Violation> validate(Post post, Capabilities caps) {
    return PostValidator.validate(post, caps, CLOCK);
  }

  static Set<String> rules(List<Violation> v) {
    return v.stream().map(Violation::rule).collect(Collectors.toSet());
  }

  static Post text(String t) {
    return Post.builder().text(t).build();
  }

  static Post media(Media... m) {
    return Post.builder().media(List.of(m)).build();
  }

  @Nested
  class Emptiness {
    @Test
    void postWithNeitherTextNorMediaIsRejected() {
      List<Violation> v = validate(Post.builder().build());
      assertThat(v)
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.rule()).isEqualTo("not-empty");
                assertThat(x.field()).isEqualTo("post");
                assertThat(x.platform()).isEqualTo(Platform.TWITTER);
              });
      assertThat(rules(validate(text("   \n")))).contains("not-empty");
    }

    @Test
    void singleCharacterIsEnough() {
      assertThat(validate(text("a"))).isEmpty();
    }

    @Test
    void mediaRequiredPlatformRejectsTextOnly() {
      Capabilities pin = CAPS.toBuilder().mediaRequired(true).build();
      assertThat(validate(text("hello"), pin))
          .extracting(Violation::rule)
          .containsExactly("media-required");
    }

    @Test
    void textOnPlatformWithoutTextIsRejected() throws Exception {
      Capabilities noText =
          Capabilities.builder(Platform.SNAPCHAT)
              .maxMediaItems(1)
              .mediaRule(MediaRule.builder(MediaKind.IMAGE).build())
              .build();
      Path img = TestMedia.image(dir.resolve("a.jpg"), "jpg", 10, 10);
      Post p = Post.builder().text("hi").addMedia(Media.fromFile(img)).build();
      assertThat(validate(p, noText))
          .extracting(Violation::rule)
          .containsExactly("text-unsupported");
    }
  }

  @Nested
  class TextLength {
    @Test
    void boundaryAt280Weighted() {
      assertThat(validate(text("a".repeat(280)))).isEmpty();
      List<Violation> v = validate(text("a".repeat(281)));
      assertThat(v)
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.rule()).isEqualTo("max-length");
                assertThat(x.field()).isEqualTo("text");
                assertThat(x.actual()).isEqualTo("281");
                assertThat(x.limit()).isEqualTo("280");
                assertThat(x.message()).contains("X weighted length");
              });
    }

    @Test
    void cjkAndEmojiCountDouble() {
      assertThat(validate(text("日".repeat(140)))).isEmpty();
      assertThat(rules(validate(text("日".repeat(141))))).containsExactly("max-length");
      String family = TextCountingFixtures.FAMILY;
      assertThat(validate(text(family.repeat(140)))).isEmpty();
      assertThat(validate(text(family.repeat(141))))
          .extracting(Violation::actual)
          .containsExactly("282");
    }

    @Test
    void urlsCount23() {
      String url = "https://example.com/" + "x".repeat(400);
      // 257 + 23 = 280 fits although the raw text is ~680 characters
      assertThat(validate(text("a".repeat(256) + " " + url))).isEmpty();
      assertThat(validate(text("a".repeat(257) + " " + url)))
          .extracting(Violation::actual)
          .containsExactly("281");
    }

    @Test
    void otherCountings() {
      Capabilities yt =
          CAPS.toBuilder().textLimit(TextLimit.of("text", 10, TextCounting.UTF8_BYTES)).build();
      assertThat(validate(text("ééééé"), yt)).isEmpty();
      assertThat(validate(text("ééééé!"), yt))
          .extracting(Violation::rule)
          .containsExactly("max-length");
      Capabilities cp =
          CAPS.toBuilder().textLimit(TextLimit.of("text", 2, TextCounting.CODE_POINTS)).build();
      assertThat(validate(text("\uD83D\uDC31\uD83D\uDC31"), cp)).isEmpty();
      assertThat(validate(text("\uD83D\uDC31\uD83D\uDC31a"), cp)).isNotEmpty();
    }

    @Test
    void truncatePolicyAcceptsAndAdaptCuts() {
      Post p = Post.builder().text("word ".repeat(100)).textOverflow(TextOverflow.TRUNCATE).build();
      assertThat(validate(p)).isEmpty();
      Post adapted = PostValidator.adapt(p, CAPS);
      assertThat(TextCounting.X_WEIGHTED.count(adapted.text())).isLessThanOrEqualTo(280);
      assertThat(adapted.text()).endsWith("…");
      assertThat(adapted.idempotencyKey()).isEqualTo(p.idempotencyKey());
      // REJECT posts are never changed by adapt
      Post reject = text("word ".repeat(100));
      assertThat(PostValidator.adapt(reject, CAPS)).isSameAs(reject);
    }

    @Test
    void threadPolicyNeedsThreads() {
      Post p = Post.builder().text("word ".repeat(100)).textOverflow(TextOverflow.THREAD).build();
      assertThat(validate(p)).isEmpty();
      Capabilities noThreads = CAPS.toBuilder().features(Set.of()).build();
      assertThat(validate(p, noThreads))
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.rule()).isEqualTo("max-length");
                assertThat(v.message()).contains("no threads");
              });
    }

    @Test
    void threadPolicyReportsUnsplittableText() {
      Capabilities cp =
          CAPS.toBuilder().textLimit(TextLimit.of("text", 20, TextCounting.CODE_POINTS)).build();
      Post p =
          Post.builder()
              .text("see https://example.com/a/long/path/here")
              .textOverflow(TextOverflow.THREAD)
              .build();
      assertThat(validate(p, cp)).extracting(Violation::rule).containsExactly("thread-split");
    }

    @Test
    void explicitThreadParts() {
      Post ok = Post.builder().text("first").thread(List.of("a".repeat(280), "b")).build();
      assertThat(validate(ok)).isEmpty();
      Post tooLong = Post.builder().text("first").thread(List.of("b", "a".repeat(281))).build();
      assertThat(validate(tooLong))
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.field()).isEqualTo("thread[1]");
                assertThat(v.rule()).isEqualTo("max-length");
              });
      Capabilities noThreads = CAPS.toBuilder().features(Set.of()).build();
      assertThat(validate(ok, noThreads))
          .extracting(Violation::rule)
          .containsExactly("threads-unsupported");
    }
  }

  @Nested
  class MediaRules {
    @Test
    void missingFile() {
      List<Violation> v = validate(media(Media.fromFile(dir.resolve("nope.jpg"))));
      assertThat(v)
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.rule()).isEqualTo("media-missing");
                assertThat(x.field()).isEqualTo("media[0]");
              });
      // a directory is not a media file either
      assertThat(rules(validate(media(Media.fromFile(dir))))).containsExactly("media-missing");
    }

    @Test
    void unreadableFile() throws Exception {
      Path f;
      boolean root = "root".equals(System.getProperty("user.name"));
      if (!root) {
        f = TestMedia.image(dir.resolve("locked.jpg"), "jpg", 10, 10);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
      } else {
        // root reads any file regardless of permissions: use a regular file whose read fails (EIO)
        f = Path.of("/proc/self/mem");
        Assumptions.assumeTrue(Files.isRegularFile(f), "needs Linux /proc/self/mem");
      }
      assertThat(validate(media(Media.fromFile(f))))
          .extracting(Violation::rule)
          .containsExactly("media-unreadable");
    }

    @Test
    void contentDifferentFromExtension() throws Exception {
      Path png = TestMedia.image(dir.resolve("photo.png"), "png", 10, 10);
      Path lying = Files.move(png, dir.resolve("photo.jpg"));
      List<Violation> v = validate(media(Media.fromFile(lying)));
      assertThat(v)
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.rule()).isEqualTo("media-content-mismatch");
                assertThat(x.actual()).isEqualTo("PNG");
                assertThat(x.limit()).isEqualTo("JPEG");
              });
      // the kind comes from the content, not the name
      assertThat(Media.fromFile(lying).mimeType()).isEqualTo("image/png");
      // MP4 content in a .mov name is still a video: accepted
      Path mov = TestMedia.video(dir.resolve("clip.mov"), "isom", 5_000, 1280, 720, false);
      assertThat(validate(media(Media.fromFile(mov)))).isEmpty();
      // unknown extensions make no claim
      Path noExt = TestMedia.image(dir.resolve("photo.bin"), "jpg", 10, 10);
      assertThat(validate(media(Media.fromFile(noExt)))).isEmpty();
    }

    @Test
    void unknownFormat() throws Exception {
      Path txt = Files.writeString(dir.resolve("notes.jpg"), "just some text, not an image");
      assertThat(validate(media(Media.fromFile(txt))))
          .singleElement()
          .satisfies(x -> assertThat(x.rule()).isEqualTo("media-format"));
      assertThat(rules(validate(media(Media.fromBytes("hello".getBytes(StandardCharsets.UTF_8))))))
          .containsExactly("media-format");
      Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
      assertThat(rules(validate(media(Media.fromFile(empty))))).containsExactly("media-format");
    }

    @Test
    void formatNotAcceptedForKind() throws Exception {
      byte[] webp =
          java.util.Arrays.copyOf("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), 64);
      Path f = Files.write(dir.resolve("a.webp"), webp);
      assertThat(validate(media(Media.fromFile(f))))
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.rule()).isEqualTo("media-format");
                assertThat(x.actual()).isEqualTo("WEBP");
              });
    }

    @Test
    void kindNotAccepted() throws Exception {
      Capabilities noGif = CAPS.toBuilder().build();
      Capabilities.Builder b =
          Capabilities.builder(Platform.TWITTER)
              .maxMediaItems(4)
              .textLimit(TextLimit.of("text", 280, TextCounting.X_WEIGHTED))
              .mediaRule(noGif.mediaRules().get(MediaKind.IMAGE));
      Path gif = TestMedia.image(dir.resolve("a.gif"), "gif", 10, 10);
      assertThat(validate(media(Media.fromFile(gif)), b.build()))
          .singleElement()
          .satisfies(x -> assertThat(x.rule()).isEqualTo("media-kind"));
      assertThat(validate(media(Media.fromFile(gif)))).isEmpty();
    }

    @Test
    void sizeBoundary() throws Exception {
      Path jpg = TestMedia.image(dir.resolve("a.jpg"), "jpg", 50, 50);
      long size = Files.size(jpg);
      Capabilities exact =
          CAPS.toBuilder()
              .mediaRule(
                  MediaRule.builder(MediaKind.IMAGE)
                      .formats(MediaFormat.JPEG)
                      .maxCount(4)
                      .maxBytes(size)
                      .build())
              .build();
      assertThat(validate(media(Media.fromFile(jpg)), exact)).isEmpty();
      Capabilities smaller =
          CAPS.toBuilder()
              .mediaRule(
                  MediaRule.builder(MediaKind.IMAGE)
                      .formats(MediaFormat.JPEG)
                      .maxCount(4)
                      .maxBytes(size - 1)
                      .build())
              .build();
      assertThat(validate(media(Media.fromFile(jpg)), smaller))
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.rule()).isEqualTo("max-bytes");
                assertThat(x.actual()).isEqualTo(String.valueOf(size));
                assertThat(x.limit()).isEqualTo(String.valueOf(size - 1));
              });
    }

    @Test
    void countBoundary() throws Exception {
      Media img = Media.fromFile(TestMedia.image(dir.resolve("a.png"), "png", 10, 10));
      assertThat(validate(media(img, img, img, img))).isEmpty();
      List<Violation> v = validate(media(img, img, img, img, img));
      assertThat(rules(v)).containsExactlyInAnyOrder("max-count", "max-count-image");
      assertThat(v)
          .filteredOn(x -> x.rule().equals("max-count"))
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.actual()).isEqualTo("5");
                assertThat(x.limit()).isEqualTo("4");
              });
      Media gif = Media.fromFile(TestMedia.image(dir.resolve("a.gif"), "gif", 10, 10));
      Capabilities mixed = CAPS.toBuilder().mixedMediaKinds(true).build();
      assertThat(rules(validate(media(gif, gif), mixed))).containsExactly("max-count-gif");
    }

    @Test
    void mixedKinds() throws Exception {
      Media img = Media.fromFile(TestMedia.image(dir.resolve("a.png"), "png", 10, 10));
      Media vid =
          Media.fromFile(TestMedia.video(dir.resolve("v.mp4"), "isom", 5_000, 640, 360, true));
      assertThat(rules(validate(media(img, vid)))).containsExactly("mixed-media");
      assertThat(validate(media(img, vid), CAPS.toBuilder().mixedMediaKinds(true).build()))
          .isEmpty();
    }

    @Test
    void videoDurationBoundaries() throws Exception {
      Path max = TestMedia.video(dir.resolve("max.mp4"), "isom", 140_000, 1280, 720, true);
      assertThat(validate(media(Media.fromFile(max)))).isEmpty();
      Path over = TestMedia.video(dir.resolve("over.mp4"), "isom", 140_001, 1280, 720, true);
      assertThat(validate(media(Media.fromFile(over))))
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.rule()).isEqualTo("video-duration");
                assertThat(x.actual()).isEqualTo("PT2M20.001S");
                assertThat(x.limit()).isEqualTo("PT2M20S");
              });
      Path min = TestMedia.video(dir.resolve("min.mp4"), "isom", 500, 1280, 720, true);
      assertThat(validate(media(Media.fromFile(min)))).isEmpty();
      Path under = TestMedia.video(dir.resolve("under.mp4"), "isom", 499, 1280, 720, true);
      assertThat(validate(media(Media.fromFile(under))))
          .extracting(Violation::rule)
          .containsExactly("video-duration");
    }

    @Test
    void videoAspectRatioBoundaries() throws Exception {
      // limits 1:3 .. 3:1
      Path tall = TestMedia.video(dir.resolve("tall.mp4"), "isom", 5_000, 300, 900, false);
      assertThat(validate(media(Media.fromFile(tall)))).isEmpty();
      Path tooTall = TestMedia.video(dir.resolve("tooTall.mp4"), "isom", 5_000, 300, 1000, false);
      assertThat(validate(media(Media.fromFile(tooTall))))
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.rule()).isEqualTo("aspect-ratio");
                assertThat(x.actual()).isEqualTo("0.300");
              });
      Path wide = TestMedia.video(dir.resolve("wide.mp4"), "isom", 5_000, 900, 300, false);
      assertThat(validate(media(Media.fromFile(wide)))).isEmpty();
      Path tooWide = TestMedia.video(dir.resolve("tooWide.mp4"), "isom", 5_000, 1000, 300, false);
      assertThat(rules(validate(media(Media.fromFile(tooWide))))).containsExactly("aspect-ratio");
    }

    @Test
    void urlMediaIsNotInspected() {
      Media m =
          Media.fromUrl(java.net.URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO);
      assertThat(validate(media(m))).isEmpty();
      assertThatThrownBy(
              () -> Media.fromUrl(java.net.URI.create("file:///etc/passwd"), MediaKind.IMAGE))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class AudienceRules {
    Post with(Audience a) {
      return Post.builder().text("hi").audience(a).build();
    }

    @Test
    void countries() {
      assertThat(validate(with(Audience.builder().countries("us", "GB", " de ").build())))
          .isEmpty();
      List<Violation> v = validate(with(Audience.builder().countries("US", "XX", "UK").build()));
      assertThat(v).extracting(Violation::rule).containsOnly("iso-3166");
      assertThat(v).extracting(Violation::actual).containsExactlyInAnyOrder("XX", "UK");
      assertThat(v).extracting(Violation::field).containsOnly("audience.countries");
    }

    @Test
    void ageRange() {
      Audience bad = Audience.builder().ageRange(AgeRange.of(30, 18)).dropUnsupported(true).build();
      assertThat(validate(with(bad)))
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.rule()).isEqualTo("age-range-order");
                assertThat(x.field()).isEqualTo("audience.ageRange");
              });
      assertThat(AgeRange.of(18, 18).isValid()).isTrue();
      assertThat(AgeRange.of(19, 18).isValid()).isFalse();
      assertThat(AgeRange.of(-1, 18).isValid()).isFalse();
      assertThat(AgeRange.atLeast(0).isValid()).isTrue();
    }

    @Test
    void unsupportedDimensionsUnlessDropped() {
      Audience a =
          Audience.builder()
              .ageRange(AgeRange.of(18, 34))
              .languages(Locale.GERMAN)
              .countries("DE")
              .replyPolicy(ReplyPolicy.FOLLOWING)
              .build();
      List<Violation> v = validate(with(a));
      assertThat(v).extracting(Violation::rule).containsOnly("audience-unsupported");
      assertThat(v)
          .extracting(Violation::field)
          .containsExactlyInAnyOrder("audience.ageRange", "audience.languages");
      assertThat(validate(with(a.toBuilder().dropUnsupported(true).build()))).isEmpty();
    }

    @Test
    void dropUnsupportedStillChecksValues() {
      Audience a =
          Audience.builder()
              .countries("ZZ")
              .ageRange(AgeRange.of(40, 20))
              .languages(Locale.ROOT)
              .dropUnsupported(true)
              .build();
      assertThat(rules(validate(with(a))))
          .containsExactlyInAnyOrder("iso-3166", "age-range-order", "bcp-47");
    }

    @Test
    void visibility() {
      assertThat(validate(with(Audience.builder().visibility(Visibility.FOLLOWERS).build())))
          .isEmpty();
      assertThat(validate(with(Audience.builder().visibility(Visibility.PRIVATE).build())))
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.rule()).isEqualTo("visibility-unsupported");
                assertThat(x.actual()).isEqualTo("PRIVATE");
              });
      // dropUnsupported does not silently make a private post public
      assertThat(
              rules(
                  validate(
                      with(
                          Audience.builder()
                              .visibility(Visibility.PRIVATE)
                              .dropUnsupported(true)
                              .build()))))
          .containsExactly("visibility-unsupported");
    }
  }

  @Nested
  class Scheduling {
    Post at(Instant t) {
      return Post.builder().text("hi").scheduledAt(t).build();
    }

    @Test
    void windowBoundaries() {
      assertThat(validate(at(NOW.plus(Duration.ofMinutes(10))))).isEmpty();
      assertThat(validate(at(NOW.plus(Duration.ofDays(30))))).isEmpty();
      assertThat(rules(validate(at(NOW.plus(Duration.ofMinutes(10)).minusSeconds(1)))))
          .containsExactly("scheduling-window");
      assertThat(rules(validate(at(NOW.plus(Duration.ofDays(30)).plusSeconds(1)))))
          .containsExactly("scheduling-window");
      assertThat(rules(validate(at(NOW.minusSeconds(60))))).containsExactly("scheduling-window");
    }

    @Test
    void platformWithoutScheduling() {
      Capabilities none = CAPS.toBuilder().nativeScheduling(null).build();
      assertThat(none.supports(Feature.NATIVE_SCHEDULING)).isFalse();
      assertThat(rules(validate(at(NOW.plus(Duration.ofHours(1))), none)))
          .containsExactly("scheduling-unsupported");
    }
  }

  @Test
  void everyViolationAtOnceBeforeAnyNetworkCall() {
    Post p =
        Post.builder()
            .text("a".repeat(300))
            .addMedia(Media.fromFile(dir.resolve("missing.mp4")))
            .audience(Audience.builder().countries("QQ").ageRange(AgeRange.of(50, 20)).build())
            .scheduledAt(NOW.plusSeconds(5))
            .build();
    List<Violation> v = validate(p);
    assertThat(rules(v))
        .contains(
            "max-length",
            "media-missing",
            "iso-3166",
            "age-range-order",
            "audience-unsupported",
            "scheduling-window");
    assertThat(v).allSatisfy(x -> assertThat(x.platform()).isEqualTo(Platform.TWITTER));
    assertThatThrownBy(() -> PostValidator.check(p, CAPS, CLOCK))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.violations()).isEqualTo(v);
              assertThat(e.platform()).hasValue(Platform.TWITTER);
              assertThat(e.getMessage()).contains(v.size() + " violations").contains("media[0]");
            });
  }

  /** Shared strings. */
  static final class TextCountingFixtures {
    static final String FAMILY =
        "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
  }
}
