package io.smo.core.event;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An inbox read left out a whole element of the platform's answer because it could not become an
 * item (a message, comment or post without an id, a conversation without an id). What a mapper only
 * replaces or leaves out of an item it keeps (deleted text, missing author, unknown attachment
 * type) is in that item's {@link io.smo.core.inbox.InboxItem#dropped()} instead.
 *
 * <p>Carries no platform ids, text or tokens: the platform, the account key the caller chose, the
 * operation ({@code conversations}, {@code mentions}, {@code commentThreads.list}...) and a
 * free-text reason (not a metric tag).
 *
 * @param platform the platform read
 * @param account the account key of the client that read it
 * @param operation the read operation
 * @param reason what was left out and why (free text)
 */
@SmoPublicApi
public record InboxDropEvent(Platform platform, String account, String operation, String reason) {
  private static final Logger LOG = LoggerFactory.getLogger("io.smo.core.inbox");

  /**
   * Creates the event.
   *
   * @throws NullPointerException if an argument is {@code null}
   */
  public InboxDropEvent {
    requireNonNull(platform, "platform == null");
    requireNonNull(account, "account == null");
    requireNonNull(operation, "operation == null");
    requireNonNull(reason, "reason == null");
  }

  /**
   * Reports a drop: logs it at WARN (SLF4J logger {@code io.smo.core.inbox}, the event's fields
   * only) and tells {@code listener} ({@link SmoListener#onInboxDrop}). Never throws because of the
   * listener (pass a failure-safe one, such as {@code ApiRuntime.listener()}).
   *
   * @param listener the client's listener
   * @param platform the platform read
   * @param account the account key
   * @param operation the read operation
   * @param reason what was left out and why
   */
  public static void report(
      SmoListener listener, Platform platform, String account, String operation, String reason) {
    InboxDropEvent e = new InboxDropEvent(platform, account, operation, reason);
    LOG.warn(
        "{} inbox read {} of account {} left out: {}", platform.id(), operation, account, reason);
    listener.onInboxDrop(e);
  }
}
