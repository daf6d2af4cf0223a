package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static yoriai.browser.RoomPage.startInAnHour;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import yoriai.testing.Accessibility;
import yoriai.testing.Browser;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;
import yoriai.testing.TestSite;

/**
 * The host's daily path through cases on a tablet in portrait, in Japanese: a sheet with a phone
 * number is refused on save and nothing is stored, the finding leads to its field, the fixed sheet
 * saves; a submitted case is read-only and says why; 「この事例で会議を作成」 opens the meeting form
 * with that case as agenda item 1, and a second ticked case becomes item 2.
 */
class CaseDailyPathBrowserTest {
  private static final String PHONE = "090-1234-5678";
  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("case-daily-path");
  private static TestServer server;
  private static Browser browser;
  private SignedIn host;

  @BeforeAll
  static void start() {
    server = site.server();
    browser = site.browser();
  }

  @BeforeEach
  void signIn() {
    host = server.municipality("高橋 美咲");
    browser.driver().manage().window().setSize(new Dimension(768, 1024));
    browser.signIn(server.baseUrl(), host.email(), host.password());
  }

  @Test
  void a_sheet_with_a_phone_number_is_refused_on_save_keeps_its_text_and_the_finding_leads_to_the_field_that_once_fixed_saves() {
    int casesBefore = caseCount();
    browser.waitFor(By.id("nav-cases")).click();
    browser.waitFor(By.id("new-case")).click();
    browser.waitFor(By.id("case-title")).sendKeys("買い物に行けなくなった独居の女性");
    select("case-prefecture", "群馬県");
    select("case-age-band", "80-84");
    select("case-care-level", "要支援2");
    select("case-household", "独居");
    select("activity-0-activity", "趣味・社会参加");
    select("activity-0-level", "一部介助");
    assertThat(labelRoom("activity-0-activity")).as("room for the longest activity label").isGreaterThanOrEqualTo(0);
    assertThat(labelRoom("activity-0-level")).as("room for the longest level label").isGreaterThanOrEqualTo(0);
    assertThat(new Select(field("activity-0-activity")).getOptions()).extracting(WebElement::getText)
        .contains("服薬・服薬管理").doesNotContain("服薬管理");

    WebElement housing = field("case-housing");
    String withPhone = "公営住宅の2階。連絡先 " + PHONE;
    housing.sendKeys(withPhone);
    field("case-save").click();

    browser.until(d -> field("case-notice").getText().contains("保存できません"));
    assertThat(housing.getDomProperty("value")).isEqualTo(withPhone);
    assertThat(browser.driver().getCurrentUrl()).endsWith("#/cases/new");
    assertThat(caseCount()).as("nothing stored").isEqualTo(casesBefore);
    WebElement finding = browser.waitFor(By.cssSelector("#case-pii-summary li[data-field='person.housing'] button"));
    assertThat(finding.getText()).contains("住まいの状況").contains("電話番号");
    Accessibility.assertNoViolations(browser.driver(), "case editor, save refused for a phone number");
    browser.script("window.scrollTo(0, 0)");

    finding.click();
    browser.until(d -> "case-housing".equals(d.switchTo().activeElement().getAttribute("id")));
    assertThat((Boolean) browser.script("const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;", housing))
        .as("the field is scrolled into view").isTrue();
    housing.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    housing.sendKeys("公営住宅の2階");
    browser.until(d -> "0".equals(field("case-pii-summary").getAttribute("data-count")));
    field("case-save").click();

    browser.until(d -> field("case-notice").getText().contains("保存しました"));
    browser.until(d -> d.getCurrentUrl().matches(".*#/cases/[^/]+$") && !d.getCurrentUrl().endsWith("/new"));
    String caseId = browser.driver().getCurrentUrl().replaceFirst(".*#/cases/", "");
    var stored = server.api().get("/api/v1/cases/" + caseId, host.token()).json();
    assertThat(stored.at("/person/housing").asText()).isEqualTo("公営住宅の2階");
    assertThat(stored.at("/activities/0/activity").asText()).isEqualTo("趣味・社会参加");
  }

  @Test
  void a_submitted_case_is_read_only_with_the_reason_and_leads_to_a_meeting_whose_agenda_is_the_ticking_order() {
    String first = Meetings.submittedCase(server.api(), host.token(), Meetings.sheet().put("title", "買い物に行けなくなった独居の女性"));
    String second = Meetings.submittedCase(server.api(), host.token(), Meetings.sheet().put("title", "調理が難しくなった男性"));

    browser.open(server.baseUrl() + "/#/cases/" + first);
    WebElement reason = browser.waitFor(By.id("case-read-only"));
    assertThat(reason.getText()).contains("提出済みのため編集できません");
    assertThat(field("case-state").getText()).isEqualTo("提出済み");
    assertThat(browser.driver().findElements(By.id("case-save"))).isEmpty();
    assertThat(browser.driver().findElements(By.id("case-submit"))).isEmpty();
    assertThat(field("case-title").getDomProperty("readOnly")).isEqualTo("true");
    Accessibility.assertNoViolations(browser.driver(), "a submitted case, read-only");

    field("case-create-meeting").click();
    browser.until(d -> d.getCurrentUrl().endsWith("#/meetings/new?case=" + first));
    WebElement firstBox = browser.waitFor(By.cssSelector("#meeting-cases input[value='" + first + "']"));
    browser.until(d -> firstBox.isSelected());
    assertThat(order(first)).isEqualTo("議題 1");
    assertThat(browser.driver().findElements(By.cssSelector("#meeting-cases select"))).isEmpty();

    field("meeting-cases").findElement(By.cssSelector("input[value='" + second + "']")).click();
    browser.until(d -> "議題 2".equals(order(second)));
    assertThat(browser.driver().findElements(By.cssSelector("#meeting-agenda li"))).extracting(WebElement::getText)
        .containsExactly("買い物に行けなくなった独居の女性", "調理が難しくなった男性");
    field("meeting-title").sendKeys("高崎市 地域ケア会議 買い物と調理");
    startInAnHour(browser);
    Accessibility.assertNoViolations(browser.driver(), "meeting form with two cases ticked");
    field("meeting-create-submit").click();

    browser.until(d -> d.getCurrentUrl().matches(".*#/meetings/[^/?]+$") && !d.getCurrentUrl().endsWith("/new"));
    String meetingId = browser.driver().getCurrentUrl().replaceFirst(".*#/meetings/", "");
    var meeting = server.api().get("/api/v1/meetings/" + meetingId, host.token()).json();
    List<String> caseIds = new java.util.ArrayList<>();
    meeting.get("caseIds").forEach(id -> caseIds.add(id.asText()));
    assertThat(caseIds).containsExactly(first, second);
  }

  private int caseCount() {
    return server.api().get("/api/v1/cases", host.token()).json().get("cases").size();
  }

  private static WebElement field(String id) {
    return browser.driver().findElement(By.id(id));
  }

  private static void select(String id, String value) {
    new Select(field(id)).selectByValue(value);
  }

  private static String order(String caseId) {
    List<WebElement> badge = browser.driver().findElements(
        By.cssSelector("#meeting-cases li[data-case-id='" + caseId + "'] .case-pick__order"));
    return badge.isEmpty() ? "" : badge.get(0).getText();
  }

  /**
   * Pixels left in the drop-down {@code id} beside its longest option's label once its padding and
   * arrow are taken off; negative when the label would be cut.
   */
  private static double labelRoom(String id) {
    return ((Number) browser.script("""
        const select = arguments[0];
        const style = getComputedStyle(select);
        const context = document.createElement('canvas').getContext('2d');
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const widest = Math.max(...[...select.options].map((o) => context.measureText(o.text).width));
        const arrow = 20;
        return select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow - widest;
        """, field(id))).doubleValue();
  }
}
