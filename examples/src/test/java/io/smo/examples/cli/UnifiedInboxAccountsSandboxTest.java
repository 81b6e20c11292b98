package io.smo.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Platform;
import io.smo.core.inbox.InboxCheckpoint;
import io.smo.core.inbox.InboxFilter;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxItemKind;
import io.smo.core.inbox.InboxPoll;
import io.smo.core.inbox.UnifiedInbox;
import io.smo.facebook.FacebookClient;
import io.smo.testkit.Created;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.emulator.FacebookEmulator;
import io.smo.testkit.emulator.TwitterEmulator;
import io.smo.testkit.emulator.YouTubeEmulator;
import io.smo.twitter.TwitterClient;
import io.smo.youtube.YouTubeClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The unified inbox on the sandbox across three platforms and two accounts on each (Facebook Pages,
 * X accounts, YouTube channels added with {@link Sandbox#addAccount}): two polls while new items
 * arrive see each item exactly once, the filters keep what they name, and answers go out as the
 * account the item was sent to. The sandbox's added accounts share their platform's seeded inbox,
 * so each item appears once per account, with the account in its reference.
 */
class UnifiedInboxAccountsSandboxTest {

  private static FacebookClient page(Sandbox s, SandboxCredentials c) {
    return FacebookClient.builder()
        .baseUrl(s.baseUrl(Platform.FACEBOOK))
        .accessToken(c.accessToken())
        .accountId(c.accountId())
        .sleeper(d -> {})
        .build();
  }

  private static TwitterClient x(Sandbox s, SandboxCredentials c) {
    return TwitterClient.builder()
        .baseUrl(s.baseUrl(Platform.TWITTER))
        .accessToken(c.accessToken())
        .sleeper(d -> {})
        .build();
  }

  private static YouTubeClient channel(Sandbox s, SandboxCredentials c) {
    return YouTubeClient.builder()
        .baseUrl(s.baseUrl(Platform.YOUTUBE))
        .accessToken(c.accessToken())
        .sleeper(d -> {})
        .build();
  }

  private static List<InboxItem> drain(InboxPoll poll) {
    List<InboxItem> out = new ArrayList<>();
    poll.forEach(out::add);
    assertThat(poll.errors()).isEmpty();
    return out;
  }

  @Test
  void twoPollsAcrossThreePlatformsAndTwoAccountsEachSeeEveryItemOnce() {
    try (Sandbox sandbox = Sandbox.start()) {
      SandboxCredentials fb1 = sandbox.addAccount(Platform.FACEBOOK, "shop-de");
      SandboxCredentials fb2 = sandbox.addAccount(Platform.FACEBOOK, "shop-fr");
      SandboxCredentials x1 = sandbox.addAccount(Platform.TWITTER, "brand");
      SandboxCredentials x2 = sandbox.addAccount(Platform.TWITTER, "support");
      SandboxCredentials yt1 = sandbox.addAccount(Platform.YOUTUBE, "main");
      SandboxCredentials yt2 = sandbox.addAccount(Platform.YOUTUBE, "shorts");
      try (FacebookClient pageDe = page(sandbox, fb1);
          FacebookClient pageFr = page(sandbox, fb2);
          TwitterClient brand = x(sandbox, x1);
          TwitterClient support = x(sandbox, x2);
          YouTubeClient main = channel(sandbox, yt1);
          YouTubeClient shorts = channel(sandbox, yt2)) {
        UnifiedInbox inbox =
            UnifiedInbox.builder()
                .add(pageDe)
                .add(pageFr)
                .add(brand)
                .add(support)
                .add(main)
                .add(shorts)
                .initialWindow(Duration.ofDays(30))
                .build();
        Set<String> accounts =
            Set.of(
                fb1.accountId(),
                fb2.accountId(),
                x1.accountId(),
                x2.accountId(),
                yt1.accountId(),
                yt2.accountId());
        assertThat(accounts).hasSize(6);

        InboxPoll first = inbox.poll(InboxCheckpoint.start(inbox.id()));
        List<InboxItem> firstItems = drain(first);
        Set<String> byAccount = new HashSet<>();
        firstItems.forEach(i -> byAccount.add(i.platform().id() + ":" + i.account()));
        assertThat(byAccount)
            .containsExactlyInAnyOrder(
                "facebook:" + fb1.accountId(),
                "facebook:" + fb2.accountId(),
                "twitter:" + x1.accountId(),
                "twitter:" + x2.accountId(),
                "youtube:" + yt1.accountId(),
                "youtube:" + yt2.accountId());
        List<String> seen = new ArrayList<>();
        firstItems.forEach(i -> seen.add(i.ref().toString()));
        assertThat(seen).doesNotHaveDuplicates();

        // new items arrive on every platform between the polls
        Instant now = pageDe.clock().instant();
        FacebookEmulator fe = (FacebookEmulator) sandbox.emulator(Platform.FACEBOOK);
        fe.receiveMessage("7100000000000088", "Noor", "still open?", now);
        fe.tagPage("610000000000019", "Ola", "great shop @SMO Sandbox Page", now);
        TwitterEmulator te = (TwitterEmulator) sandbox.emulator(Platform.TWITTER);
        te.receiveDm("1790000000000000187", "pia_sandbox", "order 42?", now);
        te.mention("1790000000000000188", "raf_sandbox", "@smo_sandbox thanks", now);
        ((YouTubeEmulator) sandbox.emulator(Platform.YOUTUBE))
            .receiveComment("Sol", "UCsol", "first!", now);

        InboxPoll second = inbox.poll(InboxCheckpoint.parse(first.checkpoint().toString()));
        List<InboxItem> fresh = drain(second);
        // five new items, seen once by each of the two accounts of their platform
        assertThat(fresh).hasSize(10);
        for (String text :
            List.of(
                "still open?",
                "great shop @SMO Sandbox Page",
                "order 42?",
                "@smo_sandbox thanks",
                "first!")) {
          assertThat(fresh.stream().filter(i -> i.text().equals(text)).map(InboxItem::account))
              .as(text)
              .hasSize(2)
              .doesNotHaveDuplicates()
              .allMatch(accounts::contains);
        }
        for (int i = 1; i < fresh.size(); i++) {
          assertThat(fresh.get(i).createdAt()).isAfterOrEqualTo(fresh.get(i - 1).createdAt());
        }
        fresh.forEach(i -> seen.add(i.ref().toString()));
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(drain(inbox.poll(second.checkpoint()))).isEmpty();

        // answers go out as the account the item was sent to
        int xRepliesBefore = sandbox.created(Platform.TWITTER, "reply", x2.accountId()).size();
        int ytRepliesBefore = sandbox.created(Platform.YOUTUBE, "reply", yt2.accountId()).size();
        for (InboxItem i : fresh) {
          boolean second2 =
              i.account().equals(x2.accountId()) || i.account().equals(yt2.accountId());
          if (second2 && i.kind() != InboxItemKind.MESSAGE) {
            InboxItem answer = inbox.answer(i, "Thank you!");
            assertThat(answer.account()).isEqualTo(i.account());
          }
        }
        List<Created> xReplies = sandbox.created(Platform.TWITTER, "reply", x2.accountId());
        List<Created> ytReplies = sandbox.created(Platform.YOUTUBE, "reply", yt2.accountId());
        assertThat(xReplies).hasSize(xRepliesBefore + 1);
        assertThat(ytReplies).hasSize(ytRepliesBefore + 1);
        assertThat(sandbox.created(Platform.TWITTER, "reply", x1.accountId())).isEmpty();
        assertThat(sandbox.created(Platform.YOUTUBE, "reply", yt1.accountId())).isEmpty();
      }
    }
  }

  @Test
  void filtersKeepKindPlatformAccountAndUnansweredOnTheSandbox() {
    try (Sandbox sandbox = Sandbox.start()) {
      SandboxCredentials fb1 = sandbox.addAccount(Platform.FACEBOOK, "shop-de");
      SandboxCredentials fb2 = sandbox.addAccount(Platform.FACEBOOK, "shop-fr");
      SandboxCredentials x1 = sandbox.addAccount(Platform.TWITTER, "brand");
      SandboxCredentials yt1 = sandbox.addAccount(Platform.YOUTUBE, "main");
      try (FacebookClient pageDe = page(sandbox, fb1);
          FacebookClient pageFr = page(sandbox, fb2);
          TwitterClient brand = x(sandbox, x1);
          YouTubeClient main = channel(sandbox, yt1)) {
        UnifiedInbox.Builder b =
            UnifiedInbox.builder()
                .add(pageDe)
                .add(pageFr)
                .add(brand)
                .add(main)
                .initialWindow(Duration.ofDays(30));
        UnifiedInbox all = b.build();
        List<InboxItem> everything = drain(all.poll(InboxCheckpoint.start(all.id())));
        assertThat(everything).extracting(InboxItem::kind).contains(InboxItemKind.values());
        assertThat(everything).anyMatch(InboxItem::answered).anyMatch(i -> !i.answered());

        UnifiedInbox messagesOfOnePage =
            UnifiedInbox.builder()
                .add(pageDe)
                .add(pageFr)
                .add(brand)
                .add(main)
                .initialWindow(Duration.ofDays(30))
                .filter(
                    InboxFilter.builder()
                        .kinds(List.of(InboxItemKind.MESSAGE))
                        .platforms(List.of(Platform.FACEBOOK))
                        .accounts(List.of(fb2.accountId()))
                        .unansweredOnly(true)
                        .build())
                .build();
        List<InboxItem> kept =
            drain(messagesOfOnePage.poll(InboxCheckpoint.start(messagesOfOnePage.id())));
        assertThat(kept).isNotEmpty();
        assertThat(kept)
            .allSatisfy(
                i -> {
                  assertThat(i.kind()).isEqualTo(InboxItemKind.MESSAGE);
                  assertThat(i.platform()).isEqualTo(Platform.FACEBOOK);
                  assertThat(i.account()).isEqualTo(fb2.accountId());
                  assertThat(i.answered()).isFalse();
                });
        long expected =
            everything.stream()
                .filter(
                    i ->
                        i.kind() == InboxItemKind.MESSAGE
                            && i.account().equals(fb2.accountId())
                            && !i.answered())
                .count();
        assertThat(kept).hasSize((int) expected);
      }
    }
  }
}
