package io.smo.core.inbox;

import io.smo.core.SmoPublicApi;
import java.util.Locale;

/** The three kinds of {@link InboxItem}. */
@SmoPublicApi
public enum InboxItemKind {
  /** A public comment on one of the account's posts or videos ({@link InboxComment}). */
  COMMENT,
  /** A direct (private) message in a conversation ({@link Message}). */
  MESSAGE,
  /** A post or comment elsewhere that mentions or tags the account ({@link Mention}). */
  MENTION;

  /**
   * Returns the lower-case id used in {@link InboxRef} strings and the CLI, e.g. {@code "message"}.
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code "comment"}, {@code "message"} or {@code "mention"} (any case).
   *
   * @throws IllegalArgumentException for any other name
   */
  public static InboxItemKind fromId(String id) {
    for (InboxItemKind k : values()) {
      if (k.id().equalsIgnoreCase(id.trim())) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown inbox item kind: " + id + " (expected comment, message or mention)");
  }
}
