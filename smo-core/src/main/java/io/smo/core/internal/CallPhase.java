package io.smo.core.internal;

import io.smo.core.SmoInternalApi;

/**
 * How far the public call running on this thread got, so that an unexpected failure (a raw
 * exception from the transport or a response mapper) can be classified by phase: nothing sent, a
 * request sent, or a create the platform accepted. {@link io.smo.core.http.ApiRuntime} records the
 * phases; {@link io.smo.core.spi.BaseSocialClient} reads them. Nested calls on one thread share the
 * outermost record.
 */
@SmoInternalApi
public final class CallPhase {
  private static final ThreadLocal<CallPhase> CURRENT = new ThreadLocal<>();

  private boolean requestSent;
  private boolean createSent;
  private boolean createAccepted;
  private boolean owner;

  private CallPhase() {}

  /**
   * Starts recording on this thread (or joins the record already running); end with {@link #end()}.
   */
  public static CallPhase begin() {
    CallPhase c = CURRENT.get();
    if (c != null) {
      CallPhase joined = new CallPhase();
      joined.owner = false;
      joined.delegate = c;
      return joined;
    }
    c = new CallPhase();
    c.owner = true;
    CURRENT.set(c);
    return c;
  }

  private CallPhase delegate;

  private CallPhase target() {
    return delegate != null ? delegate : this;
  }

  /** Stops recording if this record started it. */
  public void end() {
    if (owner) {
      CURRENT.remove();
    }
  }

  /** Records that a request reached the network; {@code create} when it was a create. */
  public static void recordSent(boolean create) {
    CallPhase c = CURRENT.get();
    if (c != null) {
      c.requestSent = true;
      c.createSent |= create;
    }
  }

  /** Records that the platform accepted a create (a 2xx answer). */
  public static void recordCreateAccepted() {
    CallPhase c = CURRENT.get();
    if (c != null) {
      c.createAccepted = true;
    }
  }

  /** Returns whether any request reached the network. */
  public boolean requestSent() {
    return target().requestSent;
  }

  /** Returns whether a create reached the network (it may have taken effect). */
  public boolean createSent() {
    return target().createSent;
  }

  /** Returns whether the platform accepted a create. */
  public boolean createAccepted() {
    return target().createAccepted;
  }
}
