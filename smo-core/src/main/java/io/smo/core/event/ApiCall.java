package io.smo.core.event;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.http.Operation;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One logical API call (all its attempts, retries and waits): the platform, the account key the
 * client runs as, the operation and its kind. Listeners may attach their own state to it (a timer
 * sample, a tracing span) with {@link #attribute(Object, Object)} between {@link
 * SmoListener#onCallStart} and {@link SmoListener#onCallEnd}; the same instance is passed to every
 * event of the call. Thread-safe.
 */
@SmoPublicApi
public final class ApiCall {
  private final Platform platform;
  private final String account;
  private final String operation;
  private final Operation.Kind kind;
  private final Instant startedAt;
  private final Map<Object, Object> attributes = new ConcurrentHashMap<>();

  /**
   * Creates a call description.
   *
   * @param platform the platform called
   * @param account the SDK account key (not a platform id, not a token)
   * @param operation the operation name, e.g. {@code "publish"}
   * @param kind read, idempotent write or create
   * @param startedAt when the call started (UTC)
   */
  public ApiCall(
      Platform platform, String account, String operation, Operation.Kind kind, Instant startedAt) {
    this.platform = requireNonNull(platform, "platform == null");
    this.account = requireNonNull(account, "account == null");
    this.operation = requireNonNull(operation, "operation == null");
    this.kind = requireNonNull(kind, "kind == null");
    this.startedAt = requireNonNull(startedAt, "startedAt == null");
  }

  /** Returns the platform. */
  public Platform platform() {
    return platform;
  }

  /** Returns the SDK account key the call runs as (for example {@code "brand-x"}). */
  public String account() {
    return account;
  }

  /** Returns the operation name, e.g. {@code "publish"} or {@code "metrics"}. */
  public String operation() {
    return operation;
  }

  /** Returns whether the operation is a read, an idempotent write or a create. */
  public Operation.Kind kind() {
    return kind;
  }

  /** Returns when the call started (UTC). */
  public Instant startedAt() {
    return startedAt;
  }

  /** Returns the value a listener attached under {@code key}, or {@code null}. */
  public Object attribute(Object key) {
    return attributes.get(key);
  }

  /** Attaches a listener's value under {@code key} (a private key object avoids clashes). */
  public void attribute(Object key, Object value) {
    attributes.put(requireNonNull(key, "key == null"), requireNonNull(value, "value == null"));
  }

  @Override
  public String toString() {
    return platform.id() + " " + operation + " (" + kind + ", account " + account + ")";
  }
}
