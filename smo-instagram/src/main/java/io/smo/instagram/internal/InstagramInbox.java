package io.smo.instagram.internal;

import io.smo.core.CommentRef;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoInternalApi;
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
