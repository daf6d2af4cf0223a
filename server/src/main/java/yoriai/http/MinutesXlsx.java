package yoriai.http;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import yoriai.archive.ArchiveEntry;
import yoriai.archive.Minutes;

/**
 * The minutes (議事録) of a meeting as a workbook: a cover sheet (title, date in Japan time, the
 * host's organization, who took part by role label, role and organization), then one
 * {@link EntrySheet} per case of the agenda. Also one archive entry on its own.
 */
final class MinutesXlsx {
  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu年M月d日(E) HH:mm", Locale.JAPANESE)
      .withZone(JAPAN);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.JAPANESE).withZone(JAPAN);
  private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withZone(JAPAN);
  private static final Map<String, String> ROLES = Map.of("admin", "運営", "municipality", "自治体",
      "professional", "専門職", "company", "企業");

  private MinutesXlsx() {}

  static byte[] minutes(Minutes minutes) {
    Xlsx.Styles styles = Xlsx.workbook();
    Sheet cover = styles.workbook.createSheet("表紙");
    Xlsx.layout(cover, 22, 14, 40);
    int next = 0;
    cell(cover.createRow(next++), 0, styles.title, "議事録　" + minutes.meeting().title());
    next++;
    next = field(cover, next, styles, "会議名", minutes.meeting().title());
    next = field(cover, next, styles, "開催日時", DATE_TIME.format(minutes.meeting().startsAt()));
    if (minutes.meeting().closedAt() != null) {
      next = field(cover, next, styles, "終了日時", DATE_TIME.format(minutes.meeting().closedAt()));
    }
    next = field(cover, next, styles, "主催", minutes.hostOrganization() == null ? "—" : minutes.hostOrganization());
    next = field(cover, next, styles, "検討した事例", minutes.cases().size() + "件");
    next++;
    cell(cover.createRow(next++), 0, styles.heading, "参加者");
    Row header = cover.createRow(next++);
    cell(header, 0, styles.label, "表示");
    cell(header, 1, styles.label, "立場");
    cell(header, 2, styles.label, "所属");
    for (Minutes.Participant p : minutes.participants()) {
      Row row = cover.createRow(next++);
      cell(row, 0, styles.text, p.label());
      cell(row, 1, styles.text, ROLES.getOrDefault(p.role(), p.role()));
      cell(row, 2, styles.text, p.organization() == null ? "—" : p.organization());
    }
    for (int i = 0; i < minutes.cases().size(); i++) {
      ArchiveEntry entry = minutes.cases().get(i);
      EntrySheet.write(styles, "事例" + (i + 1) + " " + entry.title(), entry, null);
    }
    return Xlsx.bytes(styles.workbook);
  }

  static byte[] entry(ArchiveEntry entry) {
    Xlsx.Styles styles = Xlsx.workbook();
    EntrySheet.write(styles, entry.title(), entry, "公開日 " + DATE.format(entry.publishedAt()) + "　寄り合い 公開アーカイブ");
    return Xlsx.bytes(styles.workbook);
  }

  /** 議事録_20261202_{title}.xlsx */
  static String minutesFileName(Minutes minutes) {
    return "議事録_" + FILE_DATE.format(minutes.meeting().startsAt()) + "_" + minutes.meeting().title() + ".xlsx";
  }

  private static int field(Sheet sheet, int rowIndex, Xlsx.Styles styles, String label, String value) {
    Row row = sheet.createRow(rowIndex);
    cell(row, 0, styles.label, label);
    cell(row, 1, styles.text, value);
    sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 1, 2));
    return rowIndex + 1;
  }

  private static void cell(Row row, int column, CellStyle style, String value) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }
}
