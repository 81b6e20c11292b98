package io.smo.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Platform;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.AuthorizationRequest;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.exception.AuthenticationException;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * YouTubeOAuth in the one form: preset config, authorization request, code exchange and refresh via
 * OAuth2Flow.
 */
@SandboxTest
class YouTubeOAuthSandboxTest {
  @Test
  void authorizesExchangesAndRefreshesThroughTheSandbox(Sandbox sandbox) {
    SandboxCredentials c = sandbox.credentials(Platform.YOUTUBE);
    OAuth2Config config =
        YouTubeOAuth.config(c.clientId(), c.clientSecret(), URI.create("http://127.0.0.1:8765/cb"))
            .tokenEndpoint(sandbox.baseUrl(Platform.YOUTUBE).resolve("token"))
            .build();
    assertThat(config.scopes()).isEqualTo(YouTubeOAuth.ALL_SCOPES);
    YouTubeOAuth oauth = YouTubeOAuth.create(config);
    AuthorizationRequest request = oauth.authorizationRequest();
    assertThat(request.url().toString())
        .startsWith(YouTubeOAuth.AUTHORIZATION_ENDPOINT.toString())
        .contains("access_type=offline")
        .contains("prompt=consent")
        .contains("code_challenge=");
    AccessToken token =
        oauth.exchange(c.extra("authorizationCode"), request.codeVerifier().orElseThrow());
    assertThat(token.refreshToken()).isPresent();
    AccessToken fresh = oauth.refresh(token);
    assertThat(fresh.value()).isNotEqualTo(token.value());
    assertThat(fresh.refreshToken()).isEqualTo(token.refreshToken()); // Google does not rotate it
    assertThatThrownBy(
            () -> oauth.refresh(AccessToken.builder("x").refreshToken("unknown").build()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("7 days")
        .hasMessageNotContaining(c.clientSecret());
  }
}
