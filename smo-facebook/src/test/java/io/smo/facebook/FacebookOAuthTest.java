package io.smo.facebook;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.AuthorizationRequest;
import io.smo.core.auth.OAuth2Config;
import io.smo.metagraph.GraphApiVersion;
import java.net.URI;
import org.junit.jupiter.api.Test;

@WireMockTest
class FacebookOAuthTest {
  private static final URI REDIRECT = URI.create("https://app.example/callback");

  @Test
  void configIsTheFacebookLoginPreset() {
    OAuth2Config c = FacebookOAuth.config("app", "secret", REDIRECT).build();
    assertThat(c.authorizationEndpoint())
        .isEqualTo(URI.create("https://www.facebook.com/v26.0/dialog/oauth"));
    assertThat(c.tokenEndpoint())
        .isEqualTo(URI.create("https://graph.facebook.com/v26.0/oauth/access_token"));
    assertThat(c.scopes()).isEqualTo(FacebookOAuth.PUBLISH_SCOPES);
    assertThat(c.scopeDelimiter()).isEqualTo(",");
    assertThat(c.pkce()).isFalse();
    try (FacebookOAuth oauth = FacebookOAuth.create(c)) {
      AuthorizationRequest r = oauth.authorizationRequest();
      assertThat(r.url().toString())
          .startsWith("https://www.facebook.com/v26.0/dialog/oauth?")
          .contains("client_id=app")
          .contains("pages_manage_posts");
      assertThat(oauth.toString()).doesNotContain("secret");
    }
  }

  @Test
  void theCodeExchangeGoesThroughOAuth2Flow(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/v25.0/oauth/access_token"))
                .willReturn(
                    okJson(
                        "{\"access_token\":\"user-token\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));
    OAuth2Config c =
        FacebookOAuth.config(
                "app",
                "secret",
                REDIRECT,
                URI.create(wm.getHttpBaseUrl() + "/"),
                GraphApiVersion.V25_0)
            .build();
    try (FacebookOAuth oauth = FacebookOAuth.create(c)) {
      AccessToken t = oauth.exchange("the-code", null);
      assertThat(t.value()).isEqualTo("user-token");
      assertThat(t.expiresAt()).isPresent();
    }
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlPathEqualTo("/v25.0/oauth/access_token"))
                .withRequestBody(containing("code=the-code")));
  }

  @Test
  void aConfigWithoutSecretOrGraphTokenEndpointIsRefused() {
    assertThatThrownBy(
            () ->
                FacebookOAuth.create(
                    OAuth2Config.builder()
                        .authorizationEndpoint(
                            URI.create("https://www.facebook.com/v26.0/dialog/oauth"))
                        .tokenEndpoint(
                            URI.create("https://graph.facebook.com/v26.0/oauth/access_token"))
                        .clientId("app")
                        .redirectUri(REDIRECT)
                        .build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                FacebookOAuth.create(
                    FacebookOAuth.config("app", "s", REDIRECT)
                        .tokenEndpoint(URI.create("https://example.com/token"))
                        .build()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
