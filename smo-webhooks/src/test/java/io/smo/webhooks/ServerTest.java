package io.smo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.event.EngagementEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The router and the JDK-server receiver over real HTTP on loopback. */
class ServerTest {
  @Test
  void servesEveryHandlerOnOnePort() throws Exception {
    List<EngagementEvent> seen = new CopyOnWriteArrayList<>();
    Webhooks webhooks =
        Webhooks.builder()
            .add(Sign.meta())
            .add(Sign.x())
            .add(Sign.tiktok())
            .add(Sign.youtube())
            .addListener(seen::add)
            .addListener(
                e -> {
                  throw new IllegalStateException("a broken listener does not change the answer");
                })
            .build();
    HttpClient http = HttpClient.newHttpClient();
    try (WebhookServer server = WebhookServer.start(webhooks, 0)) {
      HttpResponse<String> challenge =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          server.callbackUrl("meta")
                              + "?hub.mode=subscribe&hub.challenge=77&hub.verify_token=verify-me"))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(challenge.statusCode()).isEqualTo(200);
      assertThat(challenge.body()).isEqualTo("77");

      byte[] body =
          Sign.utf8(
              "{\"for_user_id\":\"42\",\"favorite_events\":[{\"id\":\"f1\",\"favorited_status\":{\"id_str\":\"t\"}}]}");
      HttpRequest post =
          HttpRequest.newBuilder(server.callbackUrl("x"))
              .header("x-twitter-webhooks-signature", Sign.x(Sign.X_SECRET, body))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(seen).hasSize(1);

      HttpRequest unsigned =
          HttpRequest.newBuilder(server.callbackUrl("x"))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      assertThat(http.send(unsigned, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(401);

      HttpRequest huge =
          HttpRequest.newBuilder(server.callbackUrl("meta"))
              .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[3 << 20]))
              .build();
      assertThat(http.send(huge, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);

      HttpRequest nowhere = HttpRequest.newBuilder(server.callbackUrl("pinterest")).GET().build();
      assertThat(http.send(nowhere, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(404);
    }
  }
}
