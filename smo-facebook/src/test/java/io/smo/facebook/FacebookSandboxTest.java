package io.smo.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.AgeRange;
import io.smo.core.Audience;
import io.smo.core.Comment;
import io.smo.core.EngagementMetrics;
import io.smo.core.Gender;
import io.smo.core.Media;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PublishedPost;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.InMemoryTokenStore;
import io.smo.core.auth.RefreshingTokenProvider;
import io.smo.core.exception.DuplicateContentException;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.ValidationException;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import io.smo.testkit.Fault;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import io.smo.testkit.emulator.FacebookEmulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SandboxTest
class FacebookSandboxTest {

  @TempDir Path tmp;

  private FacebookClient client(Sandbox sandbox) {
    SandboxCredentials c = sandbox.credentials(Platform.FACEBOOK);
    return FacebookClient.builder()
        .accountId(c.accountId())
        .accessToken(c.accessToken())
        .baseUrl(sandbox.baseUrl(Platform.FACEBOOK))
        .sleeper(d -> {})
        .build();
  }

  static Path jpeg(Path f) throws Exception {
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
    javax.imageio.ImageIO.write(img, "jpg", f.toFile());
    return f;
  }

  static Path mp4(Path dir, int size) throws Exception {
    byte[] b = new byte[size];
    byte[] head = {
      0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0, 'm', 'p', '4', '2', 'i',
      's', 'o', 'm'
    };
    System.arraycopy(head, 0, b, 0, head.length);
    for (int i = head.length; i < size; i++) {
      b[i] = (byte) (i * 31);
    }
    Path f = dir.resolve("clip-" + size + ".mp4");
    Files.write(f, b);
    return f;
  }

  @Test
  void textPostIsCreatedOnceAndReadable(Sandbox sandbox) {
    try (FacebookClient fb = client(sandbox)) {
      int before = sandbox.created(Platform.FACEBOOK, "post").size();
      PublishedPost p =
          fb.publish(
              Post.builder()
                  .text("Hello from the sandbox")
                  .link(URI.create("https://example.com/a"))
                  .build());
      assertThat(p.id()).startsWith(FacebookEmulator.PAGE_ID + "_");
      assertThat(sandbox.created(Platform.FACEBOOK, "post")).hasSize(before + 1);
      EngagementMetrics m1 = fb.metrics(p.ref());
      EngagementMetrics m2 = fb.metrics(p.ref());
      assertThat(m1.likes()).isPresent();
      assertThat(m2.likes().getAsLong()).isGreaterThan(m1.likes().getAsLong());
      assertThat(m1.views()).isPresent();
      assertThat(m1.reach()).isPresent();
      assertThat(m1.raw()).containsKey("post_reactions_by_type_total");
      assertThat(fb.lastRateLimit()).isPresent();
      fb.delete(p.ref());
    }
  }

  @Test
  void photosAndMultiPhoto(Sandbox sandbox) throws Exception {
    Path a = jpeg(tmp.resolve("a.jpg"));
    Path b = jpeg(tmp.resolve("b.jpg"));
    try (FacebookClient fb = client(sandbox)) {
      PublishedPost one =
          fb.publish(Post.builder().text("one").addMedia(Media.fromFile(a)).build());
      assertThat(one.ref().attributes()).containsKey("photoId");
      assertThat(one.id())
          .isEqualTo(FacebookEmulator.PAGE_ID + "_" + one.ref().attributes().get("photoId"));
      int posts = sandbox.created(Platform.FACEBOOK, "post").size();
      PublishedPost many =
          fb.publish(
              Post.builder()
                  .text("two")
                  .media(List.of(Media.fromFile(a), Media.fromFile(b)))
                  .build());
      assertThat(many.ref().attributes().get("photoIds").split(",")).hasSize(2);
      assertThat(sandbox.created(Platform.FACEBOOK, "post")).hasSize(posts + 1);
    }
  }

  @Test
  void chunkedVideoResumesFromServerOffsetSendingNoByteTwice(Sandbox sandbox) throws Exception {
    FacebookEmulator emu = (FacebookEmulator) sandbox.emulator(Platform.FACEBOOK);
    emu.chunkSize(1000);
    emu.failTransferNumber(2);
    Path video = mp4(tmp, 3500);
    List<UploadState> states = new ArrayList<>();
    SandboxCredentials c = sandbox.credentials(Platform.FACEBOOK);
    try (FacebookClient fb =
        FacebookClient.builder()
            .accountId(c.accountId())
            .accessToken(c.accessToken())
            .baseUrl(sandbox.baseUrl(Platform.FACEBOOK))
            .sleeper(d -> {})
            .uploadListener((UploadProgress p) -> states.add(p.state()))
            .build()) {
      PublishedPost p =
          fb.publish(Post.builder().text("video").addMedia(Media.fromFile(video)).build());
      String videoId = p.ref().attributes().get("videoId");
      assertThat(emu.bytesReceived(videoId)).isEqualTo(3500);
      assertThat(states).contains(UploadState.RESUMING, UploadState.PROCESSING, UploadState.READY);
      assertThat(p.id()).isEqualTo(FacebookEmulator.PAGE_ID + "_" + videoId);
    } finally {
      emu.chunkSize(1024 * 1024);
    }
  }

  @Test
  void reelIsPublished(Sandbox sandbox) throws Exception {
    Path video = mp4(tmp, 2048);
    try (FacebookClient fb = client(sandbox)) {
      PublishedPost p =
          fb.publish(
              Post.builder()
                  .text("reel")
                  .addMedia(Media.fromFile(video))
                  .option(FacebookOptions.builder().asReel(true).build())
                  .build());
      assertThat(p.ref().attributes()).containsEntry("reel", "true");
      FacebookEmulator emu = (FacebookEmulator) sandbox.emulator(Platform.FACEBOOK);
      assertThat(emu.bytesReceived(p.ref().attributes().get("videoId"))).isEqualTo(2048);
    }
  }

  @Test
  void scheduledPostWithTargeting(Sandbox sandbox) {
    try (FacebookClient fb = client(sandbox)) {
      PublishedPost p =
          fb.publish(
              Post.builder()
                  .text("later")
                  .scheduledAt(Instant.now().plus(Duration.ofDays(2)))
                  .audience(
                      Audience.builder()
                          .countries("DE", "AT")
                          .ageRange(AgeRange.of(18, 40))
                          .genders(List.of(Gender.FEMALE))
                          .build())
                  .build());
      assertThat(p.scheduled()).isTrue();
    }
  }

  @Test
  void offlineRejections(Sandbox sandbox) {
    try (FacebookClient fb = client(sandbox)) {
      int before = sandbox.created(Platform.FACEBOOK).size();
      assertThatThrownBy(
              () ->
                  fb.publish(
                      Post.builder()
                          .text("too soon")
                          .scheduledAt(Instant.now().plus(Duration.ofMinutes(5)))
                          .build()))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(
              () ->
                  fb.publish(
                      Post.builder()
                          .text("too late")
                          .scheduledAt(Instant.now().plus(Duration.ofDays(31)))
                          .build()))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(
              () ->
                  fb.publish(
                      Post.builder()
                          .text("overlap")
                          .audience(
                              Audience.builder()
                                  .countries("US")
                                  .regions(List.of("US:3847"))
                                  .build())
                          .build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("overlap");
      assertThatThrownBy(
              () ->
                  fb.publish(
                      Post.builder()
                          .text("age")
                          .option(FacebookOptions.builder().ageRestriction(16).build())
                          .build()))
          .isInstanceOf(ValidationException.class);
      assertThat(sandbox.created(Platform.FACEBOOK)).hasSize(before);
    }
  }

  @Test
  void commentsListReplyHideDelete(Sandbox sandbox) {
    try (FacebookClient fb = client(sandbox)) {
      PublishedPost p = fb.publish(Post.builder().text("talk to me").build());
      List<Comment> all = fb.comments(p.ref()).toList();
      assertThat(all).hasSizeGreaterThanOrEqualTo(3);
      Comment first = all.get(0);
      Comment reply = fb.reply(first.ref(), "thanks!");
      assertThat(reply.parentId()).contains(first.id());
      fb.moderate(first.ref(), ModerationAction.HIDE);
      assertThat(
              fb.comments(p.ref()).stream()
                  .filter(c -> c.id().equals(first.id()))
                  .findFirst()
                  .orElseThrow()
                  .hidden())
          .isTrue();
      fb.moderate(first.ref(), ModerationAction.UNHIDE);
      fb.moderate(reply.ref(), ModerationAction.DELETE);
      assertThat(fb.comments(p.ref()).toList()).hasSize(all.size());
    }
  }

  @Test
  void fault429IsRetried(Sandbox sandbox) {
    sandbox.inject(Platform.FACEBOOK, Fault.of(Fault.Kind.HTTP_429));
    try (FacebookClient fb = client(sandbox)) {
      int before = sandbox.created(Platform.FACEBOOK, "post").size();
      fb.publish(Post.builder().text("after throttle").build());
      assertThat(sandbox.created(Platform.FACEBOOK, "post")).hasSize(before + 1);
    }
  }

  @Test
  void fault5xxOnCreateIsUnknown(Sandbox sandbox) {
    sandbox.inject(Platform.FACEBOOK, Fault.of(Fault.Kind.HTTP_5XX).on("POST", ".*/feed"));
    try (FacebookClient fb = client(sandbox)) {
      assertThatThrownBy(() -> fb.publish(Post.builder().text("5xx").build()))
          .isInstanceOf(PublishOutcomeUnknownException.class);
    }
  }

  @Test
  void createdThenResetIsUnknownAndPostsOnce(Sandbox sandbox) {
    sandbox.inject(
        Platform.FACEBOOK, Fault.of(Fault.Kind.CREATED_THEN_RESET).on("POST", ".*/feed"));
    try (FacebookClient fb = client(sandbox)) {
      int before = sandbox.created(Platform.FACEBOOK, "post").size();
      assertThatThrownBy(
              () -> fb.publish(Post.builder().text("reset").idempotencyKey("k-1").build()))
          .isInstanceOf(PublishOutcomeUnknownException.class)
          .satisfies(
              e ->
                  assertThat(((PublishOutcomeUnknownException) e).idempotencyKey())
                      .contains("k-1"));
      assertThat(sandbox.created(Platform.FACEBOOK, "post")).hasSize(before + 1);
    }
  }

  @Test
  void expiredTokenRefreshesOnceThenSucceeds(Sandbox sandbox) {
    SandboxCredentials c = sandbox.credentials(Platform.FACEBOOK);
    InMemoryTokenStore store = new InMemoryTokenStore();
    store.save(
        "fb", AccessToken.builder(c.accessToken()).refreshToken(c.extra("userToken")).build());
    try (FacebookOAuth auth =
        FacebookOAuth.create(
            FacebookOAuth.config(
                    c.clientId(),
                    c.clientSecret(),
                    URI.create("https://app.example/callback"),
                    sandbox.baseUrl(Platform.FACEBOOK),
                    io.smo.metagraph.GraphApiVersion.DEFAULT)
                .build())) {
      RefreshingTokenProvider tokens =
          RefreshingTokenProvider.builder(
                  "fb", store, auth.pageTokenRefresher(c.extra("userToken"), c.accountId()))
              .build();
      sandbox.inject(Platform.FACEBOOK, Fault.of(Fault.Kind.EXPIRED_TOKEN).on("POST", ".*/feed"));
      try (FacebookClient fb =
          FacebookClient.builder()
              .accountId(c.accountId())
              .tokenProvider(tokens)
              .baseUrl(sandbox.baseUrl(Platform.FACEBOOK))
              .sleeper(d -> {})
              .build()) {
        fb.publish(Post.builder().text("after refresh").build());
      }
      assertThat(store.load("fb").orElseThrow().value()).isNotEqualTo(c.accessToken());
    }
  }

  @Test
  void accountIdIsThePageIdGivenOrLearnedFromMeForEachOfTwoAccounts(Sandbox sandbox) {
    SandboxCredentials a = sandbox.addAccount(Platform.FACEBOOK, "dealer-a");
    SandboxCredentials b = sandbox.addAccount(Platform.FACEBOOK, "dealer-b");
    assertThat(a.accountId()).isNotEqualTo(b.accountId());
    try (FacebookClient learned =
            FacebookClient.builder()
                .accessToken(a.accessToken())
                .baseUrl(sandbox.baseUrl(Platform.FACEBOOK))
                .sleeper(d -> {})
                .build();
        FacebookClient given =
            FacebookClient.builder()
                .accountId(b.accountId())
                .accessToken(b.accessToken())
                .baseUrl(sandbox.baseUrl(Platform.FACEBOOK))
                .sleeper(d -> {})
                .build()) {
      // learned once with GET /me?fields=id (the Page token's own node), never a constant
      assertThat(learned.accountId()).isEqualTo(a.accountId());
      assertThat(learned.accountKey()).isEqualTo(a.accountId());
      assertThat(given.accountKey()).isEqualTo(b.accountId());
      learned.publish(Post.builder().text("as dealer a").build());
      given.publish(Post.builder().text("as dealer b").build());
      assertThat(sandbox.created(Platform.FACEBOOK, "post", a.accountId())).hasSize(1);
      assertThat(sandbox.created(Platform.FACEBOOK, "post", b.accountId())).hasSize(1);
      assertThat(learned.accountInfo().id()).isEqualTo(a.accountId());
    }
  }

  @Test
  void malformedBodyIsTyped(Sandbox sandbox) {
    try (FacebookClient fb = client(sandbox)) {
      PublishedPost p = fb.publish(Post.builder().text("to read").build());
      sandbox.inject(Platform.FACEBOOK, Fault.of(Fault.Kind.MALFORMED_JSON));
      assertThatThrownBy(() -> fb.metrics(p.ref())).isInstanceOf(SmoException.class);
      sandbox.inject(Platform.FACEBOOK, Fault.of(Fault.Kind.MALFORMED_JSON).on("POST", ".*/feed"));
      assertThatThrownBy(() -> fb.publish(Post.builder().text("bad answer").build()))
          .isInstanceOf(PublishOutcomeUnknownException.class);
    }
  }

  @Test
  void duplicateAndProcessingFailure(Sandbox sandbox) throws Exception {
    sandbox.inject(Platform.FACEBOOK, Fault.of(Fault.Kind.DUPLICATE_CONTENT).on("POST", ".*/feed"));
    try (FacebookClient fb = client(sandbox)) {
      assertThatThrownBy(() -> fb.publish(Post.builder().text("dup").build()))
          .isInstanceOf(DuplicateContentException.class);
      sandbox.inject(
          Platform.FACEBOOK, Fault.of(Fault.Kind.MEDIA_PROCESSING_FAILURE).on("POST", ".*/videos"));
      Path video = mp4(tmp, 1500);
      assertThatThrownBy(
              () -> fb.publish(Post.builder().text("v").addMedia(Media.fromFile(video)).build()))
          .isInstanceOf(MediaProcessingException.class);
    }
  }

  @Test
  void longLivedExchangeAndPageTokens(Sandbox sandbox) {
    SandboxCredentials c = sandbox.credentials(Platform.FACEBOOK);
    try (FacebookOAuth auth =
        FacebookOAuth.create(
            FacebookOAuth.config(
                    c.clientId(),
                    c.clientSecret(),
                    URI.create("https://app.example/callback"),
                    sandbox.baseUrl(Platform.FACEBOOK),
                    io.smo.metagraph.GraphApiVersion.DEFAULT)
                .build())) {
      AccessToken ll = auth.exchangeForLongLived(c.extra("shortUserToken"));
      assertThat(ll.expiresAt()).isPresent();
      List<FacebookOAuth.PageAccount> pages = auth.pages(ll.value());
      assertThat(pages).extracting(FacebookOAuth.PageAccount::id).containsExactly(c.accountId());
      assertThat(pages.get(0).tasks()).contains("CREATE_CONTENT");
    }
  }
}
