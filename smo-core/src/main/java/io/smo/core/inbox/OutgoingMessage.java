package io.smo.core.inbox;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A direct message to send: text, attachments, an optional message tag and the message it replies
 * to. Immutable. Each platform checks it offline (text length, attachment types, tags) before any
 * call.
 *
 * <p>Tags: Meta retired {@code CONFIRMED_EVENT_UPDATE}, {@code ACCOUNT_UPDATE} and {@code
 * POST_PURCHASE_UPDATE} on 2026-04-27 (error code 100); only {@link #HUMAN_AGENT} remains, for a
 * human reply up to 7 days after the person's last message. Platforms without tags refuse any.
 */
@SmoPublicApi
public final class OutgoingMessage {
  /** Meta's {@code HUMAN_AGENT} message tag (a human reply up to 7 days after the last message). */
  public static final String HUMAN_AGENT = "HUMAN_AGENT";

  private final String text;
  private final List<Attachment> attachments;
  private final String tag;
  private final String replyToId;

  private OutgoingMessage(Builder b) {
    text = b.text == null ? "" : b.text;
    attachments = List.copyOf(b.attachments);
    tag = b.tag;
    replyToId = b.replyToId;
  }

  /** Returns a text-only message. */
  public static OutgoingMessage text(String text) {
    return builder().text(text).build();
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the text (may be empty when attachments carry the message). */
  public String text() {
    return text;
  }

  /** Returns the attachments to send (empty when none). */
  public List<Attachment> attachments() {
    return attachments;
  }

  /** Returns the message tag (Meta {@code tag}), if any. */
  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }

  /** Returns the id of the message this one replies to, if any. */
  public Optional<String> replyToId() {
    return Optional.ofNullable(replyToId);
  }

  /** Returns a copy with {@code tag}. */
  public OutgoingMessage withTag(String tag) {
    Builder b = builder().text(text).tag(tag).replyToId(replyToId);
    attachments.forEach(b::attachment);
    return b.build();
  }

  @Override
  public String toString() {
    return "OutgoingMessage{"
        + text.length()
        + " chars"
        + (attachments.isEmpty() ? "" : ", " + attachments.size() + " attachment(s)")
        + (tag != null ? ", tag=" + tag : "")
        + "}";
  }

  /** Builds {@link OutgoingMessage}. Mutable, not thread-safe. */
  public static final class Builder {
    private String text;
    private final List<Attachment> attachments = new ArrayList<>();
    private String tag;
    private String replyToId;

    private Builder() {}

    /** Sets the text. */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /** Adds an attachment (its URL must be public HTTPS for Meta). */
    public Builder attachment(Attachment attachment) {
      attachments.add(requireNonNull(attachment, "attachment == null"));
      return this;
    }

    /** Sets the message tag, e.g. {@link OutgoingMessage#HUMAN_AGENT}; {@code null} for none. */
    public Builder tag(String tag) {
      this.tag = tag;
      return this;
    }

    /** Sets the id of the message this one replies to. */
    public Builder replyToId(String replyToId) {
      this.replyToId = replyToId;
      return this;
    }

    /** Returns an immutable snapshot. */
    public OutgoingMessage build() {
      return new OutgoingMessage(this);
    }
  }
}
