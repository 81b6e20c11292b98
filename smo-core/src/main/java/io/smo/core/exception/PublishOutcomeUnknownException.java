package io.smo.core.exception;

import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.SmoPublicApi;
import java.util.List;
import java.util.Optional;

/**
 * A create (publish, comment, reply, upload finalize) may have taken effect: the request was sent
 * and then the answer was lost (timeout, reset), a 5xx came back, or the success body could not be
 * read. The SDK does not retry it, so that nothing is posted twice. Reconcile with what is known:
 * the idempotency key, the parts already published (threads, carousels) and the cause.
 */
@SmoPublicApi
public class PublishOutcomeUnknownException extends SmoException {
  private static final long serialVersionUID = 1L;

  private final String idempotencyKey;
  private final transient List<PostRef> publishedParts;
  private final String knownId;

  /**
   * Creates the exception.
   *
   * @param platform the platform
   * @param operation the SDK operation
   * @param message what is known, free of secrets
   * @param cause the failure that hid the outcome
   * @param idempotencyKey the post's idempotency key, or {@code null}
   * @param publishedParts parts known to be published before the unknown one (may be empty)
   * @param knownId an id the platform returned before the outcome was lost (container, upload), or
   *     {@code null}
   */
  public PublishOutcomeUnknownException(
      Platform platform,
      String operation,
      String message,
      Throwable cause,
      String idempotencyKey,
      List<PostRef> publishedParts,
      String knownId) {
    super(platform, operation, message, cause, false);
    this.idempotencyKey = idempotencyKey;
    this.publishedParts = List.copyOf(publishedParts);
    this.knownId = knownId;
  }

  /** Returns the idempotency key of the post, if known. */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /** Returns the parts known to be published (earlier thread parts...); may be empty. */
  public List<PostRef> publishedParts() {
    return publishedParts;
  }

  /**
   * Returns an id the platform gave before the outcome was lost (media container, upload id), if
   * any.
   */
  public Optional<String> knownId() {
    return Optional.ofNullable(knownId);
  }

  /** Returns a copy carrying the post's idempotency key and the parts already published. */
  public PublishOutcomeUnknownException withContext(String idempotencyKey, List<PostRef> parts) {
    PublishOutcomeUnknownException e =
        new PublishOutcomeUnknownException(
            platform().orElse(null),
            operation().orElse(null),
            stripPrefix(getMessage()),
            getCause(),
            idempotencyKey,
            parts,
            knownId);
    e.withAttempts(attempts());
    return e;
  }

  private static String stripPrefix(String message) {
    if (message != null && message.startsWith("[")) {
      int i = message.indexOf("] ");
      if (i > 0) {
        return message.substring(i + 2);
      }
    }
    return message;
  }
}
