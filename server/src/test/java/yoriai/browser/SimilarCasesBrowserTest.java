package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import yoriai.testing.Accessibility;
import yoriai.testing.Browser;
import yoriai.testing.Discussion;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestSite;

/**
 * 「似ている過去の事例」 on a tablet in portrait, in Japanese: a host prepares a draft whose
 * difficulty is that of a published case, saves, sees that case in the list, opens it by keyboard,
 * and finds the list again in the meeting room of the case.
 */
class SimilarCasesBrowserTest {
  private static final String PUBLISHED_TITLE = "お風呂に入れなくなった独居の男性";
  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("similar-cases");

  @Test
  void a_host_saves_a_draft_sees_the_published_case_with_the_same_difficulty_opens_it_and_finds_it_again_in_the_room() {
    TestServer server = site.server();
    Browser browser = site.browser();
    TestServer.SignedIn host = server.municipality("高橋 美咲");
    ObjectNode published = Meetings.sheet().put("title", PUBLISHED_TITLE);
    published.putArray("activities").addObject().put("activity", "入浴").put("level", "一部介助")
        .put("canDo", "シャワーは浴びられる").put("difficulty", "浴槽をまたぐのが怖く、お風呂に入れない");
    String entryId = Discussion.publishedEntry(server, host, published);

    browser.driver().manage().window().setSize(new Dimension(820, 1180));
    browser.signIn(server.baseUrl(), host.email(), host.password());
    browser.waitFor(By.id("nav-cases")).click();
    browser.waitFor(By.id("new-case")).click();
    browser.waitFor(By.id("case-title")).sendKeys("入浴が心配になってきた男性");
    select(browser, "case-prefecture", "群馬県");
    select(browser, "case-age-band", "85-89");
    select(browser, "case-care-level", "要支援2");
    select(browser, "case-household", "独居");
    select(browser, "activity-0-activity", "入浴");
    select(browser, "activity-0-level", "一部介助");
    browser.driver().findElement(By.id("activity-0-difficulty")).sendKeys("浴槽をまたぐのが怖い");
    browser.driver().findElement(By.id("case-wishes")).sendKeys("ゆっくりお風呂に入りたい");
    assertThat(browser.driver().findElement(By.id("similar-cases-status")).getText()).contains("保存すると");
    Accessibility.assertNoViolations(browser.driver(), "case editor, a new case: similar cases after saving");

    browser.driver().findElement(By.id("case-save")).click();
    browser.until(d -> d.findElement(By.id("case-notice")).getText().contains("保存しました"));
    WebElement similar = browser.waitFor(By.cssSelector("#similar-cases-list li[data-id='" + entryId + "']"));
    assertThat(browser.driver().findElements(By.cssSelector("#similar-cases-list li")).get(0).getAttribute("data-id"))
        .isEqualTo(entryId);
    assertThat(browser.driver().findElement(By.id("similar-cases-status")).getText()).contains("件見つかりました");
    assertThat(browser.driver().findElement(By.id("similar-cases-heading")).getText()).isEqualTo("似ている過去の事例");
    String caseUrl = browser.driver().getCurrentUrl();
    Accessibility.assertNoViolations(browser.driver(), "case editor with similar past cases");

    WebElement link = similar.findElement(By.tagName("a"));
    assertThat(link.getText()).isEqualTo(PUBLISHED_TITLE);
    link.sendKeys(Keys.ENTER);
    browser.until(d -> PUBLISHED_TITLE.equals(d.findElement(By.id("entry-title")).getText()));
    Accessibility.assertNoViolations(browser.driver(), "the similar case's public entry");

    browser.open(caseUrl);
    browser.waitFor(By.id("case-submit")).click();
    browser.until(d -> "submitted".equals(d.findElement(By.id("case-state")).getAttribute("data-state")));
    String caseId = caseUrl.replaceFirst(".*#/cases/", "");
    String meetingId = Meetings.create(server.api(), host.token(), meeting(caseId)).get("id").asText();
    browser.open(server.baseUrl() + "/#/meetings/" + meetingId);
    RoomPage.waitLive(browser);
    browser.waitFor(By.cssSelector(".room__case #similar-cases-list li[data-id='" + entryId + "']"));
    Accessibility.assertNoViolations(browser.driver(), "meeting room with similar past cases");
  }

  private static ObjectNode meeting(String caseId) {
    ObjectNode body = Json.object().put("title", "入浴が心配になってきた男性").put("visibility", "open")
        .put("startsAt", OffsetDateTime.now(ZoneOffset.ofHours(9)).plusHours(1).withNano(0).toString());
    body.putArray("caseIds").add(caseId);
    return body;
  }

  private static void select(Browser browser, String id, String value) {
    new Select(browser.driver().findElement(By.id(id))).selectByValue(value);
  }
}
