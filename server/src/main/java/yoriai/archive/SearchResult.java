package yoriai.archive;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of hits. {@code facets} maps a dimension (activity, careLevel, household, prefecture,
 * type, year) to value counts, most frequent first. {@code relaxed}: no entry shared enough of the
 * text's words, so these are the entries sharing any of them (the nearest cases).
 */
public record SearchResult(long total, List<Hit> hits, Map<String, Map<String, Integer>> facets, boolean relaxed) {

  public SearchResult {
    hits = List.copyOf(hits);
    facets = Collections.unmodifiableMap(new LinkedHashMap<>(facets));
  }

  /** {@code snippet} is HTML: the text is escaped and only {@code <mark>} tags are added. */
  public record Hit(String id, String title, String snippet, String prefecture, String careLevel,
      String household, Instant publishedAt, float score) {

    static Hit of(ArchiveEntry entry, String snippet, float score) {
      ArchiveEntry.Person person = entry.person();
      return new Hit(entry.id(), entry.title(), snippet, entry.prefecture(),
          person == null ? null : person.careLevel(), person == null ? null : person.household(),
          entry.publishedAt(), score);
    }
  }
}
