package io.smo.pinterest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.InMemoryTokenStore;
import io.smo.core.exception.DuplicateContentException;
import io.smo.core.exception.MediaProcessingException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.TransportException;
import io.smo.core.resilience.RetryPolicy;
import io.smo.testkit.Fault;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import io.smo.testkit.emulator.PinterestEmulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One end-to-end test per sandbox fault kind. */
@SandboxTest(strict = true)
class PinterestFaultsTest {
  private static Post image(String key) {
    return Post.builder()
        .idempotencyKey(key)
        .text("fault test")
        .addMedia(Media.fromUrl(URI.create("https://cdn.example.com/f.jpg"), MediaKind.IMAGE))
        .build();
  }

  private static int posts(Sandbox sandbox) {
    return sandbox.created(Platform.PINTEREST, "post").size();
  }

  @Test
  void http429IsRetriedWithTheServerWaitThenSucceeds(Sandbox sandbox) {
    sandbox.inject(Platform.PINTEREST, Fault.of(Fault.Kind.HTTP_429).on("POST", "/v5/pins"));
    int before = posts(sandbox);
    try (PinterestClient c = PinterestSandboxTest.client(sandbox)) {
      c.publish(image("k429"));
    }
    assertThat(posts(sandbox)).isEqualTo(before + 1);
  }

  @Test
  void http429ExhaustingRetriesSurfacesRateLimit(Sandbox sandbox) {
    sandbox.inject(
        Platform.PINTEREST, Fault.of(Fault.Kind.HTTP_429).times(5).on("GET", "/v5/boards"));
    SandboxCredentials cr = sandbox.credentials(Platform.PINTEREST);
    try (PinterestClient c =
        PinterestClient.builder()
            .baseUrl(sandbox.baseUrl(Platform.PINTEREST))
            .accessToken(cr.accessToken())
            .sleeper(d -> {})
            .retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
            .build()) {
      assertThatThrownBy(() -> c.boards().toList())
          .isInstanceOfSatisfying(
              RateLimitException.class,
              e -> {
                assertThat(e.details().errorCode()).contains("8");
                assertThat(e.details().rateLimit())
                    .hasValueSatisfying(r -> assertThat(r.remaining()).hasValue(0));
              });
    }
  }

  @Test
  void http5xxOnCreateIsUnknownAndNeverDoubled(Sandbox sandbox) {
    sandbox.inject(Platform.PINTEREST, Fault.of(Fault.Kind.HTTP_5XX).on("POST", "/v5/pins"));
    int before = posts(sandbox);
    try (PinterestClient c = PinterestSandboxTest.client(sandbox)) {
      assertThatThrownBy(() -> c.publish(image("k5xx")))
          .isInstanceOfSatisfying(
              PublishOutcomeUnknownException.class,
              e -> assertThat(e.idempotencyKey()).contains("k5xx"));
    }
    assertThat(posts(sandbox)).isEqualTo(before);
  }

  @Test
  void createdThenResetIsUnknownWithExactlyOnePost(Sandbox sandbox) {
    sandbox.inject(
        Platform.PINTEREST, Fault.of(Fault.Kind.CREATED_THEN_RESET).on("POST", "/v5/pins"));
    int before = posts(sandbox);
    try (PinterestClient c = PinterestSandboxTest.client(sandbox)) {
      assertThatThrownBy(() -> c.publish(image("kreset")))
          .isInstanceOf(PublishOutcomeUnknownException.class);
    }
    assertThat(posts(sandbox)).isEqualTo(before + 1);
  }

  @Test
  void expiredTokenIsRefreshedOnceThenSucceeds(Sandbox sandbox) {
    SandboxCredentials cr = sandbox.credentials(Platform.PINTEREST);
    PinterestEmulator emulator = (PinterestEmulator) sandbox.emulator(Platform.PINTEREST);
    InMemoryTokenStore store = new InMemoryTokenStore();
    store.save("me", AccessToken.builder(cr.accessToken()).refreshToken(cr.refreshToken()).build());
    PinterestOAuth oauth =
        PinterestOAuth.create(
            PinterestOAuth.config(cr.clientId(), cr.clientSecret(), null)
                .tokenEndpoint(sandbox.baseUrl(Platform.PINTEREST).resolve("v5/oauth/token"))
                .build());
    sandbox.inject(Platform.PINTEREST, Fault.of(Fault.Kind.EXPIRED_TOKEN).on("POST", "/v5/pins"));
    int issued = emulator.tokensIssued();
    int before = posts(sandbox);
    try (PinterestClient c =
        PinterestClient.builder()
            .baseUrl(sandbox.baseUrl(Platform.PINTEREST))
            .oauth(oauth, store, "me")
            .defaultBoardId(cr.extra("boardId"))
            .sleeper(d -> {})
            .build()) {
      c.publish(image("kexp"));
    }
    assertThat(emulator.tokensIssued()).isEqualTo(issued + 1);
    assertThat(posts(sandbox)).isEqualTo(before + 1);
    AccessToken saved = store.load("me").orElseThrow();
    assertThat(saved.value()).isNotEqualTo(cr.accessToken());
    assertThat(saved.refreshToken()).isPresent().get().isNotEqualTo(cr.refreshToken());
  }

  @Test
  void malformedBodyOnReadIsTyped(Sandbox sandbox) {
    sandbox.inject(
        Platform.PINTEREST, Fault.of(Fault.Kind.MALFORMED_JSON).times(5).on("GET", "/v5/boards"));
    try (PinterestClient c = PinterestSandboxTest.client(sandbox)) {
      assertThatThrownBy(() -> c.boards().toList())
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("malformed");
    }
  }

  @Test
  void truncatedBodyOnCreateIsUnknown(Sandbox sandbox) {
    sandbox.inject(Platform.PINTEREST, Fault.of(Fault.Kind.TRUNCATED_JSON).on("POST", "/v5/pins"));
    try (PinterestClient c = PinterestSandboxTest.client(sandbox)) {
      assertThatThrownBy(() -> c.publish(image("ktrunc")))
          .isInstanceOf(PublishOutcomeUnknownException.class);
    }
  }

  @Test
  void connectionResetOnReadIsRetried(Sandbox sandbox) {
    sandbox.inject(
        Platform.PINTEREST, Fault.of(Fault.Kind.CONNECTION_RESET).on("GET", "/v5/boards"));
    try (PinterestClient c = PinterestSandboxTest.client(sandbox)) {
      assertThat(c.boards().toList()).isNotEmpty();
    }
  }

  @Test
  void delayBeyondTheReadTimeoutOnCreateIsUnknown(Sandbox sandbox) {
    sandbox.inject(
        Platform.PINTEREST,
        Fault.of(Fault.Kind.DELAY).delay(Duration.ofSeconds(3)).on("POST", "/v5/pins"));
    SandboxCredentials cr = sandbox.credentials(Platform.PINTEREST);
    try (PinterestClient c =
        PinterestClient.builder()
            .baseUrl(sandbox.baseUrl(Platform.PINTEREST))
            .accessToken(cr.accessToken())
            .defaultBoardId(cr.extra("boardId"))
            .sleeper(d -> {})
            .httpSettings(h -> h.readTimeout(Duration.ofMillis(500)))
            .build()) {
      assertThatThrownBy(() -> c.publish(image("kdelay")))
          .isInstanceOf(PublishOutcomeUnknownException.class);
    }
  }

  @Test
  void duplicateContentIsTyped(Sandbox sandbox) {
    sandbox.inject(
        Platform.PINTEREST, Fault.of(Fault.Kind.DUPLICATE_CONTENT).on("POST", "/v5/pins"));
    int before = posts(sandbox);
    try (PinterestClient c = PinterestSandboxTest.client(sandbox)) {
      assertThatThrownBy(() -> c.publish(image("kdup")))
          .isInstanceOf(DuplicateContentException.class);
    }
    assertThat(posts(sandbox)).isEqualTo(before);
  }

  @Test
  void mediaProcessingFailureIsTypedAndNoPinIsCreated(Sandbox sandbox, @TempDir Path dir)
      throws Exception {
    sandbox.inject(
        Platform.PINTEREST, Fault.of(Fault.Kind.MEDIA_PROCESSING_FAILURE).on("POST", "/v5/media"));
    int before = posts(sandbox);
    try (PinterestClient c = PinterestSandboxTest.client(sandbox)) {
      Post video =
          Post.builder()
              .addMedia(Media.fromFile(TestMedia.videoFile(dir, "bad.mp4", 4096)))
              .build();
      assertThatThrownBy(() -> c.publish(video))
          .isInstanceOfSatisfying(
              MediaProcessingException.class, e -> assertThat(e.state()).contains("failed"));
    }
    assertThat(posts(sandbox)).isEqualTo(before);
  }
}
