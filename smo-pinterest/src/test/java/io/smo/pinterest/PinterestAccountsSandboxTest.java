package io.smo.pinterest;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.CrossPostResult;
import io.smo.core.CrossPoster;
import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PublishedPost;
import io.smo.core.Target;
import io.smo.testkit.Created;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * #18 on Pinterest: the account key is the real Pinterest username, given or learned from {@code
 * GET /v5/user_account}, never a constant; two accounts on one sandbox each report their own
 * username, pin as themselves, and keep their results and idempotency apart.
 */
@SandboxTest(strict = true)
class PinterestAccountsSandboxTest {

  private static PinterestClient.Builder client(Sandbox sandbox, SandboxCredentials c) {
    return PinterestClient.builder()
        .baseUrl(sandbox.baseUrl(Platform.PINTEREST))
        .accessToken(c.accessToken())
        .defaultBoardId(c.extra("boardId"))
        .sleeper(d -> {});
  }

  @Test
  void eachClientLearnsItsOwnUsername(Sandbox sandbox) {
    SandboxCredentials us = sandbox.addAccount(Platform.PINTEREST, "us");
    SandboxCredentials uk = sandbox.addAccount(Platform.PINTEREST, "uk");
    assertThat(us.accountId()).isNotEqualTo(uk.accountId());
    try (PinterestClient a = client(sandbox, us).build();
        PinterestClient b = client(sandbox, uk).build()) {
      assertThat(a.accountId()).isEqualTo(us.accountId());
      assertThat(a.accountKey()).isEqualTo(us.accountId());
      assertThat(b.accountKey()).isEqualTo(uk.accountId());
      assertThat(b.target()).isEqualTo(Target.of(Platform.PINTEREST, uk.accountId()));
      assertThat(a.accountKey()).isNotEqualTo(Platform.PINTEREST.id());
    }
    try (PinterestClient given = client(sandbox, us).accountId(us.accountId()).build()) {
      assertThat(given.accountKey()).isEqualTo(us.accountId());
    }
  }

  @Test
  void crossPosterKeepsTwoPinterestAccountsApart(Sandbox sandbox) {
    SandboxCredentials us = sandbox.addAccount(Platform.PINTEREST, "us");
    SandboxCredentials uk = sandbox.addAccount(Platform.PINTEREST, "uk");
    try (CrossPoster poster =
        CrossPoster.builder()
            .add(client(sandbox, us).build())
            .add(client(sandbox, uk).build())
            .closeClients(true)
            .build()) {
      assertThat(poster.targets())
          .containsExactlyInAnyOrder(
              Target.of(Platform.PINTEREST, us.accountId()),
              Target.of(Platform.PINTEREST, uk.accountId()));
      Post post =
          Post.builder()
              .text("Two boards, one call (#18)")
              .addMedia(
                  Media.fromUrl(
                      URI.create("https://example.com/pin.jpg"), io.smo.core.MediaKind.IMAGE))
              .idempotencyKey("p18-1")
              .build();

      CrossPostResult result = poster.publish(post);

      assertThat(result.allPublished()).as(result.toString()).isTrue();
      assertThat(result.list()).hasSize(2);
      for (SandboxCredentials c : List.of(us, uk)) {
        Target t = Target.of(Platform.PINTEREST, c.accountId());
        List<Created> made = sandbox.created(Platform.PINTEREST, "post", c.accountId());
        assertThat(made).as("Pins by " + t).hasSize(1);
        PublishedPost p = result.outcome(t).orElseThrow().published().orElseThrow();
        assertThat(made.get(0).id()).isEqualTo(p.id());
      }
      CrossPostResult again = poster.publish(post);
      assertThat(again.allPublished()).isTrue();
      assertThat(sandbox.created(Platform.PINTEREST, "post", us.accountId())).hasSize(1);
      assertThat(sandbox.created(Platform.PINTEREST, "post", uk.accountId())).hasSize(1);
    }
  }
}
