package io.smo.core.inbox;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import java.util.Objects;

/**
 * The stable address of an {@link InboxItem}: platform, the account it was sent to, kind, the
 * thread it belongs to and the platform's own id. Immutable.
 *
 * <p>Its string form, {@code platform:account:kind:thread:id} (e.g. {@code
 * facebook:1234:message:t_99:m_abc}), is what the CLI prints and {@code smo answer REF} takes; the
 * account and thread have {@code %} and {@code :} percent-encoded, the id is kept as it is (it is
 * the last segment, so it may contain {@code :}). {@link #parse(String)} reads it back.
 */
@SmoPublicApi
public final class InboxRef {
  private final Platform platform;
  private final String account;
  private final InboxItemKind kind;
  private final String threadId;
  private final String id;

  private InboxRef(
      Platform platform, String account, InboxItemKind kind, String threadId, String id) {
    this.platform = requireNonNull(platform, "platform == null");
    this.account = requireNonEmpty(account, "account");
    this.kind = requireNonNull(kind, "kind == null");
    this.threadId = requireNonEmpty(threadId, "threadId");
    this.id = requireNonEmpty(id, "id");
  }

  private static String requireNonEmpty(String s, String name) {
    requireNonNull(s, name + " == null");
    if (s.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    return s;
  }

  /**
   * Returns a reference.
   *
   * @param platform the platform
   * @param account the account key of the receiving account ({@link
   *     io.smo.core.SocialClient#accountKey()})
   * @param kind the item kind
   * @param threadId the thread: conversation id (messages), post or video id (comments, mentions)
   * @param id the platform's id of the item (message id, comment id, post id)
   * @throws IllegalArgumentException if a string is empty
   */
  public static InboxRef of(
      Platform platform, String account, InboxItemKind kind, String threadId, String id) {
    return new InboxRef(platform, account, kind, threadId, id);
  }

  /**
   * Parses the string form {@code platform:account:kind:thread:id}.
   *
   * @throws IllegalArgumentException if it is not in that form or names an unknown platform or kind
   */
  public static InboxRef parse(String ref) {
    requireNonNull(ref, "ref == null");
    String[] p = ref.trim().split(":", 5);
    if (p.length != 5) {
      throw new IllegalArgumentException(
          "not an inbox reference (platform:account:kind:thread:id): " + ref);
    }
    return new InboxRef(
        Platform.fromId(p[0]), decode(p[1]), InboxItemKind.fromId(p[2]), decode(p[3]), p[4]);
  }

  /** Returns the platform. */
  public Platform platform() {
    return platform;
  }

  /** Returns the account key of the account the item was sent to. */
  public String account() {
    return account;
  }

  /** Returns the kind. */
  public InboxItemKind kind() {
    return kind;
  }

  /** Returns the thread: conversation id (messages), post or video id (comments, mentions). */
  public String threadId() {
    return threadId;
  }

  /** Returns the platform's id of the item. */
  public String id() {
    return id;
  }

  private static String encode(String s) {
    return s.replace("%", "%25").replace(":", "%3A");
  }

  private static String decode(String s) {
    return s.replace("%3A", ":").replace("%3a", ":").replace("%25", "%");
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof InboxRef r)) {
      return false;
    }

    return platform == r.platform
        && kind == r.kind
        && account.equals(r.account)
        && threadId.equals(r.threadId)
        && id.equals(r.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(platform, account, kind, threadId, id);
  }

  /**
   * Returns the string form {@code platform:account:kind:thread:id}, which {@link #parse(String)}
   * reads.
   */
  @Override
  public String toString() {
    return platform.id()
        + ":"
        + encode(account)
        + ":"
        + kind.id()
        + ":"
        + encode(threadId)
        + ":"
        + id;
  }
}
