package io.smo.twitter;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.smo.core.exception.SmoException;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwitterWebhookSubscriptionsTest {
  WireMockServer wm;

  @BeforeEach
  void start() {
    wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void registerValidateReplayAndSubscribe() {
    wm.stubFor(
        post(urlEqualTo("/2/webhooks"))
            .willReturn(okJson("{\"data\":{\"id\":\"1146654567674912769\",\"valid\":true}}")));
    wm.stubFor(
        put(urlEqualTo("/2/webhooks/1146654567674912769"))
            .willReturn(okJson("{\"data\":{\"attempted\":true}}")));
    wm.stubFor(
        post(urlEqualTo("/2/webhooks/replay"))
            .willReturn(okJson("{\"data\":{\"job_id\":\"j1\"}}")));
    wm.stubFor(
        post(urlEqualTo("/2/account_activity/webhooks/1146654567674912769/subscriptions/all"))
            .willReturn(okJson("{\"data\":{\"subscribed\":true}}")));
    TwitterWebhookSubscriptions x =
        TwitterWebhookSubscriptions.create(URI.create(wm.baseUrl()), "app-bearer");
    assertThat(x.register(URI.create("https://example.com/webhooks/x")))
        .isEqualTo("1146654567674912769");
    x.validate("1146654567674912769");
    assertThat(
            x.replay(
                "1146654567674912769",
                Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T12:30:00Z")))
        .contains("j1");
    x.subscribe("1146654567674912769", "user-token");
    wm.verify(
        postRequestedFor(urlEqualTo("/2/webhooks"))
            .withHeader("Authorization", equalTo("Bearer app-bearer"))
            .withRequestBody(equalToJson("{\"url\":\"https://example.com/webhooks/x\"}")));
    wm.verify(
        postRequestedFor(urlEqualTo("/2/webhooks/replay"))
            .withRequestBody(
                equalToJson(
                    "{\"webhook_id\":\"1146654567674912769\",\"from_date\":\"202612011000\",\"to_date\":\"202612011230\"}")));
    wm.verify(
        postRequestedFor(
                urlEqualTo("/2/account_activity/webhooks/1146654567674912769/subscriptions/all"))
            .withHeader("Authorization", equalTo("Bearer user-token")));
  }

  @Test
  void refusalsAreTypedAndBadInputIsRefusedOffline() {
    wm.stubFor(
        post(urlEqualTo("/2/webhooks"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"errors\":[{\"message\":\"CRC check failed\"}]}")));
    TwitterWebhookSubscriptions x =
        TwitterWebhookSubscriptions.create(URI.create(wm.baseUrl()), "app-bearer");
    assertThatThrownBy(() -> x.register(URI.create("https://example.com/w")))
        .isInstanceOf(SmoException.class)
        .hasMessageContaining("CRC check failed")
        .hasMessageNotContaining("app-bearer");
    assertThatThrownBy(() -> x.register(URI.create("http://example.com/w")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> x.validate("../x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> x.replay("1", Instant.EPOCH, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
