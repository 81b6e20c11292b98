package io.smo.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.smo.core.HttpSettings;
import io.smo.core.Platform;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.TransportException;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Token calls are not idempotent (a code is used once, a refresh may rotate the refresh token):
 * {@link OAuth2Flow} retries them only when the request surely was not sent or on a 429 with {@code
 * Retry-After}, and fails with a typed error otherwise.
 */
@WireMockTest
class OAuth2FlowRetryTest {
  static OAuth2Flow flow(String base) {
    OAuth2Config config =
        OAuth2Config.builder()
            .authorizationEndpoint(URI.create(base + "/oauth/authorize"))
            .tokenEndpoint(URI.create(base + "/oauth/token"))
            .clientId("client-abc")
            .clientSecret("shh-client-secret")
            .build();
    return OAuth2Flow.create(Platform.TWITTER, config, HttpSettings.defaults());
  }

  @Test
  void a429WithRetryAfterIsRetriedOnce(WireMockRuntimeInfo wm) {
    stubFor(
        post("/oauth/token")
            .inScenario("rl")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("open"));
    stubFor(
        post("/oauth/token")
            .inScenario("rl")
            .whenScenarioStateIs("open")
            .willReturn(okJson("{\"access_token\":\"fresh\",\"expires_in\":3600}")));

    AccessToken t = flow(wm.getHttpBaseUrl()).exchangeCode("code-1", null);

    assertThat(t.value()).isEqualTo("fresh");
    verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
  }

  @Test
  void a429WithoutRetryAfterFailsTypedWithoutRetry(WireMockRuntimeInfo wm) {
    stubFor(post("/oauth/token").willReturn(aResponse().withStatus(429)));

    assertThatThrownBy(() -> flow(wm.getHttpBaseUrl()).exchangeCode("code-1", null))
        .isInstanceOf(RateLimitException.class)
        .hasMessageContaining("429");
    verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
  }

  @Test
  void aConnectionLostAfterSendingIsNotRetried(WireMockRuntimeInfo wm) {
    stubFor(post("/oauth/token").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    assertThatThrownBy(
            () ->
                flow(wm.getHttpBaseUrl())
                    .refresh(AccessToken.builder("old").refreshToken("refresh-1").build()))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("after the request was sent")
                  .contains("not retried")
                  .doesNotContain("refresh-1");
              assertThat(e.attempts()).isEqualTo(1);
            });
    verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
  }

  @Test
  void aRefusedConnectionIsRetriedBecauseNothingWasSent() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: connections are refused
    }
    OAuth2Flow flow = flow("http://127.0.0.1:" + port);

    assertThatThrownBy(() -> flow.exchangeCode("code-1", null))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.getMessage()).contains("before the request was sent");
              assertThat(e.attempts()).isEqualTo(3); // RetryPolicy.defaults().maxAttempts()
            });
  }
}
