package io.smo.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Remembers the outcome of each (idempotency key, target) that {@link CrossPoster} published, so
 * that nothing is published twice: {@link InMemoryIdempotencyStore} (the default) within one
 * process; the JDBC store of {@code smo-jdbc} across restarts and instances.
 *
 * <p>A target is an opaque string naming where a post goes, {@link #target(Platform, String)
 * platform:account}. The protocol: {@link #claim} before publishing (granted when the target was
 * never published with this key, or only FAILED or was SKIPPED); {@link #complete} with the outcome
 * after. A claim left {@link State#IN_FLIGHT} (the process died while publishing) is never granted
 * again: it is reported UNKNOWN for reconciliation. Implementations are thread-safe and make {@code
 * claim} atomic (across instances, for shared stores).
 */
@SmoPublicApi
public interface IdempotencyStore {
  /** Where a (key, target) stands. */
  enum State {
    /** Claimed and being published (or the publisher died: treat as UNKNOWN). */
    IN_FLIGHT,
    /** Published; {@link Entry#postId()} says as what. */
    PUBLISHED,
    /** Failed; nothing was published; a new claim is granted. */
    FAILED,
    /** May have been published; reconcile before publishing again. */
    UNKNOWN,
    /** Not attempted (offline validation); a new claim is granted. */
    SKIPPED
  }

  /**
   * Returns the target string of an account on a platform: {@code platform:account}.
   *
   * @param platform the platform
   * @param accountKey the client's {@link SocialClient#accountKey()}
   */
  static String target(Platform platform, String accountKey) {
    return platform.id() + ":" + accountKey;
  }

  /**
   * Claims {@code (idempotencyKey, target)} for publishing content {@code contentHash}, atomically.
   *
   * @param idempotencyKey the post's idempotency key (a campaign's key)
   * @param target where it goes, see {@link #target(Platform, String)}
   * @param contentHash a stable digest of the post's content
   * @param now the current instant (UTC)
   * @return granted (the entry is now IN_FLIGHT and the caller publishes), or the earlier entry
   *     (PUBLISHED, UNKNOWN, IN_FLIGHT), or a content mismatch (the key was used for other content)
   */
  Claim claim(String idempotencyKey, String target, String contentHash, Instant now);

  /**
   * Records the outcome of a granted claim (or a reconciliation's verdict), replacing the entry.
   *
   * @param entry the outcome
   */
  void complete(Entry entry);

  /**
   * Returns every entry of {@code idempotencyKey}, in target order.
   *
   * @param idempotencyKey the key
   */
  List<Entry> entries(String idempotencyKey);

  /** The answer to {@link #claim}. Immutable. */
  final class Claim {
    private final boolean granted;
    private final Entry earlier;
    private final boolean contentMismatch;

    private Claim(boolean granted, Entry earlier, boolean contentMismatch) {
      this.granted = granted;
      this.earlier = earlier;
      this.contentMismatch = contentMismatch;
    }

    /** Returns a granted claim: publish, then {@link #complete}. */
    public static Claim granted() {
      return new Claim(true, null, false);
    }

    /** Returns a refusal: the target already stands at {@code earlier}. */
    public static Claim done(Entry earlier) {
      return new Claim(false, requireNonNull(earlier, "earlier == null"), false);
    }

    /** Returns a refusal: the key was used for other content ({@code earlier}). */
    public static Claim contentMismatch(Entry earlier) {
      return new Claim(false, requireNonNull(earlier, "earlier == null"), true);
    }

    /** Returns whether the caller may publish. */
    public boolean isGranted() {
      return granted;
    }

    /** Returns the earlier entry, for a refusal. */
    public Optional<Entry> earlier() {
      return Optional.ofNullable(earlier);
    }

    /** Returns whether the refusal is because the key was used for other content. */
    public boolean isContentMismatch() {
      return contentMismatch;
    }
  }

  /** What is known of one (key, target). Immutable. */
  final class Entry {
    private final String idempotencyKey;
    private final String target;
    private final String contentHash;
    private final State state;
    private final String postId;
    private final String url;
    private final String message;
    private final Instant updatedAt;

    /**
     * Creates an entry.
     *
     * @param idempotencyKey the key
     * @param target the target
     * @param contentHash the content digest
     * @param state the state
     * @param postId the platform's post id, for PUBLISHED (or what is known, for UNKNOWN), else
     *     {@code null}
     * @param url the public URL, if known, else {@code null}
     * @param message why, for FAILED, UNKNOWN and SKIPPED (no secrets), else {@code null}
     * @param updatedAt when the entry was written (UTC)
     */
    public Entry(
        String idempotencyKey,
        String target,
        String contentHash,
        State state,
        String postId,
        String url,
        String message,
        Instant updatedAt) {
      this.idempotencyKey = requireNonNull(idempotencyKey, "idempotencyKey == null");
      this.target = requireNonNull(target, "target == null");
      this.contentHash = requireNonNull(contentHash, "contentHash == null");
      this.state = requireNonNull(state, "state == null");
      this.postId = postId;
      this.url = url;
      this.message = message;
      this.updatedAt = requireNonNull(updatedAt, "updatedAt == null");
    }

    /** Returns the idempotency key. */
    public String idempotencyKey() {
      return idempotencyKey;
    }

    /** Returns the target ({@code platform:account}). */
    public String target() {
      return target;
    }

    /** Returns the content digest. */
    public String contentHash() {
      return contentHash;
    }

    /** Returns the state. */
    public State state() {
      return state;
    }

    /** Returns the platform's post id, if known. */
    public Optional<String> postId() {
      return Optional.ofNullable(postId);
    }

    /** Returns the public URL, if known. */
    public Optional<String> url() {
      return Optional.ofNullable(url);
    }

    /** Returns why, for FAILED, UNKNOWN and SKIPPED. */
    public Optional<String> message() {
      return Optional.ofNullable(message);
    }

    /** Returns when the entry was written (UTC). */
    public Instant updatedAt() {
      return updatedAt;
    }

    /**
     * Returns a copy in {@code state} with the given post id, URL and message, written at {@code
     * at}.
     */
    public Entry with(State state, String postId, String url, String message, Instant at) {
      return new Entry(idempotencyKey, target, contentHash, state, postId, url, message, at);
    }

    @Override
    public String toString() {
      return "Entry{"
          + idempotencyKey
          + " "
          + target
          + " "
          + state
          + (postId != null ? " " + postId : "")
          + "}";
    }
  }
}
