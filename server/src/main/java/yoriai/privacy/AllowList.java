package yoriai.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Phrases the organisation has declared public (its own municipality, public facility names).
 * A finding that lies wholly inside an occurrence of such a phrase is not reported; one that only
 * touches it is, so allowing 高崎市 does not hide 高崎市八島町1丁目2番3号.
 */
final class AllowList {

  private record Range(int start, int end) {}

  /** Ranges by start, and the furthest end of any range up to each index. */
  private final int[] starts;
  private final int[] furthestEnds;

  private AllowList(List<Range> publicRanges) {
    List<Range> byStart = publicRanges.stream().sorted(Comparator.comparingInt(Range::start)).toList();
    starts = new int[byStart.size()];
    furthestEnds = new int[byStart.size()];
    int furthest = 0;
    for (int i = 0; i < byStart.size(); i++) {
      starts[i] = byStart.get(i).start();
      furthest = Math.max(furthest, byStart.get(i).end());
      furthestEnds[i] = furthest;
    }
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

  /** Whether a range starting at or before the finding reaches its end: a binary search, not a pass. */
  boolean covers(Span finding) {
    int index = Arrays.binarySearch(starts, finding.start());
    int lastStartingBefore = index >= 0 ? lastWithStart(index) : -index - 2;
    return lastStartingBefore >= 0 && furthestEnds[lastStartingBefore] >= finding.end();
  }

  private int lastWithStart(int index) {
    int last = index;
    while (last + 1 < starts.length && starts[last + 1] == starts[index]) {
      last++;
    }
    return last;
  }
}
