package io.smo.tiktok;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.testkit.SharedFixtures;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account id (issue #18): learned once from {@code GET /v2/user/info/?fields=open_id} when not
 * given, never a constant; typed rate buckets; the comment refusal says why.
 */
class TikTokAccountIdWireMockTest {
  static WireMockServer wm;

  @BeforeAll
  static void start() {
    wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
  }

  @AfterAll
  static void stop() {
    wm.stop();
  }

  @BeforeEach
  void reset() {
    wm.resetAll();
  }

  TikTokClient.Builder builder() {
    return TikTokClient.builder()
        .baseUrl(URI.create(wm.baseUrl() + "/"))
        .accessToken("act.test")
        .sleeper(d -> {})
        .rateLimitPolicy(RateLimitPolicy.unlimited());
  }

  @Test
  void openIdIsReadOnceFromUserInfoOfTheDocsFixture() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/v2/user/info/"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        SharedFixtures.read("fixtures/tiktok/user_info_basic_response.json"))));
    try (TikTokClient c = builder().build()) {
      assertThat(c.toString()).doesNotContain("723f24d7");
      wm.verify(0, getRequestedFor(urlPathEqualTo("/v2/user/info/")));
      assertThat(c.accountKey()).isEqualTo("723f24d7-e717-40f8-a2b6-cb8464cd23b4");
      assertThat(c.accountId()).isEqualTo(c.accountKey());
      assertThat(c.target().account()).isEqualTo(c.accountKey());
      assertThat(c.toString()).contains("723f24d7");
    }
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo("/v2/user/info/"))
            .withQueryParam("fields", equalTo("open_id")));
  }

  @Test
  void userInfoWithoutOpenIdIsAnErrorNotAConstant() {
    wm.stubFor(
        get(urlPathEqualTo("/v2/user/info/"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"data\":{\"user\":{}},\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"L\"}}")));
    try (TikTokClient c = builder().build()) {
      assertThatThrownBy(c::accountKey)
          .isInstanceOf(PlatformException.class)
          .hasMessageContaining("open_id");
    }
  }

  @Test
  void refusedTokenWhileLearningTheIdIsTyped() {
    wm.stubFor(
        get(urlPathEqualTo("/v2/user/info/"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"data\":{},\"error\":{\"code\":\"access_token_invalid\",\"message\":\"bad\","
                            + "\"log_id\":\"L\"}}")));
    try (TikTokClient c = builder().build()) {
      assertThatThrownBy(c::accountId).isInstanceOf(AuthenticationException.class);
    }
  }

  @Test
  void givenAccountIdMakesNoCall() {
    try (TikTokClient c = builder().accountId("open-1").build()) {
      assertThat(c.accountKey()).isEqualTo("open-1");
    }
    wm.verify(0, getRequestedFor(urlPathEqualTo("/v2/user/info/")));
  }

  @Test
  void everyDocumentedBucketIsInTheDefaultPolicy() {
    RateLimitPolicy p = TikTokClient.defaultRateLimits();
    for (TikTokRateBucket b : TikTokRateBucket.values()) {
      assertThat(p.bucket(b.id()).orElseThrow().limit()).as(b.name()).isEqualTo(b.limit());
      assertThat(b.period()).isEqualTo(Duration.ofMinutes(1));
      assertThat(b.documentation().toString())
          .startsWith(
              b.id().startsWith("business-")
                  ? "https://ads.tiktok.com/marketing_api/docs"
                  : "https://developers.tiktok.com/doc/");
    }
    assertThat(TikTokRateBucket.VIDEO_INIT.id()).isEqualTo("video-init");
  }

  @Test
  void commentRefusalNamesTheBusinessApi() {
    try (TikTokClient c = builder().accountId("open-1").build()) {
      assertThatThrownBy(() -> c.comments(PostRef.of(Platform.TIKTOK, "1")))
          .isInstanceOf(UnsupportedFeatureException.class)
          .hasMessageContaining("TikTok API for Business")
          .hasMessageContaining("business_id");
    }
  }
}
