package io.smo.facebook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.smo.core.Audience;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.EngagementMetrics;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.RateLimitException;
import io.smo.testkit.SharedFixtures;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

@WireMockTest
class FacebookWireMockTest {
  private static final String PAGE = "111";

  private FacebookClient client(WireMockRuntimeInfo wm, String secret) {
    FacebookClient.Builder b =
        FacebookClient.builder()
            .accountId(PAGE)
            .accessToken("page-token")
            .baseUrl(URI.create(wm.getHttpBaseUrl() + "/"))
            .sleeper(d -> {});
    if (secret != null) {
      b.appSecret(secret);
    }
    return b.build();
  }

  @Test
  void feedPostSendsMessageTargetingAndProof(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/v26.0/111/feed"))
                .willReturn(
                    okJson(SharedFixtures.read("fixtures/facebook/graph_create_id_response.json"))
                        .withHeader(
                            "X-App-Usage",
                            "{\"call_count\":5,\"total_time\":1,\"total_cputime\":1}")));
    try (FacebookClient fb = client(wm, "app-secret")) {
      var p =
          fb.publish(
              Post.builder()
                  .text("hi")
                  .audience(Audience.builder().countries("CA").regions(List.of("3847")).build())
                  .build());
      assertThat(p.id()).isEqualTo("123456786_5735173162");
      assertThat(fb.lastRateLimit().orElseThrow().usagePercent()).hasValue(5.0);
    }
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlPathEqualTo("/v26.0/111/feed"))
                .withHeader("Authorization", equalTo("Bearer page-token"))
                .withQueryParam("appsecret_proof", matching("[0-9a-f]{64}"))
                .withRequestBody(containing("message=hi"))
                .withRequestBody(containing("targeting=")));
  }

  @Test
  void versionIsConfigurable(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(post(urlPathEqualTo("/v25.0/111/feed")).willReturn(okJson("{\"id\":\"111_1\"}")));
    try (FacebookClient fb =
        FacebookClient.builder()
            .accountId(PAGE)
            .accessToken("t")
            .apiVersion("v25.0")
            .baseUrl(URI.create(wm.getHttpBaseUrl() + "/"))
            .sleeper(d -> {})
            .build()) {
      assertThat(fb.publish(Post.builder().text("x").build()).id()).isEqualTo("111_1");
    }
  }

  @Test
  void throttlingAs400IsRetriedThenSurfaced(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/v26.0/111/feed"))
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":{\"message\":\"(#4) Application request limit reached\",\"type\":"
                                + "\"OAuthException\",\"is_transient\":true,\"code\":4,\"fbtrace_id\":\"Axyz\"}}")));
    try (FacebookClient fb = client(wm, null)) {
      assertThatThrownBy(() -> fb.publish(Post.builder().text("x").build()))
          .isInstanceOf(RateLimitException.class)
          .satisfies(e -> assertThat(((RateLimitException) e).traceId()).contains("Axyz"));
    }
    assertThat(wm.getWireMock().find(postRequestedFor(urlPathEqualTo("/v26.0/111/feed"))))
        .hasSize(3);
  }

  @Test
  void expiredTokenWithoutRefresherIsAuthentication(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/v26.0/111/feed"))
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":{\"message\":\"Session has expired\",\"type\":\"OAuthException\","
                                + "\"code\":190,\"error_subcode\":463,\"fbtrace_id\":\"A1\"}}")));
    try (FacebookClient fb = client(wm, null)) {
      assertThatThrownBy(() -> fb.publish(Post.builder().text("x").build()))
          .isInstanceOf(AuthenticationException.class);
    }
  }

  @Test
  void metricsCombineEdgesAndInsightsAndSurviveRefusedInsights(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v26.0/111_9"))
                .willReturn(
                    okJson(
                        SharedFixtures.read(
                            "fixtures/facebook/post_object_with_reactions_summary.json"))));
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v26.0/111_9/insights"))
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            SharedFixtures.read(
                                "fixtures/facebook/error_code100_missing_permission.json"))));
    try (FacebookClient fb = client(wm, null)) {
      EngagementMetrics m = fb.metrics(PostRef.of(Platform.FACEBOOK, "111_9"));
      assertThat(m.likes()).hasValue(1);
      assertThat(m.raw()).containsKey("insights_error");
    }
    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlPathEqualTo("/v26.0/111_9/insights"))
                .withQueryParam(
                    "metric",
                    equalTo(
                        "post_media_view,post_total_media_view_unique,post_clicks,post_reactions_by_type_total")));
  }

  @Test
  void metricsReadPostAndInsightsInOneRoundTrip(WireMockRuntimeInfo wm) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode body =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            json.readTree(
                SharedFixtures.read("fixtures/facebook/post_object_with_reactions_summary.json"));
    body.set(
        "insights",
        json.readTree(SharedFixtures.read("fixtures/facebook/post_with_insights.json"))
            .get("insights"));
    wm.getWireMock()
        .register(get(urlPathEqualTo("/v26.0/111_9")).willReturn(okJson(body.toString())));
    try (FacebookClient fb = client(wm, null)) {
      EngagementMetrics m = fb.metrics(PostRef.of(Platform.FACEBOOK, "111_9"));
      assertThat(m.likes()).hasValue(1);
      assertThat(m.raw()).containsKey("post_engaged_users").doesNotContainKey("insights_error");
    }
    // one round trip: the post and its insights through field expansion, no /insights call
    assertThat(
            wm.getWireMock()
                .find(
                    com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.anyUrl())))
        .hasSize(1);
    wm.getWireMock()
        .verifyThat(
            1,
            getRequestedFor(urlPathEqualTo("/v26.0/111_9"))
                .withQueryParam(
                    "fields",
                    containing(
                        "insights.metric(post_media_view,"
                            + "post_total_media_view_unique,post_clicks,post_reactions_by_type_total).period(lifetime)"))
                .withQueryParam("fields", containing("reactions.summary(total_count).limit(0)")));
  }

  @Test
  void metricsWithInsightsRefusedInTheExpandedReadCostTwoRequests(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v26.0/111_9"))
                .withQueryParam("fields", containing("insights.metric("))
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            SharedFixtures.read(
                                "fixtures/facebook/error_code100_missing_permission.json"))));
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v26.0/111_9"))
                .withQueryParam(
                    "fields",
                    equalTo(
                        "shares,reactions.summary(total_count).limit(0),"
                            + "comments.summary(total_count).limit(0)"))
                .willReturn(
                    okJson(
                        SharedFixtures.read(
                            "fixtures/facebook/post_object_with_reactions_summary.json"))));
    try (FacebookClient fb = client(wm, null)) {
      EngagementMetrics m = fb.metrics(PostRef.of(Platform.FACEBOOK, "111_9"));
      assertThat(m.likes()).hasValue(1);
      assertThat(m.raw()).containsKey("insights_error");
    }
    assertThat(
            wm.getWireMock()
                .find(
                    com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.anyUrl())))
        .hasSize(2);
    wm.getWireMock().verifyThat(0, getRequestedFor(urlPathEqualTo("/v26.0/111_9/insights")));
  }

  @Test
  void commentsWithTheirAuthorsInOneRequestPerPage(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v26.0/111_9/comments"))
                .willReturn(
                    okJson(
                        "{\"data\":[{\"id\":\"c1\",\"message\":\"a\",\"from\":{\"id\":\"u1\",\"name\":\"Ann\"}},"
                            + "{\"id\":\"c2\",\"message\":\"b\",\"from\":{\"id\":\"u2\",\"name\":\"Bob\"}}]}")));
    try (FacebookClient fb = client(wm, null)) {
      List<Comment> all = fb.comments(PostRef.of(Platform.FACEBOOK, "111_9")).toList();
      assertThat(all)
          .extracting(Comment::authorName)
          .containsExactly(java.util.Optional.of("Ann"), java.util.Optional.of("Bob"));
    }
    wm.getWireMock()
        .verifyThat(
            1,
            getRequestedFor(urlPathEqualTo("/v26.0/111_9/comments"))
                .withQueryParam("fields", containing("from{id,name}")));
    assertThat(
            wm.getWireMock()
                .find(
                    com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.anyUrl())))
        .hasSize(1);
  }

  @Test
  void commentsFollowNextAndModeration(WireMockRuntimeInfo wm) {
    String base = wm.getHttpBaseUrl();
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v26.0/111_9/comments"))
                .withQueryParam("after", equalTo("A"))
                .willReturn(
                    okJson(
                        "{\"data\":[{\"id\":\"c2\",\"message\":\"b\"}],\"paging\":{\"cursors\":{\"after\":\"B\"}}}")));
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v26.0/111_9/comments"))
                .withQueryParam("filter", equalTo("stream"))
                .willReturn(
                    okJson(
                        "{\"data\":[{\"id\":\"c1\",\"message\":\"a\",\"is_hidden\":true}],\"paging\":{\"cursors\":"
                            + "{\"after\":\"A\"},\"next\":\"https://graph.facebook.com/v26.0/111_9/comments?access_token=x&after=A\"}}")));
    wm.getWireMock()
        .register(post(urlPathEqualTo("/v26.0/c1/comments")).willReturn(okJson("{\"id\":\"c3\"}")));
    wm.getWireMock()
        .register(post(urlPathEqualTo("/v26.0/c1")).willReturn(okJson("{\"success\":true}")));
    wm.getWireMock()
        .register(delete(urlPathEqualTo("/v26.0/c1")).willReturn(okJson("{\"success\":true}")));
    try (FacebookClient fb = client(wm, null)) {
      List<Comment> all = fb.comments(PostRef.of(Platform.FACEBOOK, "111_9")).toList();
      assertThat(all).extracting(Comment::id).containsExactly("c1", "c2");
      assertThat(all.get(0).hidden()).isTrue();
      assertThat(fb.reply(CommentRef.of(Platform.FACEBOOK, "c1"), "ok").id()).isEqualTo("c3");
      fb.moderate(CommentRef.of(Platform.FACEBOOK, "c1"), ModerationAction.HIDE);
      fb.moderate(CommentRef.of(Platform.FACEBOOK, "c1"), ModerationAction.DELETE);
    }
    assertThat(base).isNotEmpty();
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlPathEqualTo("/v26.0/c1"))
                .withRequestBody(equalTo("is_hidden=true")));
    wm.getWireMock().verifyThat(deleteRequestedFor(urlPathEqualTo("/v26.0/c1")));
  }

  @Test
  void permissionErrorOnDelete(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            delete(urlPathEqualTo("/v26.0/111_9"))
                .willReturn(
                    aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":{\"message\":\"(#200) requires pages_manage_posts\",\"type\":"
                                + "\"OAuthException\",\"code\":200,\"fbtrace_id\":\"A2\"}}")));
    try (FacebookClient fb = client(wm, null)) {
      assertThatThrownBy(() -> fb.delete(PostRef.of(Platform.FACEBOOK, "111_9")))
          .isInstanceOf(PermissionException.class)
          .satisfies(
              e -> assertThat(((PermissionException) e).missing()).contains("pages_manage_posts"));
    }
  }
}
