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
    b =
        json == null
            ? b.GET()
            : b.method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void crossPostsSchedulesAndShowsMetrics() throws Exception {
    HttpResponse<String> posted = send("POST", "/posts", "{\"text\":\"Hello from the example\"}");
    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(posted.body())
        .contains("\"twitter\":\"PUBLISHED\"")
        .contains("\"facebook\":\"PUBLISHED\"");

    HttpResponse<String> scheduled =
        send("POST", "/schedules", "{\"text\":\"Later\",\"at\":\"2099-01-01T09:00:00Z\"}");
    assertThat(scheduled.statusCode()).isEqualTo(200);
    assertThat(scheduled.body()).contains("\"id\"");

    HttpResponse<String> metrics = send("GET", "/actuator/metrics/smo.api.calls", null);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("platform").contains("twitter");

    HttpResponse<String> health = send("GET", "/actuator/health", null);
    assertThat(health.body()).contains("smo").contains("brand-x");

    assertThat(send("POST", "/posts", "{\"text\":\"\"}").statusCode()).isEqualTo(400);
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.context.ApplicationContext context;

  @Test
  void receivesTheSandboxsSignedWebhookWhenSomeoneComments() throws Exception {
    io.smo.core.SocialClient facebook =
        context.getBean("smo.client.brand-fb", io.smo.core.SocialClient.class);
    io.smo.core.PublishedPost post =
        facebook.publish(io.smo.core.Post.builder().text("Webhook demo").build());
    facebook.comment(post.ref(), "First!");

    String feed = "";
    for (int i = 0; i < 100 && !feed.contains("First!"); i++) {
      Thread.sleep(100); // the sandbox delivers asynchronously, like the platforms
      feed = send("GET", "/engagement", null).body();
    }
    assertThat(feed).contains("\"platform\":\"facebook\"").contains("First!");
    assertThat(context.getBean(io.smo.spring.boot.SandboxWebhookDelivery.class).webhooks())
        .isPresent();

    // a forged delivery is refused and adds nothing
    HttpResponse<String> forged =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/smo/webhooks/meta"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString("{\"object\":\"page\",\"entry\":[]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isIn(401, 403);
  }
}
