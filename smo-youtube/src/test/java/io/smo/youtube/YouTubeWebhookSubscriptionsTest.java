package io.smo.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.smo.core.HttpSettings;
import io.smo.core.exception.SmoException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class YouTubeWebhookSubscriptionsTest {
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
  void subscribesTheChannelFeedWithASecretAndLease() {
    wm.stubFor(post(urlEqualTo("/subscribe")).willReturn(aResponse().withStatus(202)));
    try (YouTubeWebhookSubscriptions hub =
        YouTubeWebhookSubscriptions.create(
            URI.create("http://127.0.0.1:" + wm.port() + "/subscribe"), HttpSettings.defaults())) {
      hub.subscribe(
          "UC123",
          URI.create("https://example.com/webhooks/youtube"),
          "hub-secret",
          Duration.ofDays(5));
    }
    wm.verify(
        postRequestedFor(urlEqualTo("/subscribe"))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withRequestBody(containing("hub.mode=subscribe"))
            .withRequestBody(
                containing(
                    "hub.topic=https%3A%2F%2Fwww.youtube.com%2Fxml%2Ffeeds%2Fvideos.xml%3Fchannel_id%3DUC123"))
            .withRequestBody(
                containing("hub.callback=https%3A%2F%2Fexample.com%2Fwebhooks%2Fyoutube"))
            .withRequestBody(containing("hub.secret=hub-secret"))
            .withRequestBody(containing("hub.lease_seconds=432000")));
  }

  @Test
  void refusalsAreTypedAndBadInputIsRefusedOffline() {
    wm.stubFor(
        post(urlEqualTo("/subscribe"))
            .willReturn(aResponse().withStatus(400).withBody("Invalid value for hub.callback")));
    YouTubeWebhookSubscriptions ws =
        YouTubeWebhookSubscriptions.create(
            URI.create("http://127.0.0.1:" + wm.port() + "/subscribe"), HttpSettings.defaults());
    assertThatThrownBy(() -> ws.subscribe("UC1", URI.create("https://e/x"), "s"))
        .isInstanceOf(SmoException.class)
        .hasMessageContaining("400")
        .hasMessageNotContaining("hub.secret=s");
    assertThatThrownBy(() -> ws.subscribe("UC1", URI.create("https://e/x"), ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ws.subscribe("UC/1", URI.create("https://e/x"), "s"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
