package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import yoriai.testing.Browser;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestSite;

/**
 * A case made over the API, with an assessment and the 基本チェックリスト, is edited by the host
 * on a tablet in Japanese: what the editor changed and what it did not touch both survive a reload.
 */
class CaseAssessmentBrowserTest {
  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("case-assessment");

  @Test
  void the_host_edits_an_api_created_cases_assessment_on_a_tablet_and_it_survives_a_reload() {
    TestServer server = site.server();
    Browser browser = site.browser();
    var host = server.municipality("高橋 美咲");
    ObjectNode sheet = Meetings.sheet();
    ObjectNode assessment = sheet.putObject("assessment");
    assessment.putObject("movement").put("intention", "自分の足で歩き続けたい").put("issue", "長い距離を歩くと膝が痛む");
    assessment.putObject("dailyLife").put("intention", "料理を続けたい").put("issue", "重い鍋を持てない");
    var checklist = sheet.putArray("checklist");
    for (int i = 0; i < 25; i++) {
      checklist.add(i < 3 ? 1 : 0);
    }
    var created = server.api().post("/api/v1/cases", host.token(), sheet.toString());
    assertThat(created.status()).isEqualTo(201);
    String caseId = created.json().get("id").asText();

    browser.driver().manage().window().setSize(new Dimension(768, 1024));
    browser.signIn(server.baseUrl(), host.email(), host.password());
    browser.open(server.baseUrl() + "/#/cases/" + caseId);
    WebElement issue = browser.waitFor(By.id("assessment-movement-issue"));
    browser.until(d -> "長い距離を歩くと膝が痛む".equals(issue.getDomProperty("value")));
    assertThat(browser.driver().findElement(By.cssSelector("#case-assessment > legend")).getText()).isEqualTo("アセスメント（任意）");
    assertThat(browser.driver().findElement(By.cssSelector("label[for='assessment-movement-issue']")).getText()).isEqualTo("課題");

    issue.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    issue.sendKeys("坂道では休みながら歩く");
    browser.driver().findElement(By.id("assessment-healthManagement-intention")).sendKeys("薬を自分で管理したい");
    WebElement fell = browser.driver().findElement(By.id("checklist-9"));
    browser.script("arguments[0].scrollIntoView({block: 'center'})", fell);
    fell.click();
    assertThat(horizontalOverflow(browser)).isLessThanOrEqualTo(768);
    browser.saveScreenshot("case-assessment-tablet");
    browser.driver().findElement(By.id("case-save")).click();
    browser.until(d -> d.findElement(By.id("case-notice")).getText().contains("保存しました"));

    browser.driver().navigate().refresh();
    WebElement reloaded = browser.waitFor(By.id("assessment-movement-issue"));
    browser.until(d -> "坂道では休みながら歩く".equals(reloaded.getDomProperty("value")));
    assertThat(browser.driver().findElement(By.id("assessment-healthManagement-intention")).getDomProperty("value"))
        .isEqualTo("薬を自分で管理したい");
    assertThat(browser.driver().findElement(By.id("assessment-dailyLife-issue")).getDomProperty("value")).isEqualTo("重い鍋を持てない");
    assertThat(browser.driver().findElement(By.id("checklist-9")).isSelected()).isTrue();
    assertThat(browser.driver().findElement(By.id("checklist-1")).isSelected()).isTrue();
    assertThat(browser.driver().findElement(By.id("checklist-score")).getText()).contains("合計 4 / 25 点");

    var stored = server.api().get("/api/v1/cases/" + caseId, host.token()).json();
    assertThat(stored.at("/assessment/movement/issue").asText()).isEqualTo("坂道では休みながら歩く");
    assertThat(stored.at("/assessment/dailyLife/intention").asText()).isEqualTo("料理を続けたい");
    assertThat(stored.at("/checklist/8").asInt()).isEqualTo(1);
    assertThat(stored.get("checklist")).hasSize(25);
  }

  private static long horizontalOverflow(Browser browser) {
    return (Long) browser.script("return document.documentElement.scrollWidth");
  }
}
