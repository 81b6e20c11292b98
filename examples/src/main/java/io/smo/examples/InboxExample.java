package io.smo.examples;

import io.smo.core.Platform;
import io.smo.core.exception.SmoException;
import io.smo.core.inbox.InboxCheckpoint;
import io.smo.core.inbox.InboxFilter;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxPoll;
import io.smo.core.inbox.UnifiedInbox;
import io.smo.facebook.FacebookClient;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.twitter.TwitterClient;
import io.smo.youtube.YouTubeClient;

/**
 * A unified inbox loop: the comments, direct messages and mentions of a Facebook Page, an X account
 * and a YouTube channel in one time-ordered stream, polled with a checkpoint (each item once),
 * every unanswered item answered through the client of its account; an item whose window is closed
 * is skipped. The loop between the {@code README} markers is the README's example, word for word.
 *
 * <p>Runs against the embedded sandbox (two rounds, no pause); drop the {@code baseUrl} lines for
 * the real APIs.
 *
 * <pre>
 * java -cp examples/target/smo.jar io.smo.examples.InboxExample
 * </pre>
 */
public final class InboxExample {
  private InboxExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   * @throws InterruptedException if interrupted while waiting between polls
   */
  public static void main(String[] args) throws InterruptedException {
    rounds = 2;
    try (Sandbox sandbox = Sandbox.start()) {
      SandboxCredentials page = sandbox.credentials(Platform.FACEBOOK);
      try (FacebookClient facebook =
              FacebookClient.builder()
                  .baseUrl(sandbox.baseUrl(Platform.FACEBOOK)) // drop for the real Graph API
                  .accessToken(page.accessToken())
                  .accountId(page.accountId())
                  .build();
          TwitterClient x =
              TwitterClient.builder()
                  .baseUrl(sandbox.baseUrl(Platform.TWITTER)) // drop for the real X API
                  .accessToken(sandbox.credentials(Platform.TWITTER).accessToken())
                  .build();
          YouTubeClient youtube =
              YouTubeClient.builder()
                  .baseUrl(sandbox.baseUrl(Platform.YOUTUBE)) // drop for the real YouTube API
                  .accessToken(sandbox.credentials(Platform.YOUTUBE).accessToken())
                  .build()) {
        long pollMillis = 0; // e.g. 60_000 outside this demo
        // README: unified inbox loop
        UnifiedInbox inbox =
            UnifiedInbox.builder()
                .add(facebook)
                .add(x)
                .add(youtube)
                .filter(InboxFilter.builder().unansweredOnly(true).build())
                .build();
        InboxCheckpoint cp = InboxCheckpoint.start(inbox.id()); // or InboxCheckpoint.parse(saved)
        while (running()) {
          InboxPoll poll = inbox.poll(cp);
          for (InboxItem item : poll) { // oldest first, read lazily
            try {
              inbox.answer(item, "Thanks " + item.authorName().orElse("") + ", we are on it");
            } catch (SmoException e) { // window closed, refused, rate-limited: logged, not retried
              System.out.println("not answered " + item.ref() + ": " + e.getMessage());
            }
          }
          cp = poll.checkpoint(); // save cp.toString() to resume
          Thread.sleep(pollMillis); // e.g. 60_000
        }
        // README end
        System.out.println(
            "answers: x replies="
                + sandbox.created(Platform.TWITTER, "reply").size()
                + " x dms="
                + sandbox.created(Platform.TWITTER, "dm").size()
                + " youtube replies="
                + sandbox.created(Platform.YOUTUBE, "reply").size()
                + " facebook comments="
                + sandbox.created(Platform.FACEBOOK, "comment").size());
      }
    }
  }

  private static int rounds;

  /** Two rounds in this demo; a service loops until it is stopped. */
  private static boolean running() {
    return rounds-- > 0;
  }
}
