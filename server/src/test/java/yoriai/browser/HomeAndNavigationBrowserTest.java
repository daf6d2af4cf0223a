package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import yoriai.testing.Accessibility;
import yoriai.testing.Api;
import yoriai.testing.Browser;
import yoriai.testing.Discussion;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestSite;
import yoriai.testing.WsClient;

/**
 * The pages that say what they are, on a tablet in portrait, in Japanese: the home page signed out
 * and for each role, the menu each role gets, the needs insight's suppressed cells, and an archive
 * entry as it prints.
 */
class HomeAndNavigationBrowserTest {
  private static final String OPEN_MEETING = "買い物支援を考える公開会議";
  private static final String DRAFT = "調理が難しくなってきた高齢夫婦";
  private static final String SERVICE = "みらい号 移動販売";

  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("home");
  private static TestServer server;
  private static Browser browser;
  private static TestServer.SignedIn host;
  private static TestServer.SignedIn therapist;
  private static TestServer.SignedIn company;
  private static String publishedTitle;
  private static String entryId;

  @BeforeAll
  static void start() {
    server = site.server();
    browser = site.browser();
    Api api = server.api();
    host = server.municipality("高崎 司会");
    therapist = server.professional("理学 花子", "理学療法士");
    company = server.company("販売 一郎", "株式会社みらい商店");
    publishedTitle = Meetings.sheet().get("title").asText();
    try (Discussion meeting = new Discussion(server, host, Meetings.open(api, host.token())); WsClient pt = meeting.join(therapist)) {
      meeting.phase("proposals");
      String proposal = meeting.propose(pt, "買い物", "mutual", "近所の方との買い物同行", "歩く力を保てる");
      meeting.summarizeAndClose("地域の互助で買い物を続ける", proposal);
      Api.Reply published = meeting.publish();
      assertThat(published.status()).as(published.body()).isEqualTo(200);
      entryId = published.json().at("/entries/0/id").asText();
    }
    try (Discussion unsummarized = new Discussion(server, host, Meetings.open(api, host.token()))) {
      unsummarized.phase("closed");
    }
    Meetings.open(api, host.token(), Meetings.sheet().put("title", OPEN_MEETING));
    ObjectNode draft = Meetings.sheet().put("title", DRAFT);
    assertThat(api.post("/api/v1/cases", host.token(), draft.toString()).status()).isEqualTo(201);
    ObjectNode service = Json.object().put("name", SERVICE).put("category", "移動販売").put("description", "週2回、集会所の前に停車します");
    service.putArray("areas").addObject().put("prefectureCode", "10").put("name", "群馬県");
    assertThat(api.post("/api/v1/catalog/services", company.token(), service.toString()).status()).isEqualTo(201);
  }

  @BeforeEach
  void tablet() {
    browser.driver().manage().window().setSize(new Dimension(820, 1180));
  }

  @AfterEach
  void screen() {
    ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
  }

  private static List<String> menu() {
    return browser.driver().findElements(By.cssSelector(".app-nav__link")).stream().map(a -> a.getAttribute("id")).toList();
  }

  private static WebElement textIn(String selector, String text) {
    return browser.until(d -> d.findElements(By.cssSelector(selector)).stream()
        .filter(e -> e.getText().contains(text)).findFirst().orElse(null));
  }

  @Test
  void a_visitor_reads_what_yoriai_is_the_newest_case_an_open_meeting_and_the_way_in() {
    browser.openFresh(server.baseUrl() + "/");

    assertThat(browser.waitFor(By.id("home-heading")).getText()).contains("地域ケア会議をオンラインで");
    assertThat(browser.driver().findElement(By.id("home-about")).getText()).contains("匿名化した事例");
    textIn("#home-case-list .archive-hit", publishedTitle);
    WebElement meeting = textIn("#home-meeting-list .home-meeting", OPEN_MEETING);
    assertThat(meeting.getText()).contains("事例1件");
    assertThat(browser.waitFor(By.id("login-email")).isDisplayed()).isTrue();
    assertThat(menu()).containsExactly("nav-calendar", "nav-archive", "nav-catalog", "nav-insight", "nav-login");
    Accessibility.assertNoViolations(browser.driver(), "home, signed out");
    browser.saveScreenshot("home-signed-out-820");
  }

  @Test
  void a_municipality_sees_its_draft_its_meeting_and_the_meeting_left_to_summarize() {
    browser.signIn(server.baseUrl(), host.email(), host.password());

    textIn("#home-drafts li", DRAFT);
    textIn("#home-hosting li", OPEN_MEETING);
    WebElement finish = browser.waitFor(By.cssSelector("#home-to-finish .home-finish[data-next='summary']"));
    assertThat(finish.getText()).isEqualTo("まとめを書く");
    assertThat(menu()).containsExactly("nav-home", "nav-cases", "nav-meetings", "nav-calendar", "nav-archive", "nav-catalog", "nav-insight");
    Accessibility.assertNoViolations(browser.driver(), "home, municipality");
    browser.saveScreenshot("home-municipality-820");
  }

  @Test
  void a_professional_sees_meetings_to_join_no_case_entries_and_an_honest_page_for_a_new_case() {
    browser.signIn(server.baseUrl(), therapist.email(), therapist.password());

    textIn("#home-to-join li", OPEN_MEETING);
    assertThat(browser.driver().findElements(By.id("home-drafts"))).isEmpty();
    assertThat(menu()).containsExactly("nav-home", "nav-meetings", "nav-calendar", "nav-archive", "nav-catalog", "nav-insight");
    Accessibility.assertNoViolations(browser.driver(), "home, professional");

    browser.open(server.baseUrl() + "/#/cases/new");
    assertThat(browser.waitFor(By.id("not-for-role-heading")).getText()).isEqualTo("このページは自治体のアカウントで使えます");
    assertThat(browser.driver().findElements(By.id("case-title"))).isEmpty();
    Accessibility.assertNoViolations(browser.driver(), "a new case, as a professional");
  }

  @Test
  void a_company_sees_meetings_to_join_and_its_service_with_its_proposal_counts() {
    browser.signIn(server.baseUrl(), company.email(), company.password());

    textIn("#home-to-join li", OPEN_MEETING);
    WebElement service = textIn("#home-services .home-service", SERVICE);
    assertThat(service.getText()).contains("提案 0件・採用 0件");
    assertThat(menu()).containsExactly("nav-home", "nav-meetings", "nav-calendar", "nav-archive", "nav-catalog", "nav-insight");
    Accessibility.assertNoViolations(browser.driver(), "home, company");
    browser.saveScreenshot("home-company-820");
  }

  @Test
  void an_admin_sees_what_the_admin_does_and_no_case_entry_but_the_console() {
    browser.signIn(server.baseUrl(), TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);

    assertThat(browser.waitFor(By.id("home-admin")).getText()).contains("アカウントと組織").contains("すべての会議");
    assertThat(browser.driver().findElement(By.id("home-admin-console")).getAttribute("href")).endsWith("#/admin");
    assertThat(menu()).containsExactly("nav-home", "nav-meetings", "nav-calendar", "nav-archive", "nav-catalog", "nav-insight", "nav-admin");
    Accessibility.assertNoViolations(browser.driver(), "home, admin");
  }

  @Test
  void the_needs_insight_shows_a_single_case_as_fewer_than_three_and_says_how_many_cases_it_aggregates() {
    browser.openFresh(server.baseUrl() + "/insights");

    WebElement cell = browser.waitFor(By.cssSelector("#insight-cells tr.cell[data-suppressed='true'] .cell__cases"));
    assertThat(cell.getText()).isEqualTo("3件未満");
    assertThat(browser.waitFor(By.id("insight-aggregated")).getText()).isEqualTo("公開事例 1件を集計");
    assertThat(browser.driver().findElement(By.id("insight-totals")).getText()).doesNotContain("一部非表示").contains("3件未満の組み合わせのみ");
    Accessibility.assertNoViolations(browser.driver(), "needs insight");
    browser.saveScreenshot("insight-820");
  }

  @Test
  void an_archive_entry_prints_its_address_and_dates() {
    browser.openFresh(server.baseUrl() + "/archive/cases/" + entryId);
    browser.waitFor(By.id("entry-title"));
    WebElement source = browser.until(d -> d.findElements(By.id("entry-source")).stream().findFirst().orElse(null));
    assertThat(source.isDisplayed()).isFalse();
    Accessibility.assertNoViolations(browser.driver(), "archive entry");

    ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));

    browser.until(d -> d.findElement(By.id("entry-source")).isDisplayed());
    assertThat(browser.driver().findElement(By.id("entry-source-url")).getText())
        .isEqualTo(server.baseUrl() + "/archive/cases/" + entryId);
    assertThat(browser.driver().findElement(By.id("entry-source-dates")).getText()).matches("公開日 \\d{4}/\\d{2}/\\d{2}・印刷日 \\d{4}/\\d{2}/\\d{2}");
    assertThat(browser.driver().findElement(By.id("entry-print")).isDisplayed()).isFalse();
  }
}
