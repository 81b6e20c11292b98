package io.smo.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Comment;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.ValidationException;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxCheckpoint;
import io.smo.core.inbox.InboxComment;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxPoll;
import io.smo.core.inbox.UnifiedInbox;
import io.smo.core.resilience.RateLimitPolicy;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import io.smo.testkit.emulator.TikTokEmulator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TikTok Business comments end to end on the sandbox (issue #20): the seeded comment stream with
 * hidden comments and a thread longer than the 3 included replies, answering, hiding, deleting the
 * account's own comment, refusals in TikTok's 200-with-code shape, and a unified inbox that polls
 * twice while a new comment arrives and yields each comment once.
 */
@SandboxTest(strict = true)
class TikTokBusinessSandboxTest {

  static TikTokClient client(Sandbox s, String businessToken) {
    SandboxCredentials c = s.credentials(Platform.TIKTOK);
    return TikTokClient.builder()
        .baseUrl(s.baseUrl(Platform.TIKTOK))
        .accessToken(c.accessToken())
        .businessAccount(
            TikTokBusinessAccount.builder()
                .businessId(c.extra("businessId"))
                .accessToken(businessToken)
                .baseUrl(URI.create(s.baseUrl(Platform.TIKTOK) + "open_api/v1.3/"))
                .build())
        .sleeper(d -> {})
        .rateLimitPolicy(RateLimitPolicy.unlimited())
        .build();
  }

  static TikTokClient client(Sandbox s) {
    return client(s, s.credentials(Platform.TIKTOK).extra("businessAccessToken"));
  }

  /** A client whose Business token comes from {@code store}, refreshed through {@code oauth}. */
  static TikTokClient refreshingClient(
      Sandbox s,
      TikTokBusinessOAuth oauth,
      String businessId,
      io.smo.core.auth.TokenStore store,
      URI base) {
    return TikTokClient.builder()
        .baseUrl(s.baseUrl(Platform.TIKTOK))
        .accessToken(s.credentials(Platform.TIKTOK).accessToken())
        .businessAccount(
            TikTokBusinessAccount.builder()
                .businessId(businessId)
                .tokenProvider(oauth.tokenProvider(businessId, store))
                .baseUrl(base)
                .build())
        .sleeper(d -> {})
        .build();
  }

  static List<InboxComment> stream(TikTokClient c) {
    List<InboxComment> out = new ArrayList<>();
    c.commentStream().forEach(out::add);
    return out;
  }

  @Test
  void seededStreamHasHiddenCommentsFullThreadsAndTheAnsweredFlag(Sandbox s) {
    try (TikTokClient c = client(s)) {
      List<InboxComment> items = stream(c);
      assertThat(items)
          .extracting(InboxComment::createdAt)
          .isSortedAccordingTo((a, b) -> b.compareTo(a));
      // the busy thread: 1 question + 4 replies, one more than include_replies returns
      assertThat(items).filteredOn(i -> i.comment().text().startsWith("same question")).hasSize(4);
      InboxComment spam =
          items.stream().filter(i -> i.comment().text().contains("spam")).findFirst().orElseThrow();
      assertThat(spam.comment().hidden()).isTrue();
      // hidden by the owner, not held for review by TikTok
      assertThat(spam.moderationStatus()).isEmpty();
      assertThat(spam.heldForReview()).isFalse();
      InboxComment question =
          items.stream()
              .filter(i -> i.comment().text().equals("Where can I buy this?"))
              .findFirst()
              .orElseThrow();
      assertThat(question.answered()).isTrue();
      assertThat(items)
          .filteredOn(i -> i.direction() == Direction.OUTBOUND)
          .extracting(i -> i.comment().text())
          .contains("Link in bio!") // the sandbox is shared by this class's tests
          .doesNotContain("Where can I buy this?", "nice");
      assertThat(items).allMatch(i -> i.account().equals(TikTokEmulator.OPEN_ID));
    }
  }

  @Test
  void answerHideUnhideAndDeleteOwnComment(Sandbox s) {
    TikTokEmulator e = (TikTokEmulator) s.emulator(Platform.TIKTOK);
    try (TikTokClient c = client(s)) {
      InboxComment waterproof =
          stream(c).stream()
              .filter(i -> i.comment().text().equals("Is it waterproof?"))
              .findFirst()
              .orElseThrow();
      assertThat(waterproof.answered()).isFalse();
      InboxItem answer = c.answer(waterproof, "Yes, IPX7.");
      assertThat(answer.direction()).isEqualTo(Direction.OUTBOUND);
      String topId = waterproof.comment().id().split("_")[1];
      assertThat(e.businessOwnerReplies(topId)).containsExactly("Yes, IPX7.");
      assertThat(
              stream(c).stream()
                  .filter(i -> i.comment().text().equals("Is it waterproof?"))
                  .findFirst()
                  .orElseThrow()
                  .answered())
          .isTrue();

      c.moderate(waterproof.commentRef(), ModerationAction.HIDE);
      assertThat(e.businessCommentHidden(topId)).isTrue();
      c.moderate(waterproof.commentRef(), ModerationAction.UNHIDE);
      assertThat(e.businessCommentHidden(topId)).isFalse();

      // TikTok deletes only the account's own comments
      assertThatThrownBy(() -> c.moderate(waterproof.commentRef(), ModerationAction.DELETE))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("created by the account");
      Comment mine =
          c.comment(PostRef.of(Platform.TIKTOK, waterproof.post().id()), "Pinned FAQ soon");
      c.moderate(mine.ref(), ModerationAction.DELETE);
      assertThat(e.businessCommentHidden(mine.id().split("_")[1])).isNull();
    }
  }

  @Test
  void refusalsComeInTikToksShape(Sandbox s) {
    try (TikTokClient bad = client(s, "sbx-tiktok-business-not-a-token")) {
      assertThatThrownBy(() -> stream(bad))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("40105");
    }
    try (TikTokClient c = client(s)) {
      assertThatThrownBy(() -> c.comment(PostRef.of(Platform.TIKTOK, "12345"), "hi"))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("owned video");
      assertThatThrownBy(
              () -> c.comment(PostRef.of(Platform.TIKTOK, "7109065174526479622"), "x".repeat(151)))
          .isInstanceOf(ValidationException.class);
    }
  }

  @Test
  void unifiedInboxPollsTwiceWhileACommentArrivesAndYieldsEachOnce(Sandbox s) {
    TikTokEmulator e = (TikTokEmulator) s.emulator(Platform.TIKTOK);
    try (TikTokClient c = client(s)) {
      UnifiedInbox inbox = UnifiedInbox.builder().id("tiktok-test").add(c).build();
      InboxPoll first = inbox.poll(InboxCheckpoint.start("tiktok-test"));
      List<String> seen = new ArrayList<>();
      first.forEach(i -> seen.add(i.ref().toString()));
      assertThat(seen).isNotEmpty().doesNotHaveDuplicates();
      String video = e.businessVideoIds().get(0);
      e.addBusinessComment(video, "Just ordered two!", "new_fan");
      List<InboxItem> second = new ArrayList<>();
      inbox.poll(first.checkpoint()).forEach(second::add);
      assertThat(second)
          .extracting(i -> ((InboxComment) i).comment().text())
          .containsExactly("Just ordered two!");
      assertThat(second).noneMatch(i -> seen.contains(i.ref().toString()));
    }
  }

  @Test
  void businessOAuthExchangesOnceRefreshesWithRotationAndFeedsTheClient(Sandbox s) {
    URI base = URI.create(s.baseUrl(Platform.TIKTOK) + "open_api/v1.3/");
    try (TikTokBusinessOAuth oauth =
        TikTokBusinessOAuth.create(
            TikTokEmulator.BUSINESS_APP_ID,
            TikTokEmulator.BUSINESS_APP_SECRET,
            URI.create("https://app.example.com/tiktok/callback"),
            io.smo.core.HttpSettings.defaults(),
            base)) {
      assertThat(oauth.toString()).doesNotContain(TikTokEmulator.BUSINESS_APP_SECRET);
      TikTokBusinessOAuth.BusinessToken t = oauth.exchange("code-from-redirect");
      assertThat(t.businessId()).isEqualTo(TikTokEmulator.BUSINESS_ID);
      assertThat(t.token().scopes()).contains("comment.list", "comment.list.manage");
      assertThat(t.token().expiresAt()).isPresent();
      assertThat(t.toString()).doesNotContain(t.token().value());
      // an authorization code is single use
      assertThatThrownBy(() -> oauth.exchange("code-from-redirect"))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("40110");
      io.smo.core.auth.AccessToken fresh = oauth.refresh(t.token());
      assertThat(fresh.value()).isNotEqualTo(t.token().value());
      // the refresh token rotated: the old one is refused
      assertThatThrownBy(() -> oauth.refresh(t.token()))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("40104")
          .hasMessageNotContaining(t.token().refreshToken().orElseThrow());
      io.smo.core.auth.InMemoryTokenStore store = new io.smo.core.auth.InMemoryTokenStore();
      store.save(t.businessId(), fresh);
      try (TikTokClient c = refreshingClient(s, oauth, t.businessId(), store, base)) {
        assertThat(stream(c)).isNotEmpty();
      }
    }
    try (TikTokBusinessOAuth wrong =
        TikTokBusinessOAuth.create(
            TikTokEmulator.BUSINESS_APP_ID,
            "not-the-secret",
            URI.create("https://app.example.com/cb"),
            io.smo.core.HttpSettings.defaults(),
            base)) {
      assertThatThrownBy(() -> wrong.exchange("another-code"))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageNotContaining("not-the-secret");
    }
  }

  @Test
  void commentIdsAreNeverReusedAfterADelete(Sandbox s) {
    TikTokEmulator e = (TikTokEmulator) s.emulator(Platform.TIKTOK);
    try (TikTokClient c = client(s)) {
      PostRef v = PostRef.of(Platform.TIKTOK, e.businessVideoIds().get(0));
      Comment a = c.comment(v, "A");
      Comment b = c.comment(v, "B must survive");
      c.moderate(a.ref(), ModerationAction.DELETE);
      Comment d = c.comment(v, "C");
      assertThat(d.id()).isNotEqualTo(b.id()).isNotEqualTo(a.id());
      List<String> texts = new ArrayList<>();
      c.comments(v).forEach(x -> texts.add(x.text()));
      assertThat(texts).contains("B must survive", "C").doesNotContain("A");
    }
  }

  @Test
  void answeringAReplyInAThreadMarksTheRepliesBeforeItAnswered(Sandbox s) {
    try (TikTokClient c = client(s)) {
      InboxComment fan4 =
          stream(c).stream()
              .filter(i -> i.comment().text().equals("same question 4"))
              .findFirst()
              .orElseThrow();
      // (whether it is answered already depends on this class's other tests: one sandbox)
      c.answer(fan4, "Yes to all of you");
      assertThat(stream(c))
          .filteredOn(i -> i.comment().text().startsWith("same question"))
          .hasSize(4)
          .allMatch(InboxComment::answered);
    }
  }

  @Test
  void aRejectedBusinessTokenIsRefreshedOnceAndTheCallRetried(Sandbox s) {
    URI base = URI.create(s.baseUrl(Platform.TIKTOK) + "open_api/v1.3/");
    try (TikTokBusinessOAuth oauth =
        TikTokBusinessOAuth.create(
            TikTokEmulator.BUSINESS_APP_ID,
            TikTokEmulator.BUSINESS_APP_SECRET,
            URI.create("https://app.example.com/cb"),
            io.smo.core.HttpSettings.defaults(),
            base)) {
      TikTokBusinessOAuth.BusinessToken t = oauth.exchange("code-for-refresh-test");
      io.smo.core.auth.InMemoryTokenStore store = new io.smo.core.auth.InMemoryTokenStore();
      store.save(t.businessId(), t.token());
      try (TikTokClient c = refreshingClient(s, oauth, t.businessId(), store, base)) {
        s.inject(
            Platform.TIKTOK,
            io.smo.testkit.Fault.of(io.smo.testkit.Fault.Kind.EXPIRED_TOKEN)
                .onPath(".*business/video/list.*"));
        assertThat(stream(c)).isNotEmpty();
        assertThat(store.load(t.businessId()).orElseThrow().value())
            .isNotEqualTo(t.token().value());
      }
    }
  }

  @Test
  void aClientForBusinessCommentsOnlyNeedsNoContentPostingToken(Sandbox s) {
    SandboxCredentials cr = s.credentials(Platform.TIKTOK);
    try (TikTokClient c =
        TikTokClient.builder()
            .businessAccount(
                TikTokBusinessAccount.builder()
                    .businessId(cr.extra("businessId"))
                    .accessToken(cr.extra("businessAccessToken"))
                    .baseUrl(URI.create(s.baseUrl(Platform.TIKTOK) + "open_api/v1.3/"))
                    .build())
            .baseUrl(s.baseUrl(Platform.TIKTOK))
            .build()) {
      assertThat(c.accountKey()).isEqualTo(TikTokEmulator.BUSINESS_ID);
      assertThat(stream(c))
          .isNotEmpty()
          .allMatch(i -> i.account().equals(TikTokEmulator.BUSINESS_ID));
      assertThatThrownBy(c::accountInfo)
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("Business comments only");
    }
  }
}
