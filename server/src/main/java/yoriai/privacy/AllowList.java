package yoriai.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Phrases the organisation has declared public (its own municipality, public facility names).
 * A finding that lies wholly inside an occurrence of such a phrase is not reported; one that only
 * touches it is, so allowing 高崎市 does not hide 高崎市八島町1丁目2番3号.
 */
final class AllowList {

  private record Range(int start, int end) {}

  private final List<Range> publicRanges;

  private AllowList(List<Range> publicRanges) {
    this.publicRanges = publicRanges;
  }

  static AllowList in(String folded, Set<String> phrases) {
    List<Range> ranges = new ArrayList<>();
    for (String phrase : phrases) {
      if (phrase == null || phrase.isBlank()) {
        continue;
      }
      String foldedPhrase = WidthFolding.fold(phrase);
      for (int at = folded.indexOf(foldedPhrase); at >= 0; at = folded.indexOf(foldedPhrase, at + 1)) {
        ranges.add(new Range(at, at + foldedPhrase.length()));
      }
    }
    return new AllowList(ranges);
  }

  boolean covers(Span finding) {
    return publicRanges.stream().anyMatch(range -> range.start() <= finding.start() && finding.end() <= range.end());
  }
}
