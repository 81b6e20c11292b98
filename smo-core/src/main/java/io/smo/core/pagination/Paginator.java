package io.smo.core.pagination;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import io.smo.core.pagination.spi.PageFetcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy sequence of items fetched page by page from a cursor, {@code next} URL or page token. No
 * call is made until iteration starts; each iteration starts again from the first page (or the
 * cursor given to {@link #resumingAt(String)}).
 *
 * <p>Stops when a page has no next marker, when a page repeats a marker already seen (a cursor that
 * does not advance), after {@link #maxPages(int)} pages or {@link #maxItems(long)} items, and after
 * 3 consecutive empty pages that still carry a next marker. Errors surface as unchecked {@link
 * io.smo.core.exception.SmoException}s while iterating.
 *
 * <p>Immutable and thread-safe; each iterator is for one thread.
 *
 * <pre>{@code
 * for (Comment c : client.comments(ref).maxItems(100)) { ... }
 * client.comments(ref).stream().filter(c -> !c.hidden()).count();
 * }</pre>
 *
 * @param <T> the item type
 */
@SmoPublicApi
public final class Paginator<T> implements Iterable<T> {
  /** Consecutive empty pages with a next marker tolerated before stopping. */
  public static final int MAX_EMPTY_PAGES = 3;

  private final PageFetcher<T> fetcher;
  private final String startCursor;
  private final int maxPages;
  private final long maxItems;

  private Paginator(PageFetcher<T> fetcher, String startCursor, int maxPages, long maxItems) {
    this.fetcher = fetcher;
    this.startCursor = startCursor;
    this.maxPages = maxPages;
    this.maxItems = maxItems;
  }

  /** Returns a paginator over {@code fetcher}, unbounded but for the loop guards. */
  public static <T> Paginator<T> of(PageFetcher<T> fetcher) {
    return new Paginator<>(
        requireNonNull(fetcher, "fetcher == null"), null, Integer.MAX_VALUE, Long.MAX_VALUE);
  }

  /** Returns a paginator with no items, for platforms or posts with nothing to list. */
  public static <T> Paginator<T> empty() {
    return of(cursor -> Page.of(List.of(), null));
  }

  /** Returns a copy that fetches at most {@code maxPages} pages. */
  public Paginator<T> maxPages(int maxPages) {
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages < 1: " + maxPages);
    }
    return new Paginator<>(fetcher, startCursor, maxPages, maxItems);
  }

  /** Returns a copy that yields at most {@code maxItems} items. */
  public Paginator<T> maxItems(long maxItems) {
    if (maxItems < 0) {
      throw new IllegalArgumentException("maxItems < 0: " + maxItems);
    }
    return new Paginator<>(fetcher, startCursor, maxPages, maxItems);
  }

  /** Returns a copy that starts at {@code cursor} instead of the first page. */
  public Paginator<T> resumingAt(String cursor) {
    return new Paginator<>(fetcher, requireNonNull(cursor, "cursor == null"), maxPages, maxItems);
  }

  /** Returns the pages, lazily; the same stop rules apply. */
  public Iterable<Page<T>> pages() {
    return PageIterator::new;
  }

  /** Returns the first page only (one call), for manual paging with {@link Page#nextCursor()}. */
  public Page<T> firstPage() {
    return fetcher.fetch(startCursor);
  }

  @Override
  public Iterator<T> iterator() {
    return new ItemIterator();
  }

  /** Returns a sequential stream of the items, fetched as consumed. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** Fetches every item (within the limits) into a list. */
  public List<T> toList() {
    List<T> all = new ArrayList<>();
    forEach(all::add);
    return all;
  }

  private final class PageIterator implements Iterator<Page<T>> {
    private final Set<String> seen = new HashSet<>();
    private String cursor = startCursor;
    private boolean done;
    private int pages;
    private int emptyInARow;
    private Page<T> next;

    @Override
    public boolean hasNext() {
      if (next != null) {
        return true;
      }
      if (done || pages >= maxPages) {
        return false;
      }
      Page<T> page = fetcher.fetch(cursor);
      pages++;
      if (cursor != null) {
        seen.add(cursor);
      }
      String nc = page.nextCursor().orElse(null);
      emptyInARow = page.items().isEmpty() ? emptyInARow + 1 : 0;
      if (nc == null || seen.contains(nc) || emptyInARow >= MAX_EMPTY_PAGES) {
        done = true;
      }
      cursor = nc;
      next = page;
      return true;
    }

    @Override
    public Page<T> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Page<T> p = next;
      next = null;
      return p;
    }
  }

  private final class ItemIterator implements Iterator<T> {
    private final PageIterator pagesIt = new PageIterator();
    private Iterator<T> current = java.util.Collections.emptyIterator();
    private long yielded;

    @Override
    public boolean hasNext() {
      if (yielded >= maxItems) {
        return false;
      }
      while (!current.hasNext()) {
        if (!pagesIt.hasNext()) {
          return false;
        }
        current = pagesIt.next().items().iterator();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      yielded++;
      return current.next();
    }
  }
}
