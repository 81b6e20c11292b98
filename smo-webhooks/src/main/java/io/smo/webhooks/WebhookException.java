package io.smo.webhooks;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.exception.SmoException;

/**
 * Why a webhook delivery was refused. Never thrown out of a handler: it is returned in {@link
 * WebhookResult#error()} next to the HTTP answer that was chosen for it, so the application can log
 * or count refusals by {@link #reason()}. The message never contains a secret, a signature or the
 * body.
 *
 * @since 0.2
 */
@SmoPublicApi
public final class WebhookException extends SmoException {
  private static final long serialVersionUID = 1L;

  /** The kinds of refusal, each with the HTTP status it is answered with. */
  public enum Reason {
    /** The signature header is absent (HTTP 401). */
    SIGNATURE_MISSING(401),
    /** The signature header is not in the platform's format or encoding (HTTP 403). */
    SIGNATURE_MALFORMED(403),
    /** The signature does not match the body and the secret (HTTP 403). */
    SIGNATURE_MISMATCH(403),
    /** The signed timestamp is too far in the past or the future (TikTok; HTTP 403). */
    TIMESTAMP_OUT_OF_TOLERANCE(403),
    /** A verification GET carried a verify token that does not match (Meta; HTTP 403). */
    VERIFY_TOKEN_MISMATCH(403),
    /** A verification GET lacks its parameters or has an unusable challenge (HTTP 400). */
    BAD_HANDSHAKE(400),
    /** A WebSub verification for a topic this endpoint did not subscribe to (HTTP 404). */
    UNKNOWN_TOPIC(404),
    /** The body is larger than the handler's cap (HTTP 413). */
    BODY_TOO_LARGE(413),
    /** The signed body is not the JSON or XML document the platform sends (HTTP 400). */
    MALFORMED_BODY(400),
    /** The HTTP method is not one the platform uses (HTTP 405). */
    METHOD_NOT_ALLOWED(405),
    /** No handler serves this path (HTTP 404). */
    NO_HANDLER(404),
    /** The event store failed; the platform will retry the delivery (HTTP 500). */
    STORE_FAILED(500);

    private final int status;

    Reason(int status) {
      this.status = status;
    }

    /** Returns the HTTP status the delivery is answered with. */
    public int status() {
      return status;
    }
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param platform the platform whose handler refused the delivery, or null
   * @param reason why
   * @param message what was wrong, free of secrets and body content
   * @param cause the cause, or null
   */
  public WebhookException(Platform platform, Reason reason, String message, Throwable cause) {
    super(platform, "webhook", reason + ": " + message, cause, reason == Reason.STORE_FAILED);
    this.reason = reason;
  }

  /** Returns why the delivery was refused. */
  public Reason reason() {
    return reason;
  }

  /** Returns the HTTP status the delivery was answered with. */
  public int status() {
    return reason.status();
  }
}
