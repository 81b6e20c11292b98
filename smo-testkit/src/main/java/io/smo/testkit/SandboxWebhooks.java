package io.smo.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.event.EventDeduplicator;
import io.smo.testkit.webhooks.WebhookSigner;
import io.smo.webhooks.MetaWebhookHandler;
import io.smo.webhooks.TikTokWebhookHandler;
import io.smo.webhooks.Webhooks;
import io.smo.webhooks.XWebhookHandler;
import io.smo.webhooks.YouTubeWebhookHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's webhook mode: when something happens in an emulator (a comment or reply on Facebook
 * or Instagram, a post or reply on X, a TikTok publish, a YouTube upload) or in the seeded
 * background activity ({@link #backgroundActivity(int)}: comments, messages, mentions from the
 * audience), a signed delivery in the platform's own shape is POSTed to {@code <callback>/meta},
 * {@code /x}, {@code /tiktok} or {@code /youtube}. Like the real platforms it can duplicate,
 * reorder, delay and re-send deliveries, and it performs the handshakes (Meta's challenge, X's CRC,
 * WebSub verification).
 *
 * <p>Secrets: Meta deliveries (Facebook and Instagram) are signed with the Facebook sandbox app
 * secret, X with the X client secret, TikTok with the TikTok client secret, WebSub with {@link
 * #hubSecret()}. {@link #receiver()} returns handlers configured with exactly these.
 *
 * <p>Deliveries are sent from one background thread, in order unless {@link #reorder(Duration)} is
 * set. Thread-safe. Obtained from {@link Sandbox#webhooks(URI)}; stopped with the sandbox.
 *
 * @since 0.2
 */
@SmoPublicApi
public final class SandboxWebhooks implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The verify token Meta's handshake is sent with. */
  public static final String VERIFY_TOKEN = "sbx-verify-token";

  /** The WebSub {@code hub.secret} the sandbox signs {@code /youtube} deliveries with. */
  public static final String HUB_SECRET = "sbx-hub-secret";

  /** One delivery that was sent, with the answer the callback gave (0 when none came). */
  @SuppressWarnings(
      "ArrayRecordComponent") // public test API: the exact bytes sent; changing the type breaks
  // callers
  public record Delivery(String handler, byte[] body, Map<String, String> headers, int status) {}

  private final Sandbox sandbox;
  private final URI callback;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService sender =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "smo-sandbox-webhooks");
            t.setDaemon(true);
            return t;
          });
  private final List<Delivery> sent = new CopyOnWriteArrayList<>();
  private final List<Object[]> history = new CopyOnWriteArrayList<>();
  private final Random random;
  private final AtomicInteger seq = new AtomicInteger();
  private volatile int copies = 1;
  private volatile Duration delay = Duration.ZERO;
  private volatile Duration reorderWindow = Duration.ZERO;

  SandboxWebhooks(Sandbox sandbox, URI callbackUrl, long seed, Clock clock) {
    this.sandbox = sandbox;
    String s = callbackUrl.toString();
    this.callback = URI.create(s.endsWith("/") ? s : s + "/");
    this.random = new Random(seed);
    this.clock = clock;
  }

  /** Returns the callback base URL deliveries go under. */
  public URI callbackUrl() {
    return callback;
  }

  /** Returns the Meta app secret deliveries to {@code /meta} are signed with. */
  public String metaAppSecret() {
    return sandbox.credentials(Platform.FACEBOOK).clientSecret();
  }

  /** Returns the consumer secret deliveries to {@code /x} are signed with. */
  public String xConsumerSecret() {
    return sandbox.credentials(Platform.TWITTER).clientSecret();
  }

  /** Returns the client secret deliveries to {@code /tiktok} are signed with. */
  public String tiktokClientSecret() {
    return sandbox.credentials(Platform.TIKTOK).clientSecret();
  }

  /** Returns the WebSub {@code hub.secret} deliveries to {@code /youtube} are signed with. */
  public String hubSecret() {
    return HUB_SECRET;
  }

  /**
   * Returns a {@link Webhooks} builder holding the four handlers configured with this sandbox's
   * secrets and verify token, sharing {@code deduplicator}; add listeners and build.
   */
  public Webhooks.Builder receiver(EventDeduplicator deduplicator) {
    return Webhooks.builder()
        .add(
            MetaWebhookHandler.builder()
                .appSecret(metaAppSecret())
                .verifyToken(VERIFY_TOKEN)
                .deduplicator(deduplicator)
                .build())
        .add(
            XWebhookHandler.builder()
                .consumerSecret(xConsumerSecret())
                .deduplicator(deduplicator)
                .build())
        .add(
            TikTokWebhookHandler.builder()
                .clientSecret(tiktokClientSecret())
                .deduplicator(deduplicator)
                .build())
        .add(
            YouTubeWebhookHandler.builder().secret(hubSecret()).deduplicator(deduplicator).build());
  }

  /** Same as {@link #receiver(EventDeduplicator)} with a fresh in-memory deduplicator. */
  public Webhooks.Builder receiver() {
    return receiver(EventDeduplicator.defaults());
  }

  /**
   * Sends every delivery {@code copies} times (1 = once, the default), as platforms do on retries.
   */
  public SandboxWebhooks duplicate(int copies) {
    if (copies < 1 || copies > 10) {
      throw new IllegalArgumentException("copies must be 1..10: " + copies);
    }
    this.copies = copies;
    return this;
  }

  /** Delays every delivery by {@code delay}. Default none. */
  public SandboxWebhooks delay(Duration delay) {
    this.delay = requireNonNull(delay, "delay == null");
    return this;
  }

  /**
   * Adds a seeded random extra delay of up to {@code window} to each delivery, so deliveries (and
   * their copies) arrive out of order. Default none (in order).
   */
  public SandboxWebhooks reorder(Duration window) {
    this.reorderWindow = requireNonNull(window, "window == null");
    return this;
  }

  /** Sends every delivery made so far once more, as a platform's retry or X's replay does. */
  public void resendAll() {
    for (Object[] h : List.copyOf(history)) {
      schedule((String) h[0], (byte[]) h[1]);
    }
  }

  /** Returns the deliveries sent so far with the callback's answers, in sending order. */
  public List<Delivery> deliveries() {
    return List.copyOf(sent);
  }

  /** Performs Meta's verification GET and returns whether the callback echoed the challenge. */
  public boolean verifyMeta() {
    String challenge = Integer.toString(1_000_000 + random.nextInt(1_000_000));
    String body =
        get(
            "meta",
            "hub.mode=subscribe&hub.verify_token="
                + enc(VERIFY_TOKEN)
                + "&hub.challenge="
                + challenge);
    return challenge.equals(body);
  }

  /** Performs X's CRC and returns whether the callback answered with the right response token. */
  public boolean crcCheck() {
    String token = "crc" + random.nextLong();
    String body = get("x", "crc_token=" + enc(token));
    return body != null && body.contains(WebhookSigner.crcResponseToken(xConsumerSecret(), token));
  }

  /**
   * Performs a WebSub subscription verification for {@code topic}; true if the challenge came back.
   */
  public boolean verifyWebSub(String topic) {
    String challenge = "ch" + Long.toHexString(random.nextLong());
    String body =
        get(
            "youtube",
            "hub.mode=subscribe&hub.topic="
                + enc(topic)
                + "&hub.challenge="
                + challenge
                + "&hub.lease_seconds=432000");
    return challenge.equals(body);
  }

  /**
   * Emits {@code count} seeded deliveries of audience activity: comments on the latest Facebook and
   * Instagram posts, Messenger messages, X mentions and DMs, in turn.
   */
  public void backgroundActivity(int count) {
    String page = sandbox.credentials(Platform.FACEBOOK).accountId();
    String ig = sandbox.credentials(Platform.INSTAGRAM).accountId();
    String xUser = sandbox.credentials(Platform.TWITTER).accountId();
    for (int i = 0; i < count; i++) {
      int n = seq.incrementAndGet();
      String fan = "sbx-fan-" + (1000 + random.nextInt(9000));
      long now = clock.instant().getEpochSecond();
      switch (i % 5) {
        case 0 -> {
          String post = latest(Platform.FACEBOOK, page + "_9000");
          ObjectNode v =
              JSON.createObjectNode()
                  .put("item", "comment")
                  .put("verb", "add")
                  .put("comment_id", post.substring(post.indexOf('_') + 1) + "_bg" + n)
                  .put("post_id", post)
                  .put("parent_id", post)
                  .put("message", "Background comment " + n)
                  .put("created_time", now);
          v.putObject("from").put("id", fan).put("name", "Sandbox Fan " + n);
          meta("page", page, "feed", v);
        }
        case 1 -> {
          String media = latest(Platform.INSTAGRAM, "17900000000000000");
          ObjectNode v =
              JSON.createObjectNode()
                  .put("id", "1790" + (100000 + n))
                  .put("text", "Background IG comment " + n);
          v.putObject("from").put("id", fan).put("username", "fan" + n);
          v.putObject("media").put("id", media).put("media_product_type", "FEED");
          meta("instagram", ig, "comments", v);
        }
        case 2 -> {
          ObjectNode env = JSON.createObjectNode().put("object", "page");
          ObjectNode e = env.putArray("entry").addObject().put("id", page).put("time", now * 1000);
          ObjectNode m = e.putArray("messaging").addObject();
          m.putObject("sender").put("id", fan);
          m.putObject("recipient").put("id", page);
          m.put("timestamp", now * 1000);
          m.putObject("message").put("mid", "m_bg" + n).put("text", "Background message " + n);
          enqueue("meta", env);
        }
        case 3 -> {
          ObjectNode env = JSON.createObjectNode().put("for_user_id", xUser);
          ObjectNode t =
              env.putArray("tweet_create_events")
                  .addObject()
                  .put("id_str", "19" + (100000 + n))
                  .put("text", "@sandbox hello " + n)
                  .put("timestamp_ms", Long.toString(now * 1000));
          t.putObject("user").put("id_str", fan).put("screen_name", "fan" + n);
          t.putObject("entities").putArray("user_mentions").addObject().put("id_str", xUser);
          enqueue("x", env);
        }
        default -> {
          ObjectNode env = JSON.createObjectNode().put("for_user_id", xUser);
          ObjectNode d =
              env.putArray("direct_message_events")
                  .addObject()
                  .put("type", "message_create")
                  .put("id", "dm_bg" + n)
                  .put("created_timestamp", Long.toString(now * 1000));
          ObjectNode mc = d.putObject("message_create");
          mc.putObject("target").put("recipient_id", xUser);
          mc.put("sender_id", fan);
          mc.putObject("message_data").put("text", "Background DM " + n);
          enqueue("x", env);
        }
      }
    }
  }

  /**
   * Delivers Instagram's {@code mentions} change for a mention the Instagram emulator holds (its
   * {@code mentionInComment} / {@code mentionInCaption} test hooks): {@code
   * {"field":"mentions","value":{"comment_id":…,"media_id":…}}} ({@code comment_id} only for a
   * mention in a comment), the ids-only shape of {@code engagement-and-measurement.md} §2.1.4.
   *
   * @param mediaId the mentioning media, or the media the mentioning comment is on
   * @param commentId the mentioning comment, or {@code null} for a caption mention
   * @since 0.2
   */
  public void instagramMention(String mediaId, String commentId) {
    ObjectNode v = JSON.createObjectNode();
    if (commentId != null) {
      v.put("comment_id", commentId);
    }
    v.put("media_id", requireNonNull(mediaId, "mediaId == null"));
    meta("instagram", sandbox.credentials(Platform.INSTAGRAM).accountId(), "mentions", v);
  }

  /** Called by the sandbox when an emulator records something it created. */
  void created(Platform platform, String kind, String id, JsonNode body) {
    try {
      long now = clock.instant().getEpochSecond();
      switch (platform) {
        case FACEBOOK -> {
          if (!kind.equals("comment") && !kind.equals("reply")) {
            return;
          }
          String page = sandbox.credentials(Platform.FACEBOOK).accountId();
          String post = page + "_" + id.substring(0, id.lastIndexOf('_'));
          String parent = body.path("parent").path("id").asText(post);
          ObjectNode v =
              JSON.createObjectNode()
                  .put("item", "comment")
                  .put("verb", "add")
                  .put("comment_id", id)
                  .put("post_id", post)
                  .put("parent_id", parent)
                  .put("message", body.path("message").asText(""))
                  .put("created_time", now);
          v.set("from", body.path("from").deepCopy());
          meta("page", page, "feed", v);
          return;
        }
        case INSTAGRAM -> {
          if (!kind.equals("comment") && !kind.equals("reply")) {
            return;
          }
          ObjectNode v =
              JSON.createObjectNode().put("id", id).put("text", body.path("text").asText(""));
          v.set("from", body.path("from").deepCopy());
          v.putObject("media")
              .put("id", body.path("media").path("id").asText())
              .put("media_product_type", "FEED");
          if (body.hasNonNull("parent_id")) {
            v.put("parent_id", body.path("parent_id").asText());
          }
          meta("instagram", sandbox.credentials(Platform.INSTAGRAM).accountId(), "comments", v);
          return;
        }
        case TWITTER -> {
          if (!kind.equals("post") && !kind.equals("reply")) {
            return;
          }
          String user = sandbox.credentials(Platform.TWITTER).accountId();
          ObjectNode env = JSON.createObjectNode().put("for_user_id", user);
          ObjectNode t =
              env.putArray("tweet_create_events")
                  .addObject()
                  .put("id_str", id)
                  .put("text", body.path("text").asText(""))
                  .put("timestamp_ms", Long.toString(now * 1000));
          t.putObject("user")
              .put("id_str", user)
              .put("screen_name", sandbox.credentials(Platform.TWITTER).extra("username"));
          String replyTo = body.path("reply").path("in_reply_to_tweet_id").asText(null);
          if (replyTo != null) {
            t.put("in_reply_to_status_id_str", replyTo);
          }
          enqueue("x", env);
          return;
        }
        case TIKTOK -> {
          if (!kind.equals("post")) {
            return;
          }
          ObjectNode content =
              JSON.createObjectNode().put("publish_id", id).put("publish_type", "DIRECT_PUBLISH");
          ObjectNode env =
              JSON.createObjectNode()
                  .put("client_key", sandbox.credentials(Platform.TIKTOK).clientId())
                  .put("event", "post.publish.complete")
                  .put("create_time", now)
                  .put("user_openid", sandbox.credentials(Platform.TIKTOK).accountId())
                  .put("content", content.toString());
          enqueue("tiktok", env);
          return;
        }
        case YOUTUBE -> {
          if (!kind.equals("post")) {
            return;
          }
          String channel = sandbox.credentials(Platform.YOUTUBE).accountId();
          String title = xml(body.path("snippet").path("title").asText(""));
          String ts = Instant.ofEpochSecond(now).toString();
          String atom =
              "<?xml version='1.0' encoding='UTF-8'?>"
                  + "<feed xmlns:yt=\"http://www.youtube.com/xml/schemas/2015\" xmlns=\"http://www.w3.org/2005/Atom\">"
                  + "<link rel=\"hub\" href=\"https://pubsubhubbub.appspot.com\"/>"
                  + "<title>YouTube video feed</title><updated>"
                  + ts
                  + "</updated>"
                  + "<entry><id>yt:video:"
                  + xml(id)
                  + "</id><yt:videoId>"
                  + xml(id)
                  + "</yt:videoId>"
                  + "<yt:channelId>"
                  + xml(channel)
                  + "</yt:channelId><title>"
                  + title
                  + "</title>"
                  + "<link rel=\"alternate\" href=\"https://www.youtube.com/watch?v="
                  + xml(id)
                  + "\"/>"
                  + "<author><name>Sandbox Channel</name><uri>https://www.youtube.com/channel/"
                  + xml(channel)
                  + "</uri></author><published>"
                  + ts
                  + "</published><updated>"
                  + ts
                  + "</updated></entry></feed>";
          history.add(new Object[] {"youtube", atom.getBytes(StandardCharsets.UTF_8)});
          for (int c = 0; c < copies; c++) {
            schedule("youtube", atom.getBytes(StandardCharsets.UTF_8));
          }
          return;
        }
        default -> {}
      }
    } catch (RuntimeException e) {
      // an emulator body without the expected fields: no delivery, the API call itself succeeded
    }
  }

  private String latest(Platform p, String fallback) {
    List<Created> posts = sandbox.created(p, "post");
    return posts.isEmpty() ? fallback : posts.get(posts.size() - 1).id();
  }

  private void meta(String object, String account, String field, ObjectNode value) {
    ObjectNode env = JSON.createObjectNode().put("object", object);
    ObjectNode e =
        env.putArray("entry")
            .addObject()
            .put("id", account)
            .put("time", clock.instant().getEpochSecond());
    ArrayNode changes = e.putArray("changes");
    changes.addObject().put("field", field).set("value", value);
    enqueue("meta", env);
  }

  private void enqueue(String handler, ObjectNode payload) {
    byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
    history.add(new Object[] {handler, body});
    for (int c = 0; c < copies; c++) {
      schedule(handler, body);
    }
  }

  private void schedule(String handler, byte[] body) {
    long ms =
        delay.toMillis()
            + (reorderWindow.isZero()
                ? 0
                : (long) (random.nextDouble() * reorderWindow.toMillis()));
    ScheduledFuture<?> unused =
        sender.schedule(() -> send(handler, body), ms, TimeUnit.MILLISECONDS);
  }

  private void send(String handler, byte[] body) {

    String secret =
        switch (handler) {
          case "meta" -> metaAppSecret();
          case "x" -> xConsumerSecret();
          case "tiktok" -> tiktokClientSecret();
          default -> hubSecret();
        };
    Map<String, String> headers = signature(handler, secret, body);
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(callback.resolve(handler))
            .timeout(Duration.ofSeconds(10))
            .header(
                "Content-Type",
                handler.equals("youtube") ? "application/atom+xml" : "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(rb::header);
    int status;
    try {
      status = http.send(rb.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      status = 0;
    }
    sent.add(new Delivery(handler, body.clone(), headers, status));
  }

  private Map<String, String> signature(String handler, String secret, byte[] body) {
    return switch (handler) {
      case "meta" -> WebhookSigner.meta(secret, body);
      case "x" -> WebhookSigner.x(secret, body);
      case "tiktok" -> WebhookSigner.tiktok(secret, clock.instant().getEpochSecond(), body);
      default -> WebhookSigner.websub(secret, body);
    };
  }

  private String get(String handler, String query) {
    try {
      HttpRequest r =
          HttpRequest.newBuilder(URI.create(callback.resolve(handler) + "?" + query))
              .timeout(Duration.ofSeconds(10))
              .GET()
              .build();
      HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
      return resp.statusCode() == 200 ? resp.body() : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** Stops delivering; deliveries not sent yet are dropped. */
  @Override
  public void close() {
    sender.shutdownNow();
  }

  @Override
  public String toString() {
    return "SandboxWebhooks{" + callback + ", sent=" + sent.size() + "}";
  }

  static List<String> handlers() {
    return new ArrayList<>(List.of("meta", "x", "tiktok", "youtube"));
  }
}
