package io.smo.bitly;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.smo.core.Platform;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.links.ShortLink;
import io.smo.core.links.ShortLinkKey;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bitly API v4 against WireMock. Request and answer shapes follow
 * https://dev.bitly.com/api-reference ("Shorten a Link": {@code POST /v4/shorten} answering {@code
 * {link, id, long_url, ...}}; "Get a Clicks Summary for a Bitlink": {@code GET
 * /v4/bitlinks/{bitlink}/clicks/summary} answering {@code {units, unit, unit_reference,
 * total_clicks}}); error bodies {@code {message, description}}.
 */
@WireMockTest
class BitlyLinkShortenerTest {
  private static final String TOKEN = "bitly-secret-token-123";
  private BitlyLinkShortener bitly;
  private WireMockRuntimeInfo wm;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
    bitly =
        BitlyLinkShortener.builder(TOKEN)
            .baseUrl(URI.create(wm.getHttpBaseUrl() + "/v4/"))
            .domain("bit.ly")
            .groupGuid("Ba1bc23dE4F")
            .build();
  }

  private static String created(String id, String longUrl) {
    return "{\"references\":{\"group\":\"https://api-ssl.bitly.com/v4/groups/Ba1bc23dE4F\"},\"link\":\"https://"
        + id
        + "\",\"id\":\""
        + id
        + "\",\"long_url\":\""
        + longUrl
        + "\",\"archived\":false,"
        + "\"created_at\":\"2026-12-04T19:00:00+0000\",\"custom_bitlinks\":[],\"tags\":[],\"deeplinks\":[]}";
  }

  @Test
  void onePerPostTargetVariantAndClicksReadBack() {
    String fb =
        "https://dealer.com/spring?utm_source=facebook&utm_medium=social&utm_campaign=spring&utm_content=munich";
    String x =
        "https://dealer.com/spring?utm_source=x&utm_medium=social&utm_campaign=spring&utm_content=munich";
    wm.getWireMock()
        .register(
            post(urlEqualTo("/v4/shorten"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(
                    equalToJson(
                        "{\"long_url\":\""
                            + fb
                            + "\",\"domain\":\"bit.ly\",\"group_guid\":\"Ba1bc23dE4F\"}"))
                .willReturn(
                    aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(created("bit.ly/3fbAAA", fb))));
    wm.getWireMock()
        .register(
            post(urlEqualTo("/v4/shorten"))
                .withRequestBody(equalToJson("{\"long_url\":\"" + x + "\"}", true, true))
                .willReturn(okJson(created("bit.ly/3xBBB", x))));
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v4/bitlinks/bit.ly/3fbAAA/clicks/summary"))
                .withQueryParam("unit", equalTo("day"))
                .withQueryParam("units", equalTo("-1"))
                .willReturn(
                    okJson(
                        "{\"units\":-1,\"unit\":\"day\",\"unit_reference\":\"2026-12-04T19:00:00+0000\",\"total_clicks\":120}")));

    ShortLinkKey fbKey = new ShortLinkKey("launch-1", Platform.FACEBOOK, null, "munich");
    ShortLink a = bitly.shorten(URI.create(fb), fbKey);
    assertThat(a.id()).isEqualTo("bit.ly/3fbAAA");
    assertThat(a.shortUrl()).isEqualTo(URI.create("https://bit.ly/3fbAAA"));
    assertThat(a.key().account()).isEqualTo("default");
    ShortLink b =
        bitly.shorten(
            URI.create(x), new ShortLinkKey("launch-1", Platform.TWITTER, "default", "munich"));
    assertThat(b.id()).isEqualTo("bit.ly/3xBBB");
    // the same key again: the same link, no second call
    assertThat(bitly.shorten(URI.create(fb), fbKey)).isEqualTo(a);
    wm.getWireMock()
        .verifyThat(
            1,
            postRequestedFor(urlEqualTo("/v4/shorten"))
                .withRequestBody(equalToJson("{\"long_url\":\"" + fb + "\"}", true, true)));
    // a second key for the same long URL would merge clicks: refused before any call
    assertThatThrownBy(
            () ->
                bitly.shorten(
                    URI.create(fb),
                    new ShortLinkKey("launch-2", Platform.FACEBOOK, null, "munich")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("merge their clicks");
    assertThat(bitly.clicks("bit.ly/3fbAAA")).isEqualTo(120);
    assertThat(bitly.clicks("https://bit.ly/3fbAAA")).isEqualTo(120);
  }

  @Test
  void errorsAreTypedAndKeepTheTokenOut() {
    wm.getWireMock()
        .register(
            post(urlEqualTo("/v4/shorten"))
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"message\":\"FORBIDDEN\",\"description\":\"invalid token\"}")));
    assertThatThrownBy(
            () ->
                bitly.shorten(
                    URI.create("https://dealer.com/a"),
                    new ShortLinkKey("p", Platform.YOUTUBE, null, null)))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("invalid token")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    // a failed create can be retried with the same key
    wm.getWireMock()
        .register(
            post(urlEqualTo("/v4/shorten"))
                .willReturn(okJson(created("bit.ly/ok", "https://dealer.com/a"))));
    assertThat(
            bitly
                .shorten(
                    URI.create("https://dealer.com/a"),
                    new ShortLinkKey("p", Platform.YOUTUBE, null, null))
                .id())
        .isEqualTo("bit.ly/ok");
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v4/bitlinks/bit.ly/gone/clicks/summary"))
                .willReturn(
                    aResponse()
                        .withStatus(404)
                        .withBody(
                            "{\"message\":\"NOT_FOUND\",\"resource\":\"bitlinks\",\"description\":\"What you are looking for cannot be found.\"}")));
    assertThatThrownBy(() -> bitly.clicks("bit.ly/gone")).isInstanceOf(NotFoundException.class);
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v4/bitlinks/bit.ly/busy/clicks/summary"))
                .willReturn(
                    aResponse().withStatus(429).withBody("{\"message\":\"RATE_LIMIT_EXCEEDED\"}")));
    assertThatThrownBy(() -> bitly.clicks("bit.ly/busy")).isInstanceOf(RateLimitException.class);
    assertThat(bitly.toString()).doesNotContain(TOKEN);
    assertThatThrownBy(
            () ->
                bitly.shorten(
                    URI.create("javascript:alert(1)"),
                    new ShortLinkKey("p", Platform.YOUTUBE, null, null)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
