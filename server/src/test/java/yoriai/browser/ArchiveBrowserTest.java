package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import yoriai.testing.Api;
import yoriai.testing.Browser;
import yoriai.testing.Discussion;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestSite;
import yoriai.testing.WsClient;

/**
 * Cases discussed and published over the real API and WebSocket, then read by an anonymous
 * visitor in the real page: search with a spelling variant, a facet, an entry.
 */
class ArchiveBrowserTest {
  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("archive");
  private static TestServer server;
  private static Browser browser;
  private static TestServer.SignedIn host;
  private static TestServer.SignedIn therapist;
  private static TestServer.SignedIn company;

  @BeforeAll
  static void start() {
    server = site.server();
    browser = site.browser();
    host = server.municipality("高崎 司会");
    therapist = server.professional("理学 花子", "理学療法士");
    company = server.company("販売 一郎", "株式会社みらい商店");
    publish(Meetings.sheet(), "買い物", "移動販売車の停留所を自宅近くに");
    ObjectNode couple = Meetings.sheet().put("title", "夫婦で買い物と調理が負担になってきた");
    ((ObjectNode) couple.get("person")).put("careLevel", "要介護1").put("household", "高齢夫婦");
    ((ObjectNode) couple.withArray("activities").get(0)).put("difficulty", "スーパーまで坂道が続く");
    couple.withArray("activities").addObject().put("activity", "調理").put("level", "見守り")
        .put("canDo", "味付けは自分でできる").put("difficulty", "火の消し忘れがある");
    publish(couple, "調理", "週3回の夕食配食");
    ObjectNode bath = Meetings.sheet().put("title", "浴槽をまたげなくなった男性");
    ((ObjectNode) bath.get("person")).put("careLevel", "要支援1").put("household", "子と同居");
    bath.withArray("activities").removeAll().addObject().put("activity", "入浴").put("level", "一部介助")
        .put("canDo", "体は自分で洗える").put("difficulty", "浴槽の出入りが怖い");
    publish(bath, "入浴", "通いの場での入浴");
  }

  /** A meeting over {@code sheet}: one remark by the therapist, one proposal the therapist endorses. */
  private static void publish(ObjectNode sheet, String activity, String proposal) {
    Api api = server.api();
    String meetingId = Meetings.open(api, host.token(), sheet);
    try (Discussion meeting = new Discussion(server, host, meetingId);
         WsClient pt = meeting.join(therapist);
         WsClient shop = meeting.join(company)) {
      meeting.phase("presentation");
      meeting.post(pt, "ご本人が続けたいことを大事にしたいですね");
      meeting.phase("proposals");
      String proposalId = meeting.propose(shop, activity, "market", proposal, "自分で選べる");
      meeting.endorse(pt, proposalId);
      meeting.summarizeAndClose("できることを続けながら" + proposal + "を使う", proposalId);
      Api.Reply published = meeting.publish();
      if (published.status() != 200) {
        throw new AssertionError("not published: " + published.body());
      }
    }
  }

  @Test
  void an_anonymous_visitor_finds_cases_by_a_variant_narrows_them_by_a_facet_and_reads_one_on_a_tablet() {
    browser.driver().manage().window().setSize(new Dimension(768, 1024));
    browser.openFresh(server.baseUrl() + "/archive");
    WebElement query = browser.waitFor(By.id("archive-q"));
    assertThat(browser.driver().findElements(By.id("current-user-name"))).isEmpty();
    assertThat(browser.driver().findElement(By.id("nav-login")).isDisplayed()).isTrue();

    query.sendKeys("買物");
    browser.driver().findElement(By.id("archive-submit")).click();
    browser.until(d -> hits().size() == 2);
    assertThat(total()).contains("2件");
    assertThat(hitTitles()).containsExactlyInAnyOrder("買い物に行けなくなった独居の女性", "夫婦で買い物と調理が負担になってきた");
    List<WebElement> marks = browser.driver().findElements(By.cssSelector("#archive-results .archive-hit__snippet mark"));
    assertThat(marks).isNotEmpty();
    assertThat(marks.get(0).getText()).matches("買い?物");
    assertThat(browser.driver().getCurrentUrl()).contains("/archive?q=").doesNotContain("#");

    WebElement facet = browser.waitFor(By.cssSelector("#archive-facets button.facet[data-facet='careLevel'][data-value='要介護1']"));
    assertThat(facet.findElement(By.cssSelector(".facet__count")).getText()).startsWith("1");
    facet.click();
    browser.until(d -> hits().size() == 1 && total().contains("1件"));
    assertThat(hitTitles()).containsExactly("夫婦で買い物と調理が負担になってきた");
    browser.until(d -> "true".equals(d.findElement(
        By.cssSelector("button.facet[data-facet='careLevel'][data-value='要介護1']")).getAttribute("aria-pressed")));
    assertThat(pageFitsWidth()).as("no horizontal scrolling on the search page").isTrue();
    assertThat(onFirstScreen(hits().get(0))).as("the hit is on the first screen, not below the facets").isTrue();
    browser.saveScreenshot("archive-search-tablet");

    hits().get(0).findElement(By.cssSelector(".archive-hit__title a")).click();
    browser.until(d -> d.findElement(By.id("entry-title")).getText().equals("夫婦で買い物と調理が負担になってきた"));
    WebElement activities = browser.waitFor(By.id("entry-activities"));
    assertThat(activities.findElements(By.cssSelector("th[scope=row]")).stream().map(WebElement::getText).toList())
        .containsExactly("買い物", "調理");
    assertThat(activities.getText()).contains("味付けは自分でできる").contains("火の消し忘れがある");
    assertThat(browser.driver().findElement(By.id("entry-person")).getText()).contains("要介護1").contains("高齢夫婦");
    WebElement remark = browser.waitFor(By.cssSelector("#entry-discussion .discussion-phase li.remark"));
    assertThat(remark.findElement(By.cssSelector(".remark__label")).getText()).isEqualTo("理学療法士A");
    assertThat(remark.findElement(By.cssSelector(".remark__text")).getText()).isEqualTo("ご本人が続けたいことを大事にしたいですね");
    WebElement proposal = browser.waitFor(By.cssSelector("#entry-proposals li.entry-proposal"));
    assertThat(proposal.getText()).contains("週3回の夕食配食");
    assertThat(proposal.findElement(By.cssSelector(".endorse-count")).getAttribute("data-count")).isEqualTo("1");
    assertThat(proposal.findElement(By.cssSelector(".endorse-count")).getText()).contains("1");
    assertThat(proposal.findElements(By.cssSelector(".badge--adopted"))).hasSize(1);
    assertThat(browser.driver().getPageSource()).doesNotContain("理学 花子").doesNotContain("株式会社みらい商店");
    assertThat(pageFitsWidth()).as("no horizontal scrolling on the entry page").isTrue();
    browser.saveScreenshot("archive-entry-tablet");
  }

  @Test
  void an_admin_redacts_a_remark_with_a_reason_in_japanese_on_a_tablet() {
    String id = server.api().get("/api/v1/archive/search?q=" + java.net.URLEncoder.encode("浴槽", java.nio.charset.StandardCharsets.UTF_8),
        null).json().at("/hits/0/id").asText();
    browser.driver().manage().window().setSize(new Dimension(768, 1024));
    browser.signIn(server.baseUrl(), TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    browser.open(server.baseUrl() + "/archive/cases/" + id);
    browser.until(d -> d.findElement(By.id("entry-title")).getText().equals("浴槽をまたげなくなった男性"));

    WebElement redact = browser.waitFor(By.cssSelector("#entry-discussion li.remark button.redact"));
    assertThat(redact.getText()).isEqualTo("削除");
    redact.click();
    browser.waitFor(By.id("redact-reason")).sendKeys("ご本人が特定されるとの申し出");
    browser.driver().findElement(By.cssSelector(".redact-form__confirm")).click();

    browser.until(d -> d.findElement(By.cssSelector("#entry-discussion li.remark .remark__text")).getText().equals("（削除されました）"));
    WebElement record = browser.waitFor(By.cssSelector("#entry-redactions li.redaction"));
    assertThat(record.getText()).contains("ご本人が特定されるとの申し出");
    assertThat(browser.driver().findElements(By.cssSelector("#entry-discussion li.remark button.redact"))).isEmpty();
    assertThat(server.api().get("/api/v1/archive/cases/" + id, null).json().at("/discussion/0/text").asText())
        .isEqualTo("（削除されました）");
    assertThat(pageFitsWidth()).as("no horizontal scrolling with the redaction controls").isTrue();
    browser.saveScreenshot("archive-entry-redacted-tablet");
  }

  private static List<WebElement> hits() {
    return browser.driver().findElements(By.cssSelector("#archive-results li.archive-hit"));
  }

  private static List<String> hitTitles() {
    return hits().stream().map(h -> h.findElement(By.cssSelector(".archive-hit__title")).getText()).toList();
  }

  private static String total() {
    return browser.driver().findElement(By.id("archive-total")).getText();
  }

  private static boolean onFirstScreen(WebElement element) {
    return (Boolean) browser.script("return arguments[0].getBoundingClientRect().top < window.innerHeight;", element);
  }

  private static boolean pageFitsWidth() {
    return (Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth;");
  }
}
