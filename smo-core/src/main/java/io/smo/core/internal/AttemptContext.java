package io.smo.core.internal;

import io.smo.core.SmoInternalApi;
import io.smo.core.auth.AccessToken;
import okhttp3.Request;

/**
 * What one attempt of a runtime call carries down the OkHttp stack, as a request tag instead of a
 * thread-local: whether OkHttp may silently re-send the request, the listener state of the call,
 * and what the interceptors record (whether the request reached the network, which token was sent).
 * A raw request carries it as the tag {@code AttemptContext.class}; a Retrofit request gets an
 * empty {@link Slot} from the runtime's call factory, which the loop fills before executing.
 */
@SmoInternalApi
public final class AttemptContext {
  private final boolean noSilentResend;
  private final CallEvents.State events;
  private volatile boolean sent;
  private volatile AccessToken token;

  /**
   * Creates the context of one attempt.
   *
   * @param noSilentResend whether OkHttp's own retry of a sent request must be off (creates, calls
   *     whose retries a caller drives)
   * @param events the call's listener state, {@code null} without a listener
   */
  public AttemptContext(boolean noSilentResend, CallEvents.State events) {
    this.noSilentResend = noSilentResend;
    this.events = events;
  }

  /** A mutable tag a Retrofit request carries from the call factory until the loop binds it. */
  public static final class Slot {
    private volatile AttemptContext context;

    /** Binds the attempt's context. */
    public void bind(AttemptContext context) {
      this.context = context;
    }
  }

  /** Returns the context a request carries (directly or through a bound slot), or {@code null}. */
  public static AttemptContext of(Request request) {
    AttemptContext c = request.tag(AttemptContext.class);
    if (c != null) {
      return c;
    }
    Slot s = request.tag(Slot.class);
    return s == null ? null : s.context;
  }

  /** Returns whether OkHttp must not re-send the request by itself. */
  public boolean noSilentResend() {
    return noSilentResend;
  }

  /** Returns the call's listener state, or {@code null}. */
  public CallEvents.State events() {
    return events;
  }

  /** Marks that the request is being written to an established connection. */
  public void markSent() {
    sent = true;
  }

  /** Returns whether the request may have reached the server. */
  public boolean sent() {
    return sent;
  }

  /** Records the token sent. */
  public void token(AccessToken token) {
    this.token = token;
  }

  /** Returns the token sent, or {@code null}. */
  public AccessToken token() {
    return token;
  }
}
