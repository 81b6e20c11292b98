package io.smo.core.event;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import io.smo.core.upload.UploadProgress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Combines listeners so that one failing listener neither breaks a call nor silences the others.
 */
@SmoPublicApi
public final class SmoListeners {
  private static final Logger LOG = LoggerFactory.getLogger("io.smo.core.event");

  private SmoListeners() {}

  /**
   * Returns a listener that forwards every event to each of {@code listeners} in order, catching
   * and logging (at WARN, without the event's content) whatever one throws. An empty collection
   * gives {@link SmoListener#NONE}.
   */
  public static SmoListener of(Collection<? extends SmoListener> listeners) {
    List<SmoListener> all = new ArrayList<>();
    for (SmoListener l : listeners) {
      if (l instanceof Safe safe) {
        all.addAll(safe.listeners);
      } else if (requireNonNull(l, "listener == null") != SmoListener.NONE) {
        all.add(l);
      }
    }
    return all.isEmpty() ? SmoListener.NONE : new Safe(List.copyOf(all));
  }

  /** Returns {@link #of(Collection)} of the given listeners. */
  public static SmoListener of(SmoListener... listeners) {
    return of(List.of(listeners));
  }

  private static final class Safe implements SmoListener {
    private final List<SmoListener> listeners;

    Safe(List<SmoListener> listeners) {
      this.listeners = listeners;
    }

    /** Two combinations of the same listeners, in the same order, are equal. */
    @Override
    public boolean equals(Object o) {
      return o instanceof Safe other && listeners.equals(other.listeners);
    }

    @Override
    public int hashCode() {
      return listeners.hashCode();
    }

    private void each(String what, Consumer<SmoListener> event) {
      for (SmoListener l : listeners) {
        try {
          event.accept(l);
        } catch (RuntimeException | LinkageError e) {
          LOG.warn("SMO listener {} failed in {}: {}", l.getClass().getName(), what, e.toString());
        }
      }
    }

    @Override
    public void onCallStart(ApiCall call) {
      each("onCallStart", l -> l.onCallStart(call));
    }

    @Override
    public void onAttempt(AttemptEvent event) {
      each("onAttempt", l -> l.onAttempt(event));
    }

    @Override
    public void onRetry(RetryEvent event) {
      each("onRetry", l -> l.onRetry(event));
    }

    @Override
    public void onRateLimit(RateLimitEvent event) {
      each("onRateLimit", l -> l.onRateLimit(event));
    }

    @Override
    public void onTokenRefresh(TokenRefreshEvent event) {
      each("onTokenRefresh", l -> l.onTokenRefresh(event));
    }

    @Override
    public void onUnknownOutcome(UnknownOutcomeEvent event) {
      each("onUnknownOutcome", l -> l.onUnknownOutcome(event));
    }

    @Override
    public void onCallEnd(ApiCall call, CallResult result) {
      each("onCallEnd", l -> l.onCallEnd(call, result));
    }

    @Override
    public void onUpload(UploadProgress progress) {
      each("onUpload", l -> l.onUpload(progress));
    }

    @Override
    public void onCrossPost(CrossPostEvent event) {
      each("onCrossPost", l -> l.onCrossPost(event));
    }

    @Override
    public void onSchedulerRun(SchedulerRunEvent event) {
      each("onSchedulerRun", l -> l.onSchedulerRun(event));
    }

    @Override
    public void onInboxDrop(InboxDropEvent event) {
      each("onInboxDrop", l -> l.onInboxDrop(event));
    }
  }
}
