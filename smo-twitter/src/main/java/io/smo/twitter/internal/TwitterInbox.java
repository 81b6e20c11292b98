package io.smo.twitter.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiResponse;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.inbox.Attachment;
import io.smo.core.inbox.AttachmentType;
import io.smo.core.inbox.Conversation;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.Mention;
import io.smo.core.inbox.Message;
import io.smo.core.inbox.MessageRecipient;
import io.smo.core.inbox.OutgoingMessage;
import io.smo.core.pagination.Page;
import io.smo.core.pagination.Paginator;
import io.smo.twitter.TwitterRateBucket;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * X direct messages (v2 {@code dm_events}, legacy DMs only: encrypted X Chat is not readable) and
 * the mentions timeline. Thread-safe. Facts: {@code engagement-and-measurement.md} §2.2; request
 * shapes follow the X API v2 OpenAPI description (query arrays comma-separated, {@code
 * dm_event.fields} without {@code sender_id}, which comes with {@code expansions=sender_id}).
 */
@SmoInternalApi
public final class TwitterInbox {
  /**
   * DM text limit in characters: 10,000 (X's DM documentation figure; not in our facts file,
   * UNCONFIRMED there).
   */
  public static final int MAX_DM_TEXT = 10_000;

  /**
   * DM events read by {@code conversations()}: one page of 100 (DM reads are 15 per 15 minutes).
   */
  public static final int CONVERSATION_SCAN = 100;

  static final String DM_FIELDS = "id,event_type,text,created_at,dm_conversation_id,attachments";
  static final String DM_EXPANSIONS = "sender_id,participant_ids,attachments.media_keys";

  private final ApiRuntime rt;
  private final TwitterApi api;
  private final java.util.function.Supplier<String> account;
  private final java.util.function.Supplier<String> knownAccount;
  private final String fieldsParameter;
  private final Supplier<Instant> now;

  /**
   * Creates the inbox.
   *
   * @param rt the runtime
   * @param api the service
   * @param account the account's X user id (read when first needed: the client may learn it from
   *     {@code /2/users/me}); inbox items carry it and rate limits are kept under it
   * @param knownAccount the account's X user id when given or already learned, else {@code null}
   *     (never calls the platform)
   * @param fieldsParameter {@code post.fields} or {@code tweet.fields}
   */
  public TwitterInbox(
      ApiRuntime rt,
      TwitterApi api,
      java.util.function.Supplier<String> account,
      java.util.function.Supplier<String> knownAccount,
      String fieldsParameter) {
    this.rt = rt;
    this.api = api;
    this.account = account;
    this.knownAccount = knownAccount;
    this.fieldsParameter = fieldsParameter;
    this.now = () -> rt.clock().instant();
  }

  private Operation keyed(Operation op) {
    String id = knownAccount.get();
    return id == null ? op : op.forAccount(id);
  }

  /** Returns the account's X user id (the client's {@code accountId()}). */
  public String userId() {
    return account.get();
  }

  private Map<String, String> dmQuery(String cursor) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("max_results", "100");
    q.put("event_types", "MessageCreate");
    q.put("dm_event.fields", DM_FIELDS);
    q.put("expansions", DM_EXPANSIONS);
    q.put("user.fields", "name,username");
    q.put("media.fields", "media_key,type,url,preview_image_url");
    if (cursor != null) {
      q.put("pagination_token", cursor);
    }
    return q;
  }

  /**
   * {@code GET /2/dm_events}, newest first, every conversation; inbound messages marked answered
   * lazily.
   */
  public Paginator<Message> allMessages() {
    Operation read = Operation.read("messages", TwitterRateBucket.DM_READ);
    Set<String> answeredConversations = new HashSet<>();
    return Paginator.of(
        cursor -> {
          String me = userId();
          JsonNode b = rt.call(keyed(read), () -> api.dmEvents(dmQuery(cursor)));
          return eventsPage(b, me, answeredConversations, null);
        });
  }

  /** {@code GET /2/dm_conversations/{id}/dm_events}, newest first. */
  public Paginator<Message> messages(String conversationId) {
    if (conversationId == null || conversationId.isBlank()) {
      throw ValidationException.of(
          Platform.TWITTER,
          "conversationId",
          "not-empty",
          conversationId,
          null,
          "conversationId is empty");
    }
    Operation read = Operation.read("messages", TwitterRateBucket.DM_READ);
    Set<String> answered = new HashSet<>();
    return Paginator.of(
        cursor -> {
          String me = userId();
          JsonNode b =
              rt.call(keyed(read), () -> api.conversationEvents(conversationId, dmQuery(cursor)));
          return eventsPage(b, me, answered, conversationId);
        });
  }

  /**
   * Groups the 100 most recent DM events ({@link #CONVERSATION_SCAN}) by conversation, most
   * recently active first. X has no conversation list endpoint.
   */
  public Paginator<Conversation> conversations() {
    return Paginator.of(
        cursor -> {
          Map<String, List<Message>> byConv = new LinkedHashMap<>();
          for (Message m : allMessages().maxItems(CONVERSATION_SCAN)) {
            byConv.computeIfAbsent(m.conversationId(), k -> new ArrayList<>()).add(m);
          }
          List<Conversation> out = new ArrayList<>();
          byConv.forEach(
              (id, msgs) -> {
                Conversation.Builder c =
                    Conversation.builder(Platform.TWITTER, account.get(), id).messages(msgs);
                Set<String> seen = new HashSet<>();
                for (Message m : msgs) {
                  m.counterpartId()
                      .filter(seen::add)
                      .ifPresent(
                          p ->
                              c.participant(
                                  Conversation.Participant.of(
                                      p,
                                      m.direction() == Direction.INBOUND
                                          ? m.authorName().orElse(null)
                                          : null)));
                }
                c.truncated(true);
                out.add(c.build());
              });
          return Page.of(out, null);
        });
  }

  private Page<Message> eventsPage(
      JsonNode b, String me, Set<String> answered, String conversation) {
    if (b == null) {
      return Page.of(List.of(), null);
    }
    Map<String, JsonNode> users = index(b.path("includes").path("users"), "id");
    Map<String, JsonNode> media = index(b.path("includes").path("media"), "media_key");
    List<Message> out = new ArrayList<>();
    for (JsonNode e : b.path("data")) {
      Message m = dmEvent(e, me, users, media, conversation);
      if (m == null) {
        if (e.path("id").asText("").isEmpty()) {
          reportDrop("dm_events", "a DM event without id was skipped");
        }
        continue; // participants joining or leaving are no messages
      }
      if (m.direction() == Direction.OUTBOUND) {
        answered.add(m.conversationId());
      } else if (answered.contains(m.conversationId())) {
        m = m.withAnswered(true);
      }
      out.add(m);
    }
    return Page.of(out, b.path("meta").path("next_token").asText(null));
  }

  /** Reports a whole element left out of a read (logged, and the client's listener told). */
  private void reportDrop(String operation, String reason) {
    io.smo.core.event.InboxDropEvent.report(
        rt.listener(), Platform.TWITTER, account.get(), operation, reason);
  }

  private static Map<String, JsonNode> index(JsonNode arr, String key) {
    Map<String, JsonNode> m = new HashMap<>();
    for (JsonNode n : arr) {
      m.put(n.path(key).asText(), n);
    }
    return m;
  }

  /**
   * Maps one {@code DmEvent}; {@code null} for events that are not messages (participants joining
   * or leaving) or have no id.
   */
  public Message dmEvent(
      JsonNode e,
      String me,
      Map<String, JsonNode> users,
      Map<String, JsonNode> media,
      String conversation) {
    String id = e.path("id").asText("");
    String type = e.path("event_type").asText("MessageCreate");
    if (id.isEmpty() || !type.equals("MessageCreate")) {
      return null;
    }
    String conv = e.path("dm_conversation_id").asText(conversation == null ? "" : conversation);
    String sender = e.path("sender_id").asText("");
    Message.Builder b =
        Message.builder(Platform.TWITTER, account.get(), conv.isEmpty() ? "unknown" : conv, id);
    if (conv.isEmpty()) {
      b.drop("no dm_conversation_id: thread 'unknown'");
    }
    Instant at = time(e.path("created_at").asText(null));
    if (at == null) {
      at = now.get();
      b.drop("no created_at: the read time is used");
    }
    b.createdAt(at);
    if (sender.isEmpty()) {
      b.drop("no sender_id: the author is unknown");
    } else {
      JsonNode u = users.get(sender);
      b.authorId(sender).authorName(u == null ? null : "@" + u.path("username").asText(""));
    }
    b.direction(sender.equals(me) ? Direction.OUTBOUND : Direction.INBOUND);
    for (JsonNode p : e.path("participant_ids")) {
      if (!p.asText().equals(sender)) {
        b.recipientId(p.asText());
        break;
      }
    }
    if (sender.equals(me) && !e.has("participant_ids") && conv.contains("-")) {
      for (String part : conv.split("-", -1)) {
        if (!part.isEmpty() && !part.equals(me)) {
          b.recipientId(part);
        }
      }
    }
    b.text(e.path("text").asText(""));
    for (JsonNode k : e.path("attachments").path("media_keys")) {
      JsonNode m = media.get(k.asText());
      String mt = m == null ? null : m.path("type").asText(null);
      AttachmentType t =
          mt == null
              ? AttachmentType.UNKNOWN
              : switch (mt) {
                case "photo" -> AttachmentType.IMAGE;
                case "video" -> AttachmentType.VIDEO;
                case "animated_gif" -> AttachmentType.ANIMATED_GIF;
                default -> AttachmentType.UNKNOWN;
              };
      if (t == AttachmentType.UNKNOWN) {
        b.drop("attachment " + k.asText() + " of unknown type " + mt + " kept as UNKNOWN");
      }
      String url = m == null ? "" : m.path("url").asText(m.path("preview_image_url").asText(""));
      b.attachment(Attachment.received(t, mt, url.isEmpty() ? null : URI.create(url), k.asText()));
    }
    if (e.path("attachments").path("card_ids").size() > 0) {
      b.drop("card attachments are not modelled");
    }
    return b.build();
  }

  /** {@code GET /2/users/{id}/mentions}, newest first, with authors. */
  public Paginator<Mention> mentions() {
    Operation read = Operation.read("mentions", TwitterRateBucket.USERS_MENTIONS);
    return Paginator.of(
        cursor -> {
          String me = userId();
          Operation op = keyed(read);
          Map<String, String> q = new LinkedHashMap<>();
          q.put("max_results", "100");
          q.put(fieldsParameter, "created_at,conversation_id");
          q.put("expansions", "author_id");
          q.put("user.fields", "name,username");
          if (cursor != null) {
            q.put("pagination_token", cursor);
          }
          JsonNode b = rt.call(op, () -> api.mentions(me, q));
          if (b == null) {
            return Page.of(List.of(), null);
          }
          Map<String, JsonNode> users = index(b.path("includes").path("users"), "id");
          List<Mention> out = new ArrayList<>();
          for (JsonNode t : b.path("data")) {
            Mention m = mention(t, users);
            if (m != null) {
              out.add(m);
            } else {
              reportDrop("mentions", "a post without id was skipped");
            }
          }
          return Page.of(out, b.path("meta").path("next_token").asText(null));
        });
  }

  /** Maps one post of the mentions timeline; {@code null} without id. */
  public Mention mention(JsonNode t, Map<String, JsonNode> users) {
    String id = t.path("id").asText("");
    if (id.isEmpty()) {
      return null;
    }
    Mention.Builder b =
        Mention.builder(account.get(), PostRef.of(Platform.TWITTER, id), Mention.Source.POST)
            .text(t.path("text").asText(""))
            .permalink(URI.create("https://x.com/i/web/status/" + id));
    Instant at = time(t.path("created_at").asText(null));
    if (at == null) {
      at = now.get();
      b.drop("no created_at: the read time is used");
    }
    b.createdAt(at);
    String author = t.path("author_id").asText("");
    if (author.isEmpty()) {
      b.drop("no author_id: the author is unknown");
    } else {
      JsonNode u = users.get(author);
      b.authorId(author).authorName(u == null ? null : "@" + u.path("username").asText(""));
    }
    return b.build();
  }

  /**
   * Sends a DM: {@code POST /2/dm_conversations/{id}/messages} when the conversation is known, else
   * {@code POST /2/dm_conversations/with/{participant_id}/messages}; body {@code {"text"}}. X has
   * no messaging window; tags and URL attachments are refused offline.
   */
  public Message send(MessageRecipient to, OutgoingMessage message) {
    requireNonNull(to, "to == null");
    requireNonNull(message, "message == null");
    List<Violation> v = new ArrayList<>();
    if (message.text().isBlank()) {
      v.add(
          Violation.of(
              Platform.TWITTER, "message.text", "not-empty", "", null, "message text is empty"));
    }
    int len = message.text().codePointCount(0, message.text().length());
    if (len > MAX_DM_TEXT) {
      v.add(
          Violation.of(
              Platform.TWITTER,
              "message.text",
              "max-length",
              len,
              MAX_DM_TEXT,
              "a DM is at most " + MAX_DM_TEXT + " characters"));
    }
    if (!message.attachments().isEmpty()) {
      v.add(
          Violation.of(
              Platform.TWITTER,
              "message.attachments",
              "attachment-type",
              message.attachments().get(0).type(),
              null,
              "X DMs take media only as uploaded media ids; the SDK sends text DMs"));
    }
    message
        .tag()
        .ifPresent(
            t ->
                v.add(
                    Violation.of(
                        Platform.TWITTER,
                        "message.tag",
                        "no-tags",
                        t,
                        null,
                        "X has no message tags")));
    if (to.conversationId().isEmpty()
        && to.userId().filter(u -> u.matches("[0-9]{1,19}")).isEmpty()) {
      v.add(
          Violation.of(
              Platform.TWITTER,
              "to",
              "user-id",
              to.userId().orElse(null),
              "[0-9]{1,19}",
              "an X recipient is a numeric user id or a dm_conversation_id"));
    }
    if (!v.isEmpty()) {
      throw new ValidationException(Platform.TWITTER, v);
    }
    ObjectNode body = rt.json().createObjectNode();
    body.put("text", message.text());
    Operation op = keyed(Operation.create("send", TwitterRateBucket.DM_CREATE));
    Instant sentAt = now.get();
    ApiResponse<JsonNode> r =
        to.conversationId().isPresent()
            ? rt.callForResponse(op, () -> api.sendToConversation(to.conversationId().get(), body))
            : rt.callForResponse(op, () -> api.sendToParticipant(to.userId().get(), body));
    JsonNode data = r.body() == null ? null : r.body().path("data");
    String eventId = data == null ? "" : data.path("dm_event_id").asText("");
    if (eventId.isEmpty()) {
      if (r.body() != null && r.body().path("errors").size() > 0) {
        throw rt.mapFailure(op, r.status(), r.headers(), r.body().toString());
      }
      throw new PublishOutcomeUnknownException(
          Platform.TWITTER,
          "send",
          "the answer carries no dm_event_id; not retried so that nothing is sent twice",
          null,
          null,
          List.of(),
          null);
    }
    String conv = data.path("dm_conversation_id").asText(to.conversationId().orElse(""));
    Message.Builder b =
        Message.builder(Platform.TWITTER, account.get(), conv, eventId)
            .direction(Direction.OUTBOUND)
            .text(message.text())
            .createdAt(sentAt);
    String me = knownAccount.get();
    if (me != null) {
      b.authorId(me);
    }
    to.userId().ifPresent(b::recipientId);
    return b.build();
  }

  private static Instant time(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
