package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import yoriai.testing.Accessibility;
import yoriai.testing.Browser;
import yoriai.testing.Discussion;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestSite;
import yoriai.testing.Workbooks;
import yoriai.testing.WsClient;

/** A municipality user brings a case in from Excel and finds the Excel downloads, at tablet size in Japanese. */
class ExcelBrowserTest {
  private static final String TITLE = "調理が難しくなった高齢夫婦の夫";

  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("excel");

  @Test
  void a_filled_sheet_imported_from_the_case_list_opens_as_a_draft_and_the_downloads_are_there() throws Exception {
    TestServer server = site.server();
    Browser browser = site.browser();
    browser.driver().manage().window().setSize(new Dimension(820, 1180));
    TestServer.SignedIn host = server.municipality("前橋 花子");
    Path filled = Files.createTempFile("yoriai-case-", ".xlsx");
    Path csv = Files.createTempFile("yoriai-case-", ".csv");
    Files.write(filled, filledTemplate(server, host));
    Files.writeString(csv, "タイトル,都道府県\n" + TITLE + ",群馬県\n", StandardCharsets.UTF_8);

    browser.signIn(server.baseUrl(), host.email(), host.password());
    browser.open(server.baseUrl() + "/#/cases");
    WebElement input = browser.waitFor(By.id("case-import-file"));
    assertThat(browser.driver().findElement(By.cssSelector("label[for='case-import-file']")).getText()).isEqualTo("Excelで取り込む");
    assertThat(browser.driver().findElement(By.id("case-template")).getAccessibleName()).isEqualTo("事例提出シート（Excel）をダウンロード");
    Accessibility.assertNoViolations(browser.driver(), "case list with the Excel import");

    input.sendKeys(csv.toString());
    browser.until(d -> d.findElement(By.id("case-import-error")).getText().contains("Excelファイル（.xlsx）を選んでください"));
    Accessibility.assertNoViolations(browser.driver(), "case list, a CSV refused");

    browser.driver().findElement(By.id("case-import-file")).sendKeys(filled.toString());
    browser.until(d -> d.getCurrentUrl().matches(".*#/cases/[^/]+$"));
    browser.until(d -> TITLE.equals(d.findElement(By.id("case-title")).getAttribute("value")));
    assertThat(browser.driver().findElement(By.id("case-state")).getAttribute("data-state")).isEqualTo("draft");
    Accessibility.assertNoViolations(browser.driver(), "the imported draft");

    String meetingId = Meetings.open(server.api(), host.token());
    String entryId;
    TestServer.SignedIn therapist = server.professional("理学 次郎", "理学療法士");
    try (Discussion meeting = new Discussion(server, host, meetingId); WsClient pt = meeting.join(therapist)) {
      meeting.phase("proposals");
      String proposal = meeting.propose(pt, "買い物", "mutual", "近所の方との買い物同行", "歩く力を保てる");
      meeting.summarizeAndClose("地域の互助で買い物を続ける", proposal);
      entryId = meeting.publish().json().at("/entries/0/id").asText();
    }

    browser.open(server.baseUrl() + "/#/meetings/" + meetingId);
    WebElement minutes = browser.waitFor(By.id("minutes-download"));
    assertThat(minutes.getAccessibleName()).isEqualTo("議事録をダウンロード（Excel）");
    minutes.click();
    browser.until(d -> d.findElement(By.id("minutes-download")).isEnabled());
    assertThat(browser.driver().findElements(By.cssSelector(".minutes-download .alert"))).isEmpty();
    Accessibility.assertNoViolations(browser.driver(), "a closed meeting with its minutes download");

    browser.open(server.baseUrl() + "/archive/cases/" + entryId);
    WebElement save = browser.waitFor(By.id("entry-xlsx"));
    assertThat(save.getAccessibleName()).isEqualTo("Excelで保存");
    assertThat(save.getAttribute("href")).endsWith("/api/v1/archive/cases/" + entryId + ".xlsx");
    Accessibility.assertNoViolations(browser.driver(), "an archive entry with its Excel download");
  }

  private static byte[] filledTemplate(TestServer server, TestServer.SignedIn host) {
    try (XSSFWorkbook workbook = Workbooks.get(server.api(), "/api/v1/cases/template.xlsx", host.token()).workbook()) {
      Sheet sheet = workbook.getSheet("事例提出シート");
      set(sheet, "C4", TITLE);
      set(sheet, "C5", "群馬県");
      set(sheet, "C7", "85〜89歳");
      set(sheet, "C9", "要介護1");
      set(sheet, "C10", "高齢夫婦");
      set(sheet, "B18", "調理");
      set(sheet, "C18", "一部介助");
      set(sheet, "E18", "火の扱いが不安");
      return Workbooks.bytes(workbook);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void set(Sheet sheet, String address, String value) {
    CellReference ref = new CellReference(address);
    Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
    row.createCell(ref.getCol()).setCellValue(value);
  }
}
