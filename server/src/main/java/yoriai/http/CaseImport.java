package yoriai.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import yoriai.casefile.Activity;
import yoriai.casefile.ActivityKind;
import yoriai.casefile.AgeBand;
import yoriai.casefile.AssistanceLevel;
import yoriai.casefile.CareLevel;
import yoriai.casefile.CaseSheet;
import yoriai.casefile.Finding;
import yoriai.casefile.Gender;
import yoriai.casefile.Household;
import yoriai.casefile.Person;
import yoriai.shared.Coded;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.shared.FieldProblem;

/**
 * Reads a filled {@link CaseTemplate} into a case sheet, or refuses the file: larger than 2 MiB, not
 * an .xlsx (an .xls, a CSV, anything else), with macros, with any formula, not our template, or
 * with wrong cells, every one named by sheet and address. Nothing is kept from a refused file.
 */
final class CaseImport {
  static final long MAX_BYTES = 2L * 1024 * 1024;
  /** No part of a workbook this small unpacks to more; a zip bomb is refused while it is read. */
  private static final long MAX_UNPACKED_PART = 32L * 1024 * 1024;
  private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};

  static {
    ZipSecureFile.setMaxEntrySize(MAX_UNPACKED_PART);
  }

  /** One wrong cell: {@code code} is required, not_in_list or invalid (then {@code problem} says why). */
  record CellProblem(String sheet, String cell, String label, String code, String problem) {}

  /** A personal-data finding in the text of {@code cell}. */
  record CellFinding(String sheet, String cell, String field, int start, int end, String kind) {}

  /** The sheet read, and the cell each JSON path came from, to name cells in the case validation's refusals. */
  record Parsed(CaseSheet sheet, Map<String, String> cellOfPath) {}

  private final List<CellProblem> problems = new ArrayList<>();
  private final Map<String, String> cellOfPath = new HashMap<>();
  private final DataFormatter formatter = new DataFormatter(Locale.JAPAN);

  private CaseImport() {}

  static Parsed read(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new Failure(FailureKind.PAYLOAD_TOO_LARGE, "file_too_large", "The file is larger than 2 MiB");
    }
    if (bytes.length < ZIP_MAGIC.length || !Arrays.equals(bytes, 0, ZIP_MAGIC.length, ZIP_MAGIC, 0, ZIP_MAGIC.length)) {
      throw notXlsx();
    }
    refuseMacros(bytes);
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
      for (PackagePart part : pkg.getParts()) {
        if (part.getContentType().toLowerCase(Locale.ROOT).contains("macroenabled")) {
          throw macros();
        }
      }
      try (XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
        return new CaseImport().parse(workbook);
      }
    } catch (Failure refused) {
      throw refused;
    } catch (IOException | RuntimeException | InvalidFormatException e) {
      throw notXlsx();
    }
  }

  /**
   * Reads only the zip's directory (nothing is unpacked): a file that is no zip at all is not an
   * .xlsx, and a macro project anywhere in it refuses the file, whatever its content types say.
   */
  private static void refuseMacros(byte[] bytes) {
    try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
      for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
        if (entry.getName().toLowerCase(Locale.ROOT).contains("vbaproject")) {
          throw macros();
        }
      }
    } catch (IOException e) {
      throw notXlsx();
    }
  }

  private static Failure macros() {
    return new Failure(FailureKind.INVALID, "macros_not_allowed", "Workbooks with macros are not accepted; save it as .xlsx");
  }

  private static Failure notXlsx() {
    return new Failure(FailureKind.UNSUPPORTED_MEDIA_TYPE, "not_xlsx",
        "Send an Excel workbook (.xlsx) made from the template; .xls, .xlsm and CSV files are not accepted");
  }

  private Parsed parse(XSSFWorkbook workbook) {
    refuseFormulas(workbook);
    Sheet sheet = workbook.getSheet(CaseTemplate.SHEET);
    if (sheet == null) {
      throw new Failure(FailureKind.INVALID, "not_case_template",
          "The workbook has no sheet named " + CaseTemplate.SHEET + "; start from the template");
    }
    Map<String, String> values = new HashMap<>();
    for (CaseTemplate.Field field : CaseTemplate.FIELDS) {
      cellOfPath.put(field.path(), field.cell());
      values.put(field.path(), value(text(sheet, field.row(), CaseTemplate.VALUE_COLUMN), field.cell(), field.label(),
          field.required(), field.choices()));
    }
    List<Activity> activities = activities(sheet);
    Person person = new Person(code(AgeBand.class, values.get("person.ageBand")), code(Gender.class, values.get("person.gender")),
        code(CareLevel.class, values.get("person.careLevel")), code(Household.class, values.get("person.household")),
        values.get("person.housing"), values.get("person.health"));
    CaseSheet caseSheet = new CaseSheet(values.get("title"), values.get("prefecture"), values.get("provider"), person,
        activities, values.get("wishes"), values.get("questions"), List.of(), null, null);
    try {
      caseSheet.validate();
    } catch (Failure invalid) {
      // lengths and limits, as a case create checks them; a cell already refused is named once
      cellProblems(invalid, cellOfPath).stream()
          .filter(p -> problems.stream().noneMatch(known -> known.cell().equals(p.cell())))
          .forEach(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new Failure(FailureKind.INVALID, "invalid_cells", "Some cells of the sheet are wrong", problems);
    }
    return new Parsed(caseSheet, Map.copyOf(cellOfPath));
  }

  /** Every non-empty row below the activity table's header, in order. */
  private List<Activity> activities(Sheet sheet) {
    cellOfPath.put("activities", new CellAddress(CaseTemplate.ACTIVITY_HEADER_ROW, 1).formatAsString());
    List<Activity> activities = new ArrayList<>();
    for (int r = CaseTemplate.ACTIVITY_HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
      int row = r;
      Map<String, String> cells = new HashMap<>();
      CaseTemplate.ACTIVITY_COLUMNS.forEach(c -> cells.put(c.path(), text(sheet, row, c.index())));
      if (cells.values().stream().allMatch(v -> v == null)) {
        continue;
      }
      String prefix = "activities[" + activities.size() + "]";
      cellOfPath.put(prefix, CaseTemplate.ACTIVITY_COLUMNS.get(0).cell(row));
      Map<String, String> values = new HashMap<>();
      for (CaseTemplate.Column column : CaseTemplate.ACTIVITY_COLUMNS) {
        cellOfPath.put(prefix + "." + column.path(), column.cell(row));
        values.put(column.path(), value(cells.get(column.path()), column.cell(row), column.label(), column.required(),
            column.choices()));
      }
      activities.add(new Activity(code(ActivityKind.class, values.get("activity")),
          code(AssistanceLevel.class, values.get("level")), values.get("canDo"), values.get("difficulty")));
    }
    return activities;
  }

  /** The cell's text, or its code for a list; records a problem and answers null when it is wrong. */
  private String value(String text, String cell, String label, boolean required, CaseTemplate.Choices choices) {
    if (text == null) {
      if (required) {
        problems.add(new CellProblem(CaseTemplate.SHEET, cell, label, "required", "required"));
      }
      return null;
    }
    if (choices == null) {
      return text;
    }
    String code = choices.codeOfLabel().apply(text);
    if (code == null) {
      problems.add(new CellProblem(CaseTemplate.SHEET, cell, label, "not_in_list",
          "must be one of " + String.join(", ", choices.labels())));
    }
    return code;
  }

  private String text(Sheet sheet, int rowIndex, int column) {
    Row row = sheet.getRow(rowIndex);
    Cell cell = row == null ? null : row.getCell(column);
    String text = cell == null ? "" : formatter.formatCellValue(cell).strip();
    return text.isEmpty() ? null : text;
  }

  private static void refuseFormulas(XSSFWorkbook workbook) {
    List<CellProblem> formulas = new ArrayList<>();
    for (Sheet sheet : workbook) {
      for (Row row : sheet) {
        for (Cell cell : row) {
          if (cell.getCellType() == CellType.FORMULA) {
            formulas.add(new CellProblem(sheet.getSheetName(), cell.getAddress().formatAsString(), "", "formula",
                "formulas are not accepted; enter the value itself"));
          }
        }
      }
    }
    if (!formulas.isEmpty()) {
      throw new Failure(FailureKind.INVALID, "formulas_not_allowed", "The workbook has formulas; enter values only", formulas);
    }
  }

  private static List<CellProblem> cellProblems(Failure invalid, Map<String, String> cellOfPath) {
    return invalid.details().stream().filter(FieldProblem.class::isInstance).map(FieldProblem.class::cast)
        .map(p -> new CellProblem(CaseTemplate.SHEET, cellOfPath.getOrDefault(p.field(), ""), p.field(), "invalid", p.problem()))
        .toList();
  }

  private static <E extends Enum<E> & Coded> E code(Class<E> type, String code) {
    return code == null ? null : Coded.fromCode(type, code).orElse(null);
  }

  /**
   * The case service's refusal of an imported sheet, its fields named by cell: invalid fields as
   * {@link CellProblem}s, personal data as {@link CellFinding}s; any other failure as it is.
   */
  static Throwable inCells(Throwable failure, Parsed parsed) {
    if (!(failure instanceof Failure f)) {
      return failure;
    }
    if (f.kind() == FailureKind.INVALID) {
      return new Failure(FailureKind.INVALID, "invalid_cells", "Some cells of the sheet are wrong",
          cellProblems(f, parsed.cellOfPath()));
    }
    if ("pii_found".equals(f.code())) {
      return new Failure(f.kind(), f.code(), f.getMessage(), f.details().stream()
          .filter(Finding.class::isInstance).map(Finding.class::cast)
          .map(x -> new CellFinding(CaseTemplate.SHEET, parsed.cellOfPath().getOrDefault(x.field(), ""), x.field(), x.start(),
              x.end(), x.kind()))
          .toList());
    }
    return f;
  }
}
