package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import yoriai.testing.Browser;
import yoriai.testing.TestServer;
import yoriai.testing.TestSite;

/** A municipality user writes a case sheet in the real page against the real server. */
class CaseEditorBrowserTest {
  private static final String PHONE = "090-1234-5678";
  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("case-editor");
  private static TestServer server;
  private static Browser browser;

  @BeforeAll
  static void start() {
    server = site.server();
    browser = site.browser();
  }

  @BeforeEach
  void signIn() {
    var user = server.municipality("高橋 美咲");
    browser.signIn(server.baseUrl(), user.email(), user.password());
  }

  @Test
  void a_phone_number_is_highlighted_while_typed_and_a_clean_sheet_is_saved_and_submitted() {
    openNewCase();
    fillCleanSheet("買い物に行けなくなった独居の女性");

    WebElement housing = browser.driver().findElement(By.id("case-housing"));
    housing.sendKeys("公営住宅の2階。連絡先 " + PHONE);

    WebElement mark = browser.waitFor(By.cssSelector(".pii-mirror[data-field='person.housing'] mark.pii"));
    assertThat(mark.getText()).isEqualTo(PHONE);
    assertThat(mark.getAttribute("data-kind")).isEqualTo("phone");
    assertThat(summaryCount()).isGreaterThan(0);
    assertThat(browser.driver().findElement(By.id("case-housing-pii")).getText()).contains("電話番号");
    browser.saveScreenshot("case-editor-highlight");

    clear(housing);
    housing.sendKeys("公営住宅の2階");
    browser.until(d -> d.findElements(By.cssSelector(".pii-mirror mark.pii")).isEmpty());
    browser.until(d -> summaryCount() == 0);

    browser.driver().findElement(By.id("case-save")).click();
    browser.until(d -> d.findElement(By.id("case-notice")).getText().contains("保存しました"));
    browser.until(d -> d.getCurrentUrl().matches(".*#/cases/[^/]+$") && !d.getCurrentUrl().endsWith("/new"));

    browser.driver().findElement(By.id("case-submit")).click();
    browser.until(d -> "submitted".equals(d.findElement(By.id("case-state")).getAttribute("data-state")));
    assertThat(browser.driver().findElement(By.id("case-state")).getText()).isEqualTo("提出済み");
    assertThat(browser.driver().findElement(By.id("case-notice")).getText()).contains("提出しました");

    String caseId = browser.driver().getCurrentUrl().replaceFirst(".*#/cases/", "");
    var stored = server.api().get("/api/v1/cases/" + caseId, server.adminToken());
    assertThat(stored.status()).isEqualTo(200);
    assertThat(stored.json().get("state").asText()).isEqualTo("submitted");
    assertThat(stored.json().at("/person/housing").asText()).isEqualTo("公営住宅の2階");
  }

  @Test
  void a_name_typed_and_submitted_at_once_is_refused_by_the_server_and_its_findings_show_inline() {
    openNewCase();
    fillCleanSheet("通いの場に行けなくなった男性");

    WebElement difficulty = browser.driver().findElement(By.id("activity-0-difficulty"));
    clear(difficulty);
    // Typed and submitted in one go: the client's debounced check has not answered yet.
    difficulty.sendKeys("娘の山田花子様が週末だけ来る");
    browser.driver().findElement(By.id("case-submit")).click();

    browser.until(d -> d.findElement(By.id("case-notice")).getText().contains("提出できません"));
    WebElement mark = browser.waitFor(By.cssSelector(".pii-mirror[data-field='activities[0].difficulty'] mark.pii"));
    assertThat(mark.getText()).contains("山田花子");
    assertThat(mark.getAttribute("data-kind")).isEqualTo("person_name");
    assertThat(summaryCount()).isGreaterThan(0);
    assertThat(browser.driver().findElement(By.id("case-state")).getAttribute("data-state")).isEqualTo("draft");
  }

  @Test
  void saving_a_name_into_a_stored_draft_is_refused_by_the_server_the_findings_show_inline_and_the_draft_keeps_its_text() {
    var owner = server.municipality("高橋 美咲");
    var created = server.api().post("/api/v1/cases", owner.token(), yoriai.testing.Meetings.sheet().toString());
    String caseId = created.json().get("id").asText();
    browser.signIn(server.baseUrl(), owner.email(), owner.password());
    browser.open(server.baseUrl() + "/#/cases/" + caseId);
    browser.until(d -> "draft".equals(d.findElement(By.id("case-state")).getAttribute("data-state")));

    WebElement wishes = browser.waitFor(By.id("case-wishes"));
    // Typed and saved in one go: the server's check on PUT answers before the debounced one.
    wishes.sendKeys("山田花子様は自分で買い物を続けたい");
    browser.driver().findElement(By.id("case-save")).click();

    browser.until(d -> d.findElement(By.id("case-notice")).getText().contains("保存できません"));
    WebElement mark = browser.waitFor(By.cssSelector(".pii-mirror[data-field='wishes'] mark.pii"));
    assertThat(mark.getText()).contains("山田花子");
    assertThat(summaryCount()).isGreaterThan(0);
    assertThat(wishes.getDomProperty("value")).isEqualTo("山田花子様は自分で買い物を続けたい");
    var stored = server.api().get("/api/v1/cases/" + caseId, owner.token());
    assertThat(stored.json().path("wishes").asText()).isEmpty();
    assertThat(stored.json().get("state").asText()).isEqualTo("draft");
  }

  private void openNewCase() {
    browser.waitFor(By.id("nav-cases")).click();
    browser.waitFor(By.id("new-case")).click();
    browser.waitFor(By.id("case-title"));
  }

  private void fillCleanSheet(String title) {
    browser.driver().findElement(By.id("case-title")).sendKeys(title);
    select("case-prefecture", "群馬県");
    select("case-age-band", "80-84");
    select("case-gender", "female");
    select("case-care-level", "要支援2");
    select("case-household", "独居");
    browser.driver().findElement(By.id("case-health")).sendKeys("膝の痛みがあり長く歩けない");
    select("activity-0-activity", "買い物");
    select("activity-0-level", "一部介助");
    browser.driver().findElement(By.id("activity-0-cando")).sendKeys("近所の店までは歩いて行ける");
    browser.driver().findElement(By.id("activity-0-difficulty")).sendKeys("重い荷物を持ち帰れない");
    browser.driver().findElement(By.id("case-wishes")).sendKeys("自分で選んで買い物を続けたい");
  }

  private void select(String id, String value) {
    new Select(browser.driver().findElement(By.id(id))).selectByValue(value);
  }

  private static void clear(WebElement field) {
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
  }

  private int summaryCount() {
    String count = browser.driver().findElement(By.id("case-pii-summary")).getAttribute("data-count");
    return count == null ? 0 : Integer.parseInt(count);
  }
}
