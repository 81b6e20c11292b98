package io.smo.core.inbox;

import io.smo.core.SmoPublicApi;
import io.smo.core.pagination.Page;
import io.smo.core.pagination.Paginator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

/** Helpers for inbox streams: ordering and cut-off by time. Stateless. */
@SmoPublicApi
public final class InboxStreams {
  /** Orders items newest first, then by reference string (a total, stable order). */
  public static final Comparator<InboxItem> NEWEST_FIRST =
      Comparator.comparing(InboxItem::createdAt, Comparator.reverseOrder())
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
    return () ->
        new Iterator<T>() {
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

  /**
   * Merges sources that are each ordered by {@code order} into one lazy sequence in that order (a
   * k-way merge: each source is read only as far as needed).
   */
  public static <T> Iterable<T> merge(
      List<? extends Iterable<? extends T>> sources, Comparator<? super T> order) {
    List<Iterable<? extends T>> copy = List.copyOf(sources);
    return () ->
        new Iterator<T>() {
          private final List<Iterator<? extends T>> its = new ArrayList<>();
          private final List<T> heads = new ArrayList<>();
          private boolean started;

          private void start() {
            if (!started) {
              started = true;
              for (Iterable<? extends T> s : copy) {
                Iterator<? extends T> it = s.iterator();
                its.add(it);
                heads.add(it.hasNext() ? it.next() : null);
              }
            }
          }

          @Override
          public boolean hasNext() {
            start();
            return heads.stream().anyMatch(h -> h != null);
          }

          @Override
          public T next() {
            start();
            int best = -1;
            for (int i = 0; i < heads.size(); i++) {
              T h = heads.get(i);
              if (h != null && (best < 0 || order.compare(h, heads.get(best)) < 0)) {
                best = i;
              }
            }
            if (best < 0) {
              throw new NoSuchElementException();
            }
            T out = heads.get(best);
            Iterator<? extends T> it = its.get(best);
            heads.set(best, it.hasNext() ? it.next() : null);
            return out;
          }
        };
  }

  /**
   * Returns a {@link Paginator} over a lazy source, {@code pageSize} items per page. Each iteration
   * reads the source afresh; the cursor names that iteration's position (kept for the 64 most
   * recent iterations; an older cursor ends the sequence).
   */
  public static <T> Paginator<T> paginator(Iterable<T> source, int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize < 1: " + pageSize);
    }
    Map<String, Iterator<T>> open =
        Collections.synchronizedMap(
            new LinkedHashMap<>() {
              private static final long serialVersionUID = 1L;

              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Iterator<T>> eldest) {
                return size() > 64;
              }
            });
    return Paginator.of(
        cursor -> {
          Iterator<T> it = cursor == null ? source.iterator() : open.remove(cursor);
          if (it == null) {
            return Page.of(List.of(), null);
          }
          List<T> items = new ArrayList<>();
          while (items.size() < pageSize && it.hasNext()) {
            items.add(it.next());
          }
          if (!it.hasNext()) {
            return Page.of(items, null);
          }
          String next = UUID.randomUUID().toString();
          open.put(next, it);
          return Page.of(items, next);
        });
  }
}
