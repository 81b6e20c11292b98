package io.smo.instagram.internal;

import io.smo.core.CommentRef;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.InvalidRequestException;
import io.smo.core.exception.NotFoundException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.exception.ValidationException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.inbox.Conversation;
import io.smo.core.inbox.Mention;
import io.smo.core.inbox.Message;
import io.smo.core.inbox.MessageRecipient;
import io.smo.core.inbox.OutgoingMessage;
import io.smo.core.pagination.Page;
import io.smo.core.pagination.Paginator;
import io.smo.instagram.ApiFlavor;
import io.smo.instagram.InstagramCapabilities;
import io.smo.instagram.InstagramRateBucket;
import io.smo.metagraph.GraphApiVersion;
import io.smo.metagraph.spi.GraphHttp;
import io.smo.metagraph.spi.MessengerInbox;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The inbox of an Instagram professional account: conversations, messages, sends and private
 * replies through smo-meta-graph's Messenger platform code ({@link MessengerInbox} with {@code
 * platform=instagram}), and mentions (media the account is tagged in, {@code GET
 * /{ig-user-id}/tags}), answered with {@code POST /{ig-user-id}/mentions}.
 *
 * <p>Instagram Login: the account owns its conversations ({@code GET /{ig-user-id}/conversations},
 * {@code POST /{ig-user-id}/messages} on {@code graph.instagram.com}). Facebook Login: they belong
 * to the linked Page ({@code GET /{page-id}/conversations?platform=instagram}, {@code POST
 * /{page-id}/messages}), so the Page id is needed. Text up to 1,000 bytes (UTF-8), checked offline.
 * Facts: {@code engagement-and-measurement.md} §2.1.7 to §2.1.9. Thread-safe.
 */
@SmoInternalApi
public final class InstagramInbox {
  static final String TAG_FIELDS =
      "id,caption,media_type,media_product_type,permalink,timestamp,username,like_count,comments_count";

  /**
   * The fields read for a mentioned comment: those {@code mentioned_comment} lists ({@code id},
   * {@code text}, {@code timestamp}, {@code like_count}, {@code media}, expanded to its id) and the
   * author's {@code username}, an IG Comment field (the edge's {@code {fields}} takes "IG Comment
   * Fields").
   */
  static final String MENTIONED_COMMENT_FIELDS = "id,text,timestamp,like_count,username,media{id}";

  /** The same without {@code username}, for a Graph that refuses it on this edge. */
  static final String MENTIONED_COMMENT_FIELDS_NO_AUTHOR = "id,text,timestamp,like_count,media{id}";

  /**
   * The fields read for a mentioned media, all listed by {@code mentioned_media} ({@code permalink}
   * is not among them).
   */
  static final String MENTIONED_MEDIA_FIELDS =
      "id,caption,timestamp,media_type,username,like_count,comments_count";

  /** Graph ids are decimal digits; anything else would change the field expression. */
  private static final java.util.regex.Pattern GRAPH_ID =
      java.util.regex.Pattern.compile("[0-9]{1,64}");

  private final ApiRuntime runtime;
  private final InstagramApi api;
  private final String version;
  private final ApiFlavor flavor;
  private final String facebookPageId;
  private final Supplier<String> accountId;
  private final GraphHttp http;
  private volatile MessengerInbox messaging;
  private volatile MessengerInbox privateReplies;

  /**
   * Creates the inbox of one client.
   *
   * @param runtime the runtime
   * @param api the Retrofit service
   * @param version the Graph version
   * @param flavor the API flavour
   * @param facebookPageId the linked Page (Facebook Login), or {@code null}
   * @param accountId supplies the IG User id (also the items' account key)
   */
  public InstagramInbox(
      ApiRuntime runtime,
      InstagramApi api,
      GraphApiVersion version,
      ApiFlavor flavor,
      String facebookPageId,
      Supplier<String> accountId) {
    this.runtime = runtime;
    this.api = api;
    this.version = version.path();
    this.flavor = flavor;
    this.facebookPageId = facebookPageId;
    this.accountId = accountId;
    this.http = new GraphHttp(runtime, version);
  }

  /** Returns whether messaging is available (Instagram Login, or Facebook Login with a Page). */
  public boolean messagingAvailable() {
    return flavor == ApiFlavor.INSTAGRAM_LOGIN || facebookPageId != null;
  }

  private MessengerInbox messaging() {
    MessengerInbox m = messaging;
    if (m == null) {
      synchronized (this) {
        if (messaging == null) {
          messaging = build(Operation.create("send", InstagramRateBucket.SEND_MESSAGES));
          privateReplies =
              build(Operation.create("privateReply", InstagramRateBucket.PRIVATE_REPLIES));
        }
        m = messaging;
      }
    }
    return m;
  }

  private MessengerInbox privateReplies() {
    messaging();
    return privateReplies;
  }

  private MessengerInbox build(Operation send) {
    if (!messagingAvailable()) {
      throw new UnsupportedFeatureException(
          Platform.INSTAGRAM,
          "conversations",
          "with Facebook Login Instagram messages belong to the linked Page: set facebookPageId(...)");
    }
    String ig = accountId.get();
    String owner = flavor == ApiFlavor.FACEBOOK_LOGIN ? facebookPageId : ig;
    return MessengerInbox.builder(Platform.INSTAGRAM, http)
        .owner(() -> owner)
        .account(accountId)
        .otherSelfIds(Set.of(ig))
        .clock(runtime.clock())
        .graphPlatform("instagram")
        .maxTextUnits(InstagramCapabilities.MAX_MESSAGE_BYTES)
        .readOperation(Operation.read("conversations", InstagramRateBucket.CONVERSATIONS))
        .sendOperation(send)
        .build();
  }

  /** Conversations, most recently updated first, each with its 20 most recent messages. */
  public Paginator<Conversation> conversations() {
    return messaging().conversations();
  }

  /** The 20 most recent messages of one conversation, newest first. */
  public Paginator<Message> messages(String conversationId) {
    return messaging().messages(conversationId);
  }

  /**
   * Sends a direct message: {@code messaging_type=RESPONSE} inside the 24-hour window, {@code
   * MESSAGE_TAG} + {@code HUMAN_AGENT} up to 7 days. Checked offline first (text up to 1,000 bytes,
   * attachments, tags, the window when the last inbound time is known).
   */
  public Message send(MessageRecipient to, OutgoingMessage message) {
    checkBytes(message);
    return messaging().send(to, message);
  }

  /** Sends the one private reply a comment allows, within 7 days of it. */
  public Message privateReply(CommentRef comment, Instant commentedAt, OutgoingMessage message) {
    checkBytes(message);
    return privateReplies().privateReply(comment, commentedAt, message);
  }

  private static void checkBytes(OutgoingMessage message) {
    if (message == null) {
      return; // MessengerInbox says so
    }
    int bytes = message.text().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > InstagramCapabilities.MAX_MESSAGE_BYTES) {
      throw ValidationException.of(
          Platform.INSTAGRAM,
          "message.text",
          "max-bytes",
          bytes,
          InstagramCapabilities.MAX_MESSAGE_BYTES,
          "Instagram message text is at most "
              + InstagramCapabilities.MAX_MESSAGE_BYTES
              + " bytes (UTF-8); this one has "
              + bytes);
    }
  }

  /**
   * Media the account is tagged in, newest first ({@code GET /{ig-user-id}/tags}), as {@link
   * Mention}s of {@link Mention.Source#POST}; the author is the tagging account's username (the API
   * gives no id), and media without a timestamp keep the read time (said in {@link
   * Mention#dropped()}).
   */
  public Paginator<Mention> mentions() {
    return Paginator.of(
        after -> {
          String ig = accountId.get();
          InstagramDtos.MediaPage body =
              runtime.call(
                  Operation.read("mentions", InstagramRateBucket.GRAPH),
                  () -> api.tags(version, ig, TAG_FIELDS, 25, after));
          List<Mention> out = new ArrayList<>();
          if (body != null && body.data() != null) {
            for (InstagramDtos.MediaNode n : body.data()) {
              Mention m = mention(n, ig);
              if (m != null) {
                out.add(m);
              }
            }
          }
          return Page.of(out, InstagramMapper.after(body == null ? null : body.paging()));
        });
  }

  /** Maps one tagged media; {@code null} without an id. */
  Mention mention(InstagramDtos.MediaNode n, String account) {
    if (n == null || n.id() == null || n.id().isBlank()) {
      return null;
    }
    Mention.Builder b =
        Mention.builder(account, PostRef.of(Platform.INSTAGRAM, n.id()), Mention.Source.POST)
            .text(n.caption() == null ? "" : n.caption());
    Instant at = InstagramMapper.timestamp(n.timestamp()).orElse(null);
    if (at == null) {
      at = runtime.clock().instant();
      b.drop("no timestamp: the read time is used");
    }
    b.createdAt(at);
    if (n.username() != null && !n.username().isBlank()) {
      b.authorName(n.username());
    } else {
      b.drop("no username: the tagging account is unknown");
    }
    if (n.permalink() != null) {
      try {
        b.permalink(URI.create(n.permalink()));
      } catch (IllegalArgumentException e) {
        b.drop("unreadable permalink");
      }
    }
    return b.build();
  }

  /**
   * Checks a mention lookup offline: Facebook Login only (the Instagram Login API lists only {@code
   * /tags} and {@code /mentions}), and a Graph id of decimal digits.
   *
   * @throws UnsupportedFeatureException with Instagram Login
   * @throws ValidationException if the id is blank or not a Graph id
   */
  public void checkLookup(String operation, String field, String id) {
    java.util.Objects.requireNonNull(id, field + " == null");
    if (flavor != ApiFlavor.FACEBOOK_LOGIN) {
      throw new UnsupportedFeatureException(
          Platform.INSTAGRAM,
          operation,
          "the Instagram API with Instagram Login offers only /tags and /mentions for mentions;"
              + " mentioned_comment and mentioned_media need Facebook Login"
              + " (ApiFlavor.FACEBOOK_LOGIN)");
    }
    if (!GRAPH_ID.matcher(id).matches()) {
      throw ValidationException.of(
          Platform.INSTAGRAM,
          field,
          "graph-id",
          id,
          "decimal digits",
          field + " must be an Instagram Graph id (decimal digits), not '" + id + "'");
    }
  }

  /**
   * Reads a comment by someone else that mentions the account ({@code GET
   * /{ig-user-id}?fields=mentioned_comment.comment_id(<id>){id,text,timestamp,like_count,username,
   * media{id}}}): one request, or two when Graph refuses {@code username} on this edge (the author
   * is then unknown, said in {@link Mention#dropped()}).
   *
   * @param commentId the comment id (a {@code mentions} webhook's {@code comment_id})
   * @param knownMediaId the media id the webhook named, used when the answer names none; or {@code
   *     null}
   * @throws UnsupportedFeatureException with Instagram Login, before any call
   * @throws ValidationException if the id is not a Graph id, before any call
   * @throws NotFoundException if Graph knows no such mentioning comment (code 100 / 33), or named
   *     no media for it
   */
  public Mention mentionedComment(String commentId, String knownMediaId) {
    checkLookup("mentionedComment", "commentId", commentId);
    String ig = accountId.get();
    InstagramDtos.MentionLookup body;
    boolean authorRefused = false;
    try {
      body = lookup("mentioned comment", ig, commentExpression(commentId, true));
    } catch (InvalidRequestException e) {
      if (!e.getMessage().toLowerCase(Locale.ROOT).contains("username")) {
        throw e;
      }
      authorRefused = true;
      body = lookup("mentioned comment", ig, commentExpression(commentId, false));
    }
    InstagramDtos.CommentNode c = body == null ? null : body.mentionedComment();
    Mention m =
        InstagramMapper.mentionedComment(
            c,
            ig,
            knownMediaId != null && GRAPH_ID.matcher(knownMediaId).matches() ? knownMediaId : null,
            // the webhook's media id, when given, keeps the delivered item's ref
            runtime.clock().instant(),
            authorRefused);
    if (m == null) {
      throw notFound(
          "mentioned comment",
          "Graph returned no mentioned_comment "
              + commentId
              + " with its media for Instagram account "
              + ig);
    }
    return m;
  }

  /**
   * Reads a media by someone else whose caption mentions the account ({@code GET
   * /{ig-user-id}?fields=mentioned_media.media_id(<id>){id,caption,timestamp,media_type,username,
   * like_count,comments_count}}): one request.
   *
   * @param mediaId the media id (a {@code mentions} webhook's {@code media_id})
   * @throws UnsupportedFeatureException with Instagram Login, before any call
   * @throws ValidationException if the id is not a Graph id, before any call
   * @throws NotFoundException if Graph knows no such mentioning media (code 100 / 33)
   */
  public Mention mentionedMedia(String mediaId) {
    checkLookup("mentionedMedia", "mediaId", mediaId);
    String ig = accountId.get();
    InstagramDtos.MentionLookup body =
        lookup(
            "mentioned media",
            ig,
            "mentioned_media.media_id(" + mediaId + "){" + MENTIONED_MEDIA_FIELDS + "}");
    Mention m =
        InstagramMapper.mentionedMedia(
            body == null ? null : body.mentionedMedia(), ig, runtime.clock().instant());
    if (m == null) {
      throw notFound(
          "mentioned media",
          "Graph returned no mentioned_media " + mediaId + " for Instagram account " + ig);
    }
    return m;
  }

  /**
   * Completes a mention a {@code mentions} webhook delivered with ids only (empty text, no author):
   * with Facebook Login by {@link #mentionedComment} or {@link #mentionedMedia}; with Instagram
   * Login, which has no such lookup, it is returned as delivered with the reason in {@link
   * Mention#dropped()}. Other items are returned unchanged.
   */
  public io.smo.core.inbox.InboxItem complete(io.smo.core.inbox.InboxItem item) {
    if (!(item instanceof Mention m)
        || !m.text().isEmpty()
        || m.authorName().isPresent()
        || m.authorId().isPresent()) {
      return item;
    }
    if (flavor != ApiFlavor.FACEBOOK_LOGIN) {
      return InstagramMapper.withNote(
          m,
          "text, author and time: Instagram Login has no mentioned_comment/mentioned_media"
              + " lookup; the mention is as the webhook delivered it");
    }
    String commentId = m.commentId().orElse(null);
    if (commentId != null) {
      return mentionedComment(commentId, m.post().id());
    }
    return mentionedMedia(m.post().id());
  }

  private static String commentExpression(String commentId, boolean withAuthor) {
    return "mentioned_comment.comment_id("
        + commentId
        + "){"
        + (withAuthor ? MENTIONED_COMMENT_FIELDS : MENTIONED_COMMENT_FIELDS_NO_AUTHOR)
        + "}";
  }

  private InstagramDtos.MentionLookup lookup(String op, String ig, String fields) {
    return runtime.call(
        Operation.read(op, InstagramRateBucket.GRAPH),
        () -> api.mentionLookup(version, ig, fields));
  }

  private static NotFoundException notFound(String op, String message) {
    return new NotFoundException(
        ErrorDetails.builder(Platform.INSTAGRAM, op).message(message).build());
  }

  /**
   * Answers a mention with a comment on the mentioning media (or a reply to the mentioning
   * comment): {@code POST /{ig-user-id}/mentions} with {@code media_id}, {@code comment_id} and
   * {@code message}.
   *
   * @return the new comment's id
   * @throws PublishOutcomeUnknownException if the answer had no id
   */
  public String answerMention(Mention mention, String text) {
    String ig = accountId.get();
    InstagramDtos.Created body =
        runtime.call(
            Operation.create("answer mention", InstagramRateBucket.GRAPH),
            () ->
                api.replyToMention(
                    version, ig, mention.post().id(), mention.commentId().orElse(null), text));
    String id = InstagramMapper.id(body);
    if (id == null) {
      throw new PublishOutcomeUnknownException(
          Platform.INSTAGRAM,
          "answer mention",
          "answer without a comment id",
          null,
          null,
          List.of(),
          null);
    }
    return id;
  }
}
