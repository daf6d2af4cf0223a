package yoriai.http.pages;

import yoriai.shared.Failure;

/** Links to the previous and next page of a list (null at either end) and where the reader is. */
public record Pagination(String previous, String next, int page, long pages) {
  /**
   * For a list of {@code total} items shown {@code size} per page; {@code link} is the current page's link.
   * A page past the last of a list that has items is not found, so no link leads beyond it.
   */
  static Pagination of(QueryString link, int page, int size, long total, int lastAllowedPage) {
    long pages = Math.max(1, Math.min(lastAllowedPage, (total + size - 1) / size));
    if (total > 0 && page > pages) {
      throw Failure.notFound("Page " + page);
    }
    return new Pagination(page > 1 ? link.with("page", page == 2 ? null : page - 1).href() : null,
        page < pages ? link.with("page", page + 1).href() : null, page, pages);
  }

  public boolean needed() {
    return previous != null || next != null;
  }
}
