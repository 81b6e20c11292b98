package io.smo.core.http;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoProtectedApi;

/**
 * Describes one API call for the runtime: its name (for errors and logs), whether it is a read, an
 * idempotent write or a non-idempotent create (which decides what may be retried), and the
 * rate-limit bucket it counts against. Immutable.
 */
@SmoProtectedApi
public final class Operation {
  /** How safe a call is to repeat. */
  public enum Kind {
    /** A read: retried on transport errors, 429 and 5xx. */
    READ,
    /**
     * A write that has the same effect when repeated (update, delete, hide, chunk upload at an
     * offset).
     */
    IDEMPOTENT_WRITE,
    /**
     * A create (publish, comment, reply, upload init, publish container): retried only when the
     * request surely did not take effect; otherwise {@code PublishOutcomeUnknownException}.
     */
    CREATE
  }

  private final String name;
  private final Kind kind;
  private final String bucket;
  private final String account;
  private final boolean retried;

  private Operation(String name, Kind kind, String bucket, String account, boolean retried) {
    this.name = requireNonNull(name, "name == null");
    this.kind = requireNonNull(kind, "kind == null");
    this.bucket = bucket;
    this.account = account;
    this.retried = retried;
  }

  /** Returns a read counted against no client-side bucket (server figures still apply). */
  public static Operation read(String name) {
    return read(name, (String) null);
  }

  /** Returns an idempotent write counted against no client-side bucket. */
  public static Operation write(String name) {
    return write(name, (String) null);
  }

  /** Returns a non-idempotent create counted against no client-side bucket. */
  public static Operation create(String name) {
    return create(name, (String) null);
  }

  /** Returns a read counted against a documented bucket. */
  public static Operation read(String name, io.smo.core.resilience.RateBucket bucket) {
    return read(name, bucketId(bucket));
  }

  /** Returns an idempotent write counted against a documented bucket. */
  public static Operation write(String name, io.smo.core.resilience.RateBucket bucket) {
    return write(name, bucketId(bucket));
  }

  /** Returns a non-idempotent create counted against a documented bucket. */
  public static Operation create(String name, io.smo.core.resilience.RateBucket bucket) {
    return create(name, bucketId(bucket));
  }

  private static String bucketId(io.smo.core.resilience.RateBucket bucket) {
    return bucket == null ? null : bucket.id();
  }

  /** Returns a read operation ({@code bucket} an id, or {@code null} for none). */
  public static Operation read(String name, String bucket) {
    return new Operation(name, Kind.READ, bucket, null, true);
  }

  /** Returns an idempotent write. */
  public static Operation write(String name, String bucket) {
    return new Operation(name, Kind.IDEMPOTENT_WRITE, bucket, null, true);
  }

  /** Returns a non-idempotent create. */
  public static Operation create(String name, String bucket) {
    return new Operation(name, Kind.CREATE, bucket, null, true);
  }

  /** Returns a copy keyed to {@code account} for rate limiting (default: the client's account). */
  public Operation forAccount(String account) {
    return new Operation(name, kind, bucket, account, retried);
  }

  /**
   * Returns a copy the runtime attempts once (a token refresh aside): for upload chunks, whose
   * retries the {@link io.smo.core.upload.spi.ChunkedUploader} drives after asking the server's
   * offset.
   */
  public Operation withoutRetry() {
    return new Operation(name, kind, bucket, account, false);
  }

  /** Returns whether the runtime may retry this operation. */
  public boolean retried() {
    return retried;
  }

  /** Returns the operation name, e.g. {@code "publish"}. */
  public String name() {
    return name;
  }

  /** Returns the kind. */
  public Kind kind() {
    return kind;
  }

  /** Returns the rate-limit bucket, or {@code null} for none. */
  public String bucket() {
    return bucket;
  }

  /** Returns the account override for rate limiting, or {@code null}. */
  public String account() {
    return account;
  }

  @Override
  public String toString() {
    return name + "(" + kind + (bucket != null ? ", " + bucket : "") + ")";
  }
}
