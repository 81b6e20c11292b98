package io.smo.metagraph.spi;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.CommentRef;
import io.smo.core.Platform;
import io.smo.core.SmoProtectedApi;
import io.smo.core.Violation;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.MessagingWindowClosedException;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.TransportException;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.Operation;
import io.smo.core.inbox.Attachment;
import io.smo.core.inbox.AttachmentType;
import io.smo.core.inbox.Conversation;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.Message;
import io.smo.core.inbox.MessageRecipient;
import io.smo.core.inbox.MessagingWindow;
import io.smo.core.inbox.OutgoingMessage;
import io.smo.core.pagination.Page;
import io.smo.core.pagination.Paginator;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Messenger Platform inbox shared by Facebook Pages and Instagram professional accounts:
 * conversations and their 20 readable messages, sends inside the messaging window (or with the
 * {@code HUMAN_AGENT} tag), private replies (one per comment, 7 days), the Send API body and the
 * window-closed errors. Parameterised by platform: the {@code platform} parameter of {@code
 * /conversations} ({@code messenger} or {@code instagram}), the node that sends ({@code
 * /{owner}/messages}), the ids that count as the account itself, the text limit and the operations
 * (with their rate buckets). Platform-specific reads (Facebook's tagged posts, Instagram's
 * mentions) stay in the platform modules. Thread-safe. Facts: {@code engagement-and-measurement.md}
 * §2.1.5 to §2.1.9.
 *
 * @see <a
 *     href="https://developers.facebook.com/docs/messenger-platform/conversations">Conversations
 *     API</a>
 * @see <a href="https://developers.facebook.com/docs/messenger-platform/reference/send-api">Send
 *     API</a>
 */
@SmoProtectedApi
public final class MessengerInbox {
  /** Messages of a conversation whose details Meta returns: the 20 most recent. */
  public static final int READABLE_MESSAGES = 20;

  /** Tags Meta retired on 2026-04-27 (answered with error code 100). */
  public static final Set<String> RETIRED_TAGS =
      Set.of("CONFIRMED_EVENT_UPDATE", "ACCOUNT_UPDATE", "POST_PURCHASE_UPDATE");

  /** Attachment types the Send API takes by URL. */
  public static final Set<AttachmentType> SENDABLE =
      EnumSet.of(
          AttachmentType.IMAGE, AttachmentType.VIDEO, AttachmentType.AUDIO, AttachmentType.FILE);

  /** The message fields read with every conversation. */
  public static final String MESSAGE_FIELDS = "id,created_time,from,to,message,attachments";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Platform platform;
  private final GraphHttp http;
  private final Supplier<String> owner;
  private final Supplier<String> account;
  private final Set<String> otherSelfIds;
  private final Clock clock;
  private final String graphPlatform;
  private final int maxTextUnits;
  private final Operation read;
  private final Operation send;
  private final Set<String> privatelyAnswered = ConcurrentHashMap.newKeySet();

  /**
   * Creates the inbox of one Page, with the operations {@code conversations} and {@code send} under
   * the string buckets {@code conversations} and {@code messages}.
   *
   * @param platform the platform the inbox items carry
   * @param http the Graph helper
   * @param ownerId the Page id (sends go to {@code /{ownerId}/messages})
   * @param account the client's account key
   * @param clock the client's clock
   * @param graphPlatform the {@code platform} parameter of {@code /conversations} ({@code
   *     messenger})
   * @param maxTextUnits the text limit in UTF-16 units
   */
  public MessengerInbox(
      Platform platform,
      GraphHttp http,
      String ownerId,
      String account,
      Clock clock,
      String graphPlatform,
      int maxTextUnits) {
    this(
        builder(platform, http)
            .owner(() -> ownerId)
            .account(() -> account)
            .clock(clock)
            .graphPlatform(graphPlatform)
            .maxTextUnits(maxTextUnits));
  }

  private MessengerInbox(Builder b) {
    this.platform = b.platform;
    this.http = b.http;
    this.owner = requireNonNull(b.owner, "owner == null");
    this.account = requireNonNull(b.account, "account == null");
    this.otherSelfIds = Set.copyOf(b.otherSelfIds);
    this.clock = requireNonNull(b.clock, "clock == null");
    this.graphPlatform = requireNonNull(b.graphPlatform, "graphPlatform == null");
    this.maxTextUnits = b.maxTextUnits;
    this.read = b.read != null ? b.read : Operation.read("conversations", "conversations");
    this.send = b.send != null ? b.send : Operation.create("send", "messages");
  }

  /**
   * Starts an inbox for {@code platform} over {@code http}.
   *
   * @param platform the platform the inbox items carry
   * @param http the Graph helper
   * @return a builder; {@code owner}, {@code account}, {@code clock} and {@code graphPlatform} are
   *     required
   */
  public static Builder builder(Platform platform, GraphHttp http) {
    return new Builder(
        requireNonNull(platform, "platform == null"), requireNonNull(http, "http == null"));
  }

  /** Builds a {@link MessengerInbox}. Not thread-safe. */
  public static final class Builder {
    private final Platform platform;
    private final GraphHttp http;
    private Supplier<String> owner;
    private Supplier<String> account;
    private Set<String> otherSelfIds = Set.of();
    private Clock clock;
    private String graphPlatform;
    private int maxTextUnits = 2000;
    private Operation read;
    private Operation send;

    private Builder(Platform platform, GraphHttp http) {
      this.platform = platform;
      this.http = http;
    }

    /**
     * Sets the node whose conversations are read and which sends ({@code /{owner}/conversations},
     * {@code /{owner}/messages}): the Page id, or the Instagram account id. Asked on each call, so
     * an id learned from the platform on first use can be given.
     */
    public Builder owner(Supplier<String> owner) {
      this.owner = requireNonNull(owner, "owner == null");
      return this;
    }

    /** Sets the account key the inbox items carry (asked on each mapping). */
    public Builder account(Supplier<String> account) {
      this.account = requireNonNull(account, "account == null");
      return this;
    }

    /**
     * Sets further ids that are the account itself in {@code participants} and {@code from} (the
     * Instagram account id when the owner is its Page). Default none.
     */
    public Builder otherSelfIds(Set<String> ids) {
      this.otherSelfIds = Set.copyOf(ids);
      return this;
    }

    /** Sets the clock (message times when Meta gives none, window checks). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets the {@code platform} parameter of {@code /conversations}: {@code messenger} or {@code
     * instagram}.
     */
    public Builder graphPlatform(String graphPlatform) {
      this.graphPlatform = requireNonNull(graphPlatform, "graphPlatform == null");
      return this;
    }

    /** Sets the text limit of a sent message in UTF-16 units. Default 2000 (Messenger). */
    public Builder maxTextUnits(int units) {
      if (units < 1) {
        throw new IllegalArgumentException("maxTextUnits < 1");
      }
      this.maxTextUnits = units;
      return this;
    }

    /** Sets the read operation (conversations, messages), naming its rate bucket. */
    public Builder readOperation(Operation read) {
      this.read = requireNonNull(read, "read == null");
      return this;
    }

    /** Sets the send operation (Send API, private replies), naming its rate bucket. */
    public Builder sendOperation(Operation send) {
      this.send = requireNonNull(send, "send == null");
      return this;
    }

    /** Builds the inbox. */
    public MessengerInbox build() {
      return new MessengerInbox(this);
    }
  }

  private boolean isSelf(String id) {
    return id.equals(owner.get()) || otherSelfIds.contains(id);
  }

  /**
   * {@code GET /{page-id}/conversations?platform=messenger&fields=id,updated_time,participants,
   * messages.limit(20){...}}: one call per page of conversations, messages included.
   */
  public Paginator<Conversation> conversations() {
    Map<String, String> q =
        Map.of(
            "platform",
            graphPlatform,
            "limit",
            "25",
            "fields",
            "id,updated_time,participants,messages.limit("
                + READABLE_MESSAGES
                + "){"
                + MESSAGE_FIELDS
                + "}");
    return GraphPaging.paginator(
        cursor ->
            cursor == null
                ? http.get(read, owner.get() + "/conversations", q)
                : http.getNext(read, cursor),
        n -> {
          Conversation c = conversation(n);
          if (c == null) {
            reportDrop("a conversation without id was skipped");
          }
          return c;
        });
  }

  /** Reports a whole element left out of a read (logged, and the client's listener told). */
  private void reportDrop(String reason) {
    io.smo.core.event.InboxDropEvent.report(
        http.runtime().listener(), platform, account.get(), read.name(), reason);
  }

  /**
   * {@code GET /{conversation-id}?fields=messages.limit(20){...}}: the 20 most recent messages,
   * newest first; older ones are not readable (Meta answers them as deleted), so no further page.
   */
  public Paginator<Message> messages(String conversationId) {
    checkId(conversationId, "conversationId");
    return Paginator.of(
        cursor -> {
          JsonNode c =
              http.get(
                  read,
                  conversationId,
                  Map.of(
                      "fields",
                      "id,updated_time,participants,messages.limit("
                          + READABLE_MESSAGES
                          + "){"
                          + MESSAGE_FIELDS
                          + "}"));
          Conversation conv = conversation(c);
          return Page.of(conv == null ? List.of() : conv.messages(), null);
        });
  }

  /** Maps one conversation node; {@code null} when it has no id. Never throws on odd shapes. */
  public Conversation conversation(JsonNode n) {
    String id = n.path("id").asText("");
    if (id.isEmpty()) {
      return null;
    }
    Conversation.Builder b =
        Conversation.builder(platform, account.get(), id)
            .updatedAt(GraphTime.parse(n.get("updated_time")));
    for (JsonNode p : n.path("participants").path("data")) {
      String pid = p.path("id").asText("");
      if (!pid.isEmpty() && !isSelf(pid)) {
        b.participant(
            Conversation.Participant.of(
                pid, p.path("name").asText(p.path("username").asText(null))));
      }
    }
    JsonNode msgs = n.path("messages");
    List<Message> raw = new ArrayList<>();
    Instant fallback = GraphTime.parse(n.get("updated_time"));
    for (JsonNode m : msgs.path("data")) {
      // Meta lists newest first: a message without time is no newer than the one before it
      Message mm = message(m, id, fallback);
      if (mm != null) {
        raw.add(mm);
        fallback = mm.createdAt();
      } else {
        b.drop("a message without id was skipped");
        reportDrop("a message without id was skipped");
      }
    }
    raw.sort((x, y) -> y.createdAt().compareTo(x.createdAt()));
    b.messages(answeredFlags(raw));
    b.truncated(msgs.path("paging").hasNonNull("next") || raw.size() >= READABLE_MESSAGES);
    return b.build();
  }

  /** Marks inbound messages answered when a later outbound message exists (list newest first). */
  public static List<Message> answeredFlags(List<Message> newestFirst) {
    List<Message> out = new ArrayList<>(newestFirst.size());
    boolean laterOutbound = false;
    for (Message m : newestFirst) {
      out.add(m.direction() == Direction.INBOUND ? m.withAnswered(laterOutbound) : m);
      laterOutbound |= m.direction() == Direction.OUTBOUND;
    }
    return out;
  }

  /**
   * Maps one message node ({@code id, created_time, from, to, message, attachments}); deleted or
   * unreadable messages (an {@code error} in place of the fields) are kept as deleted.
   *
   * @param fallback the time used when the message has none (the conversation's), or {@code null}
   * @return the message, or {@code null} when it has no id
   */
  public Message message(JsonNode n, String conversationId, Instant fallback) {
    String id = n.path("id").asText("");
    if (id.isEmpty()) {
      return null;
    }
    Message.Builder b = Message.builder(platform, account.get(), conversationId, id);
    Instant at = GraphTime.parse(n.get("created_time"));
    if (at == null) {
      at = fallback != null ? fallback : clock.instant();
      b.drop(
          "no created_time: the time of the message listed before it (or the conversation's"
              + " update time) is used");
    }
    b.createdAt(at);
    JsonNode from = n.path("from");
    String fromId = from.path("id").asText("");
    if (fromId.isEmpty()) {
      b.drop("no sender: the author is unknown");
    } else {
      b.authorId(fromId).authorName(from.path("name").asText(from.path("username").asText(null)));
    }
    b.direction(isSelf(fromId) ? Direction.OUTBOUND : Direction.INBOUND);
    for (JsonNode to : n.path("to").path("data")) {
      String tid = to.path("id").asText("");
      if (!tid.isEmpty()) {
        b.recipientId(tid);
        break;
      }
    }
    if (n.has("error") || n.path("is_deleted").asBoolean(false)) {
      b.deleted(true)
          .drop(
              "message deleted or no longer readable (Meta returns details of the 20"
                  + " most recent messages only)");
    } else if (n.path("is_unsupported").asBoolean(false)) {
      b.deleted(true).drop("message type not supported by the API");
    }
    b.text(n.path("message").asText(""));
    JsonNode atts = n.path("attachments");
    for (JsonNode a : atts.isArray() ? atts : atts.path("data")) {
      Attachment att = attachment(a);
      if (att.type() == AttachmentType.UNKNOWN) {
        b.drop(
            "attachment of unknown type "
                + att.platformType().orElse("(none)")
                + " kept as UNKNOWN");
      }
      b.attachment(att);
    }
    if (!n.has("error")
        && !n.path("is_deleted").asBoolean(false)
        && !n.path("is_unsupported").asBoolean(false)
        && n.path("message").asText("").isEmpty()
        && !atts.elements().hasNext()
        && !atts.path("data").elements().hasNext()) {
      b.drop(
          "no text and no attachment: a sticker, share, story reply or reaction the API does not"
              + " detail");
    }
    JsonNode replyTo = n.path("reply_to");
    if (replyTo.hasNonNull("mid")) {
      b.replyToId(replyTo.get("mid").asText());
    }
    return b.build();
  }

  /**
   * Maps an attachment in either shape Meta uses: the webhook/Send one ({@code type}, {@code
   * payload.url}) or the Graph message one ({@code mime_type}, {@code image_data.url}, {@code
   * video_data.url}, {@code file_url}).
   */
  public static Attachment attachment(JsonNode a) {
    String type = a.path("type").asText("");
    String url = a.path("payload").path("url").asText("");
    String mime = a.path("mime_type").asText("");
    if (url.isEmpty()) {
      url =
          a.path("image_data")
              .path("url")
              .asText(a.path("video_data").path("url").asText(a.path("file_url").asText("")));
    }
    AttachmentType t;
    if (!type.isEmpty()) {
      t = byType(type);
    } else if (a.has("image_data") || mime.startsWith("image/")) {
      t =
          mime.equals("image/gif") || a.path("image_data").path("animated_gif_url").isTextual()
              ? AttachmentType.ANIMATED_GIF
              : AttachmentType.IMAGE;
      type = mime.isEmpty() ? "image" : mime;
    } else if (a.has("video_data") || mime.startsWith("video/")) {
      t = AttachmentType.VIDEO;
      type = mime.isEmpty() ? "video" : mime;
    } else if (mime.startsWith("audio/")) {
      t = AttachmentType.AUDIO;
      type = mime;
    } else if (a.has("file_url") || !mime.isEmpty()) {
      t = AttachmentType.FILE;
      type = mime.isEmpty() ? "file" : mime;
    } else {
      t = AttachmentType.UNKNOWN;
      type = null;
    }
    URI u = null;
    if (!url.isEmpty()) {
      try {
        u = URI.create(url);
      } catch (IllegalArgumentException e) {
        u = null;
      }
    }
    return Attachment.received(t, type, u, a.path("id").asText(null));
  }

  private static AttachmentType byType(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "image" -> AttachmentType.IMAGE;
      case "video" -> AttachmentType.VIDEO;
      case "audio" -> AttachmentType.AUDIO;
      case "file" -> AttachmentType.FILE;
      case "sticker" -> AttachmentType.STICKER;
      case "share", "reel", "ig_reel", "story_mention", "fallback" -> AttachmentType.SHARE;
      default -> AttachmentType.UNKNOWN;
    };
  }

  // ---- sending ----

  /**
   * Checks a message offline: text present and within the limit, at most one attachment of a
   * sendable type with an HTTPS URL, not both text and attachment, and a live tag.
   *
   * @throws ValidationException listing every violation
   */
  public void validate(OutgoingMessage m, boolean tagsAllowed) {
    requireNonNull(m, "message == null");
    List<Violation> v = new ArrayList<>();
    if (m.text().isBlank() && m.attachments().isEmpty()) {
      v.add(Violation.of(platform, "message.text", "not-empty", "", null, "message text is empty"));
    }
    if (m.text().length() > maxTextUnits) {
      v.add(
          Violation.of(
              platform,
              "message.text",
              "max-length",
              m.text().length(),
              maxTextUnits,
              "message text is longer than " + maxTextUnits + " characters"));
    }
    if (m.attachments().size() > 1) {
      v.add(
          Violation.of(
              platform,
              "message.attachments",
              "max-count",
              m.attachments().size(),
              1,
              "the Send API takes one attachment per message"));
    }
    if (!m.attachments().isEmpty() && !m.text().isBlank()) {
      v.add(
          Violation.of(
              platform,
              "message",
              "text-or-attachment",
              "text+attachment",
              null,
              "a Send API message carries either text or an attachment; send two messages"));
    }
    for (Attachment a : m.attachments()) {
      if (!SENDABLE.contains(a.type())) {
        v.add(
            Violation.of(
                platform,
                "message.attachments",
                "attachment-type",
                a.type(),
                SENDABLE,
                "the Send API takes image, video, audio or file attachments"));
      }
      if (a.url().isEmpty() || !"https".equalsIgnoreCase(a.url().get().getScheme())) {
        v.add(
            Violation.of(
                platform,
                "message.attachments",
                "https-url",
                a.url().orElse(null),
                null,
                "an attachment needs a public HTTPS URL"));
      }
    }
    m.tag()
        .ifPresent(
            tag -> {
              if (!tagsAllowed) {
                v.add(
                    Violation.of(
                        platform,
                        "message.tag",
                        "no-tags",
                        tag,
                        null,
                        "private replies take no message tag"));
              } else if (RETIRED_TAGS.contains(tag)) {
                v.add(
                    Violation.of(
                        platform,
                        "message.tag",
                        "retired-tag",
                        tag,
                        OutgoingMessage.HUMAN_AGENT,
                        "tag "
                            + tag
                            + " was retired on 2026-04-27 (Meta answers code 100); only HUMAN_AGENT remains"));
              } else if (!tag.equals(OutgoingMessage.HUMAN_AGENT)) {
                v.add(
                    Violation.of(
                        platform,
                        "message.tag",
                        "unknown-tag",
                        tag,
                        OutgoingMessage.HUMAN_AGENT,
                        "unknown message tag " + tag + "; only HUMAN_AGENT is accepted"));
              }
            });
    if (!v.isEmpty()) {
      throw new ValidationException(platform, v);
    }
  }

  /** Returns the window a send with {@code message}'s tag is allowed in. */
  public static MessagingWindow windowFor(OutgoingMessage message) {
    return message.tag().filter(OutgoingMessage.HUMAN_AGENT::equals).isPresent()
        ? MessagingWindow.META_HUMAN_AGENT
        : MessagingWindow.META_STANDARD;
  }

  /**
   * {@code POST /{page-id}/messages} with {@code recipient={"id":PSID}}, {@code
   * messaging_type=RESPONSE} (or {@code MESSAGE_TAG} + {@code tag=HUMAN_AGENT}) and {@code
   * message}. Refused offline when the recipient's last inbound time is outside the window.
   */
  public Message send(MessageRecipient to, OutgoingMessage message) {
    requireNonNull(to, "to == null");
    validate(message, true);
    MessagingWindow window = windowFor(message);
    Instant now = clock.instant();
    if (to.lastInboundAt().isPresent() && !window.isOpen(to.lastInboundAt().get(), now)) {
      throw new MessagingWindowClosedException(
          platform, "send", window, to.lastInboundAt().get(), null);
    }
    String psid = to.userId().orElseGet(() -> counterpart(to.conversationId().get()));
    ObjectNode recipient = JSON.createObjectNode().put("id", psid);
    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("recipient", recipient.toString());
    if (message.tag().isPresent()) {
      form.put("messaging_type", "MESSAGE_TAG");
      form.put("tag", message.tag().get());
    } else {
      form.put("messaging_type", "RESPONSE");
    }
    form.put("message", messageJson(message));
    JsonNode r = post(form, window, to.lastInboundAt().orElse(null));
    String mid = r.path("message_id").asText("");
    if (mid.isEmpty()) {
      throw new PublishOutcomeUnknownException(
          platform, "send", "answer has no 'message_id'", null, null, List.of(), null);
    }
    return outbound(to.conversationId().orElse(psid), mid, psid, message, now);
  }

  /**
   * {@code POST /{page-id}/messages} with {@code recipient={"comment_id":…}}: the one private reply
   * a comment allows, within 7 days of it. A second one through this client is refused offline,
   * even after an unknown outcome (it may have been delivered).
   */
  public Message privateReply(CommentRef comment, Instant commentedAt, OutgoingMessage message) {
    requireNonNull(comment, "comment == null");
    if (comment.platform() != platform) {
      throw ValidationException.of(
          platform,
          "comment",
          "platform-mismatch",
          comment,
          platform,
          "reference is for " + comment.platform().displayName());
    }
    validate(message, false);
    Instant now = clock.instant();
    MessagingWindow window = MessagingWindow.META_PRIVATE_REPLY;
    if (commentedAt != null && !window.isOpen(commentedAt, now)) {
      throw new MessagingWindowClosedException(platform, "privateReply", window, commentedAt, null);
    }
    if (!privatelyAnswered.add(comment.id())) {
      throw ValidationException.of(
          platform,
          "comment",
          "private-reply-once",
          comment.id(),
          1,
          "comment "
              + comment.id()
              + " was already answered privately; Meta allows one private reply"
              + " per comment");
    }
    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("recipient", JSON.createObjectNode().put("comment_id", comment.id()).toString());
    form.put("message", messageJson(message));
    JsonNode r = post(form, window, commentedAt);
    String mid = r.path("message_id").asText("");
    if (mid.isEmpty()) {
      throw new PublishOutcomeUnknownException(
          platform, "privateReply", "answer has no 'message_id'", null, null, List.of(), null);
    }
    String recipientId = r.path("recipient_id").asText(null);
    return outbound(
        recipientId != null ? recipientId : comment.id(), mid, recipientId, message, now);
  }

  /**
   * Returns whether this client already sent (or may have sent) a private reply to {@code
   * commentId}.
   */
  public boolean privatelyAnswered(String commentId) {
    return privatelyAnswered.contains(commentId);
  }

  private JsonNode post(Map<String, String> form, MessagingWindow window, Instant openedAt) {
    try {
      return http.post(send, owner.get() + "/messages", form);
    } catch (PlatformException e) {
      if (isWindowClosed(e.details())) {
        throw new MessagingWindowClosedException(
            platform, send.name(), window, openedAt, e.details());
      }
      throw e;
    }
  }

  /**
   * Returns whether a Graph error means the window is closed or the person unreachable: code 551
   * (any subcode), subcode 1545041, or code 10 with subcode 2018278 or 2534022 (§2.1.6).
   */
  public static boolean isWindowClosed(ErrorDetails d) {
    String code = d.errorCode().orElse("");
    String sub = d.errorSubcode().orElse("");
    return code.equals("551")
        || sub.equals("1545041")
        || (code.equals("10") && (sub.equals("2018278") || sub.equals("2534022")));
  }

  private String messageJson(OutgoingMessage m) {
    ObjectNode msg = JSON.createObjectNode();
    if (m.attachments().isEmpty()) {
      msg.put("text", m.text());
    } else {
      Attachment a = m.attachments().get(0);
      ObjectNode att = msg.putObject("attachment");
      att.put("type", a.type().name().toLowerCase(Locale.ROOT));
      att.putObject("payload").put("url", a.url().get().toString()).put("is_reusable", false);
    }
    return msg.toString();
  }

  private Message outbound(
      String thread, String mid, String recipientId, OutgoingMessage m, Instant at) {
    Message.Builder b =
        Message.builder(platform, account.get(), thread, mid)
            .direction(Direction.OUTBOUND)
            .authorId(owner.get())
            .recipientId(recipientId)
            .text(m.text())
            .createdAt(at);
    m.attachments().forEach(b::attachment);
    m.replyToId().ifPresent(b::replyToId);
    return b.build();
  }

  /** Reads a conversation's participants and returns the one who is not the Page. */
  private String counterpart(String conversationId) {
    JsonNode c = http.get(read, conversationId, Map.of("fields", "participants"));
    for (JsonNode p : c.path("participants").path("data")) {
      String id = p.path("id").asText("");
      if (!id.isEmpty() && !isSelf(id)) {
        return id;
      }
    }
    throw new TransportException(
        platform,
        "send",
        "conversation " + conversationId + " has no participant other than the account",
        null,
        false);
  }

  private void checkId(String id, String field) {
    if (id == null || id.isBlank()) {
      throw ValidationException.of(platform, field, "not-empty", id, null, field + " is empty");
    }
  }
}
