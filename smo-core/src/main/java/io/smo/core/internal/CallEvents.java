package io.smo.core.internal;

import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.event.ApiCall;
import io.smo.core.event.AttemptEvent;
import io.smo.core.event.CallResult;
import io.smo.core.event.Outcome;
import io.smo.core.event.RateLimitEvent;
import io.smo.core.event.RetryEvent;
import io.smo.core.event.SmoListener;
import io.smo.core.event.SmoListeners;
import io.smo.core.event.TokenRefreshEvent;
import io.smo.core.event.UnknownOutcomeEvent;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.SmoException;
import io.smo.core.exception.TransportException;
import io.smo.core.http.Operation;
import io.smo.core.resilience.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Turns what {@code ApiRuntime} does into {@link SmoListener} events, so that the runtime needs
 * only one-line hooks. The state of the running call is a {@link State} the runtime passes down
 * explicitly (to the network interceptor through the request's {@link AttemptContext} tag). With
 * {@link SmoListener#NONE} there is no state and every hook returns at once. Upload progress
 * reaches the listener of the client publishing on the thread ({@link #enterPublish}), since the
 * platform module's upload code sits between the publish call and the uploader.
 */
@SmoInternalApi
public final class CallEvents {
  private static final ThreadLocal<SmoListener> PUBLISHING = new ThreadLocal<>();

  /** A gate that blocked this long without sleeping (Resilience4j's own wait) counts as a wait. */
  private static final long UNSLEPT_WAIT_NANOS = 50_000_000L;

  private final Platform platform;
  private final SmoListener listener;
  private final Clock clock;
  private final boolean off;

  /** Creates the dispatcher; {@code listener} is wrapped so that its failures are only logged. */
  public CallEvents(Platform platform, SmoListener listener, Clock clock) {
    this.platform = platform;
    this.listener = SmoListeners.of(listener == null ? SmoListener.NONE : listener);
    this.clock = clock;
    this.off = this.listener == SmoListener.NONE;
  }

  /**
   * Marks the current thread as publishing for a client whose listener is {@code listener}, so that
   * upload progress reported through {@link #upload} reaches it; returns the previous mark for
   * {@link #exitPublish}.
   */
  public static SmoListener enterPublish(SmoListener listener) {
    SmoListener previous = PUBLISHING.get();
    PUBLISHING.set(listener);
    return previous;
  }

  /** Restores the mark {@link #enterPublish} returned. */
  public static void exitPublish(SmoListener previous) {
    if (previous == null) {
      PUBLISHING.remove();
    } else {
      PUBLISHING.set(previous);
    }
  }

  /** Reports upload progress to the listener of the client publishing on this thread, if any. */
  public static void upload(io.smo.core.upload.UploadProgress progress) {
    SmoListener l = PUBLISHING.get();
    if (l != null && l != SmoListener.NONE) {
      l.onUpload(progress);
    }
  }

  /** Returns the (failure-safe) listener. */
  public SmoListener listener() {
    return listener;
  }

  /** The listener state of one running call; {@code null} stands for "no listener". */
  public static final class State {
    final ApiCall call;
    final long startNanos = System.nanoTime();
    int attempts;
    long attemptStart;
    int status;
    long sent = -1;
    long received = -1;
    boolean refusedByGate;
    boolean attemptOpen;
    long gateSleptNanos;
    final java.util.List<Runnable> afterAttempt = new java.util.ArrayList<>();

    State(ApiCall call) {
      this.call = call;
    }
  }

  /**
   * Runs a whole call ({@code body}) between {@code onCallStart} and {@code onCallEnd}; {@code
   * body} gets the call's state ({@code null} without a listener) to pass to the other hooks.
   */
  public <R> R call(Operation op, String account, Function<State, R> body) {
    if (off) {
      return body.apply(null);
    }
    State s = new State(new ApiCall(platform, account, op.name(), op.kind(), clock.instant()));
    listener.onCallStart(s.call);
    Throwable error = null;
    try {
      return body.apply(s);
    } catch (RuntimeException | Error e) {
      error = e;
      throw e;
    } finally {
      if (error instanceof RateLimitException && !s.refusedByGate) {
        listener.onRateLimit(
            new RateLimitEvent(
                s.call,
                RateLimitEvent.Action.REFUSED,
                RateLimitEvent.Source.SERVER,
                ((RateLimitException) error).retryAfter()));
      }
      listener.onCallEnd(
          s.call,
          new CallResult(
              Outcome.of(error),
              s.attempts,
              Duration.ofNanos(System.nanoTime() - s.startNanos),
              error));
    }
  }

  /**
   * Returns {@code sleeper} recording what the rate-limit gate sleeps for call {@code s}, so that
   * {@link #acquire} reports the exact wait (with a fake sleeper too).
   */
  public static Sleeper gateSleeper(State s, Sleeper sleeper) {
    if (s == null) {
      return sleeper;
    }
    return d -> {
      s.gateSleptNanos += d.toNanos();
      sleeper.sleep(d);
    };
  }

  /**
   * Runs the rate-limit gate, reporting its wait (sleeps, or a block of 50 ms or more) and a
   * refusal.
   *
   * @param <T> what the gate returns (its permit)
   * @param s the call's state, {@code null} without a listener
   * @param gate the gate's acquire call
   * @return what {@code gate} returned
   */
  public <T> T acquire(State s, Supplier<T> gate) {
    if (s == null) {
      return gate.get();
    }
    s.gateSleptNanos = 0;
    long t0 = System.nanoTime();
    T result;
    try {
      result = gate.get();
    } catch (RateLimitException e) {
      s.refusedByGate = true;
      listener.onRateLimit(
          new RateLimitEvent(
              s.call, RateLimitEvent.Action.REFUSED, RateLimitEvent.Source.CLIENT, e.retryAfter()));
      throw e;
    }
    long elapsed = System.nanoTime() - t0;
    long waited =
        s.gateSleptNanos > 0 ? s.gateSleptNanos : elapsed >= UNSLEPT_WAIT_NANOS ? elapsed : 0;
    if (waited > 0) {
      listener.onRateLimit(
          new RateLimitEvent(
              s.call,
              RateLimitEvent.Action.WAITED,
              RateLimitEvent.Source.CLIENT,
              Duration.ofNanos(waited)));
    }
    return result;
  }

  /** An attempt of call {@code s} starts (after the gate). */
  public void attemptStarted(State s, int attempt) {
    if (s != null) {
      s.attempts = attempt;
      s.attemptStart = System.nanoTime();
      s.status = 0;
      s.sent = -1;
      s.received = -1;
      s.attemptOpen = true;
    }
  }

  private void afterAttempt(State s, Runnable event) {
    if (s.attemptOpen) {
      s.afterAttempt.add(event);
    } else {
      event.run();
    }
  }

  /** The attempt of call {@code s} that started last ended. */
  public void attemptEnded(State s) {
    if (s != null) {
      s.attemptOpen = false;
      listener.onAttempt(
          new AttemptEvent(
              s.call,
              s.attempts,
              s.status,
              Outcome.ofStatus(s.status),
              Duration.ofNanos(System.nanoTime() - s.attemptStart),
              s.sent,
              s.received));
      s.afterAttempt.forEach(Runnable::run);
      s.afterAttempt.clear();
    }
  }

  /**
   * Returns an OkHttp network interceptor that records status and body sizes of the attempt whose
   * {@link AttemptContext} the request carries.
   */
  public static Interceptor networkInterceptor() {
    return chain -> {
      AttemptContext ctx = AttemptContext.of(chain.request());
      State s = ctx == null ? null : ctx.events();
      if (s == null) {
        return chain.proceed(chain.request());
      }
      okhttp3.RequestBody body = chain.request().body();
      s.sent = body == null ? 0 : body.contentLength();
      Response r = chain.proceed(chain.request());
      s.status = r.code();
      s.received = r.body() == null ? -1 : r.body().contentLength();
      return r;
    };
  }

  /** The failed {@code attempt} of call {@code s} is retried after {@code wait}. */
  public void retry(State s, int attempt, SmoException failure, Duration wait) {
    if (s == null) {
      return;
    }
    RetryEvent.Reason reason =
        failure instanceof RateLimitException
            ? RetryEvent.Reason.RATE_LIMITED
            : failure instanceof TransportException
                ? RetryEvent.Reason.TRANSPORT_ERROR
                : RetryEvent.Reason.SERVER_ERROR;
    listener.onRetry(new RetryEvent(s.call, attempt, reason, wait));
    if (failure instanceof RateLimitException) {
      listener.onRateLimit(
          new RateLimitEvent(
              s.call, RateLimitEvent.Action.WAITED, RateLimitEvent.Source.SERVER, wait));
    }
  }

  /** A rejected token was refreshed ({@code refreshed}) or the refresh was refused. */
  public void tokenRefresh(State s, boolean refreshed) {
    if (s != null) {
      afterAttempt(s, () -> listener.onTokenRefresh(new TokenRefreshEvent(s.call, refreshed)));
    }
  }

  /** The create's outcome is unknown. */
  public void unknown(State s, int attempt, String reason) {
    if (s != null) {
      afterAttempt(
          s, () -> listener.onUnknownOutcome(new UnknownOutcomeEvent(s.call, attempt, reason)));
    }
  }
}
