package io.smo.facebook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.smo.core.Audience;
import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.SmoException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #16 regressions for Facebook: each failed on the code before the fix. */
@WireMockTest
class FacebookReliabilityTest {
  @TempDir Path tmp;

  private FacebookClient client(WireMockRuntimeInfo wm) {
    return FacebookClient.builder()
        .accountId("111")
        .accessToken("page-token-abcdef")
        .baseUrl(URI.create(wm.getHttpBaseUrl() + "/"))
        .sleeper(d -> {})
        .build();
  }

  private static String graphError(int code, Integer sub, boolean isTransient, String extra) {
    return "{\"error\":{\"message\":\"An unknown error occurred\",\"type\":\"OAuthException\",\"code\":"
        + code
        + (sub != null ? ",\"error_subcode\":" + sub : "")
        + ",\"is_transient\":"
        + isTransient
        + extra
        + ",\"fbtrace_id\":\"Atrace\"}}";
  }

  @Test
  void code1WithIsTransientFalseIsNotRetried(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/v26.0/111/feed"))
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(graphError(1, null, false, ""))));
    try (FacebookClient fb = client(wm)) {
      assertThatThrownBy(() -> fb.publish(Post.builder().text("x").build()))
          .isInstanceOfSatisfying(
              PlatformException.class, e -> assertThat(e.retryable()).isFalse());
    }
    assertThat(wm.getWireMock().find(postRequestedFor(urlPathEqualTo("/v26.0/111/feed"))))
        .hasSize(1);
  }

  @Test
  void chunkedVideoResumesFromTheOffsetOfA6001Error(WireMockRuntimeInfo wm) throws Exception {
    Path video = FacebookSandboxTest.mp4(tmp, 2000);
    String url = "/v26.0/111/videos";
    wm.getWireMock()
        .register(
            post(urlPathEqualTo(url))
                .withRequestBody(containing("upload_phase=start"))
                .willReturn(
                    okJson(
                        "{\"video_id\":\"v1\",\"upload_session_id\":\"s1\",\"start_offset\":\"0\","
                            + "\"end_offset\":\"1000\"}")));
    // first transfer: the server times out the chunk and names where to go on
    wm.getWireMock()
        .register(
            post(urlPathEqualTo(url))
                .inScenario("t")
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(containing("transfer"))
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            graphError(
                                6001,
                                1363037,
                                false,
                                ",\"error_data\":{\"start_offset\":\"0\",\"end_offset\":\"1000\"}")))
                .willSetStateTo("second"));
    wm.getWireMock()
        .register(
            post(urlPathEqualTo(url))
                .inScenario("t")
                .whenScenarioStateIs("second")
                .withRequestBody(containing("transfer"))
                .willReturn(okJson("{\"start_offset\":\"1000\",\"end_offset\":\"2000\"}"))
                .willSetStateTo("third"));
    wm.getWireMock()
        .register(
            post(urlPathEqualTo(url))
                .inScenario("t")
                .whenScenarioStateIs("third")
                .withRequestBody(containing("transfer"))
                .willReturn(okJson("{\"start_offset\":\"2000\",\"end_offset\":\"2000\"}")));
    wm.getWireMock()
        .register(
            post(urlPathEqualTo(url))
                .withRequestBody(containing("upload_phase=finish"))
                .willReturn(okJson("{\"success\":true}")));
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v26.0/v1"))
                .willReturn(
                    okJson(
                        "{\"id\":\"v1\",\"post_id\":\"111_v1\",\"status\":{\"video_status\":\"ready\"}}")));
    try (FacebookClient fb = client(wm)) {
      assertThat(fb.publish(Post.builder().text("v").addMedia(Media.fromFile(video)).build()).id())
          .isEqualTo("111_v1");
    }
    assertThat(
            wm.getWireMock()
                .find(
                    postRequestedFor(urlPathEqualTo(url)).withRequestBody(containing("transfer"))))
        .hasSize(3);
  }

  @Test
  void reelCarriesItsAudienceTargeting(WireMockRuntimeInfo wm) throws Exception {
    Path video = FacebookSandboxTest.mp4(tmp, 1500);
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/v26.0/111/video_reels"))
                .withRequestBody(containing("upload_phase=start"))
                .willReturn(
                    okJson(
                        "{\"video_id\":\"r1\",\"upload_url\":\""
                            + wm.getHttpBaseUrl()
                            + "/rupload/r1\"}")));
    wm.getWireMock()
        .register(post(urlPathEqualTo("/rupload/r1")).willReturn(okJson("{\"success\":true}")));
    wm.getWireMock()
        .register(
            post(urlPathEqualTo("/v26.0/111/video_reels"))
                .withRequestBody(containing("upload_phase=finish"))
                .willReturn(okJson("{\"success\":true}")));
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v26.0/r1"))
                .willReturn(
                    okJson(
                        "{\"id\":\"r1\",\"post_id\":\"111_r1\",\"status\":{\"video_status\":\"ready\"}}")));
    try (FacebookClient fb = client(wm)) {
      fb.publish(
          Post.builder()
              .text("reel")
              .addMedia(Media.fromFile(video))
              .audience(Audience.builder().countries("CA").build())
              .option(FacebookOptions.builder().asReel(true).build())
              .build());
    }
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlPathEqualTo("/v26.0/111/video_reels"))
                .withRequestBody(containing("upload_phase=finish"))
                .withRequestBody(containing("targeting=")));
  }

  @Test
  void hugeSuccessBodiesAreAccepted(WireMockRuntimeInfo wm) {
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      data.append(i == 0 ? "" : ",")
          .append("{\"id\":\"111_9_")
          .append(i)
          .append("\",\"message\":\"")
          .append("x".repeat(200))
          .append("\",\"created_time\":\"2025-01-01T00:00:00+0000\"}");
    }
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v26.0/111_9/comments"))
                .willReturn(okJson("{\"data\":[" + data + "]}")));
    try (FacebookClient fb = client(wm)) {
      assertThat(fb.comments(PostRef.of(Platform.FACEBOOK, "111_9")).stream().count())
          .isEqualTo(400);
    } catch (SmoException e) {
      throw new AssertionError("a valid 85 KiB page was refused", e);
    }
  }
}
