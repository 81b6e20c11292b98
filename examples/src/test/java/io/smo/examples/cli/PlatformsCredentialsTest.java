package io.smo.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Feature;
import io.smo.core.Platform;
import io.smo.core.SocialClient;
import io.smo.core.upload.UploadListener;
import io.smo.instagram.ApiFlavor;
import io.smo.instagram.InstagramClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The optional credential keys of issue #20: Instagram's {@code facebook_page_id} (Facebook Login,
 * so mentions can be completed) and TikTok's {@code business_id} with {@code business_access_token}
 * (Business comments), both or neither. Builds clients only: no call.
 */
class PlatformsCredentialsTest {

  @Test
  void instagramWithAFacebookPageUsesFacebookLogin() {
    try (SocialClient plain =
            Platforms.credentialClient(
                Platform.INSTAGRAM,
                Map.of("access_token", "t", "ig_user_id", "17841400000000001"),
                UploadListener.NONE);
        SocialClient page =
            Platforms.credentialClient(
                Platform.INSTAGRAM,
                Map.of(
                    "access_token",
                    "t",
                    "ig_user_id",
                    "17841400000000001",
                    "facebook_page_id",
                    "104000000000001"),
                UploadListener.NONE)) {
      assertThat(((InstagramClient) plain).flavor()).isEqualTo(ApiFlavor.INSTAGRAM_LOGIN);
      assertThat(((InstagramClient) page).flavor()).isEqualTo(ApiFlavor.FACEBOOK_LOGIN);
    }
  }

  @Test
  void tiktokBusinessKeysTurnCommentsOnAndGoTogether() {
    try (SocialClient c =
        Platforms.credentialClient(
            Platform.TIKTOK,
            Map.of("access_token", "t", "business_id", "biz-1", "business_access_token", "b"),
            UploadListener.NONE)) {
      assertThat(c.capabilities().supports(Feature.COMMENTS)).isTrue();
    }
    try (SocialClient c =
        Platforms.credentialClient(
            Platform.TIKTOK, Map.of("access_token", "t"), UploadListener.NONE)) {
      assertThat(c.capabilities().supports(Feature.COMMENTS)).isFalse();
    }
    assertThatThrownBy(
            () ->
                Platforms.credentialClient(
                    Platform.TIKTOK,
                    Map.of("access_token", "t", "business_id", "biz-1"),
                    UploadListener.NONE))
        .hasMessageContaining("business_access_token");
  }
}
