package io.smo.snapchat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.exception.ValidationException;
import io.smo.core.resilience.RateLimitPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation and error path against WireMock (Snap's error body is UNCONFIRMED: built from the
 * issue's description).
 */
class SnapchatWireMockTest {
  private static final String AD = "e8d6217f-32ab-400f-9e54-39a86a7963e4";
  private static final PostRef AD_REF = PostRef.of(Platform.SNAPCHAT, AD, Map.of("kind", "ad"));
  private static final String STATS = "/v1/ads/" + AD + "/stats";

  WireMockServer wm;
  SnapchatClient client;

  @BeforeEach
  void start() {
    wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    wm.start();
    client =
        SnapchatClient.builder()
            .adAccountId("acct")
            .accountId("prof")
            .accessToken("tok-1")
            .baseUrl(URI.create(wm.baseUrl() + "/"))
            .sleeper(d -> {})
            .rateLimitPolicy(RateLimitPolicy.unlimited())
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    wm.stop();
  }

  private static String err(String debug) {
    return "{\"request_status\":\"ERROR\",\"request_id\":\"req-42\",\"debug_message\":\""
        + debug
        + "\",\"display_message\":\"Oops\",\"error_code\":\"E1001\"}";
  }

  private void stubStats(int status, String body) {
    wm.stubFor(
        get(urlPathEqualTo(STATS))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  @Test
  void adStatsRequestAndMapping() {
    stubStats(
        200,
        "{\"request_status\":\"SUCCESS\",\"request_id\":\"r\",\"total_stats\":[{"
            + "\"sub_request_status\":\"SUCCESS\",\"total_stat\":{\"id\":\""
            + AD
            + "\",\"type\":\"AD\","
            + "\"granularity\":\"TOTAL\",\"stats\":{\"impressions\":1200,\"swipes\":31,\"spend\":4500000,"
            + "\"video_views\":700,\"screen_time_millis\":90000}}}]}");
    EngagementMetrics m = client.metrics(AD_REF);
    assertThat(m.impressions()).hasValue(1200);
    assertThat(m.clicks()).hasValue(31);
    assertThat(m.views()).hasValue(700);
    assertThat(m.likes()).isEmpty();
    assertThat(m.raw()).containsEntry("spend", 4_500_000L);
    wm.verify(
        getRequestedFor(urlPathEqualTo(STATS))
            .withQueryParam("granularity", equalTo("TOTAL"))
            .withHeader("Authorization", equalTo("Bearer tok-1")));
  }

  @Test
  void badRequestKeepsDebugMessageCodeAndRequestId() {
    stubStats(400, err("fields is invalid"));
    assertThatThrownBy(() -> client.metrics(AD_REF))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(
            e -> {
              PlatformException p = (PlatformException) e;
              assertThat(p.statusCode()).isEqualTo(400);
              assertThat(p.traceId()).hasValue("req-42");
              assertThat(p.errorCode()).hasValue("E1001");
              assertThat(p.getMessage()).contains("fields is invalid");
              assertThat(p.retryable()).isFalse();
            });
  }

  @Test
  void unauthorizedWithFixedTokenIsAuthenticationException() {
    stubStats(401, err("token expired"));
    assertThatThrownBy(() -> client.metrics(AD_REF)).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void forbiddenNotFoundGoneTeapot() {
    stubStats(403, err("no access"));
    assertThatThrownBy(() -> client.metrics(AD_REF)).isInstanceOf(PermissionException.class);
    stubStats(404, "");
    assertThatThrownBy(() -> client.metrics(AD_REF)).isInstanceOf(NotFoundException.class);
    stubStats(410, "<html>gone</html>");
    assertThatThrownBy(() -> client.metrics(AD_REF)).isInstanceOf(NotFoundException.class);
    stubStats(418, err("The kitten requested is a teapot"));
    assertThatThrownBy(() -> client.metrics(AD_REF)).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void tooManyRequestsHonoursRetryAfterOrDefaultsToOneSecond() {
    wm.stubFor(
        get(urlPathEqualTo(STATS))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "2")
                    .withBody(err("slow down"))));
    assertThatThrownBy(() -> client.metrics(AD_REF))
        .isInstanceOf(RateLimitException.class)
        .satisfies(
            e ->
                assertThat(((RateLimitException) e).retryAfter()).isEqualTo(Duration.ofSeconds(2)));
    wm.resetAll();
    // the 429 above asked for 2 s, so the limiter now refuses this account's calls at once until
    // then; a fresh client (the last one of the account closed) asks the server again
    assertThatThrownBy(() -> client.metrics(AD_REF))
        .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.retryAt()).isPresent());
    client.close();
    client =
        SnapchatClient.builder()
            .adAccountId("acct")
            .accountId("prof")
            .accessToken("tok-1")
            .baseUrl(URI.create(wm.baseUrl() + "/"))
            .sleeper(d -> {})
            .rateLimitPolicy(RateLimitPolicy.unlimited())
            .build();
    stubStats(429, err("slow down"));
    assertThatThrownBy(() -> client.metrics(AD_REF))
        .isInstanceOf(RateLimitException.class)
        .satisfies(
            e ->
                assertThat(((RateLimitException) e).retryAfter()).isEqualTo(Duration.ofSeconds(1)));
  }

  @Test
  void serverErrorOnReadIsRetriedThenSucceeds() {
    wm.stubFor(
        get(urlPathEqualTo(STATS))
            .inScenario("s")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503).withBody(err("unavailable")))
            .willSetStateTo("ok"));
    wm.stubFor(
        get(urlPathEqualTo(STATS))
            .inScenario("s")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"request_status\":\"SUCCESS\",\"total_stats\":[]}")));
    assertThat(client.metrics(AD_REF).values()).isEmpty();
    wm.verify(2, getRequestedFor(urlPathEqualTo(STATS)));
  }

  @Test
  void errorEnvelopeInsideA200IsMapped() {
    stubStats(200, err("granularity not allowed"));
    assertThatThrownBy(() -> client.metrics(AD_REF))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("granularity not allowed");
  }

  @Test
  void deleteAdAndUnsupportedOrganicDelete() {
    wm.stubFor(
        delete(urlPathEqualTo("/v1/ads/" + AD))
            .willReturn(
                okJson("{\"request_status\":\"SUCCESS\",\"request_id\":\"x\",\"ads\":[]}")));
    client.delete(AD_REF);
    wm.verify(deleteRequestedFor(urlPathEqualTo("/v1/ads/" + AD)));
    assertThatThrownBy(
            () -> client.delete(PostRef.of(Platform.SNAPCHAT, "s", Map.of("kind", "story"))))
        .isInstanceOf(UnsupportedFeatureException.class);
    assertThatThrownBy(() -> client.delete(PostRef.of(Platform.SNAPCHAT, "s")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void profileInsightsPath() {
    wm.stubFor(
        get(urlPathEqualTo("/v1/public_profiles/prof/spotlights/sp1/stats"))
            .willReturn(
                okJson(
                    "{\"request_status\":\"SUCCESS\",\"total_stats\":[{\"total_stat\":{\"stats\":"
                        + "{\"views\":10,\"viewers\":8,\"shares\":2,\"screenshots\":1}}}]}")));
    EngagementMetrics m =
        client.metrics(PostRef.of(Platform.SNAPCHAT, "sp1", Map.of("kind", "spotlight")));
    assertThat(m.views()).hasValue(10);
    assertThat(m.reach()).hasValue(8);
    assertThat(m.shares()).hasValue(2);
    assertThat(m.raw()).containsEntry("screenshots", 1L);
  }

  @Test
  void promotedPostsFollowNextLink() {
    String page2 = wm.baseUrl() + "/v1/adaccounts/acct/ads?cursor=2";
    wm.stubFor(
        get(urlPathEqualTo("/v1/adaccounts/acct/ads"))
            .withQueryParam("limit", equalTo("50"))
            .willReturn(
                okJson(
                    "{\"request_status\":\"SUCCESS\",\"paging\":{\"next_link\":\""
                        + page2
                        + "\"},\"ads\":[{\"sub_request_status\":\"SUCCESS\",\"ad\":{\"id\":\"a1\"}}]}")));
    wm.stubFor(
        get(urlPathEqualTo("/v1/adaccounts/acct/ads"))
            .withQueryParam("cursor", equalTo("2"))
            .willReturn(
                okJson(
                    "{\"request_status\":\"SUCCESS\",\"paging\":{},"
                        + "\"ads\":[{\"sub_request_status\":\"SUCCESS\",\"ad\":{\"id\":\"a2\"}}]}")));
    assertThat(client.promotedPosts().stream().map(PostRef::id)).containsExactly("a1", "a2");
  }
}
