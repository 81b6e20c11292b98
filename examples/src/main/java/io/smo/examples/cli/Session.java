package io.smo.examples.cli;

import io.smo.core.Platform;
import io.smo.core.SocialClient;
import io.smo.core.upload.UploadListener;
import io.smo.testkit.Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where the CLI's clients point: real platforms when credentials are configured (environment
 * variables {@code SMO_<PLATFORM>_<KEY>} or {@code <dir>/<platform>.properties}), else the
 * embedded sandbox, which it says plainly. Credentials are never printed.
 */
final class Session implements AutoCloseable {
  private final Map<Platform, Map<String, String>> credentials = new EnumMap<>(Platform.class);
  private final Map<Platform, SocialClient> clients = new EnumMap<>(Platform.class);
  /** The sandbox of the last session that started one; tests read what it recorded. */
  static volatile Sandbox lastSandbox;

  private final PrintStream err;
  private final UploadListener listener;
  private Sandbox sandbox;

  Session(Path credentialsDir, Map<String, String> env, PrintStream err, UploadListener listener)
      throws IOException {
    this.err = err;
    this.listener = listener == null ? UploadListener.NONE : listener;
    for (Platform p : Platform.values()) {
      Map<String, String> c = new LinkedHashMap<>();
      String prefix = "SMO_" + p.name() + "_";
      env.forEach((k, v) -> {
        if (k.startsWith(prefix) && !v.isBlank()) {
          c.put(k.substring(prefix.length()).toLowerCase(Locale.ROOT), v);
        }
      });
      if (credentialsDir != null) {
        Path f = credentialsDir.resolve(p.id() + ".properties");
        if (Files.isRegularFile(f)) {
          Properties props = new Properties();
          try (InputStream in = Files.newInputStream(f)) {
            props.load(in);
          }
          props.forEach((k, v) -> c.put(String.valueOf(k).toLowerCase(Locale.ROOT), String.valueOf(v)));
        }
      }
      if (!c.isEmpty()) {
        credentials.put(p, c);
      }
    }
  }

  /** Returns whether no platform has credentials (everything runs on the sandbox). */
  boolean sandboxOnly() {
    return credentials.isEmpty();
  }

  /** Returns the embedded sandbox, starting it (and saying so) on first use. */
  Sandbox sandbox() {
    if (sandbox == null) {
      sandbox = Sandbox.start();
      lastSandbox = sandbox;
      err.println((credentials.isEmpty() ? "No credentials configured: running against the embedded"
          : "No credentials for some platforms: running those against the embedded")
          + " SMO sandbox at http://127.0.0.1:" + sandbox.port() + "/ (nothing is posted for real).");
    }
    return sandbox;
  }

  /** Returns whether {@code p} runs against the sandbox. */
  boolean onSandbox(Platform p) {
    return !credentials.containsKey(p);
  }

  /** Returns the client of {@code p}, built on first use. */
  SocialClient client(Platform p) {
    return clients.computeIfAbsent(p, x -> onSandbox(x)
        ? Platforms.sandboxClient(x, sandbox(), listener)
        : Platforms.credentialClient(x, credentials.get(x), listener));
  }

  @Override
  public void close() {
    clients.values().forEach(SocialClient::close);
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
