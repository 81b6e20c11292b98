package io.smo.testkit;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox as a process for non-Java tools: {@code java -cp ... io.smo.testkit.SandboxMain
 * [--port N] [--strict] [--seed N]}. Prints each platform's base URL and test access token, then
 * serves until killed.
 */
@SmoPublicApi
public final class SandboxMain {
  private SandboxMain() {}

  /**
   * Starts the sandbox.
   *
   * @param args {@code --port N}, {@code --strict}, {@code --seed N}
   */
  public static void main(String[] args) throws InterruptedException {
    Sandbox.Builder b = Sandbox.builder();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> b.port(Integer.parseInt(args[++i]));
        case "--strict" -> b.strict(true);
        case "--seed" -> b.seed(Long.parseLong(args[++i]));
        default -> {
          System.err.println("usage: SandboxMain [--port N] [--strict] [--seed N]");
          System.exit(2);
        }
      }
    }
    Sandbox sandbox = b.build();
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    System.out.println(describe(sandbox));
    new CountDownLatch(1).await();
  }

  /** Returns the table of base URLs and test tokens that {@link #main} prints. */
  public static String describe(Sandbox sandbox) {
    StringBuilder s =
        new StringBuilder("SMO sandbox listening on 127.0.0.1:" + sandbox.port() + "\n");
    for (Platform p : Platform.values()) {
      s.append(String.format("  %-10s %s", p.id(), sandbox.baseUrl(p)));
      if (sandbox.emulates(p)) {
        s.append("  token=")
            .append(sandbox.credentials(p).accessToken())
            .append("  account=")
            .append(sandbox.credentials(p).accountId());
      } else {
        s.append("  (not emulated)");
      }
      s.append('\n');
    }
    return s.toString();
  }
}
