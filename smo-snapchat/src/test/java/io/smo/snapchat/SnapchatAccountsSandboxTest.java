package io.smo.snapchat;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PublishedPost;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18 on the sandbox: two Snapchat Public Profiles, each client reporting its own profile id
 * as its account and posting as that profile.
 */
@SandboxTest
class SnapchatAccountsSandboxTest {
  @TempDir Path dir;

  static SnapchatClient client(Sandbox s, SandboxCredentials c) {
    return SnapchatClient.builder()
        .baseUrl(s.baseUrl(Platform.SNAPCHAT))
        .accessToken(c.accessToken())
        .accountId(c.extra("profileId"))
        .adAccountId(c.extra("adAccountId"))
        .sleeper(d -> {})
        .rateLimitPolicy(RateLimitPolicy.unlimited())
        .build();
  }

  @Test
  void twoProfilesEachReportTheirOwnIdAndPostAsThemselves(Sandbox s) throws Exception {
    Path jpg = TestMedia.jpeg(dir, "a.jpg", 10);
    SandboxCredentials main = s.credentials(Platform.SNAPCHAT);
    SandboxCredentials uk = s.addAccount(Platform.SNAPCHAT, "uk");
    assertThat(uk.extra("profileId")).isNotEqualTo(main.extra("profileId"));
    try (SnapchatClient a = client(s, main);
        SnapchatClient b = client(s, uk)) {
      assertThat(a.accountKey()).isEqualTo(main.extra("profileId")).isEqualTo(a.accountId());
      assertThat(b.accountKey()).isEqualTo(uk.extra("profileId")).isEqualTo(b.accountId());
      assertThat(b.adAccountId()).contains(uk.extra("adAccountId"));
      PublishedPost pa = a.publish(Post.builder().addMedia(Media.fromFile(jpg)).build());
      PublishedPost pb = b.publish(Post.builder().addMedia(Media.fromFile(jpg)).build());
      assertThat(pa.ref().attributes())
          .containsEntry(SnapchatClient.ATTR_PROFILE, main.extra("profileId"));
      assertThat(pb.ref().attributes())
          .containsEntry(SnapchatClient.ATTR_PROFILE, uk.extra("profileId"));
    }
    assertThat(s.created(Platform.SNAPCHAT, "post", main.accountId())).hasSize(1);
    assertThat(s.created(Platform.SNAPCHAT, "post", uk.accountId())).hasSize(1);
  }

  @Test
  void promotionOnlyClientActsAsItsAdAccount() {
    try (SnapchatClient c =
        SnapchatClient.builder().accessToken("t").adAccountId("acct-1").build()) {
      assertThat(c.accountId()).isEqualTo("acct-1").isEqualTo(c.accountKey());
    }
  }
}
