package io.smo.tiktok;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.smo.core.Media;
import io.smo.core.Post;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.tiktok.TikTokOptions.PrivacyLevel;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16 audit: a direct post's last chunk answer lost is UNKNOWN, never a retryable failure.
 */
class TikTokReliabilityTest {
  WireMockServer wm;

  @TempDir Path dir;

  @BeforeEach
  void start() {
    wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void lastChunkAnswerAndStatusLostIsUnknownWithThePublishId() throws Exception {
    wm.stubFor(
        post(urlPathEqualTo("/v2/post/publish/creator_info/query/"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(TikTokClientWireMockTest.CREATOR)));
    String upload = wm.baseUrl() + "/upload/?upload_id=1&upload_token=t";
    wm.stubFor(
        post(urlPathEqualTo("/v2/post/publish/video/init/"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        TikTokClientWireMockTest.ok(
                            "{\"publish_id\":\"v_pub_file~v2-9\",\"upload_url\":\""
                                + upload
                                + "\"}"))));
    wm.stubFor(put(urlPathEqualTo("/upload/")).willReturn(aResponse().withStatus(503)));
    wm.stubFor(
        post(urlPathEqualTo("/v2/post/publish/status/fetch/"))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TikTokClientWireMockTest.err("internal_error"))));
    Path f = TestMedia.mp4(dir, "clip.mp4", 4000);
    try (TikTokClient c =
        TikTokClient.builder()
            .baseUrl(URI.create(wm.baseUrl() + "/"))
            .accessToken("act.test")
            .sleeper(d -> {})
            .rateLimitPolicy(RateLimitPolicy.unlimited())
            .build()) {
      assertThatThrownBy(
              () ->
                  c.publish(
                      Post.builder()
                          .text("Launch")
                          .addMedia(Media.fromFile(f))
                          .option(
                              TikTokOptions.builder().privacyLevel(PrivacyLevel.SELF_ONLY).build())
                          .build()))
          .isInstanceOfSatisfying(
              PublishOutcomeUnknownException.class,
              e -> assertThat(e.knownId()).hasValue("v_pub_file~v2-9"));
    }
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo("/v2/post/publish/video/init/"))))
        .hasSize(1);
  }
}
