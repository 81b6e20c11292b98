package io.smo.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxComment;
import io.smo.core.inbox.InboxItem;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import io.smo.testkit.emulator.YouTubeEmulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The channel-wide comment stream end to end on the strict YouTube sandbox. */
@SandboxTest(strict = true)
class YouTubeInboxSandboxTest {

  private static YouTubeClient client(Sandbox sandbox) {
    SandboxCredentials c = sandbox.credentials(Platform.YOUTUBE);
    return YouTubeClient.builder()
        .baseUrl(sandbox.baseUrl(Platform.YOUTUBE))
        .accessToken(c.accessToken())
        .sleeper(d -> {})
        .build();
  }

  @Test
  void heldAndPublishedCommentsAreListedAnsweredAndModerated(Sandbox sandbox) {
    try (YouTubeClient yt = client(sandbox)) {
      List<InboxComment> all = yt.commentStream().stream().toList();
      assertThat(all)
          .extracting(InboxItem::text)
          .contains("Which microphone do you use?", "Great tutorial, thanks!", "Glad it helped!");
      for (int i = 1; i < all.size(); i++) {
        assertThat(all.get(i - 1).createdAt()).isAfterOrEqualTo(all.get(i).createdAt());
      }
      InboxComment held =
          all.stream().filter(InboxComment::heldForReview).findFirst().orElseThrow();
      assertThat(held.text()).startsWith("Get 10k subs");
      assertThat(
              all.stream()
                  .filter(c -> c.text().equals("Great tutorial, thanks!"))
                  .findFirst()
                  .orElseThrow()
                  .answered())
          .isTrue();
      assertThat(
              all.stream()
                  .filter(c -> c.text().equals("Glad it helped!"))
                  .findFirst()
                  .orElseThrow()
                  .direction())
          .isEqualTo(Direction.OUTBOUND);

      InboxComment question =
          all.stream()
              .filter(c -> c.text().startsWith("Which microphone"))
              .findFirst()
              .orElseThrow();
      assertThat(question.answered()).isFalse();
      InboxItem answer = yt.answer(question, "A Shure SM7B");
      assertThat(answer.direction()).isEqualTo(Direction.OUTBOUND);
      assertThat(
              yt.commentStream().stream()
                  .filter(c -> c.platformId().equals(question.platformId()))
                  .findFirst()
                  .orElseThrow()
                  .answered())
          .isTrue();

      yt.moderate(held.commentRef(), ModerationAction.UNHIDE);
      assertThat(
              yt.commentStream().stream()
                  .filter(c -> c.platformId().equals(held.platformId()))
                  .findFirst()
                  .orElseThrow()
                  .heldForReview())
          .isFalse();

      YouTubeEmulator emu = (YouTubeEmulator) sandbox.emulator(Platform.YOUTUBE);
      emu.receiveComment("Ola", "UCviewerOla", "First!", yt.clock().instant());
      assertThat(yt.commentStream().firstPage().items().get(0).text()).isEqualTo("First!");
    }
  }
}
