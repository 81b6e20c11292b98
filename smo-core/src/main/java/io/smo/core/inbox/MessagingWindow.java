package io.smo.core.inbox;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import java.time.Duration;
import java.time.Instant;

/**
 * A period after the other party's last message (or comment) during which the account may message
 * them, as the platform enforces it. Immutable.
 *
 * <p>Sources: Messenger "Send a Message" (Updated May 5 2026) for the 24-hour standard window and
 * the 7-day {@code HUMAN_AGENT} tag; Messenger and Instagram Private Replies for the 7-day,
 * one-message private reply; Chatwoot's {@code message_window_service.rb} for TikTok's 48 hours
 * (UNCONFIRMED by TikTok), all in {@code engagement-and-measurement.md} §2.1.5, §2.1.8, §2.4.
 */
@SmoPublicApi
public final class MessagingWindow {
  /**
   * Meta's standard messaging window: 24 hours after the person's last message (Messenger,
   * Instagram).
   */
  public static final MessagingWindow META_STANDARD =
      new MessagingWindow("24-hour standard messaging window", Duration.ofHours(24));

  /** Meta's {@code HUMAN_AGENT} tag: a human reply up to 7 days after the person's last message. */
  public static final MessagingWindow META_HUMAN_AGENT =
      new MessagingWindow("7-day HUMAN_AGENT window", Duration.ofDays(7));

  /** Meta's private reply: one message per comment within 7 days of the comment. */
  public static final MessagingWindow META_PRIVATE_REPLY =
      new MessagingWindow("7-day private reply window", Duration.ofDays(7));

  /**
   * TikTok Business Messaging: 48 hours after the user's last message (UNCONFIRMED, from Chatwoot).
   */
  public static final MessagingWindow TIKTOK_BUSINESS_MESSAGING =
      new MessagingWindow("48-hour TikTok business messaging window", Duration.ofDays(2));

  private final String name;
  private final Duration length;

  private MessagingWindow(String name, Duration length) {
    this.name = requireNonNull(name, "name == null");
    this.length = requireNonNull(length, "length == null");
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("length must be positive: " + length);
    }
  }

  /**
   * Returns a window.
   *
   * @param name what people call it, e.g. {@code "24-hour standard messaging window"}
   * @param length how long it stays open after the opening event
   */
  public static MessagingWindow of(String name, Duration length) {
    return new MessagingWindow(name, length);
  }

  /** Returns the window's name, for messages. */
  public String name() {
    return name;
  }

  /** Returns how long it stays open after the opening event. */
  public Duration length() {
    return length;
  }

  /** Returns when the window opened at {@code openedAt} closes (UTC). */
  public Instant closesAt(Instant openedAt) {
    return openedAt.plus(length);
  }

  /** Returns whether the window opened at {@code openedAt} is still open at {@code now}. */
  public boolean isOpen(Instant openedAt, Instant now) {
    return now.isBefore(closesAt(openedAt));
  }

  @Override
  public String toString() {
    return name;
  }
}
