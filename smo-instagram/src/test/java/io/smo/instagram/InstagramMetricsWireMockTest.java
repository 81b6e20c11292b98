package io.smo.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.smo.core.EngagementMetrics;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.exception.PermissionException;
import io.smo.core.resilience.RetryPolicy;
import io.smo.testkit.SharedFixtures;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Media metrics in one request through Graph field expansion ({@code
 * fields=...,insights.metric(...)}), counted on WireMock, and the fallbacks when Graph refuses the
 * insights: two requests ("not enough viewers"), three for a Story (its metrics differ).
 */
class InstagramMetricsWireMockTest {
  private static final String V = "/v26.0/";
  private static final String EXPANDED =
      "id,media_product_type,media_type,like_count,comments_count,"
          + "insights.metric(views,reach,likes,comments,saved,shares,total_interactions)";
  private static final ObjectMapper JSON = new ObjectMapper();

  private WireMockServer wm;
  private InstagramClient client;

  @BeforeEach
  void start() {
    wm = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    wm.start();
    client =
        InstagramClient.builder()
            .baseUrl(URI.create(wm.baseUrl() + "/"))
            .accountId("17841400000000001")
            .accessToken("tok")
            .retryPolicy(RetryPolicy.defaults().toBuilder().maxAttempts(1).build())
            .sleeper(d -> {})
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    wm.stop();
  }

  private int requests() {
    return wm.findAll(anyRequestedFor(anyUrl())).size();
  }

  private static String error(int code, String message) {
    return "{\"error\":{\"message\":\""
        + message
        + "\",\"type\":\"OAuthException\",\"code\":"
        + code
        + ",\"fbtrace_id\":\"AbC\"}}";
  }

  private void expandedAnswers(String id, int status, String body) {
    wm.stubFor(
        get(urlPathEqualTo(V + id))
            .withQueryParam("fields", equalTo(EXPANDED))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  private void fieldsAnswer(String id, String body) {
    wm.stubFor(
        get(urlPathEqualTo(V + id))
            .withQueryParam(
                "fields", equalTo("id,media_product_type,media_type,like_count,comments_count"))
            .willReturn(okJson(body)));
  }

  @Test
  void mediaFieldsAndInsightsComeInOneRequest() throws Exception {
    // the insights edge as the captured insights answer (values[] shape and total_value breakdowns)
    ObjectNode body =
        JSON.createObjectNode()
            .put("id", "m1")
            .put("media_product_type", "FEED")
            .put("media_type", "IMAGE")
            .put("like_count", 7)
            .put("comments_count", 3);
    body.set(
        "insights",
        JSON.readTree(
            SharedFixtures.read("fixtures/instagram/media_insights_with_breakdown.json")));
    expandedAnswers("m1", 200, body.toString());
    EngagementMetrics m = client.metrics(PostRef.of(Platform.INSTAGRAM, "m1"));
    assertThat(m.raw()).containsKey("profile_activity");
    assertThat(m.likes()).hasValue(7); // no likes insight: like_count
    assertThat(requests()).isEqualTo(1);
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo(V + "m1"))
            .withQueryParam("fields", containing("insights.metric(views,reach,likes")));
    wm.verify(0, getRequestedFor(urlPathEqualTo(V + "m1/insights")));
  }

  @Test
  void currentMetricNamesMapFromTheExpandedAnswer() {
    expandedAnswers(
        "m4",
        200,
        "{\"id\":\"m4\",\"media_product_type\":\"REELS\",\"like_count\":7,\"comments_count\":3,"
            + "\"insights\":{\"data\":["
            + "{\"name\":\"views\",\"period\":\"lifetime\",\"values\":[{\"value\":120}],\"id\":\"m4/insights/views/lifetime\"},"
            + "{\"name\":\"reach\",\"period\":\"lifetime\",\"values\":[{\"value\":90}],\"id\":\"m4/insights/reach/lifetime\"},"
            + "{\"name\":\"saved\",\"period\":\"lifetime\",\"values\":[{\"value\":4}],\"id\":\"m4/insights/saved/lifetime\"},"
            + "{\"name\":\"likes\",\"period\":\"lifetime\",\"values\":[{\"value\":8}],\"id\":\"m4/insights/likes/lifetime\"}]}}");
    EngagementMetrics m = client.metrics(PostRef.of(Platform.INSTAGRAM, "m4"));
    assertThat(m.views()).hasValue(120);
    assertThat(m.reach()).hasValue(90);
    assertThat(m.saves()).hasValue(4);
    assertThat(m.likes()).hasValue(8); // the insight, not like_count
    assertThat(m.comments()).hasValue(3); // no comments insight: comments_count
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void tooFewViewersCostsTwoRequestsAndKeepsTheCounts() {
    expandedAnswers(
        "m2", 400, error(10, "(#10) Not enough viewers for the media to show insights"));
    fieldsAnswer(
        "m2",
        "{\"id\":\"m2\",\"media_product_type\":\"FEED\",\"like_count\":5,\"comments_count\":1}");
    EngagementMetrics m = client.metrics(PostRef.of(Platform.INSTAGRAM, "m2"));
    assertThat(m.likes()).hasValue(5);
    assertThat(m.comments()).hasValue(1);
    assertThat(m.views()).isEmpty(); // absent, never a made-up zero
    assertThat(requests()).isEqualTo(2);
    wm.verify(0, getRequestedFor(urlPathEqualTo(V + "m2/insights")));
  }

  @Test
  void aStoryIsReadWithItsOwnMetricsAfterTheFeedSetIsRefused() {
    expandedAnswers(
        "s1",
        400,
        error(
            100,
            "metric[2] must be one of the following values: follows, link_clicks, navigation,"
                + " profile_visits, reach, replies, shares, total_interactions, views"));
    fieldsAnswer("s1", "{\"id\":\"s1\",\"media_product_type\":\"STORY\",\"media_type\":\"IMAGE\"}");
    wm.stubFor(
        get(urlPathEqualTo(V + "s1/insights"))
            .withQueryParam("metric", equalTo("views,reach,shares,replies,total_interactions"))
            .willReturn(
                okJson(
                    "{\"data\":[{\"name\":\"views\",\"period\":\"lifetime\",\"values\":[{\"value\":40}]},"
                        + "{\"name\":\"replies\",\"period\":\"lifetime\",\"values\":[{\"value\":2}]}]}")));
    EngagementMetrics m = client.metrics(PostRef.of(Platform.INSTAGRAM, "s1"));
    assertThat(m.views()).hasValue(40);
    assertThat(m.raw()).containsEntry("replies", 2L);
    assertThat(requests()).isEqualTo(3);
  }

  @Test
  void anyOtherInsightsRefusalIsThrownAfterTheFieldsRead() {
    expandedAnswers(
        "m3", 400, error(10, "(#10) Application does not have permission for this action"));
    fieldsAnswer("m3", "{\"id\":\"m3\",\"media_product_type\":\"FEED\"}");
    assertThatThrownBy(() -> client.metrics(PostRef.of(Platform.INSTAGRAM, "m3")))
        .isInstanceOf(PermissionException.class)
        .hasMessageContaining("permission");
    assertThat(requests()).isEqualTo(2);
  }
}
