package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import yoriai.testing.Accessibility;
import yoriai.testing.Api;
import yoriai.testing.Browser;
import yoriai.testing.Discussion;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestSite;
import yoriai.testing.WsClient;

/**
 * A visitor with JavaScript off, at tablet size, reads the archive as the server renders it:
 * searches with the form, filters by a facet, opens an entry and reads it, goes on to the catalog
 * and the insights through the header. No script of the page runs, so the web client never takes over.
 */
class PublicPagesWithoutScriptsBrowserTest {
  @RegisterExtension
  static final TestSite site = new TestSite();
  private static final Dimension TABLET = new Dimension(820, 1180);
  private static Browser browser;

  @BeforeAll
  static void publishACase() {
    TestServer server = site.server();
    TestServer.SignedIn host = server.municipality("高崎 司会");
    TestServer.SignedIn therapist = server.professional("理学 花子", "理学療法士");
    String meetingId = Meetings.open(server.api(), host.token(), Meetings.sheet());
    try (Discussion meeting = new Discussion(server, host, meetingId); WsClient pt = meeting.join(therapist)) {
      meeting.phase("presentation");
      meeting.post(pt, "近所の店までは自分で歩けています");
      meeting.phase("proposals");
      String proposal = meeting.propose(pt, "買い物", "mutual", "近所の方と週1回の買い物同行", "店まで自分で歩く");
      meeting.summarizeAndClose("互助で買い物を続ける", proposal);
      Api.Reply published = meeting.publish();
      assertThat(published.status()).as(published.body()).isEqualTo(200);
    }
    browser = Browser.start();
    browser.pageScripts(false);
    browser.driver().manage().window().setSize(TABLET);
  }

  @AfterEach
  void screenshot(TestInfo test) {
    browser.saveScreenshot("public-pages-last-" + test.getTestMethod().orElseThrow().getName());
  }

  @AfterAll
  static void closeBrowser() {
    browser.close();
  }

  @Test
  void a_visitor_without_javascript_searches_filters_and_reads_an_entry() {
    WebDriver driver = browser.driver();
    browser.open(site.server().baseUrl() + "/archive");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("事例アーカイブ");
    checkAccessibility(driver, "archive without JavaScript");

    driver.findElement(By.id("sp-q")).sendKeys("買い物");
    driver.findElement(By.cssSelector(".sp-search button[type=submit]")).click();
    browser.until(d -> d.getCurrentUrl().contains("q="));
    assertThat(driver.findElement(By.id("sp-results-heading")).getText()).contains("1件の事例");

    driver.findElement(By.xpath("//aside[contains(@class,'sp-facets')]//a[contains(., '群馬県')]")).click();
    browser.until(d -> d.getCurrentUrl().contains("prefecture="));
    assertThat(driver.findElement(By.className("sp-filters")).getText()).contains("都道府県: 群馬県");
    assertThat(driver.findElement(By.id("sp-q")).getAttribute("value")).isEqualTo("買い物");

    driver.findElement(By.cssSelector(".sp-hit__title a")).click();
    browser.until(d -> d.getCurrentUrl().contains("/archive/cases/"));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("買い物に行けなくなった独居の女性");
    WebElement activities = driver.findElement(By.id("sp-activities"));
    assertThat(activities.isDisplayed()).isTrue();
    assertThat(activities.findElement(By.tagName("caption")).getText()).isNotBlank();
    assertThat(activities.getText()).contains("買い物", "一部介助", "重い荷物を持ち帰れない");
    assertThat(driver.findElement(By.className("sp-remark")).getText()).contains("理学療法士", "近所の店までは自分で歩けています");
    assertThat(driver.findElement(By.id("sp-proposals")).getText()).contains("近所の方と週1回の買い物同行", "採用");
    assertThat(driver.findElement(By.id("sp-summary")).getText()).contains("互助で買い物を続ける");
    assertThat(driver.findElement(By.tagName("main")).getRect().getWidth()).as("fits the tablet's width")
        .isLessThanOrEqualTo(TABLET.getWidth());
    checkAccessibility(driver, "entry without JavaScript");
  }

  @Test
  void the_header_leads_to_the_catalog_the_insights_and_the_login() {
    WebDriver driver = browser.driver();
    browser.open(site.server().baseUrl() + "/archive");

    for (String[] page : List.of(new String[] {"サービスカタログ", "サービスカタログ"},
        new String[] {"地域の傾向", "地域の傾向（ニーズ分析）"})) {
      driver.findElement(By.linkText(page[0])).click();
      browser.until(d -> d.findElement(By.tagName("h1")).getText().equals(page[1]));
      assertThat(driver.findElement(By.linkText(page[0])).getAttribute("aria-current")).isEqualTo("page");
      checkAccessibility(driver, page[1] + " without JavaScript");
    }
    assertThat(driver.findElement(By.linkText("ログイン")).getAttribute("href")).isEqualTo(site.server().baseUrl() + "/#/");
  }

  /**
   * axe needs scripts: they are turned on for it once the page has loaded without them (so the
   * page stays as the server sent it), then off again for the next page.
   */
  private static void checkAccessibility(WebDriver driver, String page) {
    browser.pageScripts(true);
    try {
      Accessibility.assertNoViolations(driver, page);
    } finally {
      browser.pageScripts(false);
    }
    assertThat(driver.findElement(By.tagName("yoriai-app")).getText()).as("the app never started on " + page).isEmpty();
  }
}
