package io.smo.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PublishedPost;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.testkit.Created;
import io.smo.testkit.Fault;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxTest;
import io.smo.twitter.TwitterClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A JUnit 5 test to copy into your project: your publishing code runs against the sandbox (a
 * stateful local emulation of the platform's API), then the test asserts on what the sandbox really
 * created, not only on what the client answered.
 *
 * <p>Needs {@code io.smo:smo-testkit} in test scope. {@code @SandboxTest} starts one sandbox per
 * test class on a free loopback port and passes it to every test method that declares a {@link
 * Sandbox} parameter; faults are cleared after each test. Posts accumulate across the tests of the
 * class, so each test looks only at its own (unique text).
 */
@SandboxTest
class SandboxTestExample {

  /** Your client, pointed at the sandbox instead of api.x.com. */
  private static TwitterClient client(Sandbox sandbox) {
    return TwitterClient.builder()
        .baseUrl(sandbox.baseUrl(Platform.TWITTER))
        .accessToken(sandbox.credentials(Platform.TWITTER).accessToken())
        .sleeper(d -> {}) // retries and rate-limit waits take no real time in tests
        .build();
  }

  /** The sandbox's record of the posts with {@code text}. */
  private static List<Created> postsWithText(Sandbox sandbox, String text) {
    return sandbox.created(Platform.TWITTER, "post").stream()
        .filter(c -> c.body().path("text").asText().equals(text))
        .toList();
  }

  @Test
  void publishesExactlyOnePost(Sandbox sandbox) {
    String text = "Aurora test ride sign-ups are open 🚲 (publishesExactlyOnePost)";
    try (TwitterClient x = client(sandbox)) {
      PublishedPost published = x.publish(Post.builder().text(text).build());

      assertThat(published.url()).isPresent();
      List<Created> posts = postsWithText(sandbox, text);
      assertThat(posts).hasSize(1);
      assertThat(posts.get(0).id()).isEqualTo(published.id());
    }
  }

  @Test
  void lostAnswerIsUnknownAndNeverPostedTwice(Sandbox sandbox) {
    // The next POST /2/tweets creates the post, then the connection is reset: the answer is lost.
    sandbox.inject(
        Platform.TWITTER, Fault.of(Fault.Kind.CREATED_THEN_RESET).on("POST", "/2/tweets"));
    String text = "Aurora test ride sign-ups are open 🚲 (lostAnswerIsUnknownAndNeverPostedTwice)";
    try (TwitterClient x = client(sandbox)) {
      Post post = Post.builder().text(text).idempotencyKey("aurora-signups-1").build();

      // The SDK never retries a create whose outcome is unknown: it reports UNKNOWN with the key,
      // so you can look the post up before trying again.
      assertThatThrownBy(() -> x.publish(post))
          .isInstanceOfSatisfying(
              PublishOutcomeUnknownException.class,
              e -> assertThat(e.idempotencyKey()).contains("aurora-signups-1"));
    }
    assertThat(postsWithText(sandbox, text)).hasSize(1); // created once, not twice
  }
}
