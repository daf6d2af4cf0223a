package yoriai.archive;

/**
 * A search of the archive. A null or blank {@code q} lists everything newest first; each non-null
 * filter keeps only entries with exactly that value. {@code page} counts from 1.
 */
public record SearchQuery(String q, String activity, String careLevel, String household,
    String prefecture, String type, Integer year, int page, int size) {
  public static final int MAX_SIZE = 50;
  public static final int MAX_PAGE = 200;

  public SearchQuery {
    if (page < 1 || page > MAX_PAGE) {
      throw new IllegalArgumentException("page must be 1.." + MAX_PAGE);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
    }
  }

  public static SearchQuery text(String q) {
    return new SearchQuery(q, null, null, null, null, null, null, 1, 10);
  }

  public SearchQuery page(int page, int size) {
    return new SearchQuery(q, activity, careLevel, household, prefecture, type, year, page, size);
  }

  public SearchQuery activity(String value) {
    return new SearchQuery(q, value, careLevel, household, prefecture, type, year, page, size);
  }

  public SearchQuery careLevel(String value) {
    return new SearchQuery(q, activity, value, household, prefecture, type, year, page, size);
  }

  public SearchQuery household(String value) {
    return new SearchQuery(q, activity, careLevel, value, prefecture, type, year, page, size);
  }

  public SearchQuery prefecture(String value) {
    return new SearchQuery(q, activity, careLevel, household, value, type, year, page, size);
  }

  public SearchQuery type(String value) {
    return new SearchQuery(q, activity, careLevel, household, prefecture, value, year, page, size);
  }

  public SearchQuery year(Integer value) {
    return new SearchQuery(q, activity, careLevel, household, prefecture, type, value, page, size);
  }
}
