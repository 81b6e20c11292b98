package io.smo.core.pagination;

import io.smo.core.SmoPublicApi;
import java.util.List;
import java.util.Optional;

/**
 * One page of results and the marker of the next page (a cursor, a {@code next} URL or a page
 * token, as the platform pages). Immutable.
 *
 * @param <T> the item type
 */
@SmoPublicApi
public final class Page<T> {
  private final List<T> items;
  private final String nextCursor;

  private Page(List<T> items, String nextCursor) {
    this.items = List.copyOf(items);
    this.nextCursor = nextCursor == null || nextCursor.isEmpty() ? null : nextCursor;
  }

  /**
   * Returns a page.
   *
   * @param items the items
   * @param nextCursor the next page's marker, or {@code null}/empty on the last page
   */
  public static <T> Page<T> of(List<T> items, String nextCursor) {
    return new Page<>(items, nextCursor);
  }

  /** Returns the items on this page. */
  public List<T> items() {
    return items;
  }

  /** Returns the next page's marker, absent on the last page. */
  public Optional<String> nextCursor() {
    return Optional.ofNullable(nextCursor);
  }
}
