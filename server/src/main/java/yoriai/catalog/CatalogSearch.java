package yoriai.catalog;

/**
 * Free-text matching of the catalog's {@code q}. The catalog narrows candidates by category and
 * area first and asks this for each candidate, so an implementation needs no index of its own and
 * can never go stale; one with a Japanese analyzer (e.g. Lucene's MemoryIndex with Kuromoji) fits
 * the same contract. Implementations must be thread-safe and must not block for long.
 */
public interface CatalogSearch {
  /** How well {@code service} matches {@code query}: 0 for no match, higher for a better one. */
  double score(String query, Service service);

  /** Case-insensitive substring matching after NFKC normalization. */
  static CatalogSearch substrings() {
    return new SubstringSearch();
  }
}
