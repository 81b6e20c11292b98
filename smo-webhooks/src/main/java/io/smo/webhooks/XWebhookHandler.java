package io.smo.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.event.EngagementEvent;
import io.smo.webhooks.WebhookException.Reason;
import io.smo.webhooks.internal.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Webhooks from X (Account Activity API; X Activity API deliveries it does not model are kept as
 * {@link EngagementEvent.Unknown}). Follows X's webhooks introduction and the Account Activity
 * pages:
 *
 * <ul>
 *   <li>CRC: {@code GET ?crc_token=T} is answered 200 {@code {"response_token":"sha256=" +
 *       base64(HMAC-SHA256(consumer secret, T))}}; X sends it on registration, on {@code PUT
 *       /2/webhooks/{id}} and periodically;
 *   <li>POST: {@code x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256(consumer secret, raw
 *       body)>} is required (401 when absent, 403 when malformed or wrong);
 *   <li>{@code tweet_create_events} become replies ({@link EngagementEvent.CommentCreated}),
 *       mentions ({@link EngagementEvent.Mention}) or the account's own posts ({@link
 *       EngagementEvent.PostPublished}); {@code favorite_events} likes ({@link
 *       EngagementEvent.Reaction}); {@code follow_events} follows and unfollows; {@code
 *       direct_message_events} received or echoed messages (the account's own messages are echoes).
 * </ul>
 *
 * <p>Events are keyed by X's ids (post id, favorite id, DM event id); follows by a hash. X says
 * duplicates happen, several apps on one URL each get a copy, and replays cover 5 days: each event
 * is still handed over once. Thread-safe.
 *
 * @since 0.2
 */
@SmoPublicApi
public final class XWebhookHandler extends BaseWebhookHandler {
  private static final String PREFIX = "sha256=";
  private static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);
  private static final Set<String> ENVELOPE =
      Set.of("for_user_id", "user_has_blocked", "users", "apps", "source", "is_blocked_by");

  private final Hmac hmac;

  private XWebhookHandler(Builder b) {
    super(Platform.TWITTER, b);
    hmac = new Hmac("HmacSHA256", b.consumerSecret);
  }

  /** Returns a builder; the consumer secret is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns {@code "x"}. */
  @Override
  public String name() {
    return "x";
  }

  /**
   * Returns the CRC response token for {@code crcToken}: {@code "sha256=" + base64(HMAC-SHA256)}.
   */
  public String crcResponseToken(String crcToken) {
    return PREFIX
        + Base64.getEncoder().encodeToString(hmac.mac(crcToken.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  WebhookResult handshake(WebhookRequest r) {
    String token = r.queryParam("crc_token").orElse(null);
    if (token == null || token.isEmpty() || token.length() > 1024) {
      throw refuse(Reason.BAD_HANDSHAKE, "crc_token is required (1..1024 characters)");
    }
    String body = "{\"response_token\":\"" + crcResponseToken(token) + "\"}";
    return WebhookResult.accepted(WebhookResponse.json(200, body), List.of(), 0);
  }

  @Override
  WebhookResponse ok() {
    return WebhookResponse.json(200, "{}");
  }

  @Override
  List<EngagementEvent> delivery(WebhookRequest r) {
    String header = r.header("x-twitter-webhooks-signature").orElse(null);
    if (header == null || header.isEmpty()) {
      throw refuse(Reason.SIGNATURE_MISSING, "x-twitter-webhooks-signature is absent");
    }
    if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      throw refuse(
          Reason.SIGNATURE_MALFORMED, "x-twitter-webhooks-signature must start with sha256=");
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(header.substring(PREFIX.length()).trim());
    } catch (IllegalArgumentException e) {
      throw refuse(Reason.SIGNATURE_MALFORMED, "x-twitter-webhooks-signature is not base64");
    }
    if (given.length != 32) {
      throw refuse(Reason.SIGNATURE_MALFORMED, "x-twitter-webhooks-signature is not 32 bytes");
    }
    if (!Hmac.equal(hmac.mac(r.body()), given)) {
      throw refuse(
          Reason.SIGNATURE_MISMATCH, "x-twitter-webhooks-signature does not match the body");
    }
    JsonNode root = parseJson(r.body());
    String account = text(root, "for_user_id");
    if (account == null) {
      account = "unknown";
    }
    List<EngagementEvent> out = new ArrayList<>();
    boolean any = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (ENVELOPE.contains(f.getKey())) {
        continue;
      }
      any = true;
      if (!f.getValue().isArray()) {
        out.add(unknown(account, f.getKey(), f.getValue().toString()));
        continue;
      }
      for (JsonNode item : f.getValue()) {
        out.add(item(account, f.getKey(), item, root));
      }
    }
    if (!any) {
      out.add(unknown(account, "empty", root.toString()));
    }
    return out;
  }

  private EngagementEvent item(String account, String kind, JsonNode n, JsonNode root) {
    String raw = n.toString();
    switch (kind) {
      case "tweet_create_events" -> {
        String id = text(n, "id_str");
        String author = text(n.path("user"), "id_str");
        String fullText =
            n.path("extended_tweet").has("full_text")
                ? text(n.path("extended_tweet"), "full_text")
                : text(n, "text");
        EngagementEvent.Builder b =
            EngagementEvent.builder(
                    Platform.TWITTER,
                    account,
                    id == null
                        ? hashKey(Platform.TWITTER, kind, account + raw)
                        : key(Platform.TWITTER, "post:" + id + ":" + account),
                    kind)
                .objectId(id)
                .authorId(author)
                .authorName(text(n.path("user"), "screen_name"))
                .text(fullText)
                .occurredAt(createdAt(n))
                .rawJson(raw);
        if (account.equals(author)) {
          return b.parentId(text(n, "in_reply_to_status_id_str")).postPublished();
        }
        Instant at = createdAt(n);
        String name = text(n.path("user"), "screen_name");
        if (account.equals(text(n, "in_reply_to_user_id_str"))) {
          String post = text(n, "in_reply_to_status_id_str");
          return b.parentId(post)
              .inboxItem(
                  InboxItems.comment(
                      Platform.TWITTER,
                      account,
                      post,
                      id,
                      null,
                      author,
                      name,
                      fullText,
                      at,
                      clock.instant()))
              .commentCreated();
        }
        boolean mentioned = account.equals(text(n.path("quoted_status").path("user"), "id_str"));
        for (JsonNode m : n.path("entities").path("user_mentions")) {
          mentioned |= account.equals(text(m, "id_str"));
        }
        if (mentioned) {
          return b.parentId(
                  text(n, "in_reply_to_status_id_str") != null
                      ? text(n, "in_reply_to_status_id_str")
                      : text(n.path("quoted_status"), "id_str"))
              .inboxItem(
                  InboxItems.mention(
                      Platform.TWITTER,
                      account,
                      id,
                      null,
                      author,
                      name,
                      fullText,
                      at,
                      clock.instant()))
              .mention();
        }
        return b.unknown();
      }
      case "favorite_events" -> {
        String id = text(n, "id");
        return EngagementEvent.builder(
                Platform.TWITTER,
                account,
                id == null
                    ? hashKey(Platform.TWITTER, kind, account + raw)
                    : key(Platform.TWITTER, "favorite:" + id),
                kind)
            .objectId(text(n.path("favorited_status"), "id_str"))
            .authorId(text(n.path("user"), "id_str"))
            .authorName(text(n.path("user"), "screen_name"))
            .reason("like")
            .occurredAt(epochMillis(n.get("timestamp_ms")))
            .rawJson(raw)
            .reaction();
      }
      case "follow_events" -> {
        String type = text(n, "type");
        return EngagementEvent.builder(
                Platform.TWITTER, account, hashKey(Platform.TWITTER, kind, account + raw), kind)
            .objectId(text(n.path("target"), "id"))
            .authorId(text(n.path("source"), "id"))
            .authorName(text(n.path("source"), "screen_name"))
            .removed("unfollow".equals(type))
            .occurredAt(epochMillis(n.get("created_timestamp")))
            .rawJson(raw)
            .follow();
      }
      case "direct_message_events" -> {
        String id = text(n, "id");
        JsonNode mc = n.path("message_create");
        String sender = text(mc, "sender_id");
        String recipient = text(mc.path("target"), "recipient_id");
        boolean echo = account.equals(sender);
        EngagementEvent.Builder b =
            EngagementEvent.builder(
                    Platform.TWITTER,
                    account,
                    id == null
                        ? hashKey(Platform.TWITTER, kind, account + raw)
                        : key(Platform.TWITTER, "dm:" + id + ":" + account),
                    kind)
                .objectId(id)
                .parentId(echo ? recipient : sender)
                .authorId(sender)
                .authorName(
                    text(root.path("users").path(sender == null ? "" : sender), "screen_name"))
                .text(text(mc.path("message_data"), "text"))
                .occurredAt(epochMillis(n.get("created_timestamp")))
                .rawJson(raw);
        if (!"message_create".equals(text(n, "type"))) {
          return b.unknown();
        }
        b.inboxItem(
            InboxItems.message(
                Platform.TWITTER,
                account,
                InboxItems.xConversation(sender, recipient != null ? recipient : account),
                id,
                echo,
                sender,
                recipient,
                text(mc.path("message_data"), "text"),
                epochMillis(n.get("created_timestamp")),
                clock.instant()));
        return echo ? b.messageEchoed() : b.messageReceived();
      }
      default -> {
        return unknown(account, kind, raw);
      }
    }
  }

  private EngagementEvent unknown(String account, String kind, String raw) {
    return EngagementEvent.builder(
            Platform.TWITTER, account, hashKey(Platform.TWITTER, kind, account + raw), kind)
        .rawJson(raw)
        .unknown();
  }

  private static Instant createdAt(JsonNode n) {
    Instant ms = epochMillis(n.get("timestamp_ms"));
    if (ms != null) {
      return ms;
    }
    String s = text(n, "created_at");
    if (s == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(s, CREATED_AT).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Instant epochMillis(JsonNode n) {
    if (n == null) {
      return null;
    }
    try {
      long v = n.isNumber() ? n.asLong() : Long.parseLong(n.asText());
      return v > 0 ? Instant.ofEpochMilli(v) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Builds an {@link XWebhookHandler}. Mutable and not thread-safe. */
  public static final class Builder extends WebhookHandlerBuilder<Builder, XWebhookHandler> {
    private String consumerSecret;

    private Builder() {}

    /** Required. The app's consumer secret (API key secret); keys the CRC and signatures. */
    public Builder consumerSecret(String consumerSecret) {
      this.consumerSecret = consumerSecret;
      return this;
    }

    /**
     * Returns the handler.
     *
     * @throws IllegalStateException if the consumer secret is missing or empty
     */
    @Override
    public XWebhookHandler build() {
      required(consumerSecret, "consumerSecret");
      return new XWebhookHandler(this);
    }
  }
}
