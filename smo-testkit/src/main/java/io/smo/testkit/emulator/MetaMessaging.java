package io.smo.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.testkit.spi.EmulatorContext;
import io.smo.testkit.spi.SandboxRequest;
import io.smo.testkit.spi.SandboxResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Meta messaging as the Facebook and Instagram emulators share it: seeded conversations (the
 * Conversations API with nested {@code messages}, details of the 20 most recent only), the Send API
 * with the 24-hour window, the {@code HUMAN_AGENT} tag (7 days), the retired tags (error 100),
 * private replies (one per comment within 7 days) and Meta's error bodies for each refusal ({@code
 * engagement-and-measurement.md} §2.1.5 to §2.1.8). Not thread-safe (emulators are called one at a
 * time).
 */
final class MetaMessaging {
  static final Set<String> RETIRED_TAGS =
      Set.of("CONFIRMED_EVENT_UPDATE", "ACCOUNT_UPDATE", "POST_PURCHASE_UPDATE");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  static final class Msg {
    String id;
    String fromId;
    String fromName;
    String toId;
    String toName;
    String text;
    Instant at;
    String imageUrl;
  }

  static final class Conv {
    String id;
    String userId;
    String userName;
    final List<Msg> msgs = new ArrayList<>();
    Instant lastInbound;
  }

  private final String ownerId;
  private final String ownerName;
  private final String idPrefix;
  private final Map<String, Conv> convs = new LinkedHashMap<>();
  private final Map<String, Conv> byUser = new LinkedHashMap<>();
  private final Set<String> privatelyAnswered = new HashSet<>();
  private final int maxTextBytes;
  private boolean seeded;
  private int sequence;

  /**
   * @param ownerId the Page (or IG account) id
   * @param ownerName its name
   * @param idPrefix distinguishes user ids per platform (PSIDs vs IGSIDs)
   */
  MetaMessaging(String ownerId, String ownerName, String idPrefix) {
    this(ownerId, ownerName, idPrefix, 0);
  }

  /**
   * @param ownerId the Page (or IG account) id
   * @param ownerName its name
   * @param idPrefix distinguishes user ids per platform (PSIDs vs IGSIDs)
   * @param maxTextBytes the text limit in UTF-8 bytes (Instagram: 1,000), 0 for none beyond the
   *     Messenger 2,000 characters
   */
  MetaMessaging(String ownerId, String ownerName, String idPrefix, int maxTextBytes) {
    this.ownerId = ownerId;
    this.ownerName = ownerName;
    this.idPrefix = idPrefix;
    this.maxTextBytes = maxTextBytes;
  }

  /**
   * Seeds three conversations relative to the first request: open, HUMAN_AGENT-only, closed and
   * long.
   */
  void seed(Instant now) {
    if (seeded) {
      return;
    }
    seeded = true;
    receive(
        idPrefix + "01", "Ann Lee", "Hi! Do you ship to Canada?", now.minus(Duration.ofHours(3)));
    Conv bruno = conv(idPrefix + "02", "Bruno Diaz");
    add(
        bruno,
        false,
        "Is the blue one back in stock?",
        now.minus(Duration.ofDays(3)).minusSeconds(600),
        null);
    add(
        bruno,
        true,
        "Not yet, we will tell you",
        now.minus(Duration.ofDays(3)).minusSeconds(300),
        null);
    add(bruno, false, "Thanks, still waiting", now.minus(Duration.ofDays(3)), null);
    Conv chen = conv(idPrefix + "03", "Chen Wei");
    Instant t = now.minus(Duration.ofDays(12));
    for (int i = 0; i < 25; i++) {
      add(
          chen,
          i % 2 == 1,
          (i % 2 == 1 ? "Answer " : "Question ") + (i / 2 + 1),
          t.plusSeconds(3600L * i),
          i == 22 ? "https://sandbox.invalid/chen-photo.jpg" : null);
    }
  }

  /**
   * Adds an inbound message from {@code userId} (creating the conversation), as if the person
   * wrote.
   */
  Msg receive(String userId, String name, String text, Instant at) {
    return add(conv(userId, name), false, text, at, null);
  }

  private Conv conv(String userId, String name) {
    Conv c = byUser.get(userId);
    if (c == null) {
      c = new Conv();
      c.id = "t_" + userId;
      c.userId = userId;
      c.userName = name;
      byUser.put(userId, c);
      convs.put(c.id, c);
    }
    return c;
  }

  private Msg add(Conv c, boolean outbound, String text, Instant at, String imageUrl) {
    Msg m = new Msg();
    m.id = "m_" + c.userId + "_" + ++sequence;
    m.fromId = outbound ? ownerId : c.userId;
    m.fromName = outbound ? ownerName : c.userName;
    m.toId = outbound ? c.userId : ownerId;
    m.toName = outbound ? c.userName : ownerName;
    m.text = text;
    m.at = at;
    m.imageUrl = imageUrl;
    c.msgs.add(m);
    if (!outbound && (c.lastInbound == null || at.isAfter(c.lastInbound))) {
      c.lastInbound = at;
    }
    return m;
  }

  /** Returns whether {@code id} names a conversation. */
  boolean isConversation(String id) {
    return convs.containsKey(id);
  }

  /** {@code GET /{owner}/conversations?platform=…[&user_id=…]}: most recently updated first. */
  SandboxResponse list(SandboxRequest req, EmulatorContext ctx, String path, String platformParam) {
    seed(ctx.now());
    String platform = req.param("platform").orElse("");
    if (!platform.equals(platformParam)) {
      return GraphSupport.invalidParam(ctx, "Param platform must be one of {MESSENGER, INSTAGRAM}");
    }
    List<Conv> all = new ArrayList<>(convs.values());
    all.sort((a, b) -> updated(b).compareTo(updated(a)));
    String user = req.param("user_id").orElse(null);
    if (user != null) {
      all.removeIf(c -> !c.userId.equals(user));
    }
    String fields = req.param("fields").orElse("id,updated_time");
    int limit = Integer.parseInt(req.param("limit").orElse("25"));
    String query =
        "?platform="
            + platform
            + "&fields="
            + java.net.URLEncoder.encode(fields, java.nio.charset.StandardCharsets.UTF_8)
            + (user != null ? "&user_id=" + user : "");
    ObjectNode root =
        GraphSupport.page(
            ctx,
            path + query,
            all,
            req.param("after").orElse(null),
            limit,
            c -> render(c, fields, ctx));
    return SandboxResponse.json(200, root);
  }

  /** {@code GET /{conversation-id}?fields=…}. */
  SandboxResponse node(SandboxRequest req, EmulatorContext ctx, String id) {
    seed(ctx.now());
    return SandboxResponse.json(200, render(convs.get(id), req.param("fields").orElse("id"), ctx));
  }

  private static Instant updated(Conv c) {
    return c.msgs.isEmpty() ? Instant.EPOCH : c.msgs.get(c.msgs.size() - 1).at;
  }

  private ObjectNode render(Conv c, String fields, EmulatorContext ctx) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", c.id);
    if (fields.contains("updated_time")) {
      n.put("updated_time", TIME.format(updated(c)));
    }
    if (fields.contains("participants")) {
      ArrayNode p = n.putObject("participants").putArray("data");
      p.addObject()
          .put("name", c.userName)
          .put("email", c.userId + "@facebook.com")
          .put("id", c.userId);
      p.addObject()
          .put("name", ownerName)
          .put("email", ownerId + "@facebook.com")
          .put("id", ownerId);
    }
    if (fields.contains("messages")) {
      ObjectNode ms = n.putObject("messages");
      ArrayNode data = ms.putArray("data");
      int shown = 0;
      for (int i = c.msgs.size() - 1; i >= 0 && shown < 20; i--, shown++) {
        data.add(render(c.msgs.get(i)));
      }
      if (c.msgs.size() > 20) {
        ms.putObject("paging")
            .put(
                "next",
                ctx.baseUrl() + "v26.0/" + c.id + "/messages?after=" + GraphSupport.cursor(19));
      }
    }
    return n;
  }

  private ObjectNode render(Msg m) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", m.id).put("created_time", TIME.format(m.at));
    n.putObject("from").put("name", m.fromName).put("id", m.fromId);
    n.putObject("to").putArray("data").addObject().put("name", m.toName).put("id", m.toId);
    n.put("message", m.text);
    if (m.imageUrl != null) {
      ObjectNode a = n.putObject("attachments").putArray("data").addObject();
      a.put("id", m.id + "_a").put("mime_type", "image/jpeg").put("name", "photo.jpg");
      a.putObject("image_data").put("width", 640).put("height", 480).put("url", m.imageUrl);
    }
    return n;
  }

  /**
   * {@code POST /{owner}/messages}: a message to a person ({@code recipient.id}) inside the window,
   * or a private reply ({@code recipient.comment_id}); {@code commentTime} gives a comment's time
   * and author ({@code null} for an unknown comment).
   */
  SandboxResponse send(
      SandboxRequest req, EmulatorContext ctx, Function<String, CommentInfo> commentInfo)
      throws Exception {
    seed(ctx.now());
    JsonNode recipient = JSON.readTree(req.param("recipient").orElse("{}"));
    JsonNode message = JSON.readTree(req.param("message").orElse("{}"));
    String text = message.path("text").asText("");
    if (text.isEmpty() && !message.has("attachment")) {
      return GraphSupport.invalidParam(ctx, "Param message must contain text or attachment");
    }
    if (text.length() > 2000) {
      return GraphSupport.invalidParam(ctx, "Param message[text] must be at most 2000 characters");
    }
    if (maxTextBytes > 0
        && text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxTextBytes) {
      return GraphSupport.invalidParam(
          ctx, "Param message[text] must be at most " + maxTextBytes + " bytes");
    }
    String tag = req.param("tag").orElse(null);
    if (tag != null && RETIRED_TAGS.contains(tag)) {
      return GraphSupport.invalidParam(
          ctx,
          "Param tag must be one of {HUMAN_AGENT}. The tag " + tag + " is no longer supported.");
    }
    Instant now = ctx.now();
    if (recipient.hasNonNull("comment_id")) {
      String cid = recipient.get("comment_id").asText();
      CommentInfo info = commentInfo.apply(cid);
      if (info == null) {
        return GraphSupport.notFound(ctx, cid);
      }
      if (privatelyAnswered.contains(cid) || now.isAfter(info.at.plus(Duration.ofDays(7)))) {
        return outsideWindow(ctx);
      }
      privatelyAnswered.add(cid);
      Conv c = conv(info.authorId, info.authorName);
      Msg m = add(c, true, text, now, null);
      return SandboxResponse.json(200, Map.of("recipient_id", c.userId, "message_id", m.id));
    }
    String id = recipient.path("id").asText("");
    Conv c = byUser.get(id);
    if (c == null) {
      return GraphSupport.error(
          ctx, 400, 100, 2018001, "OAuthException", "(#100) No matching user found", false);
    }
    String type = req.param("messaging_type").orElse("RESPONSE");
    Duration window =
        "MESSAGE_TAG".equals(type) && "HUMAN_AGENT".equals(tag)
            ? Duration.ofDays(7)
            : Duration.ofHours(24);
    if (c.lastInbound == null || now.isAfter(c.lastInbound.plus(window))) {
      return outsideWindow(ctx);
    }
    Msg m = add(c, true, text, now, null);
    return SandboxResponse.json(200, Map.of("recipient_id", c.userId, "message_id", m.id));
  }

  private static SandboxResponse outsideWindow(EmulatorContext ctx) {
    return GraphSupport.error(
        ctx,
        400,
        10,
        2018278,
        "OAuthException",
        "(#10) This message is sent outside of allowed window. Learn more about the new policy here:"
            + " https://developers.facebook.com/docs/messenger-platform/policy-overview",
        false);
  }

  /** A comment's time and author, for private replies. */
  static final class CommentInfo {
    final Instant at;
    final String authorId;
    final String authorName;

    CommentInfo(Instant at, String authorId, String authorName) {
      this.at = at;
      this.authorId = authorId;
      this.authorName = authorName;
    }
  }
}
