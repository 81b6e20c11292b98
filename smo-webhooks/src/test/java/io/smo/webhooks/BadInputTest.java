package io.smo.webhooks;

import static io.smo.webhooks.SignatureTest.reason;
import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.event.EngagementEvent;
import io.smo.webhooks.WebhookException.Reason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every bad request gets a definite answer and a typed error; nothing escapes a handler. */
class BadInputTest {
  private static final Set<Integer> ALLOWED = Set.of(200, 204, 400, 401, 403, 404, 405, 413);

  @Test
  void hugeBodiesAreAnswered413BeforeAnyWork() {
    MetaWebhookHandler h =
        MetaWebhookHandler.builder().appSecret("s").verifyToken("v").maxBodyBytes(1024).build();
    byte[] big = new byte[1025];
    WebhookResult r = Sign.post(h, "X-Hub-Signature-256", Sign.meta("s", big), big);
    assertThat(r.status()).isEqualTo(413);
    assertThat(reason(r)).isEqualTo(Reason.BODY_TOO_LARGE);
    assertThat(
            Sign.post(
                    Sign.x(), "x", null, new byte[WebhookHandlerBuilder.DEFAULT_MAX_BODY_BYTES + 1])
                .status())
        .isEqualTo(413);
  }

  @Test
  void signedBodiesThatAreNotJsonAre400() {
    for (String body :
        List.of("", "not json", "[1,2]", "\"str\"", "{\"entry\":", "<xml/>", "{\"entry\":{}}")) {
      WebhookResult m = Sign.meta(Sign.meta(), body);
      assertThat(m.status()).as(body).isEqualTo(400);
      assertThat(reason(m)).isEqualTo(Reason.MALFORMED_BODY);
      assertThat(Sign.tiktok(Sign.tiktok(), body).status()).as(body).isEqualTo(400);
      if (!body.startsWith("{\"entry\"")) {
        assertThat(Sign.x(Sign.x(), body).status()).as(body).isEqualTo(400);
      }
    }
    // deep nesting is refused by the parser's limits, not by a StackOverflowError escaping
    String deep = "{\"entry\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertThat(Sign.meta(Sign.meta(), deep).status()).isEqualTo(400);
  }

  @Test
  void unknownEventTypesAreKeptWithTheirRawJson() {
    List<EngagementEvent> x =
        Sign.x(Sign.x(), "{\"for_user_id\":\"1\",\"brand_new_events\":[{\"id\":\"z\"}]}").events();
    assertThat(x).hasSize(1);
    assertThat(x.get(0)).isInstanceOf(EngagementEvent.Unknown.class);
    assertThat(x.get(0).rawJson()).isEqualTo("{\"id\":\"z\"}");
    List<EngagementEvent> xaa =
        Sign.x(Sign.x(), "{\"data\":{\"event_type\":\"post.mention.create\"}}").events();
    assertThat(xaa).hasSize(1).allMatch(e -> e instanceof EngagementEvent.Unknown);
    List<EngagementEvent> meta =
        Sign.meta(
                Sign.meta(),
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"W\",\"changes\":[{\"field\":\"messages\",\"value\":{}}]}]}")
            .events();
    assertThat(meta).hasSize(1).allMatch(e -> e instanceof EngagementEvent.Unknown);
  }

  /** Random and mutated bodies, signed and unsigned, with random headers: only typed answers. */
  @Test
  void fuzzedRequestsGiveOnlyTypedErrors() {
    Random rnd = new Random(25);
    List<WebhookHandler> handlers = List.of(Sign.meta(), Sign.x(), Sign.tiktok(), Sign.youtube());
    String[] seeds = {
      "{\"object\":\"page\",\"entry\":[{\"id\":\"P\",\"changes\":[{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\",\"comment_id\":\"1\"}}],\"messaging\":[{\"sender\":{\"id\":\"1\"},\"message\":{\"mid\":\"m\"}}]}]}",
      "{\"for_user_id\":\"1\",\"tweet_create_events\":[{\"id_str\":\"1\",\"user\":{\"id_str\":\"2\"}}],\"direct_message_events\":[{\"type\":\"message_create\"}]}",
      "{\"event\":\"post.publish.complete\",\"user_openid\":\"u\",\"content\":\"{\\\"publish_id\\\":1}\"}",
      ParsingTest.ATOM_NEW
    };
    for (int i = 0; i < 4000; i++) {
      WebhookHandler h = handlers.get(i % 4);
      byte[] body = i % 3 == 0 ? randomBytes(rnd) : mutate(seeds[i % 4], rnd);
      boolean sign = rnd.nextInt(4) != 0;
      String method = rnd.nextInt(10) == 0 ? "GET" : "POST";
      Map<String, List<String>> headers =
          sign ? signed(h, body) : Map.of(randomAscii(rnd), List.of(randomAscii(rnd)));
      String query = rnd.nextBoolean() ? "" : "?" + randomAscii(rnd).replace(' ', '&');
      URI uri;
      try {
        uri = URI.create("/webhooks/" + h.name() + query.replaceAll("[^A-Za-z0-9=&?._~-]", ""));
      } catch (IllegalArgumentException e) {
        uri = URI.create("/webhooks/" + h.name());
      }
      WebhookResult r = h.handle(method, uri, headers, body);
      assertThat(r).isNotNull();
      assertThat(ALLOWED).as("status %s for %s", r.status(), r).contains(r.status());
      if (r.status() >= 300) {
        assertThat(r.error()).as(r.toString()).isPresent();
        assertThat(r.events()).isEmpty();
      } else {
        assertThat(r.error()).isEmpty();
      }
      if (!sign && method.equals("POST")) {
        assertThat(r.status()).isIn(401, 403, 413);
      }
    }
  }

  private static Map<String, List<String>> signed(WebhookHandler h, byte[] body) {
    switch (h.name()) {
      case "meta":
        return Map.of("X-Hub-Signature-256", List.of(Sign.meta(Sign.META_SECRET, body)));
      case "x":
        return Map.of("x-twitter-webhooks-signature", List.of(Sign.x(Sign.X_SECRET, body)));
      case "tiktok":
        return Map.of(
            "TikTok-Signature",
            List.of(Sign.tiktok(Sign.TIKTOK_SECRET, System.currentTimeMillis() / 1000, body)));
      default:
        return Map.of("X-Hub-Signature", List.of(Sign.websub("sha1", Sign.HUB_SECRET, body)));
    }
  }

  private static byte[] randomBytes(Random rnd) {
    byte[] b = new byte[rnd.nextInt(300)];
    rnd.nextBytes(b);
    return b;
  }

  private static byte[] mutate(String seed, Random rnd) {
    StringBuilder s = new StringBuilder(seed);
    int edits = 1 + rnd.nextInt(6);
    for (int e = 0; e < edits && s.length() > 0; e++) {
      int at = rnd.nextInt(s.length());
      switch (rnd.nextInt(4)) {
        case 0:
          s.deleteCharAt(at);
          break;
        case 1:
          s.insert(at, "{[\"0:,}]<>&".charAt(rnd.nextInt(11)));
          break;
        case 2:
          s.setCharAt(at, (char) (32 + rnd.nextInt(95)));
          break;
        default:
          s.insert(at, "null");
          break;
      }
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String randomAscii(Random rnd) {
    StringBuilder s = new StringBuilder();
    int n = 1 + rnd.nextInt(20);
    for (int i = 0; i < n; i++) {
      s.append((char) (33 + rnd.nextInt(94)));
    }
    return s.toString();
  }
}
