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

  @Option(
      names = "--account",
      paramLabel = "NAME=PLATFORM",
      description =
          "A further named account that may hold the item (repeatable, as for 'smo inbox').")
  java.util.List<String> accounts = new java.util.ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (days < 0) {
      throw new CliException("--days must be 0 or more, not " + days);
    }
    InboxRef r;
    try {
      r = InboxRef.parse(ref);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    java.util.Map<String, io.smo.core.Platform> namedAccounts = InboxAccounts.parse(accounts);
    boolean namedOnly = InboxAccounts.namedOnly(namedAccounts, credentials, env);
    if (namedOnly) {
      err.println(InboxAccounts.realLine(namedAccounts));
    }
    try (Session s = namedOnly ? null : session(null)) {
      boolean sandbox = s != null && s.sandboxOnly();
      java.util.List<SocialClient> named =
          InboxAccounts.open(namedAccounts, s, sandbox, credentials, env);
      try {
        java.util.List<SocialClient> candidates = new java.util.ArrayList<>();
        if (s != null && (sandbox || s.platforms().contains(r.platform()))) {
          candidates.add(s.client(r.platform()));
        }
        for (SocialClient c : named) {
          if (c.platform() == r.platform()) {
            candidates.add(c);
          }
        }
        SocialClient c = null;
        for (SocialClient x : candidates) {
          if (x.accountKey().equals(r.account())) {
            c = x;
          }
        }
        if (c == null) {
          err.println(
              "error: the item belongs to account "
                  + r.account()
                  + ", but the configured "
                  + r.platform().displayName()
                  + " account"
                  + (candidates.size() == 1 ? " is " : "s are ")
                  + (candidates.isEmpty()
                      ? "none"
                      : String.join(
                          ", ", candidates.stream().map(SocialClient::accountKey).toList()))
                  + " (add others with --account NAME="
                  + r.platform().id()
                  + ")");
          return 2;
        }
        return answer(c, r);
      } finally {
        named.forEach(SocialClient::close);
      }
    }
  }

  private int answer(SocialClient c, InboxRef r) {
    if (!(c instanceof InboxClient inbox)) {
      err.println("error: " + r.platform().displayName() + " has no inbox");
      return 2;
    }
    if (!inbox.inboxKinds().contains(r.kind())) {
      err.println(
          "error: "
              + r.platform().displayName()
              + " offers no "
              + r.kind().id()
              + " inbox ("
              + inbox.inboxUnsupportedReason()
              + "); nothing was sent");
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
    return 0;
  }
}
