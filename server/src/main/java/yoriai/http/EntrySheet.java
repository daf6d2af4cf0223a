package yoriai.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import yoriai.archive.ArchiveEntry;
import yoriai.http.pages.Labels;

/**
 * One case as its archive entry reads, on one worksheet: the case in brief, the discussion by
 * phase with role labels, the proposals with endorsements and adoption, and the summary. The
 * minutes write one per case of the agenda; the archive's download writes one.
 */
final class EntrySheet {
  /** Column widths in characters: label, second label, two text columns, two short numbers. */
  private static final int[] WIDTHS = {16, 14, 30, 30, 8, 8};
  private static final int LAST_COLUMN = WIDTHS.length - 1;

  private final Xlsx.Styles styles;
  private final Sheet sheet;
  private int next;

  private EntrySheet(Xlsx.Styles styles, String name) {
    this.styles = styles;
    this.sheet = styles.workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
    Xlsx.layout(sheet, WIDTHS);
  }

  /** Adds the sheet {@code name} (made safe for Excel) with {@code entry}; {@code dateLine} goes under the title. */
  static void write(Xlsx.Styles styles, String name, ArchiveEntry entry, String dateLine) {
    new EntrySheet(styles, name).entry(entry, dateLine);
  }

  private void entry(ArchiveEntry e, String dateLine) {
    merged(styles.title, e.title());
    if (dateLine != null) {
      merged(styles.text, dateLine);
    }
    heading("事例の概要");
    ArchiveEntry.Person p = e.person();
    field("都道府県", e.prefecture());
    field("提供機関", e.provider());
    if (p != null) {
      field("年齢層", Labels.ageBand(p.ageBand()));
      field("性別", Labels.gender(p.gender()));
      field("要介護度", p.careLevel());
      field("世帯", p.household());
      field("住まい", p.housing());
      field("健康状態", p.health());
    }
    field("本人の意向・目指す姿", e.wishes());
    field("相談したいこと", e.questions());
    if (!e.activities().isEmpty()) {
      heading("生活行為");
      row(styles.label, "生活行為", "状態", "できていること", "難しいこと");
      e.activities().forEach(a -> row(styles.text, a.activity(), a.level(), nz(a.canDo()), nz(a.difficulty())));
    }
    if (!e.supports().isEmpty()) {
      heading("現在の支援");
      e.supports().forEach(s -> field(Labels.supportKind(s.kind()), s.description()));
    }
    discussion(e.discussion());
    proposals(e.proposals());
    summary(e.summary());
  }

  private void discussion(List<ArchiveEntry.Remark> remarks) {
    heading("検討の記録");
    if (remarks.isEmpty()) {
      merged(styles.text, "発言はありません");
      return;
    }
    row(styles.label, "段階", "発言者", "発言");
    List<String> order = new ArrayList<>(Labels.PHASE_ORDER);
    remarks.stream().map(ArchiveEntry.Remark::phase).filter(ph -> !order.contains(ph)).distinct().forEach(order::add);
    for (String phase : order) {
      String phaseLabel = Labels.phase(phase);
      remarks.stream().filter(r -> Objects.equals(r.phase(), phase))
          .forEach(r -> row(styles.text, phaseLabel, r.label(), r.text()));
    }
  }

  private void proposals(List<ArchiveEntry.Proposal> proposals) {
    heading("提案");
    if (proposals.isEmpty()) {
      merged(styles.text, "提案はありません");
      return;
    }
    row(styles.label, "提案者", "対象の生活行為", "内容", "種別・費用・地域", "賛同", "採用");
    for (ArchiveEntry.Proposal p : proposals) {
      String content = p.description() + (blank(p.keepsAbilities()) ? "" : "\n（できることを活かす点）" + p.keepsAbilities());
      String facts = Stream.of(Labels.proposalType(p.type()), p.cost(), p.area())
          .filter(s -> !blank(s)).collect(Collectors.joining("\n"));
      Row row = row(styles.text, p.proposedBy(), p.targetActivity(), content, facts, null, p.adopted() ? "採用" : "—");
      row.createCell(4).setCellValue(p.endorsements());
      row.getCell(4).setCellStyle(styles.text);
    }
  }

  private void summary(ArchiveEntry.Summary s) {
    heading("まとめ");
    if (s == null) {
      merged(styles.text, "まとめはまだありません");
      return;
    }
    field("支援の方向性", s.direction());
    field("地域課題", s.regionalIssues().stream()
        .map(i -> i.text() + (i.tags().isEmpty() ? "" : "（" + String.join("・", i.tags()) + "）"))
        .collect(Collectors.joining("\n")));
    field("不足している資源", String.join("\n", s.missingResources()));
    field("今後の対応", String.join("\n", s.followUps()));
  }

  private void heading(String text) {
    next++;
    Row row = sheet.createRow(next++);
    cell(row, 0, styles.heading, text);
  }

  /** A label and its text across the other columns; nothing for an empty value. */
  private void field(String label, String value) {
    if (blank(value)) {
      return;
    }
    Row row = sheet.createRow(next++);
    cell(row, 0, styles.label, label);
    cell(row, 1, styles.text, value);
    sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 1, LAST_COLUMN));
    Xlsx.fitHeight(row, value, widthFrom(1));
  }

  private void merged(CellStyle style, String text) {
    Row row = sheet.createRow(next++);
    cell(row, 0, style, text);
    sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, LAST_COLUMN));
    Xlsx.fitHeight(row, text, widthFrom(0));
  }

  /** A row of cells from column A; the last value spans the remaining columns. */
  private Row row(CellStyle style, String... values) {
    Row row = sheet.createRow(next++);
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        cell(row, i, style, values[i]);
        Xlsx.fitHeight(row, values[i], i == values.length - 1 ? widthFrom(i) : WIDTHS[i]);
      }
    }
    if (values.length - 1 < LAST_COLUMN) {
      sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), values.length - 1, LAST_COLUMN));
    }
    return row;
  }

  private static void cell(Row row, int column, CellStyle style, String value) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  private static int widthFrom(int column) {
    int width = 0;
    for (int i = column; i <= LAST_COLUMN; i++) {
      width += WIDTHS[i];
    }
    return width;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String nz(String text) {
    return text == null ? "" : text;
  }
}
