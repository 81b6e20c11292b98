package io.smo.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Platform;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.Mention;
import io.smo.testkit.Created;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A mention (a post that tags the Page) is answered with the Page's comment on that post, which its
 * comments then list.
 */
@SandboxTest
class FacebookMentionAnswerSandboxTest {

  @Test
  void aTaggedPostIsAnsweredWithACommentOnIt(Sandbox sandbox) {
    SandboxCredentials c = sandbox.credentials(Platform.FACEBOOK);
    try (FacebookClient fb =
        FacebookClient.builder()
            .accountId(c.accountId())
            .accessToken(c.accessToken())
            .baseUrl(sandbox.baseUrl(Platform.FACEBOOK))
            .sleeper(d -> {})
            .build()) {
      List<Mention> mentions = fb.mentions().stream().toList();
      assertThat(mentions).isNotEmpty();
      Mention m = mentions.get(0);
      InboxItem answer = fb.answer(m, "Thank you " + m.authorName().orElse(""));
      assertThat(answer.direction()).isEqualTo(Direction.OUTBOUND);
      assertThat(answer.threadId()).isEqualTo(m.post().id());
      List<Created> comments = sandbox.created(Platform.FACEBOOK, "comment");
      assertThat(comments).extracting(Created::id).contains(answer.platformId());
      assertThat(fb.comments(m.post()).stream().toList())
          .anyMatch(x -> x.id().equals(answer.platformId()));
    }
  }
}
