package io.smo.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PublishedPost;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import io.smo.testkit.emulator.TikTokEmulator;
import io.smo.tiktok.TikTokOptions.PrivacyLevel;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Issue #18 on the sandbox: two TikTok creators, each client knowing only its token, learn their
 * own {@code open_id} from {@code GET /v2/user/info/} and publish as themselves.
 */
@SandboxTest(strict = true)
class TikTokAccountsSandboxTest {
  static TikTokClient.Builder builder(Sandbox s, String token) {
    return TikTokClient.builder()
        .baseUrl(s.baseUrl(Platform.TIKTOK))
        .accessToken(token)
        .sleeper(d -> {})
        .rateLimitPolicy(RateLimitPolicy.unlimited());
  }

  static Post post() {
    return Post.builder()
        .text("Two creators #test")
        .addMedia(Media.fromUrl(URI.create("https://cdn.example.com/v.mp4"), MediaKind.VIDEO))
        .option(TikTokOptions.builder().privacyLevel(PrivacyLevel.SELF_ONLY).build())
        .build();
  }

  @Test
  void twoAccountsEachReportTheirOwnOpenIdAndPublishAsThemselves(Sandbox s) {
    SandboxCredentials main = s.credentials(Platform.TIKTOK);
    SandboxCredentials uk = s.addAccount(Platform.TIKTOK, "uk");
    assertThat(uk.accountId()).isNotEqualTo(main.accountId());
    try (TikTokClient a = builder(s, main.accessToken()).build();
        TikTokClient b = builder(s, uk.accessToken()).build()) {
      assertThat(a.toString()).contains("not read yet");
      assertThat(a.accountKey()).isEqualTo(TikTokEmulator.OPEN_ID).isEqualTo(main.accountId());
      assertThat(b.accountKey()).isEqualTo(uk.accountId());
      assertThat(b.accountId()).isEqualTo(b.accountKey());
      assertThat(a.target()).isNotEqualTo(b.target());
      PublishedPost pa = a.publish(post());
      PublishedPost pb = b.publish(post());
      assertThat(pa.id()).isNotEqualTo(pb.id());
      assertThat(b.accountInfo().id()).isEqualTo(uk.accountId());
    }
    assertThat(s.created(Platform.TIKTOK, "post", main.accountId())).hasSize(1);
    assertThat(s.created(Platform.TIKTOK, "post", uk.accountId())).hasSize(1);
  }

  @Test
  void givenAccountIdIsUsedWithoutAsking(Sandbox s) {
    try (TikTokClient c = builder(s, "sbx-not-a-token").accountId(" creator-1 ").build()) {
      assertThat(c.accountKey()).isEqualTo("creator-1");
      assertThat(c.accountId()).isEqualTo("creator-1");
      assertThat(c.toString()).contains("creator-1");
    }
  }
}
