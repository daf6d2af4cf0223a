package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
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
 * A coordinator on a tablet, in Japanese, types the situation as a sentence into the archive
 * search and lands on the case written about it, in other words; a sentence no case fully matches
 * shows the nearest cases and says so. The page is reached from the menu and searched by typing,
 * never through its address.
 */
class SentenceSearchBrowserTest {
  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("sentence-search");
  private static TestServer server;
  private static Browser browser;

  @BeforeAll
  static void start() {
    server = site.server();
    browser = site.browser();
    TestServer.SignedIn host = server.municipality("高崎 司会");
    TestServer.SignedIn therapist = server.professional("理学 花子", "理学療法士");
    publish(host, therapist, Meetings.sheet(), "買い物", "移動販売車の停留所を自宅近くに");
    publish(host, therapist, oneActivity("寝具の出し入れがきつくなった女性", "ベッドなら一人で寝起きできる",
        "毎朝毎晩、押し入れから敷布団を出してしまうのが腰につらい"), "その他", "介護用ベッドを借りて寝具の出し入れをなくす");
    publish(host, therapist, oneActivity("庭の雑草が伸び放題になった男性", "玄関先の手入れはできる",
        "しゃがんで草取りができず、隣家から苦情が来ないか気にしている"), "その他", "シルバー人材センターに除草を頼む");
  }

  private static ObjectNode oneActivity(String title, String canDo, String difficulty) {
    ObjectNode sheet = Meetings.sheet().put("title", title);
    sheet.withArray("activities").removeAll().addObject().put("activity", "その他").put("level", "一部介助")
        .put("canDo", canDo).put("difficulty", difficulty);
    return sheet;
  }

  private static void publish(TestServer.SignedIn host, TestServer.SignedIn therapist, ObjectNode sheet,
      String activity, String proposal) {
    String meetingId = Meetings.open(server.api(), host.token(), sheet);
    try (Discussion meeting = new Discussion(server, host, meetingId); WsClient pt = meeting.join(therapist)) {
      meeting.phase("proposals");
      String proposalId = meeting.propose(pt, activity, "mutual", proposal, "自分でできる部分は続ける");
      meeting.summarizeAndClose("できることを続けながら" + proposal, proposalId);
      Api.Reply published = meeting.publish();
      assertThat(published.status()).as(published.body()).isEqualTo(200);
    }
  }

  @Test
  void a_sentence_typed_in_the_archive_search_lands_on_its_case_and_one_without_a_full_match_shows_the_nearest() {
    browser.driver().manage().window().setSize(new Dimension(820, 1180));
    browser.openFresh(server.baseUrl() + "/");
    browser.waitFor(By.id("nav-archive")).click();

    search("布団の上げ下ろしがつらくなった");
    browser.until(d -> !hits().isEmpty() && hitTitles().get(0).equals("寝具の出し入れがきつくなった女性"));
    assertThat(browser.driver().findElements(By.id("archive-relaxed"))).isEmpty();
    Accessibility.assertNoViolations(browser.driver(), "archive search, a sentence found its case");
    browser.saveScreenshot("archive-sentence-search-tablet");

    hits().get(0).findElement(By.cssSelector(".archive-hit__title a")).click();
    browser.until(d -> d.findElement(By.id("entry-title")).getText().equals("寝具の出し入れがきつくなった女性"));
    assertThat(browser.waitFor(By.id("entry-activities")).getText()).contains("押し入れから敷布団を出してしまう");
    Accessibility.assertNoViolations(browser.driver(), "the archive entry the sentence found");

    browser.driver().navigate().back();
    search("庭の草むしりと雪かきと屋根の修理と犬の散歩ができない");
    WebElement note = browser.waitFor(By.id("archive-relaxed"));
    assertThat(note.getText()).isEqualTo("条件に合う事例がないため、近い事例を表示しています");
    assertThat(browser.driver().findElement(By.id("archive-total")).getAttribute("aria-live")).isEqualTo("polite");
    browser.until(d -> !hits().isEmpty() && hitTitles().get(0).equals("庭の雑草が伸び放題になった男性"));
    assertThat(browser.driver().findElements(By.cssSelector("#archive-facets button.facet"))).isNotEmpty();
    Accessibility.assertNoViolations(browser.driver(), "archive search, the nearest cases of a sentence");
    browser.saveScreenshot("archive-sentence-relaxed-tablet");
  }

  private static void search(String sentence) {
    WebElement box = browser.waitFor(By.id("archive-q"));
    box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    box.sendKeys(sentence);
    browser.driver().findElement(By.id("archive-submit")).click();
  }

  private static List<WebElement> hits() {
    return browser.driver().findElements(By.cssSelector("#archive-results li.archive-hit"));
  }

  private static List<String> hitTitles() {
    return hits().stream().map(h -> h.findElement(By.cssSelector(".archive-hit__title")).getText()).toList();
  }
}
