package io.smo.core.inbox;

import io.smo.core.SmoPublicApi;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Helpers for inbox streams: ordering and cut-off by time. Stateless. */
@SmoPublicApi
public final class InboxStreams {
  /** Orders items newest first, then by reference string (a total, stable order). */
  public static final Comparator<InboxItem> NEWEST_FIRST = Comparator
      .comparing(InboxItem::createdAt, Comparator.reverseOrder())
      .thenComparing(i -> i.ref().toString());

  private InboxStreams() {}

  /** Returns {@code source} typed as a stream of {@link InboxItem}s (a read-only view). */
  @SuppressWarnings("unchecked")
  public static Iterable<InboxItem> widen(Iterable<? extends InboxItem> source) {
    return (Iterable<InboxItem>) source;
  }

  /**
   * Returns a lazy view of a newest-first {@code source} that stops at the first item older than
   * {@code since} ({@code null}: no cut-off).
   */
  public static <T extends InboxItem> Iterable<T> until(Iterable<T> source, Instant since) {
    if (since == null) {
      return source;
    }
    return () -> new Iterator<T>() {
      private final Iterator<T> it = source.iterator();
      private T next;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (next != null) {
          return true;
        }
        if (done || !it.hasNext()) {
          return false;
        }
        T candidate = it.next();
        if (candidate.createdAt().isBefore(since)) {
          done = true;
          return false;
        }
        next = candidate;
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        T t = next;
        next = null;
        return t;
      }
    };
  }
}
