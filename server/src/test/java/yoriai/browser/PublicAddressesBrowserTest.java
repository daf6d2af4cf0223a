package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
 * The public pages at their real addresses: old {@code /#/…} links land there, the app's other
 * pages are a link away with the sign-in kept, and the archive search keeps its query in the
 * address with back working. In Japanese, at tablet size.
 */
class PublicAddressesBrowserTest {
  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("public-pages");
  private static TestServer server;
  private static Browser browser;
  private static TestServer.SignedIn host;
  private static String entryId;
  private static String serviceId;

  @BeforeAll
  static void start() {
    server = site.server();
    browser = site.browser();
    host = server.municipality("高崎 司会");
    TestServer.SignedIn therapist = server.professional("理学 花子", "理学療法士");
    TestServer.SignedIn company = server.company("販売 一郎", "株式会社みらい商店");
    String meetingId = Meetings.open(server.api(), host.token(), Meetings.sheet());
    try (Discussion meeting = new Discussion(server, host, meetingId); WsClient pt = meeting.join(therapist)) {
      meeting.phase("proposals");
      String proposal = meeting.propose(pt, "買い物", "mutual", "近所の人と買い物に行く", "歩く力を保てる");
      meeting.summarizeAndClose("互助で買い物を続ける", proposal);
      Api.Reply published = meeting.publish();
      assertThat(published.status()).as(published.body()).isEqualTo(200);
      entryId = published.json().at("/entries/0/id").asText();
    }
    ObjectNode service = Json.object().put("name", "ぐんま移動スーパー").put("category", "移動販売").put("description", "軽トラックで食品を届けます");
    service.putArray("areas").addObject().put("prefectureCode", "10").put("municipalityCode", "10202").put("name", "高崎市");
    Api.Reply registered = server.api().post("/api/v1/catalog/services", company.token(), service.toString());
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    serviceId = registered.json().get("id").asText();
  }

  @BeforeEach
  void tablet() {
    browser.driver().manage().window().setSize(new Dimension(820, 1180));
  }

  @Test
  void an_old_entry_link_lands_on_its_real_address_and_the_app_is_a_link_away_with_the_sign_in_kept() {
    browser.openFresh(server.baseUrl() + "/#/archive/" + entryId);
    browser.until(d -> d.getCurrentUrl().equals(server.baseUrl() + "/archive/cases/" + entryId));
    browser.until(d -> d.findElement(By.id("entry-title")).getText().equals("買い物に行けなくなった独居の女性"));
    assertThat(browser.driver().findElement(By.id("nav-archive")).getAttribute("aria-current")).isEqualTo("page");
    Accessibility.assertNoViolations(browser.driver(), "archive entry at its real address");

    browser.driver().findElement(By.id("nav-login")).click();
    browser.until(d -> d.getCurrentUrl().equals(server.baseUrl() + "/#/"));
    browser.waitFor(By.id("login-email")).sendKeys(host.email());
    browser.driver().findElement(By.id("login-password")).sendKeys(host.password());
    browser.driver().findElement(By.id("login-submit")).click();
    browser.waitFor(By.id("current-user-name"));

    browser.driver().findElement(By.id("nav-archive")).click();
    browser.until(d -> d.getCurrentUrl().equals(server.baseUrl() + "/archive"));
    browser.waitFor(By.cssSelector("#archive-results li.archive-hit[data-id='" + entryId + "'] a")).click();
    browser.until(d -> d.getCurrentUrl().equals(server.baseUrl() + "/archive/cases/" + entryId));
    browser.until(d -> d.findElement(By.id("entry-title")).getText().equals("買い物に行けなくなった独居の女性"));
    assertThat(browser.driver().findElements(By.id("nav-login"))).as("still signed in after the page load").isEmpty();
    Accessibility.assertNoViolations(browser.driver(), "archive entry, signed in");

    browser.driver().findElement(By.id("nav-home")).click();
    browser.until(d -> d.getCurrentUrl().equals(server.baseUrl() + "/#/"));
    assertThat(browser.waitFor(By.id("current-user-name")).getText()).contains("高崎 司会");
    Accessibility.assertNoViolations(browser.driver(), "home after a public page");
  }

  @Test
  void old_catalog_and_insight_links_redirect_to_their_real_addresses() {
    browser.openFresh(server.baseUrl() + "/#/catalog/" + serviceId);
    browser.until(d -> d.getCurrentUrl().equals(server.baseUrl() + "/catalog/services/" + serviceId));
    browser.until(d -> d.findElement(By.id("service-title")).getText().equals("ぐんま移動スーパー"));
    Accessibility.assertNoViolations(browser.driver(), "catalog service at its real address");

    browser.open(server.baseUrl() + "/#/insight");
    browser.until(d -> d.getCurrentUrl().equals(server.baseUrl() + "/insights"));
    browser.waitFor(By.id("insight-page"));
    assertThat(browser.driver().findElement(By.id("nav-insight")).getAttribute("aria-current")).isEqualTo("page");
    Accessibility.assertNoViolations(browser.driver(), "needs insight at its real address");

    browser.open(server.baseUrl() + "/#/catalog/new");
    browser.waitFor(By.id("login-email"));
    assertThat(browser.driver().getCurrentUrl()).as("registering a service stays in the app").endsWith("/#/catalog/new");
  }

  @Test
  void the_archive_search_keeps_its_query_in_the_address_and_back_returns_to_the_earlier_one() {
    browser.openFresh(server.baseUrl() + "/archive?q=" + URLEncoder.encode("買い物", StandardCharsets.UTF_8));
    WebElement query = browser.waitFor(By.id("archive-q"));
    browser.until(d -> "買い物".equals(query.getAttribute("value")));
    browser.waitFor(By.cssSelector("#archive-results li.archive-hit[data-id='" + entryId + "']"));
    Accessibility.assertNoViolations(browser.driver(), "archive search at its real address");

    query.clear();
    query.sendKeys("入浴");
    browser.driver().findElement(By.id("archive-submit")).click();
    browser.until(d -> d.getCurrentUrl().equals(server.baseUrl() + "/archive?q=" + URLEncoder.encode("入浴", StandardCharsets.UTF_8)));
    browser.until(d -> d.findElements(By.cssSelector("#archive-results li.archive-hit")).isEmpty());

    browser.driver().navigate().back();
    browser.until(d -> d.getCurrentUrl().equals(server.baseUrl() + "/archive?q=" + URLEncoder.encode("買い物", StandardCharsets.UTF_8)));
    browser.until(d -> "買い物".equals(d.findElement(By.id("archive-q")).getAttribute("value")));
    browser.waitFor(By.cssSelector("#archive-results li.archive-hit[data-id='" + entryId + "']"));
    Accessibility.assertNoViolations(browser.driver(), "archive search after back");
  }
}
