package yoriai.http;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import yoriai.archive.ArchiveEntry;
import yoriai.http.Csv.Column;
import yoriai.http.pages.Labels;

/**
 * The archive as open data, one row per entry, written by {@link Csv}. Most codes (要介護1, 独居,
 * 買い物, 見守り) are already words people read; the gender and the age band get labels.
 */
final class ArchiveCsv {
  private static final List<Column<ArchiveEntry>> COLUMNS = List.of(
      Column.of("ID", "id", ArchiveEntry::id),
      Column.of("タイトル", "title", ArchiveEntry::title),
      Column.of("都道府県", "prefecture", ArchiveEntry::prefecture),
      Column.of("提供機関", "provider", e -> nz(e.provider())),
      new Column<>("公開日時", "published_at", e -> Csv.Form.READABLE.instant(e.publishedAt()),
          e -> Csv.Form.MACHINE.instant(e.publishedAt())),
      new Column<>("年齢層", "age_band", person(p -> Labels.ageBand(p.ageBand())), person(ArchiveEntry.Person::ageBand)),
      new Column<>("性別", "gender", person(p -> Labels.gender(p.gender())), person(ArchiveEntry.Person::gender)),
      Column.of("要介護度", "care_level", person(ArchiveEntry.Person::careLevel)),
      Column.of("世帯", "household", person(ArchiveEntry.Person::household)),
      Column.of("生活行為（状態）", "activities", e -> e.activities().stream()
          .map(a -> a.activity() + "(" + a.level() + ")").collect(Collectors.joining("; "))),
      Column.of("本人の意向・目指す姿", "wishes", e -> nz(e.wishes())),
      Column.of("提案数", "proposal_count", e -> String.valueOf(e.proposals().size())),
      Column.of("採用された提案", "adopted_proposals", e -> e.proposals().stream().filter(ArchiveEntry.Proposal::adopted)
          .map(ArchiveEntry.Proposal::description).collect(Collectors.joining("; "))),
      Column.of("支援の方向性", "direction", e -> e.summary() == null ? "" : nz(e.summary().direction())),
      Column.of("地域課題", "regional_issues", e -> e.summary() == null ? "" : e.summary().regionalIssues().stream()
          .map(ArchiveEntry.RegionalIssue::text).collect(Collectors.joining("; "))),
      Column.of("不足している資源", "missing_resources",
          e -> e.summary() == null ? "" : String.join("; ", e.summary().missingResources())));

  private ArchiveCsv() {}

  static String write(List<ArchiveEntry> entries, Csv.Form form) {
    return Csv.write(COLUMNS, entries, form);
  }

  private static Function<ArchiveEntry, String> person(Function<ArchiveEntry.Person, String> value) {
    return e -> e.person() == null ? "" : nz(value.apply(e.person()));
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
