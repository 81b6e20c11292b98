package io.smo.snapchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.AgeRange;
import io.smo.core.Audience;
import io.smo.core.EngagementMetrics;
import io.smo.core.Gender;
import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.InMemoryTokenStore;
import io.smo.core.exception.DuplicateContentException;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.TransportException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.resilience.RetryPolicy;
import io.smo.core.upload.UploadProgress;
import io.smo.snapchat.SnapchatOptions.Ads;
import io.smo.snapchat.SnapchatOptions.Destination;
import io.smo.testkit.Fault;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import io.smo.testkit.emulator.SnapchatEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end against the sandbox's Snapchat emulator (no official spec exists for strict mode). */
@SandboxTest(strict = true)
class SnapchatSandboxTest {
  @TempDir Path dir;

  private SnapchatClient client(Sandbox sandbox) {
    return client(sandbox, b -> {});
  }

  private SnapchatClient client(Sandbox sandbox, Consumer<SnapchatClient.Builder> edit) {
    SandboxCredentials c = sandbox.credentials(Platform.SNAPCHAT);
    SnapchatClient.Builder b =
        SnapchatClient.builder()
            .accountId(c.extra("profileId"))
            .adAccountId(c.extra("adAccountId"))
            .accessToken(c.accessToken())
            .baseUrl(sandbox.baseUrl(Platform.SNAPCHAT))
            .sleeper(d -> {});
    edit.accept(b);
    return b.build();
  }

  private static SnapchatEmulator emulator(Sandbox sandbox) {
    return (SnapchatEmulator) sandbox.emulator(Platform.SNAPCHAT);
  }

  private static Post promoted(Path file, Audience audience) {
    return Post.builder()
        .addMedia(Media.fromFile(file))
        .audience(audience)
        .option(
            SnapchatOptions.builder()
                .ads(
                    Ads.builder()
                        .headline("Spring is here")
                        .brandName("Acme")
                        .dailyBudgetMicro(20_000_000L)
                        .build())
                .build())
        .build();
  }

  private static int count(Sandbox s, String kind) {
    return s.created(Platform.SNAPCHAT, kind).size();
  }

  @Test
  void organicStoryUploadsCiphertextThatDecryptsToTheFile(Sandbox sandbox) throws Exception {
    Path jpg = TestMedia.jpeg(dir, "story.jpg", 50_000);
    int posts = count(sandbox, "post");
    try (SnapchatClient snap = client(sandbox)) {
      PublishedPost p = snap.publish(Post.builder().addMedia(Media.fromFile(jpg)).build());
      assertThat(p.ref().attributes()).containsEntry(SnapchatClient.ATTR_KIND, "story");
      String mediaId = p.ref().attributes().get(SnapchatClient.ATTR_MEDIA);
      byte[] cipher = emulator(sandbox).profileMediaCiphertext(mediaId).orElseThrow();
      assertThat(cipher).isNotEqualTo(Files.readAllBytes(jpg));
      assertThat(cipher.length % 16).isZero();
      assertThat(emulator(sandbox).profileMediaPlaintext(mediaId).orElseThrow())
          .isEqualTo(Files.readAllBytes(jpg));
    }
    assertThat(count(sandbox, "post")).isEqualTo(posts + 1);
  }

  @Test
  void chunkedEncryptedSpotlightWithProgress(Sandbox sandbox) throws Exception {
    Path mp4 = TestMedia.mp4(dir, "clip.mp4", 12, 300_000);
    List<UploadProgress> progress = new ArrayList<>();
    try (SnapchatClient snap =
        client(sandbox, b -> b.chunkSize(64 * 1024).uploadListener(progress::add))) {
      PublishedPost p =
          snap.publish(
              Post.builder()
                  .text("Spring #snap")
                  .addMedia(Media.fromFile(mp4))
                  .option(
                      SnapchatOptions.builder()
                          .destination(Destination.SPOTLIGHT)
                          .locale("en_GB")
                          .build())
                  .build());
      assertThat(p.ref().attributes()).containsEntry(SnapchatClient.ATTR_KIND, "spotlight");
      String mediaId = p.ref().attributes().get(SnapchatClient.ATTR_MEDIA);
      assertThat(emulator(sandbox).profileMediaPlaintext(mediaId).orElseThrow())
          .isEqualTo(Files.readAllBytes(mp4));
      EngagementMetrics m1 = snap.metrics(p.ref());
      EngagementMetrics m2 = snap.metrics(p.ref());
      assertThat(m1.views()).isPresent();
      assertThat(m2.views().getAsLong()).isGreaterThan(m1.views().getAsLong());
      assertThat(m1.raw()).containsKey("screenshots");
    }
    assertThat(progress.stream().filter(u -> u.bytesSent() > 0 && u.bytesSent() < u.totalBytes()))
        .hasSizeGreaterThan(2);
  }

  @Test
  void savedStoryWithTitle(Sandbox sandbox) throws Exception {
    Path jpg = TestMedia.jpeg(dir, "saved.jpg", 10);
    try (SnapchatClient snap = client(sandbox)) {
      PublishedPost p =
          snap.publish(
              Post.builder()
                  .addMedia(Media.fromFile(jpg))
                  .option(
                      SnapchatOptions.builder()
                          .destination(Destination.SAVED_STORY)
                          .title("Spring")
                          .build())
                  .build());
      assertThat(p.ref().attributes()).containsEntry(SnapchatClient.ATTR_KIND, "saved_story");
      assertThatThrownBy(() -> snap.delete(p.ref()))
          .isInstanceOf(UnsupportedFeatureException.class);
    }
  }

  @Test
  void promotedPostCreatesExactlyOneOfEachWithTargeting(Sandbox sandbox) throws Exception {
    Path jpg = TestMedia.jpeg(dir, "ad.jpg", 1000);
    int[] before = {
      count(sandbox, "campaign"),
      count(sandbox, "adsquad"),
      count(sandbox, "creative"),
      count(sandbox, "post")
    };
    Audience audience =
        Audience.builder()
            .countries("US", "CA")
            .regions(List.of("us:3832"))
            .languages(Locale.ENGLISH)
            .ageRange(AgeRange.of(18, 34))
            .genders(List.of(Gender.FEMALE))
            .interests(List.of("SLC_7"))
            .build();
    try (SnapchatClient snap = client(sandbox)) {
      PublishedPost p = snap.publish(promoted(jpg, audience));
      assertThat(count(sandbox, "campaign")).isEqualTo(before[0] + 1);
      assertThat(count(sandbox, "adsquad")).isEqualTo(before[1] + 1);
      assertThat(count(sandbox, "creative")).isEqualTo(before[2] + 1);
      assertThat(count(sandbox, "post")).isEqualTo(before[3] + 1);
      assertThat(p.ref().attributes()).containsEntry(SnapchatClient.ATTR_KIND, "ad");
      var squad =
          emulator(sandbox)
              .adSquad(p.ref().attributes().get(SnapchatClient.ATTR_AD_SQUAD))
              .orElseThrow();
      var t = squad.path("targeting");
      assertThat(t.path("geos").size()).isEqualTo(2);
      var us =
          t.path("geos").path(0).path("country_code").asText().equals("us")
              ? t.path("geos").path(0)
              : t.path("geos").path(1);
      assertThat(us.path("country_code").asText()).isEqualTo("us");
      assertThat(us.path("region_id").path(0).asText()).isEqualTo("3832");
      assertThat(t.path("demographics").path(0).path("min_age").asInt()).isEqualTo(18);
      assertThat(t.path("demographics").path(0).path("gender").asText()).isEqualTo("FEMALE");
      assertThat(t.path("demographics").path(0).path("languages").path(0).asText()).isEqualTo("en");
      assertThat(t.path("interests").path(0).path("category_id").path(0).asText())
          .isEqualTo("SLC_7");
      assertThat(squad.path("daily_budget_micro").asLong()).isEqualTo(20_000_000L);

      EngagementMetrics m1 = snap.metrics(p.ref());
      EngagementMetrics m2 = snap.metrics(p.ref());
      assertThat(m1.impressions()).isPresent();
      assertThat(m1.clicks()).isPresent();
      assertThat(m1.views()).isPresent();
      assertThat(m1.raw()).containsKey("spend");
      assertThat(m2.impressions().getAsLong()).isGreaterThan(m1.impressions().getAsLong());

      assertThat(snap.promotedPosts().stream().map(PostRef::id)).contains(p.id());
      snap.delete(p.ref());
      assertThat(snap.promotedPosts().stream().map(PostRef::id)).doesNotContain(p.id());
    }
  }

  @Test
  void promotedChunkedVideoUploadsAllParts(Sandbox sandbox) throws Exception {
    Path mp4 = TestMedia.mp4(dir, "ad.mp4", 8, 200_000);
    try (SnapchatClient snap = client(sandbox, b -> b.chunkSize(50_000))) {
      PublishedPost p = snap.publish(promoted(mp4, Audience.builder().countries("DE").build()));
      String mediaId = p.ref().attributes().get(SnapchatClient.ATTR_MEDIA);
      assertThat(emulator(sandbox).adMediaBytes(mediaId).orElseThrow())
          .isEqualTo(Files.readAllBytes(mp4));
    }
  }

  @Test
  void promotedPostsPaginateWithNextLink(Sandbox sandbox) throws Exception {
    Path jpg = TestMedia.jpeg(dir, "p.jpg", 10);
    try (SnapchatClient snap = client(sandbox)) {
      for (int i = 0; i < 3; i++) {
        snap.publish(promoted(jpg, Audience.builder().countries("FR").build()));
      }
      long all = snap.promotedPosts().stream().count();
      assertThat(all).isGreaterThanOrEqualTo(3);
      // the emulator pages by 50; iterate pages explicitly to see next_link followed
      assertThat(snap.promotedPosts().pages().iterator().next().items()).isNotEmpty();
    }
  }

  // ---------------------------------------------------------------- faults

  @Test
  void http429IsRetriedThenSucceeds(Sandbox sandbox) throws Exception {
    Path jpg = TestMedia.jpeg(dir, "r.jpg", 10);
    sandbox.inject(Platform.SNAPCHAT, Fault.of(Fault.Kind.HTTP_429).on("POST", ".*/stories"));
    try (SnapchatClient snap = client(sandbox)) {
      assertThat(snap.publish(Post.builder().addMedia(Media.fromFile(jpg)).build()).id())
          .isNotBlank();
    }
  }

  @Test
  void http429ExhaustedIsRateLimitException(Sandbox sandbox) throws Exception {
    Path jpg = TestMedia.jpeg(dir, "r2.jpg", 10);
    sandbox.inject(
        Platform.SNAPCHAT, Fault.of(Fault.Kind.HTTP_429).times(10).on("POST", ".*/stories"));
    try (SnapchatClient snap = client(sandbox, b -> b.retryPolicy(RetryPolicy.defaults()))) {
      assertThatThrownBy(() -> snap.publish(Post.builder().addMedia(Media.fromFile(jpg)).build()))
          .isInstanceOf(RateLimitException.class);
    }
  }

  @Test
  void http5xxOnCreateIsUnknownOutcomeNotRetried(Sandbox sandbox) throws Exception {
    Path jpg = TestMedia.jpeg(dir, "f.jpg", 10);
    int posts = count(sandbox, "post");
    sandbox.inject(Platform.SNAPCHAT, Fault.of(Fault.Kind.HTTP_5XX).on("POST", ".*/stories"));
    Post post = Post.builder().addMedia(Media.fromFile(jpg)).idempotencyKey("k-5xx").build();
    try (SnapchatClient snap = client(sandbox)) {
      assertThatThrownBy(() -> snap.publish(post))
          .isInstanceOf(PublishOutcomeUnknownException.class)
          .satisfies(
              e ->
                  assertThat(((PublishOutcomeUnknownException) e).idempotencyKey())
                      .hasValue("k-5xx"));
    }
    assertThat(count(sandbox, "post")).isEqualTo(posts);
  }

  @Test
  void createdThenResetIsUnknownAndExactlyOnePost(Sandbox sandbox) throws Exception {
    Path jpg = TestMedia.jpeg(dir, "c.jpg", 10);
    int posts = count(sandbox, "post");
    sandbox.inject(Platform.SNAPCHAT, Fault.of(Fault.Kind.CREATED_THEN_RESET).on("POST", ".*/ads"));
    try (SnapchatClient snap = client(sandbox)) {
      assertThatThrownBy(
              () -> snap.publish(promoted(jpg, Audience.builder().countries("US").build())))
          .isInstanceOf(PublishOutcomeUnknownException.class);
    }
    assertThat(count(sandbox, "post")).isEqualTo(posts + 1);
  }

  @Test
  void expiredTokenRefreshesOnceThenSucceeds(Sandbox sandbox) throws Exception {
    Path jpg = TestMedia.jpeg(dir, "e.jpg", 10);
    SandboxCredentials c = sandbox.credentials(Platform.SNAPCHAT);
    var flow =
        SnapchatOAuth.create(
            SnapchatOAuth.config(
                    sandbox.baseUrl(Platform.SNAPCHAT), c.clientId(), c.clientSecret(), null)
                .scopes(Set.of(SnapchatOAuth.SCOPE_PROFILE))
                .build());
    // a token of its own (refresh grant), so expiring it leaves the other tests' token alone
    AccessToken own =
        flow.refresh(AccessToken.builder("unused").refreshToken(c.refreshToken()).build());
    InMemoryTokenStore store = new InMemoryTokenStore();
    store.save(c.extra("profileId"), own);
    sandbox.inject(Platform.SNAPCHAT, Fault.of(Fault.Kind.EXPIRED_TOKEN).on("POST", ".*/stories"));
    try (SnapchatClient snap =
        SnapchatClient.builder()
            .accountId(c.extra("profileId"))
            .oauth(flow, store)
            .baseUrl(sandbox.baseUrl(Platform.SNAPCHAT))
            .sleeper(d -> {})
            .build()) {
      assertThat(snap.publish(Post.builder().addMedia(Media.fromFile(jpg)).build()).id())
          .isNotBlank();
    }
    AccessToken now = store.load(c.extra("profileId")).orElseThrow();
    assertThat(now.value()).isNotEqualTo(own.value());
    assertThat(now.refreshToken()).hasValue(c.refreshToken());
  }

  @Test
  void malformedBodyIsTypedException(Sandbox sandbox) throws Exception {
    Path jpg = TestMedia.jpeg(dir, "m.jpg", 10);
    try (SnapchatClient snap = client(sandbox)) {
      PublishedPost p = snap.publish(promoted(jpg, Audience.builder().countries("US").build()));
      // a read is retried after a malformed answer; once
      sandbox.inject(Platform.SNAPCHAT, Fault.of(Fault.Kind.MALFORMED_JSON).on("GET", ".*/stats"));
      assertThat(snap.metrics(p.ref()).impressions()).isPresent();
      // every attempt malformed: a typed transport exception, not a Jackson one
      sandbox.inject(
          Platform.SNAPCHAT, Fault.of(Fault.Kind.MALFORMED_JSON).times(10).on("GET", ".*/stats"));
      assertThatThrownBy(() -> snap.metrics(p.ref()))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("malformed");
      sandbox.clearFaults();
      sandbox.inject(
          Platform.SNAPCHAT, Fault.of(Fault.Kind.TRUNCATED_JSON).on("POST", ".*/stories"));
      assertThatThrownBy(() -> snap.publish(Post.builder().addMedia(Media.fromFile(jpg)).build()))
          .isInstanceOf(PublishOutcomeUnknownException.class);
    }
  }

  @Test
  void mediaProcessingFailureIsTyped(Sandbox sandbox) throws Exception {
    Path jpg = TestMedia.jpeg(dir, "mp.jpg", 10);
    sandbox.inject(
        Platform.SNAPCHAT, Fault.of(Fault.Kind.MEDIA_PROCESSING_FAILURE).on("POST", ".*/upload"));
    try (SnapchatClient snap = client(sandbox)) {
      assertThatThrownBy(
              () -> snap.publish(promoted(jpg, Audience.builder().countries("US").build())))
          .isInstanceOf(MediaProcessingException.class);
      // INIT, ADD and FINALIZE share one path: the fault covers all three, FINALIZE fails
      // processing
      sandbox.inject(
          Platform.SNAPCHAT,
          Fault.of(Fault.Kind.MEDIA_PROCESSING_FAILURE)
              .times(3)
              .on("POST", ".*/public_profiles/.*/multipart-upload"));
      assertThatThrownBy(() -> snap.publish(Post.builder().addMedia(Media.fromFile(jpg)).build()))
          .isInstanceOf(MediaProcessingException.class);
    }
  }

  @Test
  void duplicateContentIsTyped(Sandbox sandbox) throws Exception {
    Path jpg = TestMedia.jpeg(dir, "d.jpg", 10);
    sandbox.inject(
        Platform.SNAPCHAT, Fault.of(Fault.Kind.DUPLICATE_CONTENT).on("POST", ".*/stories"));
    try (SnapchatClient snap = client(sandbox)) {
      assertThatThrownBy(() -> snap.publish(Post.builder().addMedia(Media.fromFile(jpg)).build()))
          .isInstanceOf(DuplicateContentException.class);
    }
  }
}
