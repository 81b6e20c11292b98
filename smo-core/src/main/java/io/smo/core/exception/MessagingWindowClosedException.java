package io.smo.core.exception;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.inbox.MessagingWindow;
import java.time.Instant;
import java.util.Optional;

/**
 * A message (or private reply) cannot be sent because the platform's messaging window is closed or
 * the person cannot be reached. Never retryable: the same send will keep failing until the person
 * writes again.
 *
 * <p>Thrown before any network call when the SDK knows when the person last wrote ({@link
 * #offline()} true), and otherwise mapped from every code the platform uses for it: Meta {@code
 * 551} (any subcode), subcode {@code 1545041}, {@code 10/2018278} and {@code 10/2534022} (sources
 * conflict on which is current: {@code engagement-and-measurement.md} §2.1.6); then {@link
 * #details()} holds what the platform said.
 */
@SmoPublicApi
public class MessagingWindowClosedException extends SmoException {
  private static final long serialVersionUID = 1L;

  private final transient MessagingWindow window;
  private final Instant openedAt;
  private final transient ErrorDetails details;

  /**
   * Creates the exception.
   *
   * @param platform the platform
   * @param operation the SDK operation ({@code "send"}, {@code "privateReply"}, {@code "answer"})
   * @param window the window that is closed
   * @param openedAt when it opened (the person's last message, the comment's time), or {@code null}
   *     if unknown
   * @param details what the platform said, or {@code null} when refused offline
   */
  public MessagingWindowClosedException(
      Platform platform,
      String operation,
      MessagingWindow window,
      Instant openedAt,
      ErrorDetails details) {
    super(platform, operation, describe(window, openedAt, details), null, false);
    this.window = requireNonNull(window, "window == null");
    this.openedAt = openedAt;
    this.details = details;
  }

  private static String describe(MessagingWindow window, Instant openedAt, ErrorDetails details) {
    StringBuilder s = new StringBuilder("the ").append(window.name()).append(" is closed");
    if (openedAt != null) {
      s.append(" since ")
          .append(window.closesAt(openedAt))
          .append(" (last inbound ")
          .append(openedAt)
          .append(')');
    }
    if (details != null) {
      s.append("; platform said: ").append(details.summary());
    } else {
      s.append("; nothing was sent");
    }
    return s.toString();
  }

  /** Returns the window that is closed. */
  public MessagingWindow window() {
    return window;
  }

  /** Returns when the window opened (the person's last message or the comment's time), if known. */
  public Optional<Instant> openedAt() {
    return Optional.ofNullable(openedAt);
  }

  /** Returns since when the window is closed (UTC), if the opening time is known. */
  public Optional<Instant> closedSince() {
    return openedAt == null ? Optional.empty() : Optional.of(window.closesAt(openedAt));
  }

  /** Returns whether the SDK refused the send before any network call. */
  public boolean offline() {
    return details == null;
  }

  /** Returns what the platform said, when it was the platform that refused. */
  public Optional<ErrorDetails> details() {
    return Optional.ofNullable(details);
  }
}
