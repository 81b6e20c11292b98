package io.smo.webhooks;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.event.EngagementEvent;
import io.smo.webhooks.WebhookException.Reason;
import io.smo.webhooks.internal.AtomParser;
import io.smo.webhooks.internal.Hmac;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * YouTube push notifications over WebSub (PubSubHubbub), per YouTube's "Push notifications" guide
 * and the W3C WebSub recommendation:
 *
 * <ul>
 *   <li>verification GET ({@code hub.mode=subscribe|unsubscribe}, {@code hub.topic}, {@code
 *       hub.challenge}, {@code hub.lease_seconds}): answered 200 with the challenge when the topic
 *       is one of {@link Builder#topics} (or any topic when none are set), else 404;
 *   <li>POST: the hub signs each notification with the {@code hub.secret} given at subscription,
 *       {@code X-Hub-Signature: sha1=<hex>} (or sha256, sha384, sha512). The secret is required
 *       here, so unsigned notifications are refused (401), as are wrong ones (403);
 *   <li>the Atom body is parsed with the JDK's XML parser with DTDs and external entities off (no
 *       XXE); each {@code <entry>} becomes {@link EngagementEvent.PostPublished} with type {@code
 *       video.new} (published = updated, within a minute) or {@code video.updated}; {@code
 *       <at:deleted-entry>} becomes {@link EngagementEvent.Unknown} type {@code video.deleted}.
 * </ul>
 *
 * <p>YouTube pushes nothing for comments, likes or views; poll those. Thread-safe.
 *
 * @since 0.2
 */
@SmoPublicApi
public final class YouTubeWebhookHandler extends BaseWebhookHandler {
  private static final Pattern CHALLENGE = Pattern.compile("[\\x21-\\x7e&&[^<>\"'&]]{1,512}");

  private final String secret;
  private final Set<String> topics;

  private YouTubeWebhookHandler(Builder b) {
    super(Platform.YOUTUBE, b);
    secret = b.secret;
    new Hmac("HmacSHA1", secret); // fails fast on an empty secret
    topics = Set.copyOf(b.topics);
  }

  /** Returns a builder; the hub secret is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns {@code "youtube"}. */
  @Override
  public String name() {
    return "youtube";
  }

  @Override
  WebhookResult handshake(WebhookRequest r) {
    String mode = r.queryParam("hub.mode").orElse(null);
    String topic = r.queryParam("hub.topic").orElse(null);
    String challenge = r.queryParam("hub.challenge").orElse(null);
    if (mode == null || topic == null) {
      throw refuse(Reason.BAD_HANDSHAKE, "hub.mode and hub.topic are required");
    }
    if (!topics.isEmpty() && !topics.contains(topic)) {
      throw refuse(Reason.UNKNOWN_TOPIC, "not subscribed to this topic");
    }
    if ("denied".equals(mode)) {
      return WebhookResult.accepted(WebhookResponse.text(200, ""), List.of(), 0);
    }
    if (!("subscribe".equals(mode) || "unsubscribe".equals(mode))
        || challenge == null
        || !CHALLENGE.matcher(challenge).matches()) {
      throw refuse(
          Reason.BAD_HANDSHAKE,
          "hub.mode must be subscribe or unsubscribe, with a printable hub.challenge");
    }
    return WebhookResult.accepted(WebhookResponse.text(200, challenge), List.of(), 0);
  }

  @Override
  WebhookResponse ok() {
    return WebhookResponse.text(204, "");
  }

  @Override
  List<EngagementEvent> delivery(WebhookRequest r) {
    String header = r.header("X-Hub-Signature").orElse(null);
    if (header == null || header.isEmpty()) {
      throw refuse(Reason.SIGNATURE_MISSING, "X-Hub-Signature is absent");
    }
    int eq = header.indexOf('=');
    if (eq < 0) {
      throw refuse(Reason.SIGNATURE_MALFORMED, "X-Hub-Signature must be method=hex");
    }
    String method = header.substring(0, eq).trim().toLowerCase(Locale.ROOT);
    String alg;
    int len;
    switch (method) {
      case "sha1" -> {
        alg = "HmacSHA1";
        len = 20;
      }
      case "sha256" -> {
        alg = "HmacSHA256";
        len = 32;
      }
      case "sha384" -> {
        alg = "HmacSHA384";
        len = 48;
      }
      case "sha512" -> {
        alg = "HmacSHA512";
        len = 64;
      }
      default ->
          throw refuse(
              Reason.SIGNATURE_MALFORMED,
              "X-Hub-Signature method must be sha1, sha256, sha384 or sha512");
    }
    byte[] given = Hmac.unhex(header.substring(eq + 1).trim(), len);
    if (given == null) {
      throw refuse(
          Reason.SIGNATURE_MALFORMED, "X-Hub-Signature is not " + (len * 2) + " hex digits");
    }
    if (!Hmac.equal(macs(alg).mac(r.body()), given)) {
      throw refuse(Reason.SIGNATURE_MISMATCH, "X-Hub-Signature does not match the body");
    }
    List<AtomParser.Entry> entries;
    try {
      entries = AtomParser.parse(r.body());
    } catch (IllegalArgumentException e) {
      throw refuse(Reason.MALFORMED_BODY, e.getMessage());
    }
    List<EngagementEvent> out = new ArrayList<>();
    for (AtomParser.Entry e : entries) {
      String channel = e.channelId() == null ? "unknown" : e.channelId();
      if (e.deleted()) {
        out.add(
            EngagementEvent.builder(
                    Platform.YOUTUBE,
                    channel,
                    key(Platform.YOUTUBE, "deleted:" + e.videoId() + ":" + e.when()),
                    "video.deleted")
                .objectId(e.videoId())
                .occurredAt(e.updated())
                .rawJson(e.xml())
                .unknown());
        continue;
      }
      boolean fresh =
          e.published() != null
              && e.updated() != null
              && Math.abs(e.updated().getEpochSecond() - e.published().getEpochSecond()) <= 60;
      out.add(
          EngagementEvent.builder(
                  Platform.YOUTUBE,
                  channel,
                  key(Platform.YOUTUBE, "video:" + e.videoId() + ":" + e.when()),
                  fresh ? "video.new" : "video.updated")
              .objectId(e.videoId())
              .parentId(channel)
              .authorName(e.author())
              .text(e.title())
              .occurredAt(e.updated() != null ? e.updated() : e.published())
              .rawJson(e.xml())
              .postPublished());
    }
    return out;
  }

  private final java.util.concurrent.ConcurrentHashMap<String, Hmac> byAlg =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Hmac macs(String alg) {
    return byAlg.computeIfAbsent(alg, a -> new Hmac(a, secret));
  }

  /** Builds a {@link YouTubeWebhookHandler}. Mutable and not thread-safe. */
  public static final class Builder extends WebhookHandlerBuilder<Builder, YouTubeWebhookHandler> {
    private String secret;
    private final java.util.Set<String> topics = new java.util.LinkedHashSet<>();

    private Builder() {}

    /**
     * Required. The {@code hub.secret} sent when subscribing (see {@code
     * YouTubeWebhookSubscriptions} in {@code smo-youtube}); the hub signs every notification with
     * it.
     */
    public Builder secret(String secret) {
      this.secret = secret;
      return this;
    }

    /**
     * Adds a topic verification GETs may confirm, e.g. {@code
     * https://www.youtube.com/xml/feeds/videos.xml?channel_id=UC...}. Default: none, any topic is
     * confirmed (the secret still guards every notification).
     */
    public Builder addTopic(String topic) {
      topics.add(java.util.Objects.requireNonNull(topic, "topic == null"));
      return this;
    }

    /**
     * Returns the handler.
     *
     * @throws IllegalStateException if the secret is missing or empty
     */
    @Override
    public YouTubeWebhookHandler build() {
      required(secret, "secret");
      return new YouTubeWebhookHandler(this);
    }
  }
}
