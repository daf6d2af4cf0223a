package yoriai.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * Aggregates published cases with k-anonymity. Every number it publishes is either a base cell
 * of at least {@code threshold} cases or a sum of such published cells, so no suppressed count
 * can be recovered by subtracting published numbers from each other.
 */
public final class NeedsInsight {
  public static final int THRESHOLD = 3;

  private NeedsInsight() {}

  /**
   * @param covered whether the catalog has a service of a category (first argument) serving a
   *     prefecture (second argument)
   */
  public static NeedsReport report(List<CaseFacts> cases, BiPredicate<String, String> covered) {
    Map<List<String>, Integer> counts = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
        .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)));
    for (CaseFacts facts : cases) {
      for (String need : Set.copyOf(facts.needs())) {
        counts.merge(List.of(need, facts.prefecture(), facts.careLevel()), 1, Integer::sum);
      }
    }
    List<Cell> cells = new ArrayList<>();
    counts.forEach((key, count) -> cells.add(count >= THRESHOLD
        ? new Cell(key.get(0), key.get(1), key.get(2), count, false)
        : new Cell(key.get(0), key.get(1), key.get(2), null, true)));
    return new NeedsReport(THRESHOLD, cases.size(), cells, totals(cells), gaps(cells, covered));
  }

  private static List<NeedTotal> totals(List<Cell> cells) {
    Map<String, NeedTotal> byNeed = new TreeMap<>();
    for (Cell cell : cells) {
      byNeed.merge(cell.need(), total(cell.need(), cell),
          (a, b) -> new NeedTotal(a.need(), a.shownCases() + b.shownCases(), a.hasSuppressedCells() || b.hasSuppressedCells()));
    }
    return byNeed.values().stream().sorted(Comparator.comparingInt(NeedTotal::shownCases).reversed()).toList();
  }

  private static NeedTotal total(String need, Cell cell) {
    return new NeedTotal(need, cell.suppressed() ? 0 : cell.cases(), cell.suppressed());
  }

  private static List<Gap> gaps(List<Cell> cells, BiPredicate<String, String> covered) {
    Map<List<String>, Gap> byNeedAndPrefecture = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
        .thenComparing(k -> k.get(1)));
    for (Cell cell : cells) {
      List<String> categories = NeedCategories.of(cell.need());
      boolean served = categories.stream().anyMatch(category -> covered.test(category, cell.prefecture()));
      if (served) {
        continue;
      }
      Gap gap = new Gap(cell.need(), cell.prefecture(), categories,
          cell.suppressed() ? 0 : cell.cases(), cell.suppressed());
      byNeedAndPrefecture.merge(List.of(cell.need(), cell.prefecture()), gap, (a, b) -> new Gap(a.need(), a.prefecture(),
          a.categories(), a.shownCases() + b.shownCases(), a.hasSuppressedCells() || b.hasSuppressedCells()));
    }
    return List.copyOf(byNeedAndPrefecture.values());
  }
}
