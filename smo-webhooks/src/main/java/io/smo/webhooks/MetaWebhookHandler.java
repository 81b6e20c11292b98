package io.smo.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.event.EngagementEvent;
import io.smo.webhooks.WebhookException.Reason;
import io.smo.webhooks.internal.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Webhooks from Meta: Facebook Pages ({@code object: "page"}), Instagram ({@code object:
 * "instagram"}) and Messenger. Follows the Graph API "Webhooks → Getting Started" page and the
 * Messenger Platform webhooks page:
 *
 * <ul>
 *   <li>GET with {@code hub.mode=subscribe}, {@code hub.verify_token} and {@code hub.challenge}:
 *       answered 200 with the challenge when the verify token matches (compared in constant time),
 *       else 403 ({@link Reason#VERIFY_TOKEN_MISMATCH});
 *   <li>POST: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>} is
 *       required (401 when absent, 403 when malformed or wrong) and checked on the raw bytes before
 *       any parsing;
 *   <li>both {@code entry[].changes[]} (Page {@code feed}, {@code mention}; Instagram {@code
 *       comments}, {@code live_comments}, {@code mentions}) and {@code entry[].messaging[]}
 *       (messages, echoes, reactions) are parsed; {@code is_echo} messages become {@link
 *       EngagementEvent.MessageEchoed} (outgoing); anything else becomes {@link
 *       EngagementEvent.Unknown} with its raw JSON.
 * </ul>
 *
 * <p>Meta sends no event id: comments and messages are keyed by their id and verb, other changes by
 * a hash of their JSON, so a change delivered twice (retries for up to 36 hours, or once through
 * Messenger and once through Instagram Login) is handed over once. Thread-safe.
 *
 * <pre>{@code
 * MetaWebhookHandler meta = MetaWebhookHandler.builder()
 *     .appSecret(System.getenv("META_APP_SECRET"))
 *     .verifyToken(System.getenv("META_VERIFY_TOKEN"))
 *     .build();
 * }</pre>
 *
 * @since 0.2
 */
@SmoPublicApi
public final class MetaWebhookHandler extends BaseWebhookHandler {
  private static final Pattern CHALLENGE = Pattern.compile("[\\x21-\\x7e&&[^<>\"'&]]{1,512}");
  private static final String PREFIX = "sha256=";

  private final Hmac hmac;
  private final byte[] verifyToken;

  private MetaWebhookHandler(Builder b) {
    super(Platform.FACEBOOK, b);
    hmac = new Hmac("HmacSHA256", b.appSecret);
    verifyToken = b.verifyToken.getBytes(StandardCharsets.UTF_8);
  }

  /** Returns a builder; the app secret and the verify token are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns {@code "meta"}. */
  @Override
  public String name() {
    return "meta";
  }

  @Override
  WebhookResult handshake(WebhookRequest r) {
    String mode = r.queryParam("hub.mode").orElse(null);
    String token = r.queryParam("hub.verify_token").orElse(null);
    String challenge = r.queryParam("hub.challenge").orElse(null);
    if (mode == null || token == null || challenge == null) {
      throw refuse(
          Reason.BAD_HANDSHAKE, "hub.mode, hub.verify_token and hub.challenge are required");
    }
    if (!Hmac.equal(verifyToken, token.getBytes(StandardCharsets.UTF_8))) {
      throw refuse(Reason.VERIFY_TOKEN_MISMATCH, "hub.verify_token does not match");
    }
    if (!"subscribe".equals(mode) || !CHALLENGE.matcher(challenge).matches()) {
      throw refuse(Reason.BAD_HANDSHAKE, "hub.mode must be subscribe and hub.challenge printable");
    }
    return WebhookResult.accepted(WebhookResponse.text(200, challenge), List.of(), 0);
  }

  @Override
  List<EngagementEvent> delivery(WebhookRequest r) {
    String header = r.header("X-Hub-Signature-256").orElse(null);
    if (header == null || header.isEmpty()) {
      throw refuse(Reason.SIGNATURE_MISSING, "X-Hub-Signature-256 is absent");
    }
    if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      throw refuse(Reason.SIGNATURE_MALFORMED, "X-Hub-Signature-256 must start with sha256=");
    }
    byte[] given = Hmac.unhex(header.substring(PREFIX.length()).trim(), 32);
    if (given == null) {
      throw refuse(Reason.SIGNATURE_MALFORMED, "X-Hub-Signature-256 is not 64 hex digits");
    }
    if (!Hmac.equal(hmac.mac(r.body()), given)) {
      throw refuse(Reason.SIGNATURE_MISMATCH, "X-Hub-Signature-256 does not match the body");
    }
    JsonNode root = parseJson(r.body());
    JsonNode entries = root.get("entry");
    if (entries == null || !entries.isArray()) {
      throw refuse(Reason.MALFORMED_BODY, "no entry array");
    }
    String object = text(root, "object");
    Platform p = "instagram".equals(object) ? Platform.INSTAGRAM : Platform.FACEBOOK;
    List<EngagementEvent> out = new ArrayList<>();
    for (JsonNode entry : entries) {
      String account = text(entry, "id");
      if (account == null) {
        account = "unknown";
      }
      Instant entryTime = epoch(entry.get("time"));
      for (JsonNode change : entry.path("changes")) {
        out.add(change(p, object, account, entryTime, change));
      }
      for (JsonNode m : entry.path("messaging")) {
        out.add(messaging(p, account, m));
      }
      for (JsonNode m : entry.path("standby")) {
        out.add(messaging(p, account, m));
      }
    }
    return out;
  }

  private EngagementEvent change(
      Platform p, String object, String account, Instant time, JsonNode change) {
    String field = text(change, "field");
    JsonNode v = change.path("value");
    String raw = change.toString();
    if ("feed".equals(field)) {
      String item = text(v, "item");
      String verb = text(v, "verb");
      String type = "feed/" + item + "/" + verb;
      EngagementEvent.Builder b =
          EngagementEvent.builder(
                  p,
                  account,
                  idKey(
                      p,
                      "feed",
                      text(v, "comment_id") != null && "comment".equals(item)
                          ? text(v, "comment_id") + ":" + verb
                          : null,
                      raw),
                  type)
              .authorId(text(v.path("from"), "id"))
              .authorName(text(v.path("from"), "name"))
              .text(text(v, "message"))
              .occurredAt(orElse(epoch(v.get("created_time")), time))
              .rawJson(raw);
      if ("comment".equals(item)) {
        String parent = text(v, "parent_id");
        String post = text(v, "post_id");
        b.objectId(text(v, "comment_id")).parentId(parent != null ? parent : post);
        boolean add = "add".equals(verb);
        if (add || "edited".equals(verb) || "edit".equals(verb)) {
          b.inboxItem(
              InboxItems.comment(
                  p,
                  account,
                  post,
                  text(v, "comment_id"),
                  parent != null && !parent.equals(post) ? parent : null,
                  text(v.path("from"), "id"),
                  text(v.path("from"), "name"),
                  text(v, "message"),
                  epoch(v.get("created_time")),
                  clock.instant()));
          return add ? b.commentCreated() : b.commentEdited();
        }
        if ("remove".equals(verb) || "hide".equals(verb)) {
          return b.commentRemoved();
        }
        return b.unknown();
      }
      if ("reaction".equals(item) || "like".equals(item)) {
        String target = text(v, "comment_id") != null ? text(v, "comment_id") : text(v, "post_id");
        String reaction = "like".equals(item) ? "like" : text(v, "reaction_type");
        return b.objectId(target)
            .parentId(text(v, "post_id"))
            .reason(reaction)
            .removed("remove".equals(verb))
            .reaction();
      }
      if (("status".equals(item)
              || "post".equals(item)
              || "photo".equals(item)
              || "video".equals(item))
          && "add".equals(verb)
          && account.equals(text(v.path("from"), "id"))) {
        return b.objectId(text(v, "post_id")).postPublished();
      }
      return b.objectId(text(v, "post_id")).unknown();
    }
    if ("comments".equals(field) || "live_comments".equals(field)) {
      String id = text(v, "id");
      String parent = text(v, "parent_id");
      return EngagementEvent.builder(
              p, account, idKey(p, field, id == null ? null : id + ":add", raw), field)
          .objectId(id)
          .parentId(parent != null ? parent : text(v.path("media"), "id"))
          .authorId(text(v.path("from"), "id"))
          .authorName(text(v.path("from"), "username"))
          .text(text(v, "text"))
          .occurredAt(time)
          .rawJson(raw)
          .inboxItem(
              InboxItems.comment(
                  p,
                  account,
                  text(v.path("media"), "id"),
                  id,
                  parent,
                  text(v.path("from"), "id"),
                  text(v.path("from"), "username"),
                  text(v, "text"),
                  time,
                  clock.instant()))
          .commentCreated();
    }
    if ("mentions".equals(field) || "mention".equals(field)) {
      String id =
          text(v, "comment_id") != null
              ? text(v, "comment_id")
              : text(v, "media_id") != null ? text(v, "media_id") : text(v, "post_id");
      return EngagementEvent.builder(p, account, idKey(p, field, id, raw), field)
          .objectId(id)
          .parentId(text(v, "media_id") != null ? text(v, "media_id") : text(v, "post_id"))
          .authorId(text(v.path("from"), "id"))
          .text(text(v, "message"))
          .occurredAt(orElse(epoch(v.get("created_time")), time))
          .rawJson(raw)
          .inboxItem(
              InboxItems.mention(
                  p,
                  account,
                  text(v, "media_id") != null ? text(v, "media_id") : text(v, "post_id"),
                  text(v, "comment_id"),
                  text(v.path("from"), "id"),
                  text(v.path("from"), "name"),
                  text(v, "message"),
                  orElse(epoch(v.get("created_time")), time),
                  clock.instant()))
          .mention();
    }
    String type = (object == null ? "unknown" : object) + "/" + (field == null ? "unknown" : field);
    return EngagementEvent.builder(p, account, hashKey(p, type, account + raw), type)
        .occurredAt(time)
        .rawJson(raw)
        .unknown();
  }

  private EngagementEvent messaging(Platform p, String account, JsonNode m) {
    String raw = m.toString();
    String sender = text(m.path("sender"), "id");
    String recipient = text(m.path("recipient"), "id");
    Instant at = epoch(m.get("timestamp"));
    JsonNode message = m.get("message");
    if (message != null && message.isObject()) {
      String mid = text(message, "mid");
      boolean echo = message.path("is_echo").asBoolean(false);
      boolean deleted = message.path("is_deleted").asBoolean(false);
      String type = deleted ? "messages/deleted" : echo ? "messages/echo" : "messages";
      EngagementEvent.Builder b =
          EngagementEvent.builder(p, account, idKey(p, type, mid, account + raw), type)
              .objectId(mid)
              .parentId(echo ? recipient : sender)
              .authorId(sender)
              .text(text(message, "text"))
              .occurredAt(at)
              .rawJson(raw);
      if (deleted) {
        return b.unknown();
      }
      b.inboxItem(
          InboxItems.message(
              p,
              account,
              echo ? recipient : sender,
              mid,
              echo,
              sender,
              recipient,
              text(message, "text"),
              at,
              clock.instant()));
      return echo ? b.messageEchoed() : b.messageReceived();
    }
    JsonNode reaction = m.get("reaction");
    if (reaction != null && reaction.isObject()) {
      String action = text(reaction, "action");
      return EngagementEvent.builder(
              p, account, hashKey(p, "message_reactions", account + raw), "message_reactions")
          .objectId(text(reaction, "mid"))
          .parentId(sender)
          .authorId(sender)
          .reason(
              text(reaction, "reaction") != null
                  ? text(reaction, "reaction")
                  : text(reaction, "emoji"))
          .removed("unreact".equals(action))
          .occurredAt(at)
          .rawJson(raw)
          .reaction();
    }
    String type = "messaging/" + firstEventField(m);
    return EngagementEvent.builder(p, account, hashKey(p, type, account + raw), type)
        .parentId(sender)
        .authorId(sender)
        .occurredAt(at)
        .rawJson(raw)
        .unknown();
  }

  private static String firstEventField(JsonNode m) {
    for (java.util.Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("sender") && !f.equals("recipient") && !f.equals("timestamp")) {
        return f.toLowerCase(Locale.ROOT);
      }
    }
    return "unknown";
  }

  private static String idKey(Platform p, String scope, String id, String raw) {
    return id == null ? hashKey(p, scope, raw) : key(p, scope + ":" + id);
  }

  private static Instant orElse(Instant a, Instant b) {
    return a != null ? a : b;
  }

  /** Meta sends epoch seconds in some places and epoch milliseconds in others. */
  static Instant epoch(JsonNode n) {
    if (n == null || !n.canConvertToLong()) {
      if (n != null && n.isTextual()) {
        try {
          return java.time.OffsetDateTime.parse(n.asText().replaceFirst("\\+0000$", "+00:00"))
              .toInstant();
        } catch (RuntimeException e) {
          return null;
        }
      }
      return null;
    }
    long v = n.asLong();
    if (v <= 0) {
      return null;
    }
    return v > 100_000_000_000L ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
  }

  /** Builds a {@link MetaWebhookHandler}. Mutable and not thread-safe. */
  public static final class Builder extends WebhookHandlerBuilder<Builder, MetaWebhookHandler> {
    private String appSecret;
    private String verifyToken;

    private Builder() {}

    /** Required. The app secret that keys {@code X-Hub-Signature-256}; never logged. */
    public Builder appSecret(String appSecret) {
      this.appSecret = appSecret;
      return this;
    }

    /** Required. The verify token entered in the app dashboard with the callback URL. */
    public Builder verifyToken(String verifyToken) {
      this.verifyToken = verifyToken;
      return this;
    }

    /**
     * Returns the handler.
     *
     * @throws IllegalStateException if the app secret or the verify token is missing or empty
     */
    @Override
    public MetaWebhookHandler build() {
      required(appSecret, "appSecret");
      required(verifyToken, "verifyToken");
      return new MetaWebhookHandler(this);
    }
  }
}
