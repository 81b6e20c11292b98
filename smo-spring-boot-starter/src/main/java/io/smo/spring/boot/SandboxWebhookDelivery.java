package io.smo.spring.boot;

import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxWebhooks;
import java.net.URI;
import java.util.Optional;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * With the sandbox on: once the web server listens, tells the sandbox to deliver its signed webhook
 * events (comments, messages, mentions made on it) to the application's own receiver at {@code
 * http://127.0.0.1:<port><context-path><smo.webhooks.path>/}. Thread-safe.
 */
public final class SandboxWebhookDelivery
    implements ApplicationListener<WebServerInitializedEvent> {
  private final Sandbox sandbox;
  private final String path;
  private volatile SandboxWebhooks webhooks;

  /**
   * Creates the delivery hook.
   *
   * @param sandbox the sandbox
   * @param path the receiver's servlet path ({@code smo.webhooks.path})
   */
  public SandboxWebhookDelivery(Sandbox sandbox, String path) {
    this.sandbox = sandbox;
    this.path = path.endsWith("/") ? path : path + "/";
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    String context =
        event
            .getApplicationContext()
            .getEnvironment()
            .getProperty("server.servlet.context-path", "");
    if (context.endsWith("/")) {
      context = context.substring(0, context.length() - 1);
    }
    webhooks =
        sandbox.webhooks(
            URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + context + path));
  }

  /**
   * Returns the sandbox's webhook controls once the server listens (duplicate, delay, re-send...).
   */
  public Optional<SandboxWebhooks> webhooks() {
    return Optional.ofNullable(webhooks);
  }
}
