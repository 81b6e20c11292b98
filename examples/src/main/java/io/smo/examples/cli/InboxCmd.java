package io.smo.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.Platform;
import io.smo.core.SocialClient;
import io.smo.core.inbox.InboxCheckpoint;
import io.smo.core.inbox.InboxComment;
import io.smo.core.inbox.InboxFilter;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxItemKind;
import io.smo.core.inbox.InboxPoll;
import io.smo.core.inbox.InboxStreams;
import io.smo.core.inbox.UnifiedInbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smo inbox}: one table of the comments, messages and mentions of every configured platform
 * and account, newest first (on the sandbox: every platform that has an inbox). {@code --account
 * NAME=PLATFORM} adds further accounts of a platform (see {@link InboxAccounts}).
 */
@Command(
    name = "inbox",
    mixinStandardHelpOptions = true,
    description = "List comments, direct messages and mentions across platforms, newest first.")
final class InboxCmd extends SmoCli.Base {
  @Option(names = "--unanswered", description = "Only items no one has answered yet.")
  boolean unanswered;

  @Option(names = "--json", description = "Print a JSON array instead of the table.")
  boolean json;

  @Option(
      names = "--platform",
      paramLabel = "P",
      split = ",",
      description = "Only these platforms.")
  List<String> platforms = new ArrayList<>();

  @Option(
      names = "--kind",
      paramLabel = "K",
      split = ",",
      description = "Only these kinds: comment, message, mention.")
  List<String> kinds = new ArrayList<>();

  @Option(
      names = "--days",
      defaultValue = "30",
      description = "How many days back to read (default 30).")
  int days;

  @Option(names = "--max", defaultValue = "100", description = "At most this many rows.")
  int max;

  @Option(
      names = "--account",
      paramLabel = "NAME=PLATFORM",
      description =
          "Also read this named account (repeatable, e.g. --account support=twitter): credentials"
              + " from SMO_<NAME>_<KEY> or <DIR>/<name>.properties; on the sandbox an extra sandbox"
              + " account.")
  List<String> accounts = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (days < 0 || max < 1) {
      throw new CliException(
          days < 0
              ? "--days must be 0 or more, not " + days
              : "--max must be 1 or more, not " + max);
    }
    List<Platform> wanted = new ArrayList<>();
    for (String p : platforms) {
      wanted.add(Platform.fromId(p));
    }
    List<InboxItemKind> wantedKinds = new ArrayList<>();
    for (String k : kinds) {
      wantedKinds.add(InboxItemKind.fromId(k));
    }
    Map<String, Platform> namedAccounts = InboxAccounts.parse(accounts);
    boolean namedOnly = InboxAccounts.namedOnly(namedAccounts, credentials, env);
    if (namedOnly) {
      err.println(InboxAccounts.realLine(namedAccounts));
    }
    try (Session s = namedOnly ? null : session(null)) {
      UnifiedInbox.Builder b =
          UnifiedInbox.builder()
              .initialWindow(Duration.ofDays(days))
              .filter(
                  InboxFilter.builder()
                      .unansweredOnly(unanswered)
                      .platforms(wanted)
                      .kinds(wantedKinds)
                      .build());
      // the sandbox only when neither the platforms nor the named accounts have credentials
      boolean sandbox = s != null && s.sandboxOnly();
      if (s != null) {
        for (Platform p : sandbox ? List.of(Platform.values()) : s.platforms()) {
          if (wanted.isEmpty() || wanted.contains(p)) {
            b.add(s.client(p));
          }
        }
      }
      List<SocialClient> named = InboxAccounts.open(namedAccounts, s, sandbox, credentials, env);
      try {
        for (SocialClient c : named) {
          if (wanted.isEmpty() || wanted.contains(c.platform())) {
            b.add(c);
          }
        }
        UnifiedInbox inbox;
        try {
          inbox = b.build();
        } catch (IllegalArgumentException e) {
          throw new CliException(e.getMessage());
        }
        print(inbox);
      } finally {
        named.forEach(SocialClient::close);
      }
    }
    return 0;
  }

  private void print(UnifiedInbox inbox) throws Exception {
    InboxPoll poll = inbox.poll(InboxCheckpoint.start(inbox.id()));
    List<InboxItem> items = new ArrayList<>();
    poll.forEach(items::add);
    items.sort(InboxStreams.NEWEST_FIRST);
    if (items.size() > max) {
      items = items.subList(0, max);
    }
    poll.errors()
        .forEach(
            (source, e) ->
                err.println("warning: " + source + " could not be read: " + e.getMessage()));
    if (json) {
      printJson(items);
    } else {
      printTable(items);
    }
  }

  private void printTable(List<InboxItem> items) {
    out.printf(
        "%-20s %-9s %-24s %-8s %-18s %-48s %-10s %s%n",
        "TIME (UTC)", "PLATFORM", "ACCOUNT", "KIND", "FROM", "TEXT", "STATE", "REF");
    for (InboxItem i : items) {
      out.printf(
          "%-20s %-9s %-24s %-8s %-18s %-48s %-10s %s%n",
          i.createdAt().toString().substring(0, 19),
          i.platform().id(),
          cut(i.account(), 24),
          i.kind().id(),
          cut(i.authorName().or(i::authorId).orElse("?"), 18),
          cut(OutcomeTable.oneLine(i.text()), 48),
          state(i),
          i.ref());
    }
    if (items.isEmpty()) {
      out.println("(inbox empty)");
    }
  }

  private static String state(InboxItem i) {
    if (i instanceof InboxComment c && c.heldForReview()) {
      return "held";
    }
    return i.answered() ? "answered" : "open";
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }

  private void printJson(List<InboxItem> items) throws Exception {
    ObjectMapper m = new ObjectMapper();
    ArrayNode arr = m.createArrayNode();
    for (InboxItem i : items) {
      ObjectNode n = arr.addObject();
      n.put("ref", i.ref().toString());
      n.put("platform", i.platform().id());
      n.put("account", i.account());
      n.put("kind", i.kind().id());
      n.put("thread", i.threadId());
      n.put("id", i.platformId());
      n.put("direction", i.direction().name().toLowerCase(java.util.Locale.ROOT));
      i.authorId().ifPresent(a -> n.put("authorId", a));
      i.authorName().ifPresent(a -> n.put("authorName", a));
      n.put("text", i.text());
      n.put("createdAt", i.createdAt().toString());
      n.put("answered", i.answered());
      if (i instanceof InboxComment c) {
        n.put("heldForReview", c.heldForReview());
      }
      if (!i.dropped().isEmpty()) {
        ArrayNode d = n.putArray("dropped");
        i.dropped().forEach(d::add);
      }
    }
    out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
  }
}
