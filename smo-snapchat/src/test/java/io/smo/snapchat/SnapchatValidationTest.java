package io.smo.snapchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.AgeRange;
import io.smo.core.Audience;
import io.smo.core.Media;
import io.smo.core.Post;
import io.smo.core.Violation;
import io.smo.core.exception.ValidationException;
import io.smo.snapchat.SnapchatOptions.Ads;
import io.smo.snapchat.SnapchatOptions.Destination;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline checks: nothing here reaches a network (the base URL is unroutable). */
class SnapchatValidationTest {
  @TempDir Path dir;
  SnapchatClient client;
  Path jpg;
  Path mp4;

  @BeforeEach
  void setUp() throws Exception {
    client =
        SnapchatClient.builder()
            .accountId("p1")
            .adAccountId("a1")
            .accessToken("t")
            .baseUrl(URI.create("http://127.0.0.1:9/"))
            .build();
    jpg = TestMedia.jpeg(dir, "a.jpg", 0);
    mp4 = TestMedia.mp4(dir, "a.mp4", 10, 100);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static List<String> rules(List<Violation> v) {
    return v.stream().map(Violation::rule).collect(Collectors.toList());
  }

  private static Ads.Builder ads() {
    return Ads.builder().headline("Spring is here").brandName("Acme").dailyBudgetMicro(20_000_000L);
  }

  @Test
  void targetingWithoutAdsIsAValidationErrorThatSaysSo() {
    Post post =
        Post.builder()
            .addMedia(Media.fromFile(jpg))
            .audience(Audience.builder().countries("US").ageRange(AgeRange.of(18, 34)).build())
            .build();
    assertThatThrownBy(() -> client.publish(post))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e -> {
              Violation v = ((ValidationException) e).violations().get(0);
              assertThat(v.rule()).isEqualTo("targeting-requires-ads");
              assertThat(v.message()).contains("SnapchatOptions.ads");
            });
  }

  @Test
  void targetingDroppedExplicitlyPostsOrganically() {
    Post post =
        Post.builder()
            .addMedia(Media.fromFile(jpg))
            .audience(Audience.builder().countries("US").dropUnsupported(true).build())
            .build();
    assertThat(client.validate(post)).isEmpty();
  }

  @Test
  void targetingWithAdsIsValid() {
    Post post =
        Post.builder()
            .addMedia(Media.fromFile(jpg))
            .audience(
                Audience.builder()
                    .countries("US", "CA")
                    .languages(Locale.ENGLISH)
                    .ageRange(AgeRange.of(18, 34))
                    .interests(List.of("SLC_7"))
                    .build())
            .option(SnapchatOptions.builder().ads(ads().build()).build())
            .build();
    assertThat(client.validate(post)).isEmpty();
  }

  @Test
  void headlineAndBrandLimits() {
    Post post =
        Post.builder()
            .addMedia(Media.fromFile(jpg))
            .audience(Audience.builder().countries("US").build())
            .option(
                SnapchatOptions.builder()
                    .ads(ads().headline("x".repeat(35)).brandName("y".repeat(33)).build())
                    .build())
            .build();
    List<Violation> v = client.validate(post);
    assertThat(v)
        .extracting(Violation::field)
        .contains("options.snapchat.ads.headline", "options.snapchat.ads.brandName");
    assertThat(v).extracting(Violation::limit).contains("34", "32");
  }

  @Test
  void adsNeedBudgetGeoHeadlineAndSaneTimes() {
    Post post =
        Post.builder()
            .addMedia(Media.fromFile(jpg))
            .option(
                SnapchatOptions.builder()
                    .ads(
                        Ads.builder()
                            .brandName("Acme")
                            .endTime(java.time.Instant.parse("2000-01-01T00:00:00Z"))
                            .build())
                    .build())
            .build();
    assertThat(rules(client.validate(post)))
        .contains("required", "budget-required", "geo-required", "end-in-past");
  }

  @Test
  void badInterestAndRegionKeys() {
    Post post =
        Post.builder()
            .addMedia(Media.fromFile(jpg))
            .audience(
                Audience.builder()
                    .countries("US", "CA")
                    .regions(List.of("3832"))
                    .interests(List.of("sports"))
                    .build())
            .option(SnapchatOptions.builder().ads(ads().build()).build())
            .build();
    assertThat(rules(client.validate(post))).contains("region-key", "interest-id");
  }

  @Test
  void storiesTakeNoTextSpotlightTakesVideoOnly() {
    Post story = Post.builder().text("hello").addMedia(Media.fromFile(jpg)).build();
    assertThat(rules(client.validate(story))).contains("text-unsupported");
    Post spot =
        Post.builder()
            .text("hello")
            .addMedia(Media.fromFile(jpg))
            .option(SnapchatOptions.builder().destination(Destination.SPOTLIGHT).build())
            .build();
    assertThat(rules(client.validate(spot))).containsExactly("spotlight-video");
    Post okSpot =
        Post.builder()
            .text("hello #spring")
            .addMedia(Media.fromFile(mp4))
            .option(SnapchatOptions.builder().destination(Destination.SPOTLIGHT).build())
            .build();
    assertThat(client.validate(okSpot)).isEmpty();
  }

  @Test
  void coreRulesApply() {
    assertThat(rules(client.validate(Post.builder().text("only text").build())))
        .contains("media-required");
    Post two = Post.builder().addMedia(Media.fromFile(jpg)).addMedia(Media.fromFile(jpg)).build();
    assertThat(rules(client.validate(two))).contains("max-count");
    Post longSpot =
        Post.builder()
            .text("x".repeat(161))
            .addMedia(Media.fromFile(mp4))
            .option(SnapchatOptions.builder().destination(Destination.SPOTLIGHT).build())
            .build();
    assertThat(rules(client.validate(longSpot))).contains("max-length");
    Post url =
        Post.builder()
            .addMedia(Media.fromUrl(URI.create("https://x/y.jpg"), io.smo.core.MediaKind.IMAGE))
            .build();
    assertThat(rules(client.validate(url))).contains("media-source");
    Post scheduled =
        Post.builder()
            .addMedia(Media.fromFile(jpg))
            .scheduledAt(java.time.Instant.now().plusSeconds(3600))
            .build();
    assertThat(rules(client.validate(scheduled))).contains("scheduling-unsupported");
  }

  @Test
  void savedStoryTitleLimit() {
    Post p =
        Post.builder()
            .addMedia(Media.fromFile(jpg))
            .option(
                SnapchatOptions.builder()
                    .destination(Destination.SAVED_STORY)
                    .title("t".repeat(46))
                    .build())
            .build();
    assertThat(rules(client.validate(p))).containsExactly("max-length");
  }

  @Test
  void builderNeedsAnId() {
    assertThatThrownBy(() -> SnapchatClient.builder().accessToken("t").build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void commentsAreUnsupported() {
    assertThat(client.capabilities().supports(io.smo.core.Feature.COMMENTS)).isFalse();
    assertThatThrownBy(
            () -> client.comments(io.smo.core.PostRef.of(io.smo.core.Platform.SNAPCHAT, "1")))
        .isInstanceOf(io.smo.core.exception.UnsupportedFeatureException.class);
  }
}
