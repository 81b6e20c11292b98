package io.smo.core.inbox;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One thing in an account's inbox: a {@link InboxComment comment} on its content, a direct {@link
 * Message message}, or a {@link Mention mention} elsewhere. Every item has a stable {@link #ref()}
 * (platform, receiving account, kind, thread, platform id), an author (when the platform shares
 * it), text, a time and the thread it belongs to. Implementations are immutable.
 *
 * <p>Reads map odd but legal answers (deleted messages, missing authors, unknown attachment types)
 * without failing; {@link #dropped()} says what was left out or replaced. An element a read cannot
 * make an item of at all (one without an id) is reported to the client's listener instead ({@link
 * io.smo.core.event.SmoListener#onInboxDrop}) and logged at WARN.
 */
@SmoPublicApi
public sealed interface InboxItem permits InboxComment, Message, Mention {

  /**
   * Returns the stable reference (also the item's identity: two items are equal when their refs
   * are).
   */
  InboxRef ref();

  /** Returns the kind. */
  default InboxItemKind kind() {
    return ref().kind();
  }

  /** Returns the platform. */
  default Platform platform() {
    return ref().platform();
  }

  /** Returns the account key of the account the item was sent to (its inbox). */
  default String account() {
    return ref().account();
  }

  /** Returns the platform's own id of the item. */
  default String platformId() {
    return ref().id();
  }

  /** Returns the thread the item belongs to: conversation id, or the post or video id. */
  default String threadId() {
    return ref().threadId();
  }

  /** Returns whether the audience wrote it ({@link Direction#INBOUND}) or the account itself. */
  Direction direction();

  /** Returns the author's platform id, if the platform shares it. */
  Optional<String> authorId();

  /** Returns the author's display name or handle, if the platform shares it. */
  Optional<String> authorName();

  /** Returns the text (empty for attachment-only or deleted messages, never {@code null}). */
  String text();

  /**
   * Returns when it was written (UTC). When the platform gave no time, the mapper uses the thread's
   * last-update time and says so in {@link #dropped()}.
   */
  Instant createdAt();

  /**
   * Returns whether the SDK saw an answer from the account to it (a reply by the account in the
   * thread, or a later outbound message). {@code false} means none was seen, which includes "not
   * known".
   */
  boolean answered();

  /**
   * Returns notes on what the mapper dropped or replaced (unknown attachment type, deleted
   * text...).
   */
  List<String> dropped();
}
