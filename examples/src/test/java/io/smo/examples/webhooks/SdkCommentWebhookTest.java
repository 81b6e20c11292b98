package io.smo.examples.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PublishedPost;
import io.smo.core.event.EngagementEvent;
import io.smo.core.inbox.InboxComment;
import io.smo.facebook.FacebookClient;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxWebhooks;
import io.smo.webhooks.WebhookServer;
import io.smo.webhooks.Webhooks;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A comment created through the SDK on the sandbox arrives at the application's handler as a
 * verified event carrying the inbox model's comment, exactly once even when delivered three times.
 */
class SdkCommentWebhookTest {

  @Test
  void aCommentCreatedThroughTheSdkArrivesAsAnEvent() throws Exception {
    List<EngagementEvent> events = new CopyOnWriteArrayList<>();
    try (Sandbox sandbox = Sandbox.start()) {
      SandboxWebhooks hooks = sandbox.webhooks(URI.create("http://127.0.0.1:1/"));
      Webhooks webhooks = hooks.receiver().addListener(events::add).build();
      try (WebhookServer server = WebhookServer.start(webhooks, 0)) {
        SandboxWebhooks live = sandbox.webhooks(server.baseUrl()).duplicate(3);
        SandboxCredentials c = sandbox.credentials(Platform.FACEBOOK);
        try (FacebookClient fb =
            FacebookClient.builder()
                .accountId(c.accountId())
                .accessToken(c.accessToken())
                .baseUrl(sandbox.baseUrl(Platform.FACEBOOK))
                .build()) {
          PublishedPost post = fb.publish(Post.builder().text("Webhook launch").build());
          long sent = System.nanoTime();
          io.smo.core.Comment comment = fb.comment(post.ref(), "First!");
          // polling wait (not a timing assertion): deliveries are sent at once, without delay
          Optional<EngagementEvent> got = Optional.empty();
          long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
          while (got.isEmpty() && System.nanoTime() < deadline) {
            got =
                events.stream()
                    .filter(e -> e.objectId().equals(Optional.of(comment.id())))
                    .findFirst();
            Thread.sleep(10);
          }
          assertTrue(got.isPresent(), "no event for comment " + comment.id() + "; got " + events);
          System.out.printf(
              "comment event arrived %d ms after the call returned%n",
              Duration.ofNanos(System.nanoTime() - sent).toMillis());
          EngagementEvent e = got.get();
          assertTrue(e instanceof EngagementEvent.CommentCreated, e.toString());
          assertEquals(c.accountId(), e.accountId());
          InboxComment item = (InboxComment) e.inboxItem().orElseThrow();
          assertEquals(post.ref().id(), item.post().id());
          assertEquals("First!", item.text());
          String id = comment.id();
          while (live.deliveries().stream()
                      .filter(
                          d ->
                              new String(d.body(), java.nio.charset.StandardCharsets.UTF_8)
                                  .contains(id))
                      .count()
                  < 3
              && System.nanoTime() < deadline) {
            Thread.sleep(10); // wait for the two duplicate copies to be answered too
          }
          assertEquals(
              1,
              events.stream().filter(x -> x.objectId().equals(Optional.of(comment.id()))).count());
        }
      }
    }
  }
}
