package yoriai.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.TimeoutException;
import yoriai.testing.Accessibility;
import yoriai.testing.Browser;
import yoriai.testing.TestServer;
import yoriai.testing.TestSite;

/**
 * Every page of the demo as each role opens it, at a desktop and a tablet size, passes axe-core's
 * WCAG 2.1 A/AA rules. With {@code -Dyoriai.screenshots=<dir>} it also saves the screenshots the
 * docs show ({@code scripts/screenshots}); the test run itself writes none.
 */
class DemoTourBrowserTest {
  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("tour");
  private static final List<Dimension> SIZES = List.of(new Dimension(1280, 800), new Dimension(820, 1180));
  private static final String SCREENSHOTS = System.getProperty("yoriai.screenshots");
  private static final String HOST = "host@takasaki.yoriai.example";
  private static final String THERAPIST = "pt@hoken.yoriai.example";
  private static final String COMPANY = "staff@mirai-mart.yoriai.example";
  private static String liveMeeting;
  private static String publishedMeeting;
  private static String submittedCase;
  private static String entry;
  private static String service;

  /**
   * A page: its address ({@code /#/cases}, or a public page's own, {@code /archive}), what shows
   * once its data is in, and its screenshot's name (null: none) with what the screenshot scrolls to
   * (null: the top).
   */
  private record Page(String path, String ready, String screenshot, String shows) {
    Page(String path, String ready, String screenshot) {
      this(path, ready, screenshot, null);
    }
  }

  @BeforeAll
  static void loadTheDemo() {
    TestServer server = site.server();
    DemoSeed.load(server.baseUrl(), TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    String host = server.login(HOST, DemoSeed.PASSWORD);
    liveMeeting = server.api().get("/api/v1/meetings", host).json().at("/meetings/0/id").asText();
    publishedMeeting = server.api().get("/api/v1/meetings?when=past", host).json().at("/meetings/0/id").asText();
    submittedCase = server.api().get("/api/v1/cases", host).json().at("/cases/0/id").asText();
    entry = server.api().get("/api/v1/archive/search", null).json().at("/hits/0/id").asText();
    service = server.api().get("/api/v1/catalog/services", null).json().at("/services/0/id").asText();
  }

  @Test
  void every_public_page_passes_the_accessibility_rules_for_a_visitor() {
    site.browser().openFresh(site.server().baseUrl() + "/");
    tour(List.of(
        new Page("/#/", "#main h1", "home-visitor"),
        new Page("/archive", ".archive-hit", null),
        new Page("/archive?q=%E8%B2%B7%E3%81%84%E7%89%A9", ".archive-hit mark", null),
        new Page("/archive/cases/" + entry, "#entry-activities", null),
        new Page("/catalog", "#catalog-results li", null),
        new Page("/catalog/services/" + service, "#service-title", null),
        new Page("/insights", "#insight-heading", "insight")));
  }

  @Test
  void every_page_of_the_host_passes_the_accessibility_rules() {
    signIn(HOST);
    tour(List.of(
        new Page("/#/", "#main h1", "home-host"),
        new Page("/#/cases", "#cases-heading", null),
        new Page("/#/cases/new", "#case-heading", null),
        new Page("/#/cases/" + submittedCase, "#case-heading", null),
        new Page("/#/meetings", "#meetings-heading", null),
        new Page("/#/meetings/new", "#meeting-form-heading", null),
        new Page("/#/meetings/" + liveMeeting, "#message-list li", "room-host", "#messages-heading"),
        new Page("/#/meetings/" + publishedMeeting, "#room-heading", null),
        new Page("/#/meetings/" + publishedMeeting + "/publish", "#publish-heading", null)));
  }

  @Test
  void every_page_of_a_professional_and_a_company_passes_the_accessibility_rules() {
    signIn(THERAPIST);
    tour(List.of(
        new Page("/#/", "#main h1", "home-professional"),
        new Page("/#/meetings", "#meetings-heading", null),
        new Page("/#/meetings/" + liveMeeting, "#message-list li", "room-professional", "#messages-heading")));
    signIn(COMPANY);
    tour(List.of(
        new Page("/#/", "#main h1", "home-company"),
        new Page("/#/catalog/new", "#service-form-heading", null)));
  }

  @Test
  void the_admins_pages_pass_the_accessibility_rules() {
    site.browser().signIn(site.server().baseUrl(), TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    tour(List.of(new Page("/#/", "#main h1", "home-admin")));
  }

  private static void signIn(String email) {
    site.browser().signIn(site.server().baseUrl(), email, DemoSeed.PASSWORD);
  }

  private static void tour(List<Page> pages) {
    Browser browser = site.browser();
    for (Dimension size : SIZES) {
      browser.driver().manage().window().setSize(size);
      for (Page page : pages) {
        browser.open(site.server().baseUrl() + page.path());
        try {
          browser.waitFor(By.cssSelector(page.ready()));
          browser.until(d -> d.findElements(By.cssSelector("[aria-busy='true']")).isEmpty()
              && !d.findElement(By.tagName("body")).getText().contains("読み込んでいます"));
        } catch (TimeoutException e) {
          throw new AssertionError(page.path() + " at " + size + " never showed " + page.ready() + ": "
              + browser.driver().findElement(By.id("main")).getText(), e);
        }
        Accessibility.assertNoViolations(browser.driver(), page.path() + " at " + size);
        if (SCREENSHOTS != null && page.screenshot() != null) {
          if (page.shows() != null) {
            browser.script("arguments[0].scrollIntoView({block: 'start'})", browser.driver().findElement(By.cssSelector(page.shows())));
          }
          save(browser, page.screenshot() + "-" + size.width + "x" + size.height);
        }
      }
    }
  }

  private static void save(Browser browser, String name) {
    try {
      Path file = Path.of(SCREENSHOTS, name + ".png");
      Files.createDirectories(file.getParent());
      Files.write(file, browser.screenshot());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
