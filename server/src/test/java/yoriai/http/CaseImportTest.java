package yoriai.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import yoriai.testing.Api;
import yoriai.testing.MeetingParties;
import yoriai.testing.Workbooks;

class CaseImportTest {
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @RegisterExtension
  static final MeetingParties parties = new MeetingParties(Map.of());

  private static XSSFWorkbook template() {
    Workbooks.Download template = Workbooks.get(parties.api(), "/api/v1/cases/template.xlsx", parties.host().token());
    assertThat(template.status()).as(template.text()).isEqualTo(200);
    assertThat(template.contentType()).isEqualTo(XLSX);
    return template.workbook();
  }

  /** The template filled as a care manager would: a clean case with two activities. */
  private static XSSFWorkbook filled() {
    XSSFWorkbook workbook = template();
    Sheet sheet = workbook.getSheet("事例提出シート");
    set(sheet, "C4", "買い物に行けなくなった独居の女性");
    set(sheet, "C5", "群馬県");
    set(sheet, "C7", "80〜84歳");
    set(sheet, "C8", "女性");
    set(sheet, "C9", "要支援2");
    set(sheet, "C10", "独居");
    set(sheet, "C13", "自分で選んで買い物を続けたい");
    set(sheet, "B18", "買い物");
    set(sheet, "C18", "一部介助");
    set(sheet, "D18", "近所の店までは歩いて行ける");
    set(sheet, "E18", "重い荷物を持ち帰れない");
    set(sheet, "B20", "調理");
    set(sheet, "C20", "見守り");
    return workbook;
  }

  private static void set(Sheet sheet, String address, String value) {
    CellReference ref = new CellReference(address);
    Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
    row.createCell(ref.getCol()).setCellValue(value);
  }

  private static Api.Reply upload(String fileName, byte[] content) {
    return Workbooks.upload(parties.api(), "/api/v1/cases/import", parties.host().token(), fileName, XLSX, content);
  }

  private static int caseCount() {
    return parties.api().get("/api/v1/cases", parties.host().token()).json().get("cases").size();
  }

  @Test
  void the_template_offers_the_servers_own_lists_and_a_filled_one_becomes_the_expected_draft() throws Exception {
    try (XSSFWorkbook template = template()) {
      Sheet sheet = template.getSheet("事例提出シート");
      assertThat(sheet.getDataValidations()).hasSizeGreaterThanOrEqualTo(7);
      Sheet lists = template.getSheet("選択肢");
      assertThat(template.isSheetHidden(template.getSheetIndex(lists))).isTrue();
      List<String> listed = new ArrayList<>();
      lists.forEach(row -> row.forEach(cell -> listed.add(cell.getStringCellValue())));
      assertThat(listed).contains("要介護5", "事業対象者", "高齢夫婦", "全介助", "趣味・社会参加", "沖縄県", "100歳以上");
      assertThat(Workbooks.rows(sheet)).anySatisfy(row -> assertThat(row).contains("要介護度（必須）"));
    }

    Api.Reply created = upload("事例.xlsx", Workbooks.bytes(filled()));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode draft = parties.api().get("/api/v1/cases/" + created.json().get("id").asText(), parties.host().token()).json();
    assertThat(draft.get("state").asText()).isEqualTo("draft");
    JsonNode sheet = draft;
    assertThat(sheet.get("title").asText()).isEqualTo("買い物に行けなくなった独居の女性");
    assertThat(sheet.get("prefecture").asText()).isEqualTo("群馬県");
    assertThat(sheet.at("/person/ageBand").asText()).isEqualTo("80-84");
    assertThat(sheet.at("/person/gender").asText()).isEqualTo("female");
    assertThat(sheet.at("/person/careLevel").asText()).isEqualTo("要支援2");
    assertThat(sheet.at("/person/household").asText()).isEqualTo("独居");
    assertThat(sheet.get("wishes").asText()).isEqualTo("自分で選んで買い物を続けたい");
    assertThat(sheet.get("activities")).hasSize(2);
    assertThat(sheet.at("/activities/0/activity").asText()).isEqualTo("買い物");
    assertThat(sheet.at("/activities/0/difficulty").asText()).isEqualTo("重い荷物を持ち帰れない");
    assertThat(sheet.at("/activities/1/level").asText()).isEqualTo("見守り");
    awaitNoUploadsLeft();
  }

  @Test
  void every_wrong_cell_is_named_and_nothing_is_stored() throws Exception {
    XSSFWorkbook workbook = filled();
    Sheet sheet = workbook.getSheet("事例提出シート");
    set(sheet, "C4", "長".repeat(121));
    set(sheet, "C5", "東京");
    sheet.getRow(8).getCell(2).setBlank();
    set(sheet, "B20", "散歩");
    set(sheet, "B22", "");
    set(sheet, "D22", "何ができるか");
    int before = caseCount();

    Api.Reply refused = upload("wrong.xlsx", Workbooks.bytes(workbook));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("invalid_cells");
    List<String> cells = new ArrayList<>();
    refused.json().at("/error/details").forEach(d -> cells.add(d.get("sheet").asText() + "!" + d.get("cell").asText()
        + ":" + d.get("code").asText()));
    assertThat(cells).containsExactlyInAnyOrder("事例提出シート!C4:invalid", "事例提出シート!C5:not_in_list",
        "事例提出シート!C9:required", "事例提出シート!B20:not_in_list", "事例提出シート!B22:required", "事例提出シート!C22:required");
    assertThat(caseCount()).isEqualTo(before);
  }

  @Test
  void personal_data_in_a_cell_is_refused_like_a_case_create_and_nothing_is_stored() {
    XSSFWorkbook workbook = filled();
    set(workbook.getSheet("事例提出シート"), "C12", "本人の携帯は090-1234-5678です");
    int before = caseCount();

    Api.Reply refused = upload("pii.xlsx", Workbooks.bytes(workbook));

    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("pii_found");
    assertThat(refused.json().at("/error/details/0/cell").asText()).isEqualTo("C12");
    assertThat(refused.json().at("/error/details/0/field").asText()).isEqualTo("person.health");
    assertThat(caseCount()).isEqualTo(before);
  }

  @Test
  void oversized_macro_formula_random_xls_and_csv_files_are_refused_and_store_nothing() throws Exception {
    int before = caseCount();
    XSSFWorkbook withFormula = filled();
    withFormula.getSheet("事例提出シート").getRow(3).getCell(2).setCellFormula("CONCATENATE(\"買\",\"物\")");
    byte[] oversized = new byte[(int) CaseImport.MAX_BYTES + 1];
    System.arraycopy(new byte[] {0x50, 0x4B, 0x03, 0x04}, 0, oversized, 0, 4);

    Api.Reply big = upload("big.xlsx", oversized);
    Api.Reply macro = upload("macro.xlsm", withVbaProject(Workbooks.bytes(filled())));
    Api.Reply formula = upload("formula.xlsx", Workbooks.bytes(withFormula));
    Api.Reply random = upload("random.xlsx", "not a workbook at all \u0000\u0001".getBytes(StandardCharsets.UTF_8));
    Api.Reply xls = upload("old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
    Api.Reply csv = upload("case.csv", "タイトル,都道府県\n買い物,群馬県\n".getBytes(StandardCharsets.UTF_8));
    Api.Reply brokenZip = upload("broken.xlsx", new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3});
    Api.Reply none = parties.api().post("/api/v1/cases/import", parties.host().token(), "{}");

    assertThat(big.status()).as(big.body()).isEqualTo(413);
    assertThat(macro.status()).as(macro.body()).isEqualTo(400);
    assertThat(macro.errorCode()).isEqualTo("macros_not_allowed");
    assertThat(formula.status()).as(formula.body()).isEqualTo(400);
    assertThat(formula.errorCode()).isEqualTo("formulas_not_allowed");
    assertThat(formula.json().at("/error/details/0/cell").asText()).isEqualTo("C4");
    for (Api.Reply notXlsx : List.of(random, xls, csv, brokenZip)) {
      assertThat(notXlsx.status()).as(notXlsx.body()).isEqualTo(415);
      assertThat(notXlsx.errorCode()).isEqualTo("not_xlsx");
    }
    assertThat(none.status()).as(none.body()).isEqualTo(400);
    assertThat(none.errorCode()).isEqualTo("file_required");
    assertThat(caseCount()).isEqualTo(before);
    awaitNoUploadsLeft();
  }

  @Test
  void only_case_authors_get_the_template_or_import() {
    assertThat(Workbooks.get(parties.api(), "/api/v1/cases/template.xlsx", null).status()).isEqualTo(401);
    assertThat(Workbooks.get(parties.api(), "/api/v1/cases/template.xlsx", parties.professional().token()).status())
        .isEqualTo(403);
    assertThat(Workbooks.upload(parties.api(), "/api/v1/cases/import", parties.professional().token(), "a.xlsx", XLSX,
        Workbooks.bytes(filled())).status()).isEqualTo(403);
    assertThat(Workbooks.upload(parties.api(), "/api/v1/cases/import", null, "a.xlsx", XLSX, new byte[10]).status())
        .isEqualTo(401);
  }

  /** The same workbook with a vbaProject.bin part, as Excel saves an .xlsm. */
  private static byte[] withVbaProject(byte[] xlsx) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("xl/vbaProject.bin"));
      zip.write(new byte[] {1, 2, 3, 4});
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  private static java.nio.file.Path uploads() {
    return parties.server().dataDir().resolve("uploads");
  }

  /** Uploads are deleted once their response has ended, which may be just after the client read it. */
  private static void awaitNoUploadsLeft() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (true) {
      List<?> left;
      try (Stream<?> files = Files.exists(uploads()) ? Files.list(uploads()) : Stream.empty()) {
        left = files.toList();
      }
      if (left.isEmpty()) {
        return;
      }
      assertThat(Instant.now()).as("uploads left: " + left).isBefore(deadline);
      Thread.sleep(50);
    }
  }
}
