package io.smo.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.CrossPostResult;
import io.smo.core.CrossPoster;
import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.PlatformOutcome;
import io.smo.core.Post;
import io.smo.core.Target;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import io.smo.testkit.emulator.YouTubeEmulator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #18: two YouTube channels on one sandbox, each client its own channel id, kept apart by
 * CrossPoster.
 */
@SandboxTest
class YouTubeAccountsSandboxTest {
  @TempDir Path dir;

  private static YouTubeClient client(Sandbox sandbox, SandboxCredentials c) {
    return YouTubeClient.builder()
        .baseUrl(sandbox.baseUrl(Platform.YOUTUBE))
        .accessToken(c.accessToken())
        .chunkSize(256 * 1024)
        .pollInterval(Duration.ofMillis(1))
        .sleeper(d -> {})
        .build();
  }

  @Test
  void eachClientLearnsItsOwnChannelAndPublishesAsIt(Sandbox sandbox) throws Exception {
    ((YouTubeEmulator) sandbox.emulator(Platform.YOUTUBE)).quotaLimit(1_000_000);
    SandboxCredentials uk = sandbox.addAccount(Platform.YOUTUBE, "uk");
    SandboxCredentials brazil = sandbox.addAccount(Platform.YOUTUBE, "brazil");
    assertThat(uk.accountId()).isNotEqualTo(brazil.accountId());
    try (YouTubeClient a = client(sandbox, uk);
        YouTubeClient b = client(sandbox, brazil)) {
      // learned from channels.list?mine=true, never a constant
      assertThat(a.accountId()).isEqualTo(uk.accountId());
      assertThat(a.accountKey()).isEqualTo(uk.accountId());
      assertThat(b.accountId()).isEqualTo(brazil.accountId());
      assertThat(a.accountInfo().id()).isEqualTo(uk.accountId());
      assertThat(a.toString()).contains(uk.accountId());

      Post post =
          Post.builder()
              .text("Ice-cold and refreshing")
              .addMedia(Media.fromFile(TestFiles.mp4(dir, "clip.mp4", 300 * 1024)))
              .option(YouTubeOptions.builder().title("Heatwave").build())
              .build();
      CrossPoster poster = CrossPoster.builder().add(a).add(b).closeClients(false).build();
      CrossPostResult result = poster.publish(post);
      assertThat(result.byTarget())
          .containsOnlyKeys(
              Target.of(Platform.YOUTUBE, uk.accountId()),
              Target.of(Platform.YOUTUBE, brazil.accountId()));
      assertThat(result.allPublished()).isTrue();
      String ukVideo =
          result
              .outcome(Target.of(Platform.YOUTUBE, uk.accountId()))
              .orElseThrow()
              .published()
              .orElseThrow()
              .id();
      String brVideo =
          result
              .outcome(Target.of(Platform.YOUTUBE, brazil.accountId()))
              .orElseThrow()
              .published()
              .orElseThrow()
              .id();
      assertThat(sandbox.created(Platform.YOUTUBE, "post", uk.accountId()))
          .extracting(io.smo.testkit.Created::id)
          .containsExactly(ukVideo);
      assertThat(sandbox.created(Platform.YOUTUBE, "post", brazil.accountId()))
          .extracting(io.smo.testkit.Created::id)
          .containsExactly(brVideo);
      assertThat(result.list())
          .extracting(PlatformOutcome::status)
          .containsOnly(PlatformOutcome.Status.PUBLISHED);
    }
  }

  @Test
  void aGivenChannelIdIsUsedWithoutAsking(Sandbox sandbox) {
    SandboxCredentials c = sandbox.credentials(Platform.YOUTUBE);
    try (YouTubeClient yt =
        YouTubeClient.builder()
            .baseUrl(sandbox.baseUrl(Platform.YOUTUBE))
            .accessToken(c.accessToken())
            .accountId("UCgiven0000000000000000a")
            .build()) {
      assertThat(yt.accountId()).isEqualTo("UCgiven0000000000000000a");
      assertThat(yt.accountKey()).isEqualTo("UCgiven0000000000000000a");
      assertThat(yt.quotaUsed()).isZero(); // no channels.list was needed
    }
  }
}
