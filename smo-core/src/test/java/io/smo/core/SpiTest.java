package io.smo.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.exception.ValidationException;
import io.smo.core.fake.FakeClient;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** What BaseSocialClient and ClientBuilder give every platform module for free. */
class SpiTest {
  static FakeClient client() {
    return FakeClient.builder(Platform.TWITTER)
        .baseUrl(URI.create("http://127.0.0.1:9/"))
        .accessToken("t")
        .build();
  }

  @Test
  void unsupportedOperationsNameThePlatformAndOperation() {
    try (FakeClient c = client()) {
      assertThatThrownBy(() -> c.delete(PostRef.of(Platform.TWITTER, "1")))
          .isInstanceOfSatisfying(
              UnsupportedFeatureException.class,
              e -> {
                assertThat(e.platform()).hasValue(Platform.TWITTER);
                assertThat(e.operation()).hasValue("delete");
                assertThat(e.getMessage()).contains("X does not support delete");
              });
      assertThatThrownBy(
              () -> c.moderate(CommentRef.of(Platform.TWITTER, "c"), ModerationAction.HIDE))
          .isInstanceOf(UnsupportedFeatureException.class)
          .hasMessageContaining("moderate hide");
    }
  }

  @Test
  void invalidPostsFailBeforeAnyNetworkCall() {
    try (FakeClient c = client()) {
      // the base URL points at a closed port: a network call would be a TransportException
      assertThatThrownBy(() -> c.publish(Post.builder().build()))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(Violation::rule)
                      .containsExactly("not-empty"));
      assertThatThrownBy(() -> c.metrics(PostRef.of(Platform.FACEBOOK, "1")))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(Violation::rule)
                      .containsExactly("platform-mismatch"));
    }
  }

  @Test
  void builderNeedsCredentialsAndAnAbsoluteBaseUrl() {
    assertThatThrownBy(() -> FakeClient.builder(Platform.TWITTER).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("credentials");
    assertThatThrownBy(() -> FakeClient.builder(Platform.TWITTER).baseUrl(URI.create("/relative")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeClient.builder(Platform.TWITTER).accessToken(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
