package io.smo.examples.cli;

import io.smo.core.Platform;
import io.smo.core.SocialClient;
import io.smo.core.upload.UploadListener;
import io.smo.testkit.Sandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the CLI's clients point: real platforms when credentials are configured (environment
 * variables {@code SMO_<PLATFORM>_<KEY>} or {@code <dir>/<platform>.properties}, read by {@link
 * Credentials}), else — only when no credentials exist at all — the embedded sandbox. The first
 * line on stderr says which. A platform without credentials next to one with them is an error,
 * never a silent fallback to the sandbox. Credentials are never printed.
 */
final class Session implements AutoCloseable {
  private final Credentials credentials;
  private final Map<Platform, SocialClient> clients = new EnumMap<>(Platform.class);

  /** The sandbox of the last session that started one; tests read what it recorded. */
  static volatile Sandbox lastSandbox;

  private final PrintStream err;
  private final UploadListener listener;
  private Sandbox sandbox;

  /**
   * Reads the credentials and prints the first line: sandbox or real accounts.
   *
   * @throws CliException (exit code 2) if the credentials folder, a file or a variable is unusable
   */
  Session(Path credentialsDir, Map<String, String> env, PrintStream err, UploadListener listener)
      throws IOException {
    this.err = err;
    this.listener = listener == null ? UploadListener.NONE : listener;
    this.credentials = Credentials.load(credentialsDir, env);
    if (credentials.isEmpty()) {
      err.println(SANDBOX_LINE);
    } else {
      err.println(
          "Real accounts: credentials for "
              + credentials.describe()
              + "; posts, replies and hides are real.");
    }
  }

  /** The first line of every command that runs on the sandbox. */
  static final String SANDBOX_LINE =
      "SANDBOX: no credentials configured (no SMO_<PLATFORM>_* variables, no"
          + " --credentials), so this runs against the embedded SMO sandbox; nothing is posted for real.";

  /** Returns whether no platform has credentials (everything runs on the sandbox). */
  boolean sandboxOnly() {
    return credentials.isEmpty();
  }

  /**
   * Returns the platforms this session can build clients for: all of them on the sandbox, else
   * exactly those with credentials (never a sandbox client next to real ones).
   */
  java.util.List<Platform> platforms() {
    return credentials.isEmpty()
        ? java.util.List.of(Platform.values())
        : java.util.List.copyOf(credentials.platforms());
  }

  /** Returns the credentials found (never printed). */
  Credentials credentials() {
    return credentials;
  }

  /**
   * Returns how a URL is printed: as is with real accounts, marked {@code [sandbox]} on the
   * sandbox, so a sandbox run never prints a real-looking link unmarked.
   */
  String url(java.net.URI url) {
    return url == null ? "" : (sandboxOnly() ? "[sandbox] " : "") + url;
  }

  /** Returns the embedded sandbox, starting it (and saying so) on first use. */
  Sandbox sandbox() {
    if (!credentials.isEmpty()) {
      throw new IllegalStateException("the sandbox runs only when no credentials are configured");
    }
    if (sandbox == null) {
      sandbox = Sandbox.start();
      lastSandbox = sandbox;
      err.println(
          "Embedded SMO sandbox at http://127.0.0.1:"
              + sandbox.port()
              + "/ (sandbox, not a real platform).");
    }
    return sandbox;
  }

  /** Returns whether {@code p} runs against the sandbox (only when no platform has credentials). */
  boolean onSandbox(Platform p) {
    return credentials.isEmpty();
  }

  /**
   * Returns the client of {@code p}, built on first use.
   *
   * @throws CliException (exit code 2) if other platforms have credentials but {@code p} has none,
   *     or its credentials cannot build a client (a key missing, a value refused)
   */
  SocialClient client(Platform p) {
    SocialClient c = clients.get(p);
    if (c == null) {
      c = build(p);
      clients.put(p, c);
    }
    return c;
  }

  /**
   * Builds the clients of every target before anything is sent, so a credentials problem on one
   * platform stops the command instead of leaving the others half-published.
   *
   * @throws CliException (exit code 2) naming the first platform whose client cannot be built
   */
  void requireClients(java.util.Collection<Platform> targets) {
    targets.forEach(this::client);
  }

  private SocialClient build(Platform p) {
    if (credentials.isEmpty()) {
      return Platforms.sandboxClient(p, sandbox(), listener);
    }
    Map<String, String> c = credentials.of(p);
    if (c == null) {
      throw new CliException(
          "no credentials for "
              + p.displayName()
              + " (set SMO_"
              + p.name()
              + "_ACCESS_TOKEN... or add "
              + p.id()
              + ".properties to --credentials), but credentials are configured"
              + " for "
              + credentials.describe()
              + ", so the sandbox is not used; leave "
              + p.id()
              + " out with --platforms or add its credentials");
    }
    try {
      return Platforms.credentialClient(p, c, listener);
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new CliException(
          p.displayName()
              + " credentials from "
              + credentials.origin(p)
              + " cannot build a client: "
              + why);
    }
  }

  @Override
  public void close() {
    clients.values().forEach(SocialClient::close);
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
