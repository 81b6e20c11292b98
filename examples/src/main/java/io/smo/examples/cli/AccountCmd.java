package io.smo.examples.cli;

import io.smo.core.AccountInfo;
import io.smo.core.Platform;
import io.smo.core.SocialClient;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.UnsupportedFeatureException;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code smo account PLATFORM[:ACCOUNT]}: the account's id, handle, name, followers, following and
 * post count.
 */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description =
        "Print an account's figures: id, handle, name, followers, following, posts (absent when the platform does not report them).")
final class AccountCmd extends SmoCli.Base {
  @Parameters(paramLabel = "PLATFORM[:ACCOUNT]", description = "e.g. facebook, x, youtube:default.")
  String target;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    String[] parts = target.split(":", 2);
    Platform p;
    try {
      p = Platform.fromId(parts[0]);
    } catch (IllegalArgumentException e) {
      err.println(
          "error: "
              + e.getMessage()
              + " (one of facebook, instagram, x, youtube, tiktok, pinterest, snapchat)");
      return 2;
    }
    String account = parts.length > 1 && !parts[1].isBlank() ? parts[1] : "default";
    if (!account.equals("default")) {
      err.println(
          "error: account '"
              + account
              + "' of "
              + p.id()
              + " has no credentials; this smo reads one account"
              + " per platform (use "
              + p.id()
              + " or "
              + p.id()
              + ":default)");
      return 2;
    }
    try (Session s = session(null)) {
      SocialClient c = s.client(p);
      AccountInfo a;
      try {
        a = c.accountInfo();
      } catch (UnsupportedFeatureException e) {
        err.println(p.id() + ": " + e.getMessage());
        return 1;
      } catch (SmoException e) {
        err.println("error: " + e.getMessage());
        return 1;
      }
      if (json) {
        com.fasterxml.jackson.databind.node.ObjectNode n =
            io.smo.core.http.ApiRuntime.newObjectMapper().createObjectNode();
        n.put("platform", p.id()).put("account", account).put("id", a.id());
        a.handle().ifPresent(h -> n.put("handle", h));
        a.name().ifPresent(h -> n.put("name", h));
        a.followers().ifPresent(v -> n.put("followers", v));
        a.following().ifPresent(v -> n.put("following", v));
        a.postCount().ifPresent(v -> n.put("posts", v));
        n.put("sandbox", s.onSandbox(p));
        out.println(n.toPrettyString());
      } else {
        out.printf(
            "%s:%s%s%n",
            p.id(), account, s.onSandbox(p) ? "  (SMO sandbox, not the real platform)" : "");
        out.printf("  id         %s%n", a.id());
        out.printf("  handle     %s%n", a.handle().map(h -> "@" + h).orElse("–"));
        out.printf("  name       %s%n", a.name().orElse("–"));
        out.printf("  followers  %s%n", n(a.followers()));
        out.printf("  following  %s%n", n(a.following()));
        out.printf("  posts      %s%n", n(a.postCount()));
      }
      return 0;
    }
  }

  private static String n(OptionalLong v) {
    return v.isPresent()
        ? String.format(java.util.Locale.ROOT, "%,d", v.getAsLong())
        : "– (not reported)";
  }
}
