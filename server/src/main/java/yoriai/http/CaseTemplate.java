package yoriai.http;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import yoriai.casefile.ActivityKind;
import yoriai.casefile.AgeBand;
import yoriai.casefile.AssistanceLevel;
import yoriai.casefile.CareLevel;
import yoriai.casefile.Gender;
import yoriai.casefile.Household;
import yoriai.http.pages.Labels;
import yoriai.shared.Coded;
import yoriai.shared.Prefectures;

/**
 * The 事例提出シート: where each field of a case sheet sits, for the template we hand out and for
 * the import that reads it back. Every drop-down list is made from the enum or table the case
 * validation uses, so the template cannot offer a value the server refuses.
 */
final class CaseTemplate {
  static final String SHEET = "事例提出シート";
  static final String FILE_NAME = "事例提出シート.xlsx";
  private static final String LISTS = "選択肢";
  static final int LABEL_COLUMN = 1;
  static final int VALUE_COLUMN = 2;
  /** The activity table: a header row, then one row per activity (columns B to E). */
  static final int ACTIVITY_HEADER_ROW = 16;
  static final int ACTIVITY_ROWS = 20;

  /** The choices of one drop-down: what the cell shows and the code the case sheet stores. */
  record Choices(String name, List<String> labels, Function<String, String> codeOfLabel) {
    static <E extends Enum<E> & Coded> Choices of(String name, Class<E> type, Function<String, String> label) {
      List<E> constants = Arrays.asList(type.getEnumConstants());
      List<String> labels = constants.stream().map(c -> label.apply(c.code())).toList();
      return new Choices(name, labels, shown -> constants.stream()
          .filter(c -> label.apply(c.code()).equals(shown)).map(Coded::code).findFirst().orElse(null));
    }

    static Choices plain(String name, List<String> values) {
      return new Choices(name, values, shown -> values.contains(shown) ? shown : null);
    }
  }

  static final Choices PREFECTURES = Choices.plain("都道府県", Prefectures.NAMES);
  static final Choices AGE_BANDS = Choices.of("年齢層", AgeBand.class, Labels::ageBand);
  static final Choices GENDERS = Choices.of("性別", Gender.class, Labels::gender);
  static final Choices CARE_LEVELS = Choices.of("要介護度", CareLevel.class, Function.identity());
  static final Choices HOUSEHOLDS = Choices.of("世帯", Household.class, Function.identity());
  static final Choices ACTIVITIES = Choices.of("生活行為", ActivityKind.class, Function.identity());
  static final Choices LEVELS = Choices.of("状態", AssistanceLevel.class, Function.identity());
  private static final List<Choices> ALL_CHOICES =
      List.of(PREFECTURES, AGE_BANDS, GENDERS, CARE_LEVELS, HOUSEHOLDS, ACTIVITIES, LEVELS);

  /** One labelled cell in column C: its JSON path in the case sheet, and its choices if it has a list. */
  record Field(int row, String label, String path, boolean required, Choices choices) {
    String cell() {
      return new CellAddress(row, VALUE_COLUMN).formatAsString();
    }
  }

  static final List<Field> FIELDS = List.of(
      new Field(3, "タイトル（個人が特定されない表現で）", "title", true, null),
      new Field(4, "都道府県", "prefecture", true, PREFECTURES),
      new Field(5, "提供機関", "provider", false, null),
      new Field(6, "年齢層", "person.ageBand", true, AGE_BANDS),
      new Field(7, "性別（任意）", "person.gender", false, GENDERS),
      new Field(8, "要介護度", "person.careLevel", true, CARE_LEVELS),
      new Field(9, "世帯", "person.household", true, HOUSEHOLDS),
      new Field(10, "住まいの状況", "person.housing", false, null),
      new Field(11, "健康状態", "person.health", false, null),
      new Field(12, "本人の意向・目指す姿", "wishes", false, null),
      new Field(13, "相談したいこと", "questions", false, null));

  /** One column of the activity table: its path within one activity and its choices. */
  record Column(int index, String label, String path, boolean required, Choices choices) {
    String cell(int row) {
      return new CellAddress(row, index).formatAsString();
    }
  }

  static final List<Column> ACTIVITY_COLUMNS = List.of(
      new Column(1, "生活行為", "activity", true, ACTIVITIES),
      new Column(2, "状態", "level", true, LEVELS),
      new Column(3, "できていること", "canDo", false, null),
      new Column(4, "難しいこと", "difficulty", false, null));

  private CaseTemplate() {}

  static byte[] write() {
    Xlsx.Styles styles = Xlsx.workbook();
    Sheet sheet = styles.workbook.createSheet(SHEET);
    Xlsx.layout(sheet, 2, 22, 24, 30, 30);
    text(sheet.createRow(0), 1, styles.title, SHEET);
    text(sheet.createRow(1), 1, styles.text,
        "色のついた見出しの右の欄に記入してください。▼の欄は一覧から選びます。氏名・住所・電話番号など個人が特定できる情報は書かないでください。");
    lists(styles);
    DataValidationHelper validation = sheet.getDataValidationHelper();
    for (Field field : FIELDS) {
      Row row = sheet.createRow(field.row());
      text(row, LABEL_COLUMN, styles.label, field.label() + (field.required() ? "（必須）" : ""));
      row.createCell(VALUE_COLUMN).setCellStyle(styles.text);
      if (field.choices() != null) {
        dropDown(sheet, validation, field.choices(), field.row(), field.row(), VALUE_COLUMN);
      }
    }
    Row header = sheet.createRow(ACTIVITY_HEADER_ROW);
    ACTIVITY_COLUMNS.forEach(column -> text(header, column.index(), styles.label, column.label()));
    for (int r = 1; r <= ACTIVITY_ROWS; r++) {
      Row row = sheet.createRow(ACTIVITY_HEADER_ROW + r);
      ACTIVITY_COLUMNS.forEach(column -> row.createCell(column.index()).setCellStyle(styles.text));
    }
    for (Column column : ACTIVITY_COLUMNS) {
      if (column.choices() != null) {
        dropDown(sheet, validation, column.choices(), ACTIVITY_HEADER_ROW + 1, ACTIVITY_HEADER_ROW + ACTIVITY_ROWS, column.index());
      }
    }
    return Xlsx.bytes(styles.workbook);
  }

  /** The lists on a hidden sheet, one column each, every one a named range the drop-downs refer to. */
  private static void lists(Xlsx.Styles styles) {
    Sheet lists = styles.workbook.createSheet(LISTS);
    for (int c = 0; c < ALL_CHOICES.size(); c++) {
      List<String> labels = ALL_CHOICES.get(c).labels();
      for (int r = 0; r < labels.size(); r++) {
        Row row = lists.getRow(r) == null ? lists.createRow(r) : lists.getRow(r);
        row.createCell(c).setCellValue(labels.get(r));
      }
      Name name = styles.workbook.createName();
      name.setNameName(rangeName(ALL_CHOICES.get(c)));
      char column = (char) ('A' + c);
      name.setRefersToFormula("'" + LISTS + "'!$" + column + "$1:$" + column + "$" + labels.size());
    }
    styles.workbook.setSheetHidden(styles.workbook.getSheetIndex(LISTS), true);
  }

  private static void dropDown(Sheet sheet, DataValidationHelper helper, Choices choices, int firstRow, int lastRow, int column) {
    DataValidation rule = helper.createValidation(helper.createFormulaListConstraint(rangeName(choices)),
        new CellRangeAddressList(firstRow, lastRow, column, column));
    rule.setShowErrorBox(true);
    rule.createErrorBox(choices.name(), "一覧から選んでください");
    rule.setSuppressDropDownArrow(true);
    sheet.addValidationData(rule);
  }

  private static String rangeName(Choices choices) {
    return "list_" + ALL_CHOICES.indexOf(choices);
  }

  private static void text(Row row, int column, CellStyle style, String value) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }
}
