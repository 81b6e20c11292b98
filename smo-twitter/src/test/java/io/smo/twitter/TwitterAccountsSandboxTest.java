package io.smo.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.CrossPostResult;
import io.smo.core.CrossPoster;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PublishedPost;
import io.smo.core.Target;
import io.smo.core.resilience.InMemoryRateLimitStore;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.testkit.Created;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * #18 on X: the account key is the real X user id, given or learned from {@code GET /2/users/me},
 * never a constant; two accounts on one sandbox each report their own id, post as themselves, and
 * keep their results, idempotency and rate limits apart.
 */
@SandboxTest(strict = true)
class TwitterAccountsSandboxTest {

  private static TwitterClient.Builder x(Sandbox sandbox, SandboxCredentials c) {
    return TwitterClient.builder()
        .baseUrl(sandbox.baseUrl(Platform.TWITTER))
        .accessToken(c.accessToken())
        .sleeper(d -> {});
  }

  @Test
  void eachClientLearnsItsOwnUserId(Sandbox sandbox) {
    SandboxCredentials brand = sandbox.addAccount(Platform.TWITTER, "brand");
    SandboxCredentials support = sandbox.addAccount(Platform.TWITTER, "support");
    assertThat(brand.accountId()).isNotEqualTo(support.accountId()).matches("[0-9]+");
    try (TwitterClient a = x(sandbox, brand).build();
        TwitterClient b = x(sandbox, support).build()) {
      assertThat(a.accountId()).isEqualTo(brand.accountId());
      assertThat(a.accountKey()).isEqualTo(brand.accountId());
      assertThat(b.accountKey()).isEqualTo(support.accountId());
      assertThat(a.target()).isEqualTo(Target.of(Platform.TWITTER, brand.accountId()));
      assertThat(a.accountInfo().id()).isEqualTo(brand.accountId());
    }
  }

  @Test
  void aGivenAccountIdNeedsNoCallAndMustBeAnXUserId(Sandbox sandbox) {
    SandboxCredentials brand = sandbox.addAccount(Platform.TWITTER, "brand");
    try (TwitterClient a = x(sandbox, brand).accountId(brand.accountId()).build()) {
      assertThat(a.accountKey()).isEqualTo(brand.accountId());
    }
    assertThatThrownBy(() -> x(sandbox, brand).accountId("x-brand").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 19 digits");
  }

  @Test
  void crossPosterKeepsTwoXAccountsApart(Sandbox sandbox) {
    SandboxCredentials brand = sandbox.addAccount(Platform.TWITTER, "brand");
    SandboxCredentials support = sandbox.addAccount(Platform.TWITTER, "support");
    // one post per 15 minutes per account and no waiting: two accounts under one key would refuse
    // the second post, so both succeeding shows the limits are kept per account
    RateLimitPolicy tight =
        TwitterClient.defaultRateLimits().toBuilder()
            .bucket(TwitterRateBucket.TWEETS_CREATE, 1, Duration.ofMinutes(15))
            .maxWait(Duration.ZERO)
            .store(new InMemoryRateLimitStore())
            .build();
    String text = "Two X accounts, one call (#18)";
    try (CrossPoster poster =
        CrossPoster.builder()
            .add(x(sandbox, brand).rateLimitPolicy(tight).build())
            .add(x(sandbox, support).rateLimitPolicy(tight).build())
            .closeClients(true)
            .build()) {
      assertThat(poster.targets())
          .containsExactlyInAnyOrder(
              Target.of(Platform.TWITTER, brand.accountId()),
              Target.of(Platform.TWITTER, support.accountId()));

      CrossPostResult result =
          poster.publish(Post.builder().text(text).idempotencyKey("x18-1").build());

      assertThat(result.allPublished()).as(result.toString()).isTrue();
      assertThat(result.list()).hasSize(2);
      for (SandboxCredentials c : List.of(brand, support)) {
        Target t = Target.of(Platform.TWITTER, c.accountId());
        List<Created> made = sandbox.created(Platform.TWITTER, "post", c.accountId());
        assertThat(made).as("posts by " + t).hasSize(1);
        PublishedPost p = result.outcome(t).orElseThrow().published().orElseThrow();
        assertThat(made.get(0).id()).isEqualTo(p.id());
      }
      assertThat(
              result
                  .outcome(Target.of(Platform.TWITTER, brand.accountId()))
                  .orElseThrow()
                  .published()
                  .orElseThrow()
                  .id())
          .isNotEqualTo(
              result
                  .outcome(Target.of(Platform.TWITTER, support.accountId()))
                  .orElseThrow()
                  .published()
                  .orElseThrow()
                  .id());

      // idempotency per target: the same key again creates nothing for either account
      CrossPostResult again =
          poster.publish(Post.builder().text(text).idempotencyKey("x18-1").build());
      assertThat(again.allPublished()).isTrue();
      assertThat(sandbox.created(Platform.TWITTER, "post", brand.accountId())).hasSize(1);
      assertThat(sandbox.created(Platform.TWITTER, "post", support.accountId())).hasSize(1);
    }
  }
}
