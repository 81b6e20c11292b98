package io.smo.core.internal;

import io.smo.core.SmoInternalApi;
import io.smo.core.auth.AccessToken;

/**
 * Per-attempt facts the interceptors record on the calling thread: whether the request reached
 * the network (a connection was established and writing began), and which token was sent.
 * Synchronous OkHttp calls run their interceptors on the calling thread, so a thread-local holds it.
 */
@SmoInternalApi
public final class SendTracker {
  private static final ThreadLocal<SendTracker> CURRENT = new ThreadLocal<>();

  private volatile boolean sent;
  private volatile AccessToken token;

  /** Starts tracking an attempt on this thread. */
  public static SendTracker begin() {
    SendTracker t = new SendTracker();
    CURRENT.set(t);
    return t;
  }

  /** Stops tracking on this thread. */
  public static void end() {
    CURRENT.remove();
  }

  /** Returns the tracker of this thread's attempt, or {@code null}. */
  public static SendTracker current() {
    return CURRENT.get();
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
