package io.smo.facebook;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.smo.core.exception.SmoException;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FacebookWebhookSubscriptionsTest {
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
  void subscribesThePagesFieldsWithThePageToken() {
    wm.stubFor(
        post(urlPathEqualTo("/v26.0/123/subscribed_apps"))
            .willReturn(okJson("{\"success\":true}")));
    wm.stubFor(
        get(urlPathEqualTo("/v26.0/123/subscribed_apps"))
            .willReturn(okJson("{\"data\":[{\"subscribed_fields\":[\"feed\"]}]}")));
    FacebookWebhookSubscriptions s =
        FacebookWebhookSubscriptions.create(URI.create(wm.baseUrl()), "v26.0", "page-token");
    s.subscribe("123", "feed", "messages");
    assertThat(s.list("123")).contains("feed");
    wm.verify(
        postRequestedFor(urlPathEqualTo("/v26.0/123/subscribed_apps"))
            .withQueryParam("subscribed_fields", equalTo("feed,messages"))
            .withHeader("Authorization", equalTo("Bearer page-token")));
  }

  @Test
  void refusalsAreTypedAndBadInputIsRefusedOffline() {
    wm.stubFor(
        post(urlPathEqualTo("/v26.0/123/subscribed_apps"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody("{\"error\":{\"code\":200,\"message\":\"Permissions error\"}}")));
    FacebookWebhookSubscriptions s =
        FacebookWebhookSubscriptions.create(URI.create(wm.baseUrl()), "v26.0", "page-token");
    assertThatThrownBy(() -> s.subscribe("123", "feed"))
        .isInstanceOf(SmoException.class)
        .hasMessageContaining("403")
        .hasMessageNotContaining("page-token");
    assertThatThrownBy(() -> s.subscribe("123")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.subscribe("1/2", "feed"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.subscribe("123", "feed&x=1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
