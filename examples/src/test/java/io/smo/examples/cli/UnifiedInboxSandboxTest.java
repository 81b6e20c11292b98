package io.smo.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Platform;
import io.smo.core.inbox.InboxCheckpoint;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxPoll;
import io.smo.core.inbox.UnifiedInbox;
import io.smo.facebook.FacebookClient;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.emulator.FacebookEmulator;
import io.smo.testkit.emulator.TwitterEmulator;
import io.smo.testkit.emulator.YouTubeEmulator;
import io.smo.twitter.TwitterClient;
import io.smo.youtube.YouTubeClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The unified inbox polling Facebook, X and YouTube on the sandbox twice while new items arrive.
 */
class UnifiedInboxSandboxTest {

  @Test
  void twoPollsWhileItemsArriveSeeEachItemExactlyOnce() {
    try (Sandbox sandbox = Sandbox.start()) {
      SandboxCredentials fbc = sandbox.credentials(Platform.FACEBOOK);
      try (FacebookClient fb =
              FacebookClient.builder()
                  .accountId(fbc.accountId())
                  .accessToken(fbc.accessToken())
                  .baseUrl(sandbox.baseUrl(Platform.FACEBOOK))
                  .sleeper(d -> {})
                  .build();
          TwitterClient x =
              TwitterClient.builder()
                  .baseUrl(sandbox.baseUrl(Platform.TWITTER))
                  .accessToken(sandbox.credentials(Platform.TWITTER).accessToken())
                  .sleeper(d -> {})
                  .build();
          YouTubeClient yt =
              YouTubeClient.builder()
                  .baseUrl(sandbox.baseUrl(Platform.YOUTUBE))
                  .accessToken(sandbox.credentials(Platform.YOUTUBE).accessToken())
                  .sleeper(d -> {})
                  .build()) {
        UnifiedInbox inbox =
            UnifiedInbox.builder()
                .add(fb)
                .add(x)
                .add(yt)
                .initialWindow(java.time.Duration.ofDays(30))
                .build();
        InboxPoll first = inbox.poll(InboxCheckpoint.start(inbox.id()));
        List<String> seen = new ArrayList<>();
        for (InboxItem i : first) {
          seen.add(i.ref().toString());
        }
        assertThat(first.errors()).isEmpty();
        assertThat(seen)
            .anyMatch(r -> r.startsWith("facebook:"))
            .anyMatch(r -> r.startsWith("twitter:"))
            .anyMatch(r -> r.startsWith("youtube:"));

        java.time.Instant now = fb.clock().instant();
        FacebookEmulator fe = (FacebookEmulator) sandbox.emulator(Platform.FACEBOOK);
        fe.receiveMessage("7100000000000077", "Ivy", "new here", now);
        fe.tagPage("610000000000009", "Jo", "thanks @SMO Sandbox Page", now);
        ((TwitterEmulator) sandbox.emulator(Platform.TWITTER))
            .receiveDm("1790000000000000177", "kai_sandbox", "ping", now);
        ((TwitterEmulator) sandbox.emulator(Platform.TWITTER))
            .mention("1790000000000000178", "lu_sandbox", "@smo_sandbox hello", now);
        ((YouTubeEmulator) sandbox.emulator(Platform.YOUTUBE))
            .receiveComment("Mo", "UCmo", "nice", now);

        InboxPoll second = inbox.poll(InboxCheckpoint.parse(first.checkpoint().toString()));
        List<InboxItem> fresh = new ArrayList<>();
        second.forEach(fresh::add);
        assertThat(second.errors()).isEmpty();
        assertThat(fresh)
            .extracting(InboxItem::text)
            .containsExactlyInAnyOrder(
                "new here", "thanks @SMO Sandbox Page", "ping", "@smo_sandbox hello", "nice");
        fresh.forEach(i -> seen.add(i.ref().toString()));
        assertThat(seen).doesNotHaveDuplicates();
        List<InboxItem> third = new ArrayList<>();
        inbox.poll(second.checkpoint()).forEach(third::add);
        assertThat(third).isEmpty();
      }
    }
  }
}
