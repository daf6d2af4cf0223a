package yoriai.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class NeedsInsightTest {

  @Test
  void cells_under_three_cases_are_suppressed_and_left_out_of_totals() {
    List<CaseFacts> cases = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      cases.add(new CaseFacts("g" + i, "群馬県", "要支援2", Set.of("買い物")));
    }
    cases.add(new CaseFacts("t1", "東京都", "要支援2", Set.of("買い物")));
    cases.add(new CaseFacts("t2", "東京都", "要介護1", Set.of("買い物", "調理")));

    NeedsReport report = NeedsInsight.report(cases, (category, prefecture) -> false);

    assertThat(report.cells()).contains(new Cell("買い物", "群馬県", "要支援2", 3, false))
        .contains(new Cell("買い物", "東京都", "要支援2", null, true));
    assertThat(report.totals()).contains(new NeedTotal("買い物", 3, true), new NeedTotal("調理", 0, true));
    assertThat(report.publishedCases()).isEqualTo(5);
  }

  @Test
  void a_need_is_a_gap_until_a_service_of_a_fitting_category_serves_its_prefecture() {
    List<CaseFacts> cases = List.of(new CaseFacts("a", "群馬県", "要支援1", Set.of("買い物")));

    NeedsReport uncovered = NeedsInsight.report(cases, (category, prefecture) -> false);
    NeedsReport covered = NeedsInsight.report(cases, (category, prefecture) -> category.equals("移動販売") && prefecture.equals("群馬県"));

    assertThat(uncovered.gaps()).extracting(Gap::need, Gap::prefecture).containsExactly(org.assertj.core.groups.Tuple.tuple("買い物", "群馬県"));
    assertThat(covered.gaps()).isEmpty();
  }

  /**
   * The suppression guarantee: every number published is a shown cell of at least three cases or
   * a sum of shown cells, so subtracting published numbers can never reveal a suppressed count.
   */
  @Property(tries = 300)
  void no_published_number_reveals_a_count_under_three(@ForAll("caseSets") List<CaseFacts> cases) {
    NeedsReport report = NeedsInsight.report(cases, (category, prefecture) -> prefecture.equals("東京都"));

    Map<String, Integer> shownByNeed = new HashMap<>();
    Map<String, Integer> shownByNeedAndPrefecture = new HashMap<>();
    for (Cell cell : report.cells()) {
      if (cell.suppressed()) {
        assertThat(cell.cases()).isNull();
      } else {
        assertThat(cell.cases()).isGreaterThanOrEqualTo(NeedsInsight.THRESHOLD);
        shownByNeed.merge(cell.need(), cell.cases(), Integer::sum);
        shownByNeedAndPrefecture.merge(cell.need() + "|" + cell.prefecture(), cell.cases(), Integer::sum);
      }
    }
    for (NeedTotal total : report.totals()) {
      assertThat(total.shownCases()).isEqualTo(shownByNeed.getOrDefault(total.need(), 0));
    }
    for (Gap gap : report.gaps()) {
      assertThat(gap.shownCases()).isEqualTo(shownByNeedAndPrefecture.getOrDefault(gap.need() + "|" + gap.prefecture(), 0));
    }
  }

  @Provide
  Arbitrary<List<CaseFacts>> caseSets() {
    Arbitrary<CaseFacts> one = Combinators.combine(
        Arbitraries.of("群馬県", "東京都", "沖縄県"),
        Arbitraries.of("要支援1", "要支援2", "要介護1"),
        Arbitraries.of("買い物", "調理", "ゴミ出し", "外出・移動").set().ofMinSize(1).ofMaxSize(3),
        Arbitraries.strings().alpha().ofLength(6))
        .as((prefecture, level, needs, id) -> new CaseFacts(id, prefecture, level, needs));
    return one.list().ofMaxSize(40);
  }
}
