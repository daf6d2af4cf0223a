package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
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
 * An anonymous visitor on a tablet, in Japanese: the catalog finds a shopping service by its
 * category; an archive search with a filter exports exactly its hits; a snippet shows the words
 * around the hit.
 */
class SearchAndExportBrowserTest {
  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("search-and-export");
  private static TestServer server;
  private static Browser browser;

  @BeforeAll
  static void start() {
    server = site.server();
    browser = site.browser();
    TestServer.SignedIn shop = server.company("販売 一郎", "株式会社みらいマート");
    register(shop, "ゆっくりレジ（みらいマート高崎店）", "買い物支援", "高齢のお客様が急がずに会計できる専用レジを開けています。");
    register(shop, "よりあい夕食便", "配食", "夕食のお弁当を手渡しで届けます。");

    TestServer.SignedIn host = server.municipality("高崎 司会");
    TestServer.SignedIn therapist = server.professional("理学 花子", "理学療法士");
    ObjectNode bath = Meetings.sheet().put("title", "浴槽をまたげなくなった男性");
    ((ObjectNode) bath.get("person")).put("careLevel", "要支援1").put("household", "子と同居");
    bath.withArray("activities").removeAll().addObject().put("activity", "入浴").put("level", "一部介助")
        .put("canDo", "体は自分で洗える").put("difficulty", "浴槽の出入りが怖い");
    publish(host, therapist, bath, "通所での見守り");
    ObjectNode other = Meetings.sheet().put("title", "入浴の回数が減ってきた独居の女性");
    other.withArray("activities").addObject().put("activity", "入浴").put("level", "見守り")
        .put("canDo", "シャワーは一人で浴びられる").put("difficulty", "冬は寒くて億劫になる");
    publish(host, therapist, other, "デイサービスの利用");
  }

  private static void register(TestServer.SignedIn company, String name, String category, String description) {
    ObjectNode body = Json.object().put("name", name).put("category", category).put("description", description);
    body.putArray("areas").addObject().put("prefectureCode", "10").put("municipalityCode", "10202").put("name", "高崎市");
    Api.Reply reply = server.api().post("/api/v1/catalog/services", company.token(), body.toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }

  private static void publish(TestServer.SignedIn host, TestServer.SignedIn therapist, ObjectNode sheet, String proposal) {
    String meetingId = Meetings.open(server.api(), host.token(), sheet);
    try (Discussion meeting = new Discussion(server, host, meetingId); WsClient pt = meeting.join(therapist)) {
      meeting.phase("proposals");
      String proposalId = meeting.propose(pt, "入浴", "public", proposal, "自分で洗える");
      meeting.summarizeAndClose("できることを続ける", proposalId);
      Api.Reply published = meeting.publish();
      assertThat(published.status()).as(published.body()).isEqualTo(200);
    }
  }

  @Test
  void typing_a_category_name_in_the_catalog_search_finds_the_service_of_that_category() {
    browser.driver().manage().window().setSize(new Dimension(768, 1024));
    browser.openFresh(server.baseUrl() + "/catalog");
    browser.waitFor(By.id("catalog-q")).sendKeys("買い物支援");
    browser.driver().findElement(By.id("catalog-submit")).click();

    browser.until(d -> names().size() == 1);
    assertThat(names()).containsExactly("ゆっくりレジ（みらいマート高崎店）");
    assertThat(browser.driver().findElement(By.id("catalog-total")).getText()).contains("1件");
    assertThat(browser.driver().findElement(By.cssSelector("#catalog-results .badge")).getText()).isEqualTo("買い物支援");
    Accessibility.assertNoViolations(browser.driver(), "catalog search by category");
    browser.saveScreenshot("catalog-search-by-category-tablet");
  }

  @Test
  void an_archive_search_with_a_filter_shows_words_around_the_hit_and_exports_exactly_its_hits() {
    browser.driver().manage().window().setSize(new Dimension(768, 1024));
    browser.openFresh(server.baseUrl() + "/archive");
    browser.waitFor(By.id("archive-q")).sendKeys("入浴");
    browser.driver().findElement(By.id("archive-submit")).click();
    browser.until(d -> hits().size() == 2);
    browser.waitFor(By.cssSelector("#archive-facets button.facet[data-facet='careLevel'][data-value='要支援1']")).click();
    browser.until(d -> hits().size() == 1 && d.getCurrentUrl().contains("careLevel="));

    WebElement hit = hits().get(0);
    assertThat(hit.findElement(By.cssSelector(".archive-hit__title")).getText()).isEqualTo("浴槽をまたげなくなった男性");
    WebElement snippet = hit.findElement(By.cssSelector(".archive-hit__snippet"));
    assertThat(snippet.findElement(By.tagName("mark")).getText()).isEqualTo("入浴");
    assertThat(snippet.getText()).as("the words around the hit").contains("体は自分で洗える");

    WebElement csv = browser.waitFor(By.id("export-csv"));
    assertThat(csv.getText()).contains("この検索結果すべて");
    String path = csv.getDomAttribute("href");
    assertThat(URLDecoder.decode(path, StandardCharsets.UTF_8)).isEqualTo("/api/v1/archive/export.csv?q=入浴&careLevel=要支援1");
    String exported = server.api().get(path, null).body();
    List<String> lines = Arrays.asList(exported.split("\r\n"));
    assertThat(lines.get(0)).startsWith("\uFEFFID,タイトル,");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith(hit.getDomAttribute("data-id") + ",浴槽をまたげなくなった男性,").contains(",要支援1,");
    Accessibility.assertNoViolations(browser.driver(), "archive search with a filter and its export links");
    browser.saveScreenshot("archive-search-export-tablet");
  }

  private static List<String> names() {
    return browser.driver().findElements(By.cssSelector("#catalog-results li.service .service__name")).stream()
        .map(WebElement::getText).toList();
  }

  private static List<WebElement> hits() {
    return browser.driver().findElements(By.cssSelector("#archive-results li.archive-hit"));
  }
}
