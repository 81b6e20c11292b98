package io.smo.core.pagination.spi;

import io.smo.core.SmoProtectedApi;
import io.smo.core.pagination.Page;

/**
 * Fetches one page given the marker of the page to fetch ({@code null} for the first). Platform
 * modules implement it over their list endpoints.
 *
 * @param <T> the item type
 */
@SmoProtectedApi
@FunctionalInterface
public interface PageFetcher<T> {
  /**
   * Fetches a page.
   *
   * @param cursor the marker from the previous page, or {@code null} for the first page
   * @return the page
   * @throws io.smo.core.exception.SmoException on failure
   */
  Page<T> fetch(String cursor);
}
