package io.smo.examples.cli;

import io.smo.core.SocialClient;
import io.smo.core.inbox.InboxClient;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code smo answer REF TEXT}: answers an inbox item (as printed by {@code smo inbox}) the way its
 * kind is answered: a public reply to a comment, a direct message in the conversation, a reply to a
 * mention. The item is looked up first, so the platform's window rules apply offline.
 */
@Command(
    name = "answer",
    mixinStandardHelpOptions = true,
    description = "Answer an inbox item (REF as printed by 'smo inbox').")
final class AnswerCmd extends SmoCli.Base {
  @Parameters(index = "0", paramLabel = "REF", description = "platform:account:kind:thread:id")
  String ref;

  @Parameters(index = "1", paramLabel = "TEXT")
  String text;

  @Option(
      names = "--days",
      defaultValue = "30",
      description = "How many days back to look for the item (default 30).")
  int days;

  @Override
  public Integer call() throws Exception {
    InboxRef r;
    try {
      r = InboxRef.parse(ref);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    try (Session s = session(null)) {
      SocialClient c = s.client(r.platform());
      if (!(c instanceof InboxClient inbox)) {
        err.println("error: " + r.platform().displayName() + " has no inbox");
        return 2;
      }
      if (!inbox.accountKey().equals(r.account())) {
        err.println(
            "error: the item belongs to account "
                + r.account()
                + ", but the configured "
                + r.platform().displayName()
                + " account is "
                + inbox.accountKey());
        return 2;
      }
      InboxItem item = null;
      java.time.Instant since = inbox.clock().instant().minus(java.time.Duration.ofDays(days));
      int scanned = 0;
      for (InboxItem i : inbox.items(r.kind(), since)) {
        if (i.ref().equals(r)) {
          item = i;
          break;
        }
        if (++scanned >= 1000) {
          break;
        }
      }
      if (item == null) {
        err.println(
            "error: no "
                + r.kind().id()
                + " "
                + r.id()
                + " in the "
                + r.platform().displayName()
                + " inbox of the last "
                + days
                + " days");
        return 2;
      }
      InboxItem answer;
      try {
        answer = inbox.answer(item, text);
      } catch (io.smo.core.exception.MessagingWindowClosedException
          | io.smo.core.exception.ValidationException
          | io.smo.core.exception.UnsupportedFeatureException e) {
        // refused before anything was sent (window closed, text too long, no such answer): exit 2
        err.println("error: " + e.getMessage());
        return 2;
      }
      out.println("answered: " + answer.ref());
    }
    return 0;
  }
}
