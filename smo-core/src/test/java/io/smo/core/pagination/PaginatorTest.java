package io.smo.core.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.pagination.spi.PageFetcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PaginatorTest {
  /** A fetcher over fixed pages keyed by cursor ({@code null} = first), recording each call. */
  static final class Pages implements PageFetcher<String> {
    final Map<String, Page<String>> pages;
    final List<String> calls = new ArrayList<>();

    Pages(Map<String, Page<String>> pages) {
      this.pages = pages;
    }

    @Override
    public Page<String> fetch(String cursor) {
      calls.add(cursor);
      Page<String> p = pages.get(cursor == null ? "" : cursor);
      if (p == null) {
        throw new AssertionError("unexpected cursor " + cursor);
      }
      return p;
    }
  }

  @Test
  void walksAllPagesUntilNoNextMarker() {
    Pages f =
        new Pages(
            Map.of(
                "",
                Page.of(List.of("a", "b"), "c2"),
                "c2",
                Page.of(List.of("c"), "c3"),
                "c3",
                Page.of(List.of("d"), null)));
    assertThat(Paginator.of(f).toList()).containsExactly("a", "b", "c", "d");
    assertThat(f.calls).containsExactly(null, "c2", "c3");
  }

  @Test
  void emptyStringCursorMeansEnd() {
    Pages f = new Pages(Map.of("", Page.of(List.of("a"), "")));
    assertThat(Paginator.of(f).toList()).containsExactly("a");
    assertThat(f.calls).hasSize(1);
  }

  @Test
  void stopsOnARepeatedCursor() {
    // c2 -> c3 -> c2 again: a server loop
    Pages f =
        new Pages(
            Map.of(
                "",
                Page.of(List.of("a"), "c2"),
                "c2",
                Page.of(List.of("b"), "c3"),
                "c3",
                Page.of(List.of("c"), "c2")));
    assertThat(Paginator.of(f).toList()).containsExactly("a", "b", "c");
    assertThat(f.calls).containsExactly(null, "c2", "c3");
    // a page pointing at itself
    Pages self = new Pages(Map.of("", Page.of(List.of("a"), "x"), "x", Page.of(List.of("b"), "x")));
    assertThat(Paginator.of(self).toList()).containsExactly("a", "b");
    assertThat(self.calls).containsExactly(null, "x");
  }

  @Test
  void stopsAfterThreeEmptyPagesThatStillCarryANextMarker() {
    int[] n = {0};
    List<String> calls = new ArrayList<>();
    Paginator<String> p =
        Paginator.of(
            cursor -> {
              calls.add(cursor);
              n[0]++;
              return Page.of(List.of(), "cursor-" + n[0]); // always a new marker, never items
            });
    assertThat(p.toList()).isEmpty();
    assertThat(calls).hasSize(Paginator.MAX_EMPTY_PAGES);
  }

  @Test
  void emptyPagesBetweenFullOnesAreSkipped() {
    Pages f =
        new Pages(
            Map.of(
                "",
                Page.of(List.of("a"), "1"),
                "1",
                Page.of(List.of(), "2"),
                "2",
                Page.of(List.of(), "3"),
                "3",
                Page.of(List.of("b"), null)));
    assertThat(Paginator.of(f).toList()).containsExactly("a", "b");
  }

  @Test
  void maxPagesAndMaxItems() {
    int[] n = {0};
    PageFetcher<Integer> endless =
        cursor -> {
          int page = n[0]++;
          return Page.of(List.of(page * 10, page * 10 + 1, page * 10 + 2), "p" + (page + 1));
        };
    assertThat(Paginator.of(endless).maxPages(2).toList()).containsExactly(0, 1, 2, 10, 11, 12);
    assertThat(n[0]).isEqualTo(2);
    n[0] = 0;
    assertThat(Paginator.of(endless).maxItems(4).toList()).containsExactly(0, 1, 2, 10);
    assertThat(n[0]).isEqualTo(2);
    n[0] = 0;
    assertThat(Paginator.of(endless).maxItems(0).toList()).isEmpty();
    assertThat(n[0]).isZero();
    assertThatThrownBy(() -> Paginator.of(endless).maxPages(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isLazy() {
    int[] n = {0};
    Paginator<Integer> p =
        Paginator.of(
            cursor -> {
              int page = n[0]++;
              return Page.of(List.of(page, page), "p" + (page + 1));
            });
    assertThat(n[0]).isZero(); // nothing fetched by building it
    Iterator<Integer> it = p.iterator();
    assertThat(n[0]).isZero();
    assertThat(it.next()).isZero();
    assertThat(n[0]).isEqualTo(1);
    it.next();
    assertThat(n[0]).isEqualTo(1);
    it.next();
    assertThat(n[0]).isEqualTo(2);
    // streams fetch only what they consume, even over an endless source
    n[0] = 0;
    assertThat(p.stream().limit(5).collect(Collectors.toList())).containsExactly(0, 0, 1, 1, 2);
    assertThat(n[0]).isEqualTo(3);
  }

  @Test
  void resumesAtACursorAndExposesPages() {
    Pages f = new Pages(Map.of("", Page.of(List.of("a"), "c2"), "c2", Page.of(List.of("b"), null)));
    assertThat(Paginator.of(f).resumingAt("c2").toList()).containsExactly("b");
    List<Page<String>> pages = new ArrayList<>();
    Paginator.of(f).pages().forEach(pages::add);
    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).nextCursor()).hasValue("c2");
    assertThat(Paginator.empty().toList()).isEmpty();
    Iterator<String> it = Paginator.<String>empty().iterator();
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
  }
}
