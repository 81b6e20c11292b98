package io.smo.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The example over HTTP: cross-post, schedule, metrics, health; all against the sandbox. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SmoExampleApplicationTest {
  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> send(String method, String path, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    b = json == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json");
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void crossPostsSchedulesAndShowsMetrics() throws Exception {
    HttpResponse<String> posted = send("POST", "/posts", "{\"text\":\"Hello from the example\"}");
    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(posted.body()).contains("\"twitter\":\"PUBLISHED\"").contains("\"facebook\":\"PUBLISHED\"");

    HttpResponse<String> scheduled = send("POST", "/schedules",
        "{\"text\":\"Later\",\"at\":\"2099-01-01T09:00:00Z\"}");
    assertThat(scheduled.statusCode()).isEqualTo(200);
    assertThat(scheduled.body()).contains("\"id\"");

    HttpResponse<String> metrics = send("GET", "/actuator/metrics/smo.api.calls", null);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("platform").contains("twitter");

    HttpResponse<String> health = send("GET", "/actuator/health", null);
    assertThat(health.body()).contains("smo").contains("brand-x");

    assertThat(send("POST", "/posts", "{\"text\":\"\"}").statusCode()).isEqualTo(400);
  }
}
