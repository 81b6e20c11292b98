package io.smo.core.event;

import io.smo.core.SmoPublicApi;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import java.util.Locale;

/** How an API call or attempt ended, in a small fixed set so that it can be a metric tag. */
@SmoPublicApi
public enum Outcome {
  /** A 2xx answer (or a status the call accepts, such as 308 for a resumable upload). */
  SUCCESS,
  /** A 4xx answer other than 401/403/429: the request was wrong or the object is missing. */
  CLIENT_ERROR,
  /** The token or the account's permissions were refused (401, 403). */
  AUTH_ERROR,
  /** The platform's or the SDK's rate limit refused the call (429 or a client-side cap). */
  RATE_LIMITED,
  /** A 5xx answer or another error the platform marks retryable. */
  SERVER_ERROR,
  /** No usable answer: connection refused, timeout, unreadable body. */
  TRANSPORT_ERROR,
  /** A create whose effect is unknown ({@link PublishOutcomeUnknownException}): reconcile. */
  UNKNOWN;

  /** Returns the lower-case tag value, e.g. {@code "rate_limited"}. */
  public String tagValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Classifies an HTTP status; {@code status <= 0} (no answer) is {@link #TRANSPORT_ERROR}. */
  public static Outcome ofStatus(int status) {
    if (status <= 0) {
      return TRANSPORT_ERROR;
    }
    if (status < 400) {
      return SUCCESS;
    }
    if (status == 401 || status == 403) {
      return AUTH_ERROR;
    }
    if (status == 429) {
      return RATE_LIMITED;
    }
    return status >= 500 ? SERVER_ERROR : CLIENT_ERROR;
  }

  /** Classifies a failure the SDK threw; {@code null} is {@link #SUCCESS}. */
  public static Outcome of(Throwable error) {
    if (error == null) {
      return SUCCESS;
    }
    if (error instanceof PublishOutcomeUnknownException) {
      return UNKNOWN;
    }
    if (error instanceof RateLimitException) {
      return RATE_LIMITED;
    }
    if (error instanceof AuthenticationException || error instanceof PermissionException) {
      return AUTH_ERROR;
    }
    if (error instanceof TransportException) {
      return TRANSPORT_ERROR;
    }
    if (error instanceof PlatformException platformException
        && platformException.statusCode() > 0) {
      return ofStatus(platformException.statusCode());
    }
    if (error instanceof SmoException smoException) {
      return smoException.retryable() ? SERVER_ERROR : CLIENT_ERROR;
    }
    return TRANSPORT_ERROR;
  }
}
