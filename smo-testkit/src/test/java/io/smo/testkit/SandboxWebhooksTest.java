package io.smo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Platform;
import io.smo.core.event.EngagementEvent;
import io.smo.testkit.webhooks.UnsignedWebhooks;
import io.smo.webhooks.MetaWebhookHandler;
import io.smo.webhooks.WebhookHandler;
import io.smo.webhooks.WebhookResult;
import io.smo.webhooks.WebhookServer;
import io.smo.webhooks.Webhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The sandbox delivers signed events to the handler API over HTTP, like the platforms do. */
class SandboxWebhooksTest {

  static void awaitTrue(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void handshakesAndSignedDeliveriesReachTheHandlerApiOncePerEvent() throws Exception {
    List<EngagementEvent> events = new CopyOnWriteArrayList<>();
    try (Sandbox sandbox = Sandbox.start()) {
      WebhookServer server = null;
      try {
        SandboxWebhooks hooks = sandbox.webhooks(URI.create("http://127.0.0.1:1/webhooks/"));
        Webhooks webhooks = hooks.receiver().addListener(events::add).build();
        server = WebhookServer.start(webhooks, 0);
        hooks = sandbox.webhooks(server.baseUrl()).duplicate(3).reorder(Duration.ofMillis(200));

        assertThat(hooks.verifyMeta()).isTrue();
        assertThat(hooks.crcCheck()).isTrue();
        assertThat(
                hooks.verifyWebSub("https://www.youtube.com/xml/feeds/videos.xml?channel_id=UC1"))
            .isTrue();

        hooks.backgroundActivity(5);
        // an X post made through the sandbox's API, as a client would
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> post =
            http.send(
                HttpRequest.newBuilder(sandbox.baseUrl(Platform.TWITTER).resolve("2/tweets"))
                    .header(
                        "Authorization",
                        "Bearer " + sandbox.credentials(Platform.TWITTER).accessToken())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"webhook hello\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(201);

        SandboxWebhooks h = hooks;
        awaitTrue(() -> h.deliveries().size() == 18, "6 deliveries x 3 copies");
        awaitTrue(() -> events.size() == 6, "6 events");
        hooks.resendAll();
        awaitTrue(() -> h.deliveries().size() == 24, "re-sent deliveries");
        assertThat(h.deliveries()).allMatch(d -> d.status() == 200);
        assertThat(events).hasSize(6);
        assertThat(events)
            .extracting(EngagementEvent::kind)
            .containsExactlyInAnyOrder(
                "comment.created",
                "comment.created",
                "message.received",
                "mention",
                "message.received",
                "post.published");
        assertThat(events)
            .filteredOn(e -> e.kind().equals("post.published"))
            .singleElement()
            .satisfies(e -> assertThat(e.text()).contains("webhook hello"));
        assertThat(events)
            .filteredOn(e -> !e.kind().equals("post.published"))
            .allMatch(e -> e.inboxItem().isPresent());
      } finally {
        if (server != null) {
          server.close();
        }
      }
    }
  }

  @Test
  void theTestOnlySwitchSignsUnsignedFixturesButStillRefusesWrongSignatures() {
    MetaWebhookHandler real =
        MetaWebhookHandler.builder().appSecret("s3cret").verifyToken("v").build();
    WebhookHandler lenient = UnsignedWebhooks.accepting(real, "s3cret");
    byte[] fixture =
        ("{\"object\":\"page\",\"entry\":[{\"id\":\"P\",\"messaging\":[{\"sender\":{\"id\":\"u\"},"
                + "\"recipient\":{\"id\":\"P\"},\"message\":{\"mid\":\"m1\",\"text\":\"hi\"}}]}]}")
            .getBytes(StandardCharsets.UTF_8);
    WebhookResult ok = lenient.handle("POST", URI.create("/webhooks/meta"), Map.of(), fixture);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.events()).hasSize(1);
    WebhookResult wrong =
        lenient.handle(
            "POST",
            URI.create("/webhooks/meta"),
            Map.of("X-Hub-Signature-256", List.of("sha256=" + "0".repeat(64))),
            fixture);
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(real.handle("POST", URI.create("/webhooks/meta"), Map.of(), fixture).status())
        .isEqualTo(401);
  }
}
