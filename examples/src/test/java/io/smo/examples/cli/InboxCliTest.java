package io.smo.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code smo inbox} and {@code smo answer} on the embedded sandbox. */
class InboxCliTest {
  record Run(int exit, String out, String err) {}

  private static Run smo(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = SmoCli.run(args, o, e, Map.of());
    }
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void inboxShowsEveryPlatformThatHasOneNewestFirst() throws Exception {
    Run r = smo("inbox", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode items = new ObjectMapper().readTree(r.out());
    Set<String> platforms = new HashSet<>();
    Set<String> kinds = new HashSet<>();
    String previous = null;
    for (JsonNode i : items) {
      platforms.add(i.path("platform").asText());
      kinds.add(i.path("kind").asText());
      String at = i.path("createdAt").asText();
      if (previous != null) {
        assertThat(java.time.Instant.parse(at))
            .isBeforeOrEqualTo(java.time.Instant.parse(previous));
      }
      previous = at;
    }
    // TikTok: the sandbox's creator is a Business account with the Business API option on
    assertThat(platforms)
        .containsExactlyInAnyOrder("facebook", "instagram", "twitter", "youtube", "tiktok");
    assertThat(kinds).containsExactlyInAnyOrder("comment", "message", "mention");

    Run table = smo("inbox", "--unanswered");
    assertThat(table.out())
        .contains("TIME (UTC)")
        .contains("Hi! Do you ship to Canada?")
        .doesNotContain("Great tutorial, thanks!");
  }

  @Test
  void tiktokBusinessCommentsAreListedAndAnswered() throws Exception {
    Run r = smo("inbox", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    String ref = null;
    for (JsonNode i : new ObjectMapper().readTree(r.out())) {
      if (i.path("platform").asText().equals("tiktok")
          && i.path("text").asText().equals("Is it waterproof?")) {
        ref = i.path("ref").asText();
      }
    }
    assertThat(ref).as(r.out()).isNotNull();
    Run answered = smo("answer", ref, "Yes, IPX7");
    assertThat(answered.exit()).as(answered.err()).isZero();
    assertThat(answered.out()).startsWith("answered: tiktok:");
    Run tooLong = smo("answer", ref, "x".repeat(151));
    assertThat(tooLong.exit()).isEqualTo(2);
    assertThat(tooLong.err()).contains("150");
  }

  @Test
  void answerRepliesInsideTheWindowAndRefusesOutsideIt() {
    Run ok =
        smo(
            "answer",
            "facebook:104000000000001:message:t_7100000000000001:m_7100000000000001_1",
            "Yes, we ship to Canada");
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out()).startsWith("answered: facebook:");
    Run late =
        smo(
            "answer",
            "facebook:104000000000001:message:t_7100000000000002:m_7100000000000002_4",
            "late");
    assertThat(late.exit()).isEqualTo(2);
    assertThat(late.err()).contains("24-hour standard messaging window is closed");
    Run mention =
        smo(
            "answer",
            "twitter:1790000000000000042:mention:1800000000000000002:1800000000000000002",
            "Fixed");
    assertThat(mention.exit()).as(mention.err()).isZero();
    Run comment =
        smo(
            "answer",
            "youtube:UCsbxYouTubeChannel0000a:comment:sbxInboxVid:UgsbxInbox1AaABAg",
            "A Shure SM7B");
    assertThat(comment.exit()).as(comment.err()).isZero();
  }

  @Test
  void instagramMessagesAndMentionsAreListedAndAnswered() throws Exception {
    Run r = smo("inbox", "--platform", "instagram", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode items = new ObjectMapper().readTree(r.out());
    Set<String> kinds = new HashSet<>();
    String hi = null;
    for (JsonNode i : items) {
      assertThat(i.path("platform").asText()).isEqualTo("instagram");
      kinds.add(i.path("kind").asText());
      if (i.path("text").asText().equals("Hi! Do you ship to Canada?")) {
        hi = i.path("ref").asText();
      }
    }
    assertThat(kinds).contains("message", "mention");
    assertThat(hi).as("the seeded Instagram message").isNotNull();
    Run ok = smo("answer", hi, "Yes, we ship to Canada");
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out()).startsWith("answered: instagram:");
  }

  @Test
  void badReferencesAreRefused() {
    assertThat(smo("answer", "not-a-ref", "x").exit()).isEqualTo(2);
    Run other = smo("answer", "facebook:facebook%3A999:message:t_1:m_1", "x");
    assertThat(other.exit()).isEqualTo(2);
    assertThat(other.err()).contains("belongs to account facebook:999");
    Run missing = smo("answer", "facebook:104000000000001:message:t_1:m_nope", "x");
    assertThat(missing.err()).contains("no message m_nope");
  }

  @Test
  void platformsWithoutAnInboxSayWhyUpFront() {
    try (io.smo.testkit.Sandbox sandbox = io.smo.testkit.Sandbox.start()) {
      for (io.smo.core.Platform p :
          java.util.List.of(
              io.smo.core.Platform.TIKTOK,
              io.smo.core.Platform.PINTEREST,
              io.smo.core.Platform.SNAPCHAT)) {
        try (io.smo.core.SocialClient c =
            Platforms.sandboxClient(p, sandbox, io.smo.core.upload.UploadListener.NONE)) {
          io.smo.core.inbox.InboxClient inbox = (io.smo.core.inbox.InboxClient) c;
          if (p == io.smo.core.Platform.TIKTOK) {
            // the sandbox's TikTok creator has the Business API option on: comments only
            assertThat(inbox.inboxKinds()).containsExactly(io.smo.core.inbox.InboxItemKind.COMMENT);
          } else {
            assertThat(inbox.inboxKinds()).as(p.id()).isEmpty();
          }
          org.assertj.core.api.Assertions.assertThatThrownBy(inbox::conversations)
              .isInstanceOf(io.smo.core.exception.UnsupportedFeatureException.class)
              .hasMessageContaining(p.displayName() + " does not support conversations: ");
          org.assertj.core.api.Assertions.assertThatThrownBy(inbox::mentions)
              .isInstanceOf(io.smo.core.exception.UnsupportedFeatureException.class);
        }
      }
    }
  }
}
