package io.smo.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Comment;
import io.smo.core.EngagementMetrics;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PublishedPost;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.InMemoryTokenStore;
import io.smo.core.auth.RefreshingTokenProvider;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.QuotaExceededException;
import io.smo.core.exception.TransportException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.resilience.RetryPolicy;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import io.smo.testkit.Created;
import io.smo.testkit.Fault;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxTest;
import io.smo.testkit.emulator.InstagramEmulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against the sandbox's Instagram emulator, in strict mode (Graph codegen spec params).
 */
@SandboxTest(strict = true)
class InstagramSandboxTest {
  @TempDir Path dir;

  private final List<URI> released = new CopyOnWriteArrayList<>();
  private final List<InstagramClient> clients = new ArrayList<>();

  /** A MediaHost backed by the sandbox's media host (the emulator checks the URL it gets). */
  private MediaHost host(Sandbox sandbox) {
    return new MediaHost() {
      @Override
      public URI publicUrl(Media media) {
        try {
          byte[] bytes =
              media.file().isPresent()
                  ? java.nio.file.Files.readAllBytes(media.file().get())
                  : media.bytes().orElseThrow();
          return emulator(sandbox)
              .hostMedia(
                  sandbox.baseUrl(Platform.INSTAGRAM),
                  media.file().map(f -> f.getFileName().toString()).orElse("bytes.jpg"),
                  bytes);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }

      @Override
      public void release(URI url) {
        released.add(url);
      }
    };
  }

  private InstagramClient.Builder builder(Sandbox sandbox) {
    return InstagramClient.builder()
        .baseUrl(sandbox.baseUrl(Platform.INSTAGRAM))
        .accountId(sandbox.credentials(Platform.INSTAGRAM).accountId())
        .accessToken(sandbox.credentials(Platform.INSTAGRAM).accessToken())
        .mediaHost(host(sandbox))
        .pollInterval(Duration.ofSeconds(5))
        .processingTimeout(Duration.ofMinutes(5))
        .sleeper(d -> {});
  }

  private InstagramClient client(Sandbox sandbox) {
    InstagramClient c = builder(sandbox).build();
    clients.add(c);
    return c;
  }

  private static InstagramEmulator emulator(Sandbox sandbox) {
    return (InstagramEmulator) sandbox.emulator(Platform.INSTAGRAM);
  }

  @AfterEach
  void close(Sandbox sandbox) {
    clients.forEach(InstagramClient::close);
    assertThat(sandbox.strictViolations()).isEmpty();
    emulator(sandbox).quotaUsage(0);
  }

  private Post image(String text) {
    return Post.builder()
        .text(text)
        .addMedia(Media.fromFile(TestMedia.jpeg(dir, "a.jpg", 1080, 1080)))
        .build();
  }

  @Test
  void publishesAnImageThroughTheMediaHost(Sandbox sandbox) {
    int before = sandbox.created(Platform.INSTAGRAM, "post").size();
    PublishedPost p = client(sandbox).publish(image("Hello #sandbox @friend"));
    assertThat(p.url())
        .hasValueSatisfying(
            u -> assertThat(u.toString()).startsWith("https://www.instagram.com/p/"));
    assertThat(p.publishedAt()).isPresent();
    List<Created> posts = sandbox.created(Platform.INSTAGRAM, "post");
    assertThat(posts).hasSize(before + 1);
    assertThat(posts.get(posts.size() - 1).id()).isEqualTo(p.id());
    String url = emulator(sandbox).containerParams(p.id()).get("image_url");
    assertThat(emulator(sandbox).containerParams(p.id()))
        .containsEntry("caption", "Hello #sandbox @friend");
    assertThat(url)
        .startsWith(sandbox.baseUrl(Platform.INSTAGRAM) + "media-host/")
        .endsWith("/a.jpg");
    assertThat(emulator(sandbox).hostedMedia(URI.create(url)))
        .hasValueSatisfying(b -> assertThat(b).startsWith((byte) 0xFF, (byte) 0xD8));
    assertThat(released).containsExactly(URI.create(url));
  }

  @Test
  void publishesAReelByResumableUploadWithProgress(Sandbox sandbox) {
    List<UploadProgress> progress = new CopyOnWriteArrayList<>();
    InstagramClient c = builder(sandbox).uploadListener(progress::add).build();
    clients.add(c);
    Path video = TestMedia.mp4(dir, "clip.mp4", 50_000);
    PublishedPost p =
        c.publish(
            Post.builder()
                .text("reel")
                .addMedia(Media.fromFile(video))
                .option(
                    InstagramOptions.builder()
                        .shareToFeed(true)
                        .thumbOffset(Duration.ofMillis(1500))
                        .collaborators(List.of("partner.brand"))
                        .build())
                .build());
    assertThat(p.url()).hasValueSatisfying(u -> assertThat(u.toString()).contains("/reel/"));
    assertThat(emulator(sandbox).containerParams(p.id()))
        .containsEntry("media_type", "REELS")
        .containsEntry("upload_type", "resumable")
        .containsEntry("thumb_offset", "1500")
        .containsEntry("share_to_feed", "true")
        .containsEntry("collaborators", "[\"partner.brand\"]")
        .doesNotContainKey("video_url");
    assertThat(progress)
        .extracting(UploadProgress::state)
        .contains(UploadState.UPLOADING, UploadState.PROCESSING, UploadState.READY);
    assertThat(
            progress.stream()
                .filter(x -> x.state() == UploadState.UPLOADING)
                .mapToLong(UploadProgress::bytesSent)
                .max()
                .orElse(0))
        .isEqualTo(video.toFile().length());
  }

  @Test
  void carouselChildrenFinishAtDifferentTimesAndOptionsGoOnTheParent(Sandbox sandbox) {
    Post post =
        Post.builder()
            .text("carousel #one")
            .addMedia(Media.fromFile(TestMedia.jpeg(dir, "c1.jpg", 1080, 1080)))
            .addMedia(Media.fromFile(TestMedia.jpeg(dir, "c2.jpg", 1080, 1080)))
            .addMedia(Media.fromFile(TestMedia.mp4(dir, "c3.mp4", 2000)))
            .addMedia(
                Media.fromUrl(URI.create("https://cdn.example.com/remote.jpg"), MediaKind.IMAGE))
            .option(
                InstagramOptions.builder()
                    .collaborators(List.of("a_friend"))
                    .aiGenerated(true)
                    .locationId("110843418940484")
                    .build())
            .build();
    int posts = sandbox.created(Platform.INSTAGRAM, "post").size();
    PublishedPost p = client(sandbox).publish(post);
    InstagramEmulator emu = emulator(sandbox);
    List<String> publishedChildren = emu.children(p.id());
    assertThat(publishedChildren).hasSize(4);
    assertThat(emu.containerParams(p.id()))
        .containsEntry("media_type", "CAROUSEL")
        .containsEntry("caption", "carousel #one")
        .containsEntry("collaborators", "[\"a_friend\"]")
        .containsEntry("is_ai_generated", "true")
        .containsEntry("location_id", "110843418940484");
    List<String> containerIds = List.of(emu.containerParams(p.id()).get("children").split(","));
    List<Integer> reads = new ArrayList<>();
    for (String id : containerIds) {
      Map<String, String> cp = emu.containerParams(id);
      assertThat(cp)
          .containsEntry("is_carousel_item", "true")
          .doesNotContainKeys("caption", "collaborators", "is_ai_generated", "location_id");
      reads.add(emu.statusReads(id));
    }
    assertThat(reads).allMatch(r -> r >= 1);
    assertThat(reads.stream().distinct().count())
        .as("children finished after different polls: " + reads)
        .isGreaterThan(1);
    assertThat(emu.containerParams(containerIds.get(2)))
        .containsEntry("media_type", "VIDEO")
        .containsEntry("upload_type", "resumable");
    assertThat(sandbox.created(Platform.INSTAGRAM, "post")).hasSize(posts + 1);
  }

  @Test
  void publishesAStory(Sandbox sandbox) {
    PublishedPost p =
        client(sandbox)
            .publish(
                Post.builder()
                    .addMedia(Media.fromFile(TestMedia.jpeg(dir, "s.jpg", 1080, 1920)))
                    .option(InstagramOptions.story())
                    .build());
    assertThat(emulator(sandbox).containerParams(p.id()))
        .containsEntry("media_type", "STORIES")
        .doesNotContainKey("caption");
    assertThat(p.url()).hasValueSatisfying(u -> assertThat(u.toString()).contains("/stories/"));
  }

  @Test
  void refusesOfflineWhenTheDailyLimitIsUsedUp(Sandbox sandbox) {
    InstagramEmulator emu = emulator(sandbox);
    emu.quotaUsage(100);
    int containers = emu.containerCount();
    InstagramClient c = client(sandbox);
    assertThat(c.publishingQuota().exhausted()).isTrue();
    assertThatThrownBy(() -> c.publish(image("one too many")))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessageContaining("of 100 posts");
    assertThat(emu.containerCount()).as("no container was created").isEqualTo(containers);
  }

  @Test
  void mediaProcessingFailureEndsInErrorAndPublishesNothing(Sandbox sandbox) {
    int posts = sandbox.created(Platform.INSTAGRAM, "post").size();
    sandbox.inject(
        Platform.INSTAGRAM,
        Fault.of(Fault.Kind.MEDIA_PROCESSING_FAILURE).on("POST", "/v\\d+\\.\\d+/\\d+/media"));
    assertThatThrownBy(() -> client(sandbox).publish(image("will fail")))
        .isInstanceOfSatisfying(
            MediaProcessingException.class, e -> assertThat(e.state()).hasValue("ERROR"));
    assertThat(sandbox.created(Platform.INSTAGRAM, "post")).hasSize(posts);
  }

  @Test
  void expiredContainerIsTerminal(Sandbox sandbox) {
    InstagramEmulator emu = emulator(sandbox);
    emu.expireContainers();
    try {
      assertThatThrownBy(() -> client(sandbox).publish(image("late")))
          .isInstanceOfSatisfying(
              MediaProcessingException.class, e -> assertThat(e.state()).hasValue("EXPIRED"));
    } finally {
      // a fresh emulator state for the other tests: only unpublished containers were affected
      resetExpiry(emu);
    }
  }

  private static void resetExpiry(InstagramEmulator emu) {
    try {
      java.lang.reflect.Field f = InstagramEmulator.class.getDeclaredField("expireAll");
      f.setAccessible(true);
      f.setBoolean(emu, false);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void unreachableMediaUrlFailsTheContainerAndPublishesNothing(Sandbox sandbox) {
    int posts = sandbox.created(Platform.INSTAGRAM, "post").size();
    Post p =
        Post.builder()
            .text("x")
            .addMedia(
                Media.fromUrl(URI.create("https://unreachable.example.com/a.jpg"), MediaKind.IMAGE))
            .build();
    assertThatThrownBy(() -> client(sandbox).publish(p))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.errorSubcode()).hasValue("2207052"));
    assertThat(sandbox.created(Platform.INSTAGRAM, "post")).hasSize(posts);
  }

  // ------------------------------------------------------------ faults

  @Test
  void throttlingIsRetried(Sandbox sandbox) {
    sandbox.inject(
        Platform.INSTAGRAM,
        Fault.of(Fault.Kind.HTTP_429).on("POST", "/v\\d+\\.\\d+/\\d+/media_publish"));
    int posts = sandbox.created(Platform.INSTAGRAM, "post").size();
    PublishedPost p = client(sandbox).publish(image("throttled once"));
    assertThat(sandbox.created(Platform.INSTAGRAM, "post")).hasSize(posts + 1);
    assertThat(p.id()).isNotBlank();
  }

  @Test
  void serverErrorOnPublishIsUnknownAndNotRetried(Sandbox sandbox) {
    sandbox.inject(
        Platform.INSTAGRAM,
        Fault.of(Fault.Kind.HTTP_5XX).on("POST", "/v\\d+\\.\\d+/\\d+/media_publish"));
    int posts = sandbox.created(Platform.INSTAGRAM, "post").size();
    Post post = image("5xx").toBuilder().idempotencyKey("key-5xx").build();
    assertThatThrownBy(() -> client(sandbox).publish(post))
        .isInstanceOfSatisfying(
            PublishOutcomeUnknownException.class,
            e -> assertThat(e.idempotencyKey()).hasValue("key-5xx"));
    assertThat(sandbox.created(Platform.INSTAGRAM, "post")).hasSize(posts);
  }

  @Test
  void serverErrorOnContainerCreateIsRetried(Sandbox sandbox) {
    sandbox.inject(
        Platform.INSTAGRAM, Fault.of(Fault.Kind.HTTP_5XX).on("POST", "/v\\d+\\.\\d+/\\d+/media"));
    int posts = sandbox.created(Platform.INSTAGRAM, "post").size();
    client(sandbox).publish(image("container 5xx"));
    assertThat(sandbox.created(Platform.INSTAGRAM, "post")).hasSize(posts + 1);
  }

  @Test
  void resetAfterPublishTookEffectIsUnknownWithExactlyOnePost(Sandbox sandbox) {
    sandbox.inject(
        Platform.INSTAGRAM,
        Fault.of(Fault.Kind.CREATED_THEN_RESET).on("POST", "/v\\d+\\.\\d+/\\d+/media_publish"));
    int posts = sandbox.created(Platform.INSTAGRAM, "post").size();
    assertThatThrownBy(() -> client(sandbox).publish(image("reset")))
        .isInstanceOf(PublishOutcomeUnknownException.class);
    assertThat(sandbox.created(Platform.INSTAGRAM, "post")).hasSize(posts + 1);
  }

  @Test
  void expiredTokenIsRefreshedOnceThenSucceeds(Sandbox sandbox) {
    var cr = sandbox.credentials(Platform.INSTAGRAM);
    InstagramOAuth auth =
        InstagramOAuth.create(
            InstagramOAuth.config(
                    cr.clientId(),
                    cr.clientSecret(),
                    URI.create("https://app.example.com/cb"),
                    sandbox.baseUrl(Platform.INSTAGRAM))
                .build());
    InMemoryTokenStore store = new InMemoryTokenStore();
    // a long-lived token issued two days ago: old enough to be refreshed
    store.save(
        "ig",
        AccessToken.builder(cr.accessToken())
            .refreshToken(cr.accessToken())
            .expiresAt(Instant.now().plus(InstagramOAuth.LONG_LIVED).minus(Duration.ofDays(2)))
            .build());
    RefreshingTokenProvider tokens = RefreshingTokenProvider.builder("ig", store, auth).build();
    InstagramClient c = builder(sandbox).tokenProvider(tokens).build();
    clients.add(c);
    int issued = emulator(sandbox).tokensIssued();
    sandbox.inject(
        Platform.INSTAGRAM,
        Fault.of(Fault.Kind.EXPIRED_TOKEN)
            .on("GET", "/v\\d+\\.\\d+/\\d+/content_publishing_limit"));
    PublishedPost p = c.publish(image("after refresh"));
    assertThat(p.id()).isNotBlank();
    assertThat(emulator(sandbox).tokensIssued()).isEqualTo(issued + 1);
    assertThat(store.load("ig").orElseThrow().value()).isNotEqualTo(cr.accessToken());
  }

  @Test
  void malformedBodyOnAReadIsATypedException(Sandbox sandbox) {
    sandbox.inject(
        Platform.INSTAGRAM,
        Fault.of(Fault.Kind.MALFORMED_JSON)
            .times(3)
            .on("GET", "/v\\d+\\.\\d+/\\d+/content_publishing_limit"));
    assertThatThrownBy(() -> client(sandbox).publishingQuota())
        .isInstanceOf(TransportException.class);
  }

  @Test
  void malformedBodyOnPublishIsUnknown(Sandbox sandbox) {
    sandbox.inject(
        Platform.INSTAGRAM,
        Fault.of(Fault.Kind.TRUNCATED_JSON).on("POST", "/v\\d+\\.\\d+/\\d+/media_publish"));
    assertThatThrownBy(() -> client(sandbox).publish(image("truncated")))
        .isInstanceOf(PublishOutcomeUnknownException.class);
  }

  @Test
  void connectionResetOnStatusReadIsRetried(Sandbox sandbox) {
    sandbox.inject(
        Platform.INSTAGRAM, Fault.of(Fault.Kind.CONNECTION_RESET).on("GET", "/v\\d+\\.\\d+/\\d+"));
    assertThat(client(sandbox).publish(image("reset on read")).id()).isNotBlank();
  }

  @Test
  void duplicateRefusalIsTyped(Sandbox sandbox) {
    sandbox.inject(
        Platform.INSTAGRAM,
        Fault.of(Fault.Kind.DUPLICATE_CONTENT).on("POST", "/v\\d+\\.\\d+/\\d+/media_publish"));
    assertThatThrownBy(() -> client(sandbox).publish(image("dup")))
        .isInstanceOf(io.smo.core.exception.DuplicateContentException.class);
  }

  // ------------------------------------------------------------ engagement

  @Test
  void commentsReplyHideDeleteAndGrowingMetrics(Sandbox sandbox) {
    InstagramClient c = client(sandbox);
    PublishedPost p = c.publish(image("engage"));
    List<Comment> seeded = c.comments(p.ref()).stream().toList();
    assertThat(seeded).hasSizeBetween(3, 5);
    assertThat(seeded.get(0).authorName()).isPresent();
    Comment top = seeded.get(0);
    Comment reply = c.reply(top.ref(), "Thanks!");
    assertThat(reply.parentId()).hasValue(top.id());
    assertThat(sandbox.created(Platform.INSTAGRAM, "reply"))
        .extracting(Created::id)
        .contains(reply.id());
    c.moderate(seeded.get(1).ref(), ModerationAction.HIDE);
    assertThat(c.comments(p.ref()).stream().filter(Comment::hidden).map(Comment::id).toList())
        .containsExactly(seeded.get(1).id());
    c.moderate(seeded.get(1).ref(), ModerationAction.UNHIDE);
    c.moderate(seeded.get(2).ref(), ModerationAction.DELETE);
    assertThat(c.comments(p.ref()).stream().map(Comment::id).toList())
        .doesNotContain(seeded.get(2).id());
    Comment own = c.comment(p.ref(), "First comment");
    assertThat(sandbox.created(Platform.INSTAGRAM, "comment"))
        .extracting(Created::id)
        .contains(own.id());

    EngagementMetrics m1 = c.metrics(p.ref());
    EngagementMetrics m2 = c.metrics(p.ref());
    assertThat(m1.views()).isPresent();
    assertThat(m1.reach()).isPresent();
    assertThat(m1.likes()).isPresent();
    assertThat(m1.saves()).isPresent();
    assertThat(m1.shares()).isPresent();
    assertThat(m1.impressions()).isEmpty();
    assertThat(m1.raw()).containsKey("total_interactions").doesNotContainKey("impressions");
    assertThat(m2.views().getAsLong()).isGreaterThan(m1.views().getAsLong());
  }

  @Test
  void deleteNeedsFacebookLogin(Sandbox sandbox) {
    InstagramClient ig = client(sandbox);
    PublishedPost p = ig.publish(image("to delete"));
    assertThatThrownBy(() -> ig.delete(p.ref())).isInstanceOf(UnsupportedFeatureException.class);
    var cr = sandbox.credentials(Platform.INSTAGRAM);
    InstagramClient fb =
        InstagramClient.builder()
            .flavor(ApiFlavor.FACEBOOK_LOGIN)
            .baseUrl(sandbox.baseUrl(Platform.INSTAGRAM))
            .facebookPageId(cr.extra("pageId"))
            .accessToken(cr.accessToken())
            .mediaHost(host(sandbox))
            .sleeper(d -> {})
            .build();
    clients.add(fb);
    assertThat(fb.accountId()).isEqualTo(cr.accountId());
    fb.delete(p.ref());
    assertThat(sandbox.created(Platform.INSTAGRAM, "post"))
        .extracting(Created::id)
        .doesNotContain(p.id());
  }

  @Test
  void businessLoginFlow(Sandbox sandbox) {
    var cr = sandbox.credentials(Platform.INSTAGRAM);
    URI redirect = URI.create("https://app.example.com/cb");
    InstagramOAuth auth =
        InstagramOAuth.create(
            InstagramOAuth.config(
                    cr.clientId(), cr.clientSecret(), redirect, sandbox.baseUrl(Platform.INSTAGRAM))
                .build());
    URI url = auth.authorizationRequest().url();
    assertThat(url.toString())
        .contains("oauth/authorize")
        .contains("client_id=" + cr.clientId())
        .contains("instagram_business_basic")
        .contains("instagram_business_content_publish")
        .contains("%2Cinstagram_business_")
        .contains("response_type=code")
        .contains("state=");
    String code = emulator(sandbox).approveAuthorization(redirect.toString());
    InstagramOAuth.UserToken shortLived = auth.exchangeCode(code + "#_");
    assertThat(shortLived.userId()).isEqualTo(cr.accountId());
    assertThat(shortLived.token().scopes()).contains("instagram_business_content_publish");
    AccessToken longLived = auth.exchangeForLongLived(shortLived.token());
    assertThat(longLived.expiresAt())
        .hasValueSatisfying(e -> assertThat(e).isAfter(Instant.now().plus(Duration.ofDays(59))));
    // a fresh long-lived token is refused offline: it must be 24 hours old
    assertThatThrownBy(() -> auth.refresh(longLived))
        .isInstanceOf(io.smo.core.exception.AuthenticationException.class)
        .hasMessageContaining("24 hours");
    assertThatThrownBy(() -> auth.exchangeCode(code))
        .isInstanceOf(io.smo.core.exception.AuthenticationException.class)
        .hasMessageContaining("Matching code was not found");
    // the new token works
    InstagramClient c = builder(sandbox).accessToken(longLived.value()).build();
    clients.add(c);
    assertThat(c.publishingQuota().total()).isEqualTo(100);
  }

  @Test
  void retryPolicyIsHonouredForReads(Sandbox sandbox) {
    sandbox.inject(
        Platform.INSTAGRAM,
        Fault.of(Fault.Kind.HTTP_5XX)
            .times(2)
            .on("GET", "/v\\d+\\.\\d+/\\d+/content_publishing_limit"));
    InstagramClient c =
        builder(sandbox)
            .retryPolicy(RetryPolicy.defaults().toBuilder().maxAttempts(3).build())
            .build();
    clients.add(c);
    assertThat(c.publishingQuota().total()).isEqualTo(100);
  }
}
