package io.smo.examples.cli;

import io.smo.core.Platform;
import io.smo.core.SocialClient;
import io.smo.core.upload.UploadListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The extra named accounts of {@code smo inbox --account NAME=PLATFORM} and {@code smo answer
 * --account NAME=PLATFORM}: each one's credentials come from {@code SMO_<NAME>_<KEY>} variables or
 * {@code <DIR>/<name>.properties} (as the accounts of a multi-account campaign); on the sandbox
 * each is an extra sandbox account of its platform ({@code Sandbox.addAccount}), so the same names
 * give the same account ids in every run.
 */
final class InboxAccounts {
  private InboxAccounts() {}

  /**
   * Parses {@code NAME=PLATFORM} specs, in order.
   *
   * @throws CliException (exit code 2) if a spec is malformed, names an unknown platform or repeats
   *     a name
   */
  static Map<String, Platform> parse(List<String> specs) {
    Map<String, Platform> named = new LinkedHashMap<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq <= 0 || eq == spec.length() - 1) {
        throw new CliException(
            "--account takes NAME=PLATFORM (e.g. support=twitter, shop-fr=facebook), not '"
                + spec
                + "'");
      }
      String name = spec.substring(0, eq).trim();
      Platform p;
      try {
        p = Platform.fromId(spec.substring(eq + 1).trim().toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CliException("--account " + spec + ": " + e.getMessage());
      }
      if (named.putIfAbsent(name, p) != null) {
        throw new CliException("--account " + name + " is given twice");
      }
    }
    return named;
  }

  /** Returns whether any named account has credentials (then none of them runs on the sandbox). */
  static boolean anyCredentials(Map<String, Platform> named, Path dir, Map<String, String> env)
      throws IOException {
    for (String name : named.keySet()) {
      if (!SegmentedPost.credentials(name, dir, env).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether only named accounts have credentials (no platform has any): then no session
   * (and no sandbox) is opened, and {@link #realLine} is printed instead of the sandbox line.
   */
  static boolean namedOnly(Map<String, Platform> named, Path dir, Map<String, String> env)
      throws IOException {
    return anyCredentials(named, dir, env) && Credentials.load(dir, env).isEmpty();
  }

  /** Returns the first line printed when only named accounts have credentials. */
  static String realLine(Map<String, Platform> named) {
    return "Real accounts: credentials for the named accounts "
        + String.join(", ", named.keySet())
        + "; answers are real.";
  }

  /**
   * Opens the clients of the named accounts: extra sandbox accounts when {@code sandbox}, else from
   * each one's credentials.
   *
   * @throws CliException (exit code 2) if a real account has no credentials or they cannot build a
   *     client
   */
  static List<SocialClient> open(
      Map<String, Platform> named, Session s, boolean sandbox, Path dir, Map<String, String> env)
      throws IOException {
    List<SocialClient> out = new ArrayList<>();
    try {
      for (Map.Entry<String, Platform> e : named.entrySet()) {
        String name = e.getKey();
        Platform p = e.getValue();
        if (sandbox && s != null) {
          out.add(SegmentedPost.sandboxClient(p, s.sandbox(), s.sandbox().addAccount(p, name)));
          continue;
        }
        Map<String, String> creds = SegmentedPost.credentials(name, dir, env);
        if (creds.isEmpty()) {
          throw new CliException(
              "no credentials for account '"
                  + name
                  + "': set SMO_"
                  + SegmentedPost.envName(name)
                  + "_ACCESS_TOKEN (and the account's id key) or put "
                  + name
                  + ".properties in --credentials DIR; the sandbox is not used next to real"
                  + " accounts");
        }
        try {
          out.add(Platforms.credentialClient(p, creds, UploadListener.NONE));
        } catch (RuntimeException ex) {
          throw new CliException("account '" + name + "' cannot be used: " + ex.getMessage());
        }
      }
    } catch (RuntimeException ex) {
      out.forEach(SocialClient::close);
      throw ex;
    }
    return out;
  }
}
