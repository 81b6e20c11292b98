package io.smo.testkit;

import io.smo.core.Platform;
import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Raw OkHttp calls to a sandbox's X emulator, for the framework tests. */
final class RawHttp {
  static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

  /** A status and a body. */
  record Answer(int status, String body) {}

  private final Sandbox sandbox;
  private final OkHttpClient http;

  RawHttp(Sandbox sandbox) {
    this(sandbox, Duration.ofSeconds(10));
  }

  RawHttp(Sandbox sandbox, Duration readTimeout) {
    this.sandbox = sandbox;
    this.http =
        new OkHttpClient.Builder().readTimeout(readTimeout).retryOnConnectionFailure(false).build();
  }

  Answer get(Platform platform, String path) throws IOException {
    return call(new Request.Builder().url(sandbox.baseUrl(platform) + path).get(), platform);
  }

  /** Posts {@code {"text": text}} to X's {@code 2/tweets}. */
  Answer tweet(String text) throws IOException {
    String body = "{\"text\":\"" + text.replace("\"", "\\\"") + "\"}";
    return call(
        new Request.Builder()
            .url(sandbox.baseUrl(Platform.TWITTER) + "2/tweets")
            .post(RequestBody.create(body, JSON)),
        Platform.TWITTER);
  }

  Answer delete(Platform platform, String path) throws IOException {
    return call(new Request.Builder().url(sandbox.baseUrl(platform) + path).delete(), platform);
  }

  Answer raw(String absolutePath) throws IOException {
    try (Response r =
        http.newCall(
                new Request.Builder()
                    .url("http://127.0.0.1:" + sandbox.port() + absolutePath)
                    .build())
            .execute()) {
      return new Answer(r.code(), r.body().string());
    }
  }

  private Answer call(Request.Builder b, Platform platform) throws IOException {
    if (sandbox.emulates(platform)) {
      b.header("Authorization", "Bearer " + sandbox.credentials(platform).accessToken());
    }
    try (Response r = http.newCall(b.build()).execute()) {
      return new Answer(r.code(), r.body().string());
    }
  }
}
