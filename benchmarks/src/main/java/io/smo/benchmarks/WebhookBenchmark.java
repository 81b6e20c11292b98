package io.smo.benchmarks;

import io.smo.core.event.EventDeduplicator;
import io.smo.webhooks.MetaWebhookHandler;
import io.smo.webhooks.WebhookRequest;
import io.smo.webhooks.WebhookResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verified, parsed and de-duplicated Meta webhook deliveries per second (issue 25): each delivery
 * is a signed Page {@code feed} payload of about 1.3 KB (two comment changes and one Messenger
 * message, the shapes of Meta's docs), handled by {@link MetaWebhookHandler} with the default
 * in-memory deduplicator; one delivery in five is a re-delivery of an earlier one. Bodies and
 * signatures are made before timing; the timed part is exactly what a receiver does per request:
 * HMAC over the raw bytes, constant-time compare, JSON parse, event mapping (with inbox items),
 * de-duplication. Target: at least 10,000 deliveries/s on 2 cores.
 *
 * <p>Usage: {@code java -jar benchmarks.jar webhooks [threads] [deliveries]} (defaults 2 and
 * 200,000).
 */
public final class WebhookBenchmark {
  private static final String SECRET = "benchmark-app-secret";

  private WebhookBenchmark() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int deliveries = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    MetaWebhookHandler handler =
        MetaWebhookHandler.builder()
            .appSecret(SECRET)
            .verifyToken("v")
            .deduplicator(EventDeduplicator.defaults())
            .build();
    // warm-up on separate ids, then the timed run
    run(handler, threads, Math.min(50_000, deliveries), "w");
    long[] r = run(handler, threads, deliveries, "m");
    double seconds = r[0] / 1e9;
    System.out.printf(
        Locale.ROOT,
        "webhooks: %d Meta deliveries (%d bytes avg, 1 in 5 a duplicate) on %d threads%n",
        deliveries,
        r[3],
        threads);
    System.out.printf(
        Locale.ROOT,
        "verified+parsed+deduplicated: %,.0f deliveries/s (%,.0f new events/s, %d refused)%n",
        deliveries / seconds,
        r[1] / seconds,
        r[2]);
    System.out.printf(
        Locale.ROOT,
        "target: >= 10,000 deliveries/s -> %s%n",
        deliveries / seconds >= 10_000 ? "met" : "NOT met");
  }

  /** Returns {nanos, new events, refused, average body bytes}. */
  static long[] run(MetaWebhookHandler handler, int threads, int deliveries, String prefix)
      throws Exception {
    byte[][] bodies = new byte[deliveries][];
    String[] sigs = new String[deliveries];
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    long bytes = 0;
    for (int i = 0; i < deliveries; i++) {
      int id = i % 5 == 4 ? i - 3 : i; // every fifth delivery repeats an earlier one
      bodies[i] = payload(prefix + id).getBytes(StandardCharsets.UTF_8);
      sigs[i] = "sha256=" + HexFormat.of().formatHex(mac.doFinal(bodies[i]));
      bytes += bodies[i].length;
    }
    URI uri = URI.create("/webhooks/meta");
    AtomicLong events = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    AtomicLong next = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      Thread th =
          new Thread(
              () -> {
                try {
                  start.await();
                  long i;
                  while ((i = next.getAndIncrement()) < deliveries) {
                    int k = (int) i;
                    WebhookResult res =
                        handler.handle(
                            WebhookRequest.of(
                                "POST",
                                uri,
                                Map.of("X-Hub-Signature-256", List.of(sigs[k])),
                                bodies[k]));
                    if (res.status() != 200) {
                      refused.incrementAndGet();
                    }
                    events.addAndGet(res.events().size());
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  done.countDown();
                }
              });
      th.start();
    }
    long t0 = System.nanoTime();
    start.countDown();
    done.await();
    long nanos = System.nanoTime() - t0;
    return new long[] {nanos, events.get(), refused.get(), bytes / deliveries};
  }

  static String payload(String id) {
    long t = 1764849600L;
    return "{\"object\":\"page\",\"entry\":[{\"id\":\"104523456789012\",\"time\":"
        + t
        + ",\"changes\":["
        + "{\"field\":\"feed\",\"value\":{\"from\":{\"id\":\"6543210987654321\",\"name\":\"Ann Example\"},"
        + "\"post\":{\"status_type\":\"added_photos\",\"is_published\":true,\"updated_time\":\"2026-12-04T12:00:00+0000\","
        + "\"permalink_url\":\"https://www.facebook.com/104523456789012/posts/pfbid0abc\",\"promotion_status\":\"inactive\","
        + "\"id\":\"104523456789012_987654321098765\"},\"message\":\"Love the spring collection! Where can I buy the green jacket in Lyon? \\u00e7a me pla\\u00eet \\ud83c\\udf38\","
        + "\"post_id\":\"104523456789012_987654321098765\",\"comment_id\":\"987654321098765_"
        + id
        + "\","
        + "\"created_time\":"
        + t
        + ",\"item\":\"comment\",\"parent_id\":\"104523456789012_987654321098765\",\"verb\":\"add\"}},"
        + "{\"field\":\"feed\",\"value\":{\"from\":{\"id\":\"6543210987654322\",\"name\":\"Bo Example\"},"
        + "\"message\":\"+1, same question\",\"post_id\":\"104523456789012_987654321098765\","
        + "\"comment_id\":\"987654321098765_"
        + id
        + "b\",\"created_time\":"
        + t
        + ",\"item\":\"comment\","
        + "\"parent_id\":\"987654321098765_"
        + id
        + "\",\"verb\":\"add\"}}],"
        + "\"messaging\":[{\"sender\":{\"id\":\"7012345678901234\"},\"recipient\":{\"id\":\"104523456789012\"},"
        + "\"timestamp\":"
        + (t * 1000)
        + ",\"message\":{\"mid\":\"m_"
        + id
        + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789\","
        + "\"text\":\"Hello, is the green jacket still available in size M?\"}}]}]}";
  }
}
