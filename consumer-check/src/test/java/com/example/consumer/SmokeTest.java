package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smo.core.CrossPostResult;
import io.smo.core.CrossPoster;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.facebook.FacebookClient;
import io.smo.scheduler.PostScheduler;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import io.smo.twitter.TwitterClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a new user does first, from their own build: publish to the sandbox, schedule a post. */
@SandboxTest(isolation = SandboxTest.Isolation.PER_METHOD)
class SmokeTest {
  @Test
  void crossPostsToTheSandbox(Sandbox sandbox) {
    SandboxCredentials fb = sandbox.credentials(Platform.FACEBOOK);
    FacebookClient facebook = FacebookClient.builder().baseUrl(sandbox.baseUrl(Platform.FACEBOOK))
        .accessToken(fb.accessToken()).accountId(fb.accountId()).build();
    TwitterClient x = TwitterClient.builder().baseUrl(sandbox.baseUrl(Platform.TWITTER))
        .accessToken(sandbox.credentials(Platform.TWITTER).accessToken()).build();
    try (CrossPoster poster = CrossPoster.builder().add(facebook).add(x).closeClients(true).build()) {
      CrossPostResult result = poster.publish(Post.builder().text("Hello from a consumer build").build());
      assertTrue(result.allPublished(), () -> "not published everywhere: " + result.outcomes());
    }
    assertEquals(1, sandbox.created(Platform.TWITTER, "post").size());
    assertEquals(1, sandbox.created(Platform.FACEBOOK, "post").size());
  }

  @Test
  void perMethodIsolationStartsEachTestFromAFreshSandbox(Sandbox sandbox) {
    assertTrue(sandbox.created(Platform.TWITTER).isEmpty());
    assertTrue(sandbox.created(Platform.FACEBOOK).isEmpty());
  }

  @Test
  void schedulesWithTheEmbeddedH2TheUserAdded(Sandbox sandbox) throws Exception {
    Path dir = Files.createTempDirectory("smo-consumer");
    TwitterClient x = TwitterClient.builder().baseUrl(sandbox.baseUrl(Platform.TWITTER))
        .accessToken(sandbox.credentials(Platform.TWITTER).accessToken()).build();
    try (PostScheduler scheduler = PostScheduler.builder().h2File(dir.resolve("jobs")).add(x).build()) {
      String id = scheduler.schedule(Post.builder().text("later").build(), List.of(Platform.TWITTER),
          Instant.now().plus(2, ChronoUnit.DAYS));
      assertEquals(1, scheduler.list().size());
      assertEquals(id, scheduler.list().get(0).id());
    }
  }
}
