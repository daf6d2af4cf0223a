package yoriai.http.pages;

/** Links to the previous and next page of a list (null at either end) and where the reader is. */
public record Pagination(String previous, String next, int page, long pages) {
  /** For a list of {@code total} items shown {@code size} per page; {@code link} is the current page's link. */
  static Pagination of(QueryString link, int page, int size, long total, int lastAllowedPage) {
    long pages = Math.max(1, Math.min(lastAllowedPage, (total + size - 1) / size));
    return new Pagination(page > 1 ? link.with("page", page == 2 ? null : page - 1).href() : null,
        page < pages ? link.with("page", page + 1).href() : null, page, pages);
  }

  public boolean needed() {
    return previous != null || next != null;
  }
}
