package io.smo.core.perf;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.smo.core.HttpSettings;
import io.smo.core.Platform;
import io.smo.core.auth.TokenProvider;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.TransportException;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.resilience.RetryPolicy;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, functionally (speed itself is measured in {@code benchmarks}): every socket the SDK
 * opens has Nagle's algorithm off, on a runtime's own client, on one derived from the user's client
 * and on the token-endpoint client; success bodies can be read straight into Jackson.
 */
@WireMockTest
class WireSpeedTest {
  static ApiRuntime runtime(String base, HttpSettings settings) {
    return ApiRuntime.builder(Platform.TWITTER, "smo-test")
        .baseUrl(URI.create(base + "/"))
        .tokens(TokenProvider.of("t-123456"))
        .httpSettings(settings)
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).jitter(0).build())
        .sleeper(d -> {})
        .errorMapper(f -> new InvalidRequestException(f.details().build()))
        .build();
  }

  /** Calls {@code /ok} on {@code client} and returns whether its connection had TCP_NODELAY. */
  static List<Boolean> noDelayOf(OkHttpClient client, String base) throws Exception {
    List<Boolean> seen = new CopyOnWriteArrayList<>();
    OkHttpClient probe =
        client
            .newBuilder()
            .addNetworkInterceptor(
                chain -> {
                  Socket s = chain.connection().socket();
                  seen.add(s.getTcpNoDelay());
                  return chain.proceed(chain.request());
                })
            .build();
    try (Response r = probe.newCall(new Request.Builder().url(base + "/ok").build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    return seen;
  }

  @Test
  void runtimeSocketsHaveTcpNoDelay(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get("/ok").willReturn(okJson("{}")));
    try (ApiRuntime rt = runtime(wm.getHttpBaseUrl(), HttpSettings.defaults())) {
      assertThat(noDelayOf(rt.http(), wm.getHttpBaseUrl())).containsExactly(true);
    }
  }

  @Test
  void aUsersClientKeepsItsPoolAndGetsTcpNoDelay(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get("/ok").willReturn(okJson("{}")));
    OkHttpClient mine = new OkHttpClient();
    try (ApiRuntime rt =
            runtime(wm.getHttpBaseUrl(), HttpSettings.builder().okHttpClient(mine).build());
        ApiRuntime other =
            runtime(wm.getHttpBaseUrl(), HttpSettings.builder().okHttpClient(mine).build())) {
      assertThat(noDelayOf(rt.http(), wm.getHttpBaseUrl())).containsExactly(true);
      assertThat(rt.http().connectionPool()).isSameAs(mine.connectionPool());
      // two runtimes over the same user client share pooled connections (equal socket factories)
      assertThat(rt.http().socketFactory()).isEqualTo(other.http().socketFactory());
    } finally {
      mine.connectionPool().evictAll();
    }
    // the user's own client is left as it was
    assertThat(noDelayOf(mine, wm.getHttpBaseUrl())).containsExactly(false);
    mine.connectionPool().evictAll();
  }

  @Test
  void tokenEndpointClientHasTcpNoDelay(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get("/ok").willReturn(okJson("{}")));
    OkHttpClient tokenClient = HttpSettings.defaults().newOkHttpClient();
    assertThat(noDelayOf(tokenClient, wm.getHttpBaseUrl())).containsExactly(true);
    tokenClient.connectionPool().evictAll();
  }

  @Test
  void executeJsonReadsTheSuccessBodyIntoJackson(WireMockRuntimeInfo wm) {
    stubFor(get("/tree").willReturn(okJson("{\"id\":\"42\",\"n\":[1,2]}")));
    stubFor(get("/empty").willReturn(aResponse().withStatus(204)));
    stubFor(get("/bad").willReturn(aResponse().withStatus(400).withBody("{\"error\":\"no\"}")));
    stubFor(get("/garbled").willReturn(okJson("{\"id\":")));
    try (ApiRuntime rt = runtime(wm.getHttpBaseUrl(), HttpSettings.defaults())) {
      Operation read = Operation.read("read", (String) null);
      ApiResponse<JsonNode> r =
          rt.executeJson(
              read,
              () -> new Request.Builder().url(wm.getHttpBaseUrl() + "/tree").build(),
              true,
              JsonNode.class);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body().path("id").asText()).isEqualTo("42");
      assertThat(r.body().path("n").size()).isEqualTo(2);
      assertThat(
              rt.executeJson(
                      read,
                      () -> new Request.Builder().url(wm.getHttpBaseUrl() + "/empty").build(),
                      true,
                      JsonNode.class)
                  .body())
          .isNull();
      assertThatThrownBy(
              () ->
                  rt.executeJson(
                      read,
                      () -> new Request.Builder().url(wm.getHttpBaseUrl() + "/bad").build(),
                      true,
                      JsonNode.class))
          .isInstanceOf(InvalidRequestException.class);
      assertThatThrownBy(
              () ->
                  rt.executeJson(
                      read,
                      () -> new Request.Builder().url(wm.getHttpBaseUrl() + "/garbled").build(),
                      true,
                      JsonNode.class))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("malformed response body");
    }
  }
}
