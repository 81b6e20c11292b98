package io.smo.core.inbox;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import java.time.Instant;
import java.util.Optional;

/**
 * Who a direct message goes to: a person (PSID, IGSID, X user id), a conversation (X {@code
 * dm_conversation_id}), or both, plus, when the caller knows it, the time the person last wrote (so
 * that a send outside the platform's window is refused before any network call). Immutable.
 */
@SmoPublicApi
public final class MessageRecipient {
  private final String userId;
  private final String conversationId;
  private final Instant lastInboundAt;

  private MessageRecipient(String userId, String conversationId, Instant lastInboundAt) {
    if (userId == null && conversationId == null) {
      throw new IllegalArgumentException("a recipient needs a user id or a conversation id");
    }
    if ((userId != null && userId.isBlank())
        || (conversationId != null && conversationId.isBlank())) {
      throw new IllegalArgumentException("recipient ids must not be blank");
    }
    this.userId = userId;
    this.conversationId = conversationId;
    this.lastInboundAt = lastInboundAt;
  }

  /** Returns a recipient by the person's platform id (PSID, IGSID, X user id). */
  public static MessageRecipient user(String userId) {
    return new MessageRecipient(requireNonNull(userId, "userId == null"), null, null);
  }

  /** Returns a recipient by conversation id (X {@code dm_conversation_id}, Meta {@code t_…}). */
  public static MessageRecipient conversation(String conversationId) {
    return new MessageRecipient(
        null, requireNonNull(conversationId, "conversationId == null"), null);
  }

  /**
   * Returns a recipient known by both its conversation and its user id (either may be {@code null},
   * not both).
   */
  public static MessageRecipient of(String conversationId, String userId) {
    return new MessageRecipient(userId, conversationId, null);
  }

  /**
   * Returns a copy that knows when the person last wrote (UTC); sends outside the window are then
   * refused offline with {@link io.smo.core.exception.MessagingWindowClosedException}.
   */
  public MessageRecipient lastInboundAt(Instant lastInboundAt) {
    return new MessageRecipient(userId, conversationId, lastInboundAt);
  }

  /** Returns the person's platform id, if given. */
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  /** Returns the conversation id, if given. */
  public Optional<String> conversationId() {
    return Optional.ofNullable(conversationId);
  }

  /** Returns when the person last wrote (UTC), if known. */
  public Optional<Instant> lastInboundAt() {
    return Optional.ofNullable(lastInboundAt);
  }

  @Override
  public String toString() {
    return "MessageRecipient{"
        + (userId != null ? "user=" + userId : "")
        + (conversationId != null
            ? (userId != null ? ", " : "") + "conversation=" + conversationId
            : "")
        + "}";
  }
}
