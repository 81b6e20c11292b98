package io.smo.core.inbox;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A direct-message thread between the account and one or more people: its id, participants, last
 * update, the last time the other party wrote (which opens the platform's reply window) and the
 * messages read with it, newest first. Immutable.
 *
 * <p>Some platforms let only part of a thread be read: Messenger and Instagram return details of
 * the 20 most recent messages only ({@link #truncated()} is then true when the thread is longer).
 */
@SmoPublicApi
public final class Conversation {
  private final Platform platform;
  private final String account;
  private final String id;
  private final List<Participant> participants;
  private final Instant updatedAt;
  private final Instant lastInboundAt;
  private final List<Message> messages;
  private final boolean truncated;
  private final List<String> dropped;

  /** A person in a conversation other than the account. Immutable. */
  public static final class Participant {
    private final String id;
    private final String name;

    private Participant(String id, String name) {
      this.id = requireNonNull(id, "id == null");
      this.name = name;
    }

    /**
     * Returns a participant.
     *
     * @param id the platform's id (PSID, IGSID, X user id)
     * @param name the display name or handle, or {@code null}
     */
    public static Participant of(String id, String name) {
      return new Participant(id, name);
    }

    /** Returns the platform's id (PSID, IGSID, X user id). */
    public String id() {
      return id;
    }

    /** Returns the display name or handle, if known. */
    public Optional<String> name() {
      return Optional.ofNullable(name);
    }

    @Override
    public String toString() {
      return name != null ? name + " (" + id + ")" : id;
    }
  }

  private Conversation(Builder b) {
    platform = requireNonNull(b.platform, "platform == null");
    account = requireNonNull(b.account, "account == null");
    id = requireNonNull(b.id, "id == null");
    participants = List.copyOf(b.participants);
    messages = List.copyOf(b.messages);
    updatedAt =
        b.updatedAt != null
            ? b.updatedAt
            : messages.stream().map(Message::createdAt).max(Instant::compareTo).orElse(null);
    lastInboundAt =
        b.lastInboundAt != null
            ? b.lastInboundAt
            : messages.stream()
                .filter(m -> m.direction() == Direction.INBOUND)
                .map(Message::createdAt)
                .max(Instant::compareTo)
                .orElse(null);
    truncated = b.truncated;
    dropped = List.copyOf(b.dropped);
  }

  /**
   * Returns a builder.
   *
   * @param platform the platform
   * @param account the account key of the account whose inbox holds the conversation
   * @param id the platform's conversation id (Meta {@code t_…}, X {@code dm_conversation_id})
   */
  public static Builder builder(Platform platform, String account, String id) {
    Builder b = new Builder();
    b.platform = platform;
    b.account = account;
    b.id = id;
    return b;
  }

  /** Returns the platform. */
  public Platform platform() {
    return platform;
  }

  /** Returns the account key of the account whose inbox holds it. */
  public String account() {
    return account;
  }

  /** Returns the platform's conversation id. */
  public String id() {
    return id;
  }

  /** Returns the participants other than the account. */
  public List<Participant> participants() {
    return participants;
  }

  /** Returns when the conversation last changed (UTC), if known. */
  public Optional<Instant> updatedAt() {
    return Optional.ofNullable(updatedAt);
  }

  /**
   * Returns when the other party last wrote (UTC), if known: the start of the platform's reply
   * window ({@link MessagingWindow}).
   */
  public Optional<Instant> lastInboundAt() {
    return Optional.ofNullable(lastInboundAt);
  }

  /**
   * Returns the messages read with the conversation, newest first (may be only the most recent).
   */
  public List<Message> messages() {
    return messages;
  }

  /** Returns whether the platform returned only part of the thread (Meta: the 20 most recent). */
  public boolean truncated() {
    return truncated;
  }

  /** Returns notes on what the mapper dropped or replaced. */
  public List<String> dropped() {
    return dropped;
  }

  @Override
  public String toString() {
    return "Conversation{"
        + platform.id()
        + ":"
        + id
        + " with "
        + participants
        + ", "
        + messages.size()
        + " message(s)"
        + (truncated ? " (truncated)" : "")
        + ", updated "
        + updatedAt
        + "}";
  }

  /** Builds {@link Conversation}. Mutable, not thread-safe. */
  public static final class Builder {
    private Platform platform;
    private String account;
    private String id;
    private final List<Participant> participants = new ArrayList<>();
    private Instant updatedAt;
    private Instant lastInboundAt;
    private final List<Message> messages = new ArrayList<>();
    private boolean truncated;
    private final List<String> dropped = new ArrayList<>();

    private Builder() {}

    /** Adds a participant other than the account. */
    public Builder participant(Participant participant) {
      participants.add(requireNonNull(participant, "participant == null"));
      return this;
    }

    /** Sets the last update time; default the newest message's time. */
    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = updatedAt;
      return this;
    }

    /** Sets the last inbound time; default the newest inbound message's time. */
    public Builder lastInboundAt(Instant lastInboundAt) {
      this.lastInboundAt = lastInboundAt;
      return this;
    }

    /** Adds messages (newest first). */
    public Builder messages(List<Message> messages) {
      this.messages.addAll(messages);
      return this;
    }

    /** Sets whether the platform returned only part of the thread. */
    public Builder truncated(boolean truncated) {
      this.truncated = truncated;
      return this;
    }

    /** Adds a note on something the mapper dropped or replaced. */
    public Builder drop(String note) {
      dropped.add(requireNonNull(note, "note == null"));
      return this;
    }

    /** Returns an immutable snapshot. */
    public Conversation build() {
      return new Conversation(this);
    }
  }
}
