package yoriai.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phrases the organisation has declared public (its own municipality, public facility names) and ids the platform generated.
 * A finding that lies wholly inside an occurrence of such a phrase is not reported; one that only
 * touches it is, so allowing 高崎市 does not hide 高崎市八島町1丁目2番3号.
 */
final class AllowList {

  /** A UUID as the platform generates ids: fixed lengths, so each position is tried at most 36 characters far. */
  private static final Pattern GENERATED_ID = Pattern.compile("[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

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
    // a generated id (a catalog service id in a proposal) may hold digit groups shaped like a My Number or phone
    for (Matcher id = GENERATED_ID.matcher(folded); id.find(); ) {
      ranges.add(new Range(id.start(), id.end()));
    }
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
