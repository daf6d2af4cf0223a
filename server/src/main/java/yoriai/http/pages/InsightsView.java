package yoriai.http.pages;

import java.util.List;
import yoriai.insight.Cell;
import yoriai.insight.NeedsReport;
import yoriai.shared.PublicPages;

/**
 * The public needs insight as tables. It shows the report as the API gives it: a suppressed cell
 * reads 「3件未満」, never a count, and totals add up only shown cells.
 */
public record InsightsView(PageHead head, String lead, String aggregated, List<Total> totals, List<Gap> gaps,
    List<Row> cells) {

  /** {@code archiveHref}: the archive filtered by this need. */
  public record Total(String need, String archiveHref, String cases) {}

  public record Gap(String need, String prefecture, String categories, String cases) {}

  public record Row(String need, String prefecture, String careLevel, String cases) {}

  public static InsightsView of(NeedsReport report, String base) {
    int k = report.threshold();
    String lead = "公開された事例を、ニーズ・地域・要介護度ごとに集計しています。" + k
        + "件未満の組み合わせは、個人が特定されないよう件数を出さず「" + k + "件未満」と表示します。";
    return new InsightsView(PageHead.website("地域の傾向（ニーズ分析）", lead, base + PublicPages.INSIGHTS), lead,
        "公開事例 " + report.publishedCases() + "件を集計",
        report.totals().stream().map(t -> new Total(t.need(), new QueryString(PublicPages.ARCHIVE).with("activity", t.need()).href(),
            shown(t.shownCases(), t.hasSuppressedCells(), k))).toList(),
        report.gaps().stream().map(g -> new Gap(g.need(), g.prefecture(), String.join("、", g.categories()),
            shown(g.shownCases(), g.hasSuppressedCells(), k))).toList(),
        report.cells().stream().map(c -> new Row(c.need(), c.prefecture(), c.careLevel(), count(c, k))).toList());
  }

  private static String count(Cell cell, int threshold) {
    return cell.suppressed() ? threshold + "件未満" : cell.cases() + "件";
  }

  /** A sum of shown cells, and a note when some cells of it are suppressed. */
  private static String shown(int cases, boolean partlyHidden, int threshold) {
    if (cases == 0 && partlyHidden) {
      return threshold + "件未満の組み合わせのみ";
    }
    return cases + "件" + (partlyHidden ? "（ほかに" + threshold + "件未満の組み合わせあり）" : "");
  }
}
