package io.smo.testkit.webhooks;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import io.smo.webhooks.WebhookHandler;
import io.smo.webhooks.WebhookRequest;
import io.smo.webhooks.WebhookResult;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>Test only.</b> The switch that lets a test post unsigned payloads (captured fixtures,
 * hand-written JSON) to a real handler: it signs every POST that carries no signature with the
 * secret the handler was built with, then lets the handler verify it as usual. The handlers
 * themselves have no way to turn verification off; this lives in the test kit so production code
 * never has it on its class path.
 *
 * <pre>{@code
 * WebhookHandler meta = UnsignedWebhooks.accepting(metaHandler, "app-secret");
 * meta.handle("POST", uri, Map.of(), fixtureBytes); // verified against a signature made here
 * }</pre>
 *
 * @since 0.2
 */
@SmoPublicApi
public final class UnsignedWebhooks {
  private UnsignedWebhooks() {}

  /**
   * Returns a handler that signs unsigned POSTs for {@code handler} with {@code secret} first.
   * Signed requests pass through untouched, so wrong signatures are still refused.
   */
  public static WebhookHandler accepting(WebhookHandler handler, String secret) {
    return accepting(handler, secret, Clock.systemUTC());
  }

  /**
   * Same as {@link #accepting(WebhookHandler, String)} with the clock TikTok's timestamp comes
   * from.
   */
  public static WebhookHandler accepting(WebhookHandler handler, String secret, Clock clock) {
    requireNonNull(handler, "handler == null");
    requireNonNull(secret, "secret == null");
    requireNonNull(clock, "clock == null");
    return new WebhookHandler() {
      @Override
      public String name() {
        return handler.name();
      }

      @Override
      public WebhookResult handle(WebhookRequest r) {
        if (!r.method().equals("POST") || signed(r)) {
          return handler.handle(r);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
        WebhookSigner.forHandler(handler.name(), secret, clock.instant().getEpochSecond(), r.body())
            .forEach((k, v) -> headers.put(k, List.of(v)));
        return handler.handle(WebhookRequest.of(r.method(), r.uri(), headers, r.body()));
      }

      private boolean signed(WebhookRequest r) {
        return r.header("X-Hub-Signature-256").isPresent()
            || r.header("x-twitter-webhooks-signature").isPresent()
            || r.header("TikTok-Signature").isPresent()
            || r.header("X-Hub-Signature").isPresent();
      }
    };
  }
}
