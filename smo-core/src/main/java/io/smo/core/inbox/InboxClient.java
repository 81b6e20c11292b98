package io.smo.core.inbox;

import static java.util.Objects.requireNonNull;

import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.Feature;
import io.smo.core.SmoPublicApi;
import io.smo.core.SocialClient;
import io.smo.core.exception.MessagingWindowClosedException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.exception.ValidationException;
import io.smo.core.pagination.Paginator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The inbox side of a {@link SocialClient}: conversations and direct messages, mentions, the
 * account-wide comment stream, sends, private replies and {@link #answer(InboxItem, String)}. Every
 * platform client implements it; what a platform does not offer throws {@link
 * UnsupportedFeatureException} (the defaults here), and {@link #capabilities()} says so up front
 * ({@link Feature#CONVERSATIONS}, {@link Feature#SEND_MESSAGES}, {@link Feature#PRIVATE_REPLIES},
 * {@link Feature#MENTIONS}, {@link Feature#COMMENT_STREAM}).
 *
 * <p>Lists are lazy {@link Paginator}s, newest first. Sends are creates: they are never retried
 * after they may have taken effect ({@link PublishOutcomeUnknownException}).
 */
@SmoPublicApi
public interface InboxClient extends SocialClient {

  /** Returns the inbox item kinds this client can list, from {@link #capabilities()}. */
  default Set<InboxItemKind> inboxKinds() {
    Set<InboxItemKind> kinds = EnumSet.noneOf(InboxItemKind.class);
    if (capabilities().supports(Feature.COMMENT_STREAM)) {
      kinds.add(InboxItemKind.COMMENT);
    }
    if (capabilities().supports(Feature.CONVERSATIONS)) {
      kinds.add(InboxItemKind.MESSAGE);
    }
    if (capabilities().supports(Feature.MENTIONS)) {
      kinds.add(InboxItemKind.MENTION);
    }
    return kinds;
  }

  /**
   * Returns the account's direct-message conversations, most recently updated first, each with its
   * most recent messages where the platform returns them in the same call.
   *
   * @throws UnsupportedFeatureException if the platform has no readable DMs
   */
  default Paginator<Conversation> conversations() {
    throw new UnsupportedFeatureException(platform(), "conversations", inboxUnsupportedReason());
  }

  /**
   * Returns the messages of one conversation, newest first (Meta: the 20 most recent only).
   *
   * @param conversationId the platform's conversation id
   * @throws UnsupportedFeatureException if the platform has no readable DMs
   * @throws ValidationException if the id is blank
   */
  default Paginator<Message> messages(String conversationId) {
    throw new UnsupportedFeatureException(platform(), "messages", inboxUnsupportedReason());
  }

  /**
   * Sends a direct message.
   *
   * @return the sent message ({@link Direction#OUTBOUND})
   * @throws ValidationException if the text is empty or too long, an attachment type is not taken,
   *     or the tag is unknown, retired or the platform has no tags; nothing was sent
   * @throws MessagingWindowClosedException if the window is closed: offline when {@code to} knows
   *     the last inbound time, else as the platform answered
   * @throws PublishOutcomeUnknownException if the message may have been sent but the answer was
   *     lost
   * @throws UnsupportedFeatureException if the platform cannot send DMs
   * @throws SmoException on other failures
   */
  default Message send(MessageRecipient to, OutgoingMessage message) {
    throw new UnsupportedFeatureException(platform(), "send", inboxUnsupportedReason());
  }

  /**
   * Sends the one private message a platform allows in answer to a public comment (Meta: one per
   * comment, within 7 days of it).
   *
   * @param comment the comment to answer privately
   * @param commentedAt when the comment was written, or {@code null} if unknown (then the platform
   *     decides)
   * @return the sent message
   * @throws ValidationException if this comment was already answered privately through this client,
   *     or the message is invalid; nothing was sent
   * @throws MessagingWindowClosedException if the comment is older than the window
   * @throws PublishOutcomeUnknownException if it may have been sent but the answer was lost
   * @throws UnsupportedFeatureException if the platform has no private replies
   */
  default Message privateReply(CommentRef comment, Instant commentedAt, OutgoingMessage message) {
    throw new UnsupportedFeatureException(
        platform(), "privateReply", "the platform has no private replies to comments");
  }

  /**
   * Returns the posts and comments that mention or tag the account, newest first.
   *
   * @throws UnsupportedFeatureException if the platform exposes no mentions
   */
  default Paginator<Mention> mentions() {
    throw new UnsupportedFeatureException(platform(), "mentions", inboxUnsupportedReason());
  }

  /**
   * Returns the comments on all of the account's content, newest first (YouTube {@code
   * allThreadsRelatedToChannelId}, including comments held for review).
   *
   * @throws UnsupportedFeatureException if the platform has no account-wide comment stream
   */
  default Paginator<InboxComment> commentStream() {
    throw new UnsupportedFeatureException(platform(), "commentStream", inboxUnsupportedReason());
  }

  /**
   * Returns the items of one kind, newest first, stopping at the first item older than {@code
   * since} (all items when {@code null}). The default reads {@link #commentStream()}, {@link
   * #mentions()}, or every message of the conversations updated since then; platforms override it
   * where one stream serves (X {@code dm_events}).
   *
   * @throws UnsupportedFeatureException if the kind is not offered
   */
  default Iterable<InboxItem> items(InboxItemKind kind, Instant since) {
    requireNonNull(kind, "kind == null");
    switch (kind) {
      case COMMENT:
        return InboxStreams.until(InboxStreams.widen(commentStream()), since);
      case MENTION:
        return InboxStreams.until(InboxStreams.widen(mentions()), since);
      case MESSAGE:
      default:
        return () -> {
          List<InboxItem> all = new ArrayList<>();
          for (Conversation c : conversations()) {
            if (since != null && c.updatedAt().isPresent() && c.updatedAt().get().isBefore(since)) {
              break;
            }
            Iterable<Message> msgs = c.messages().isEmpty() ? messages(c.id()) : c.messages();
            for (Message m : msgs) {
              if (since == null || !m.createdAt().isBefore(since)) {
                all.add(m);
              }
            }
          }
          all.sort(InboxStreams.NEWEST_FIRST);
          return all.iterator();
        };
    }
  }

  /**
   * Completes an item a webhook delivered with less than the platform's own read gives: Instagram's
   * {@code mentions} change carries only {@code comment_id} and {@code media_id}, and the text,
   * author and time come from a lookup ({@code mentioned_comment} / {@code mentioned_media}).
   * {@link UnifiedInbox} calls it once for each item offered to it ({@link
   * UnifiedInbox#offer(InboxItem)}), when the next poll takes the item. The default returns the
   * item unchanged; a platform whose webhooks carry everything never overrides it.
   *
   * @param item an item of this client's platform and account
   * @return the completed item with the same {@link InboxItem#ref()}, or {@code item} itself when
   *     nothing is missing or nothing can be read (then {@link InboxItem#dropped()} says why)
   * @throws SmoException if the lookup failed (retryable ones are tried again by the next poll)
   * @since 0.2
   */
  default InboxItem complete(InboxItem item) {
    return requireNonNull(item, "item == null");
  }

  /**
   * Answers an item the way its kind is answered: a public reply to a comment, a direct message in
   * the conversation of a message, a reply to a mention where the platform has one.
   *
   * @return the answer as an outbound item
   * @throws ValidationException if the item belongs to another platform or account, or the text is
   *     empty or too long; nothing was sent
   * @throws MessagingWindowClosedException if the messaging window is closed
   * @throws PublishOutcomeUnknownException if the answer may have been sent but the reply was lost
   * @throws UnsupportedFeatureException if the platform cannot answer that kind
   */
  default InboxItem answer(InboxItem item, String text) {
    checkOwnItem(item);
    if (item instanceof InboxComment c) {

      Comment reply = reply(c.commentRef(), text);
      return InboxComment.builder(accountKey(), c.post(), reply)
          .direction(Direction.OUTBOUND)
          .createdAt(reply.createdAt().orElse(clock().instant()))
          .build();
    }
    if (item instanceof Message m) {

      MessageRecipient to = MessageRecipient.of(m.conversationId(), m.counterpartId().orElse(null));
      return send(
          m.direction() == Direction.INBOUND ? to.lastInboundAt(m.createdAt()) : to,
          OutgoingMessage.text(text));
    }
    throw new UnsupportedFeatureException(
        platform(),
        "answer",
        "mentions cannot be answered through the " + platform().displayName() + " API");
  }

  /**
   * Answers an item with a private message instead of a public reply: a comment with the one
   * private reply the platform allows ({@link #privateReply}, Meta: one per comment within 7 days
   * of it, refused offline when the comment is older or was already answered privately through this
   * client), a message with a direct message in its conversation (as {@link #answer} does).
   *
   * @return the message sent
   * @throws ValidationException if the item belongs to another platform or account, the text is
   *     empty or too long, or the comment was already answered privately; nothing was sent
   * @throws MessagingWindowClosedException if the window is closed
   * @throws PublishOutcomeUnknownException if it may have been sent but the answer was lost
   * @throws UnsupportedFeatureException if the platform has no private replies, or the item is a
   *     mention
   */
  default Message answerPrivately(InboxItem item, String text) {
    checkOwnItem(item);
    if (item instanceof InboxComment c) {
      return privateReply(c.commentRef(), c.createdAt(), OutgoingMessage.text(text));
    }
    if (item instanceof Message m) {
      MessageRecipient to = MessageRecipient.of(m.conversationId(), m.counterpartId().orElse(null));
      return send(
          m.direction() == Direction.INBOUND ? to.lastInboundAt(m.createdAt()) : to,
          OutgoingMessage.text(text));
    }
    throw new UnsupportedFeatureException(
        platform(),
        "answerPrivately",
        "a mention has no private answer on " + platform().displayName());
  }

  /**
   * Checks that {@code item} belongs to this client's platform and account.
   *
   * @throws ValidationException if it belongs to another platform or account
   */
  default void checkOwnItem(InboxItem item) {
    requireNonNull(item, "item == null");
    if (item.platform() != platform() || !item.account().equals(accountKey())) {
      throw ValidationException.of(
          platform(),
          "item",
          "own-account",
          item.ref(),
          platform().id() + ":" + accountKey(),
          "the item belongs to "
              + item.platform().id()
              + " account "
              + item.account()
              + ", not to this client's account "
              + accountKey());
    }
  }

  /**
   * Returns why this platform offers no inbox, for {@link UnsupportedFeatureException} messages.
   */
  default String inboxUnsupportedReason() {
    return "the " + platform().displayName() + " API offers no such inbox access";
  }
}
