package io.smo.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.CrossPostResult;
import io.smo.core.CrossPoster;
import io.smo.core.Platform;
import io.smo.core.PlatformOutcome;
import io.smo.core.Post;
import io.smo.core.Target;
import io.smo.facebook.FacebookClient;
import io.smo.testkit.Created;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import io.smo.twitter.TwitterClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One CrossPoster, several accounts per platform: two Facebook Pages and two X accounts, each post
 * created by the sandbox under the account it was meant for.
 */
@SandboxTest
class MultiAccountCrossPostTest {

  private static FacebookClient page(Sandbox sandbox, SandboxCredentials c) {
    return FacebookClient.builder()
        .baseUrl(sandbox.baseUrl(Platform.FACEBOOK))
        .accessToken(c.accessToken())
        .accountId(c.accountId())
        .sleeper(d -> {})
        .build();
  }

  private static TwitterClient x(Sandbox sandbox, SandboxCredentials c) {
    // no accountKey(...): the client learns its X user id from GET /2/users/me
    return TwitterClient.builder()
        .baseUrl(sandbox.baseUrl(Platform.TWITTER))
        .accessToken(c.accessToken())
        .sleeper(d -> {})
        .build();
  }

  @Test
  void twoPagesAndTwoXAccountsGetOnePostEachAsTheRightAccount(Sandbox sandbox) {
    SandboxCredentials global = sandbox.addAccount(Platform.FACEBOOK, "global");
    SandboxCredentials uk = sandbox.addAccount(Platform.FACEBOOK, "uk");
    SandboxCredentials brand = sandbox.addAccount(Platform.TWITTER, "brand");
    SandboxCredentials support = sandbox.addAccount(Platform.TWITTER, "support");
    assertThat(global.accountId()).isNotEqualTo(uk.accountId());
    String text = "Four accounts, one call (multi-account test)";
    try (CrossPoster poster =
        CrossPoster.builder()
            .add(page(sandbox, global))
            .add(page(sandbox, uk))
            .add(x(sandbox, brand))
            .add(x(sandbox, support))
            .closeClients(true)
            .build()) {
      assertThat(poster.targets())
          .containsExactlyInAnyOrder(
              Target.of(Platform.FACEBOOK, global.accountId()),
                  Target.of(Platform.FACEBOOK, uk.accountId()),
              Target.of(Platform.TWITTER, brand.accountId()),
                  Target.of(Platform.TWITTER, support.accountId()));

      CrossPostResult result =
          poster.publish(Post.builder().text(text).idempotencyKey("four-1").build());

      assertThat(result.allPublished()).as(result.toString()).isTrue();
      assertThat(result.list()).hasSize(4);
      assertThat(result.outcomesOn(Platform.FACEBOOK)).hasSize(2);
      assertThatThrownBy(() -> result.outcome(Platform.FACEBOOK))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("2 Facebook accounts");
      for (SandboxCredentials c : List.of(global, uk)) {
        Target t = Target.of(Platform.FACEBOOK, c.accountId());
        List<Created> made = sandbox.created(Platform.FACEBOOK, "post", c.accountId());
        assertThat(made).as("posts by " + t).hasSize(1);
        PlatformOutcome o = result.outcome(t).orElseThrow();
        assertThat(o.target()).contains(t);
        assertThat(made.get(0).id())
            .isEqualTo(o.published().orElseThrow().id().replace(c.accountId(), "104000000000001"))
            .as("the sandbox keeps the main Page's ids internally");
      }
      for (SandboxCredentials c : List.of(brand, support)) {
        Target t = Target.of(Platform.TWITTER, c.accountId());
        List<Created> made = sandbox.created(Platform.TWITTER, "post", c.accountId());
        assertThat(made).as("posts by " + t).hasSize(1);
        assertThat(made.get(0).body().path("text").asText()).isEqualTo(text);
        assertThat(made.get(0).id())
            .isEqualTo(result.outcome(t).orElseThrow().published().orElseThrow().id());
      }
      assertThat(
              sandbox.created(Platform.FACEBOOK, "post").stream()
                  .filter(c -> c.body().path("message").asText().equals(text)))
          .hasSize(2);

      // idempotency is per target: the same key again creates nothing anywhere
      CrossPostResult again =
          poster.publish(Post.builder().text(text).idempotencyKey("four-1").build());
      assertThat(again.allPublished()).isTrue();
      assertThat(sandbox.created(Platform.TWITTER, "post", brand.accountId())).hasSize(1);
      assertThat(sandbox.created(Platform.FACEBOOK, "post", uk.accountId())).hasSize(1);
    }
  }

  @Test
  void theSameAccountTwiceIsRefused(Sandbox sandbox) {
    SandboxCredentials a = sandbox.addAccount(Platform.FACEBOOK, "twice");
    try (FacebookClient one = page(sandbox, a);
        FacebookClient two = page(sandbox, a)) {
      CrossPoster.Builder b = CrossPoster.builder().add(one);
      assertThatThrownBy(() -> b.add(two))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("facebook:" + a.accountId());
    }
  }
}
