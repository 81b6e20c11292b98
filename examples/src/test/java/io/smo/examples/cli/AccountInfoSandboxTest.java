package io.smo.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.AccountInfo;
import io.smo.core.Feature;
import io.smo.core.Platform;
import io.smo.core.SocialClient;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.upload.UploadListener;
import io.smo.testkit.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SocialClient#accountInfo()} on the sandbox (strict: X, Pinterest and YouTube requests are
 * checked against the official API descriptions when ../shared is present).
 */
class AccountInfoSandboxTest {
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.builder().strict(true).build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static AccountInfo read(Platform p) {
    try (SocialClient c = Platforms.sandboxClient(p, sandbox, UploadListener.NONE)) {
      assertThat(c.capabilities().supports(Feature.ACCOUNT_INFO)).as("%s", p).isTrue();
      return c.accountInfo();
    }
  }

  @Test
  void facebookPageFollowersAndFans() {
    AccountInfo a = read(Platform.FACEBOOK);
    assertThat(a.id()).isEqualTo(sandbox.credentials(Platform.FACEBOOK).accountId());
    assertThat(a.name()).contains("SMO Sandbox Page");
    assertThat(a.handle()).contains("smosandboxpage");
    assertThat(a.followers()).isPresent();
    assertThat(a.raw()).containsKey("fan_count");
    // Pages report neither: absent, never zero
    assertThat(a.following()).isEmpty();
    assertThat(a.postCount()).isEmpty();
  }

  @Test
  void instagramFollowersFollowsAndMedia() {
    AccountInfo a = read(Platform.INSTAGRAM);
    assertThat(a.id()).isEqualTo(sandbox.credentials(Platform.INSTAGRAM).accountId());
    assertThat(a.handle()).isPresent();
    assertThat(a.followers()).isPresent();
    assertThat(a.following()).isPresent();
    assertThat(a.postCount()).isPresent();
  }

  @Test
  void xPublicMetrics() {
    AccountInfo a = read(Platform.TWITTER);
    assertThat(a.handle()).contains("smo_sandbox");
    assertThat(a.followers().getAsLong()).isPositive();
    assertThat(a.following()).isPresent();
    assertThat(a.postCount()).isPresent();
    assertThat(a.raw()).containsKey("listed_count");
    assertThat(sandbox.strictViolations()).isEmpty();
  }

  @Test
  void youtubeChannelStatistics() {
    AccountInfo a = read(Platform.YOUTUBE);
    assertThat(a.id()).startsWith("UC");
    assertThat(a.handle()).contains("smosandbox"); // customUrl "@smosandbox", the "@" dropped
    assertThat(a.followers()).isPresent();
    assertThat(a.postCount()).isPresent();
    assertThat(a.following()).isEmpty();
    assertThat(a.raw()).containsKey("viewCount");
    assertThat(sandbox.strictViolations()).isEmpty();
  }

  @Test
  void tiktokUserInfo() {
    AccountInfo a = read(Platform.TIKTOK);
    assertThat(a.id()).isEqualTo(sandbox.credentials(Platform.TIKTOK).accountId());
    assertThat(a.name()).contains("Sandbox Creator");
    assertThat(a.followers()).isPresent();
    assertThat(a.following()).isPresent();
    assertThat(a.postCount()).isPresent();
    assertThat(a.raw()).containsKey("likes_count");
  }

  @Test
  void pinterestUserAccount() {
    AccountInfo a = read(Platform.PINTEREST);
    assertThat(a.handle()).contains("sbx_pinterest_user");
    assertThat(a.followers()).isPresent();
    assertThat(a.following()).isPresent();
    assertThat(a.postCount()).isPresent();
    assertThat(a.raw()).containsKey("monthly_views");
    assertThat(sandbox.strictViolations()).isEmpty();
  }

  @Test
  void snapchatSaysItCannot() {
    try (SocialClient c =
        Platforms.sandboxClient(Platform.SNAPCHAT, sandbox, UploadListener.NONE)) {
      assertThat(c.capabilities().supports(Feature.ACCOUNT_INFO)).isFalse();
      assertThatThrownBy(c::accountInfo)
          .isInstanceOf(UnsupportedFeatureException.class)
          .hasMessageContaining("Public Profile");
    }
  }
}
