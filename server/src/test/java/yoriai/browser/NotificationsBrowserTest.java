package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import yoriai.testing.Accessibility;
import yoriai.testing.Browser;
import yoriai.testing.Discussion;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestSite;
import yoriai.testing.WsClient;

/** A municipality is told in the page that a company proposed on its case, follows it, and chooses its mail. */
class NotificationsBrowserTest {
  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("notifications");

  @Test
  void a_municipality_sees_the_unread_count_opens_the_notice_follows_it_marks_it_read_and_turns_one_mail_off() {
    TestServer server = site.server();
    Browser browser = site.browser();
    TestServer.SignedIn host = server.municipality("高崎 司会");
    TestServer.SignedIn company = server.company("販売 一郎", "株式会社いどうはんばい");
    String meetingId = Meetings.open(server.api(), host.token());
    browser.driver().manage().window().setSize(new Dimension(820, 1180));
    browser.signIn(server.baseUrl(), host.email(), host.password());
    assertThat(browser.waitFor(By.id("notifications-link")).getAttribute("aria-label")).isEqualTo("お知らせ");

    try (Discussion meeting = new Discussion(server, host, meetingId); WsClient shop = meeting.join(company)) {
      meeting.propose(shop, "買い物", "market", "移動販売車の停留所を自宅近くに", "自分で選んで買える");
    }
    // the count is asked for on navigation: a reader moving through the app sees it come
    browser.until(d -> {
      d.findElement(By.id(d.getCurrentUrl().endsWith("#/meetings") ? "nav-home" : "nav-meetings")).click();
      return "お知らせ（未読1件）".equals(d.findElement(By.id("notifications-link")).getAttribute("aria-label"));
    });
    assertThat(browser.waitFor(By.id("notifications-unread")).getText()).isEqualTo("1");
    Accessibility.assertNoViolations(browser.driver(), "a page with an unread notification");

    browser.driver().findElement(By.id("notifications-link")).click();
    WebElement entry = browser.waitFor(By.cssSelector("#notification-list li[data-kind='proposal_on_own_case']"));
    assertThat(entry.getAttribute("data-read")).isEqualTo("false");
    assertThat(entry.getText()).contains("未読").contains("事例への提案");
    assertThat(entry.findElement(By.cssSelector(".notification__text")).getText()).contains("「買い物」")
        .as("the Japanese part of the text").doesNotContain("A proposal");
    assertThat(entry.findElement(By.cssSelector(".notification__subject")).getText())
        .isEqualTo("事例「買い物に行けなくなった独居の女性」に提案がありました");
    assertThat(browser.driver().findElement(By.id("notifications-heading")).getText()).isEqualTo("お知らせ");
    Accessibility.assertNoViolations(browser.driver(), "お知らせ, unread");

    entry.findElement(By.cssSelector("a.notification__link")).click();
    browser.until(d -> d.getCurrentUrl().endsWith("#/meetings/" + meetingId));
    browser.waitFor(By.id("room-heading"));
    Accessibility.assertNoViolations(browser.driver(), "the room the notice led to");

    browser.driver().findElement(By.id("notifications-link")).click();
    browser.waitFor(By.cssSelector("#notification-list li[data-read='false'] .notification__read")).click();
    browser.waitFor(By.cssSelector("#notification-list li[data-kind='proposal_on_own_case'][data-read='true']"));
    browser.until(d -> "お知らせ".equals(d.findElement(By.id("notifications-link")).getAttribute("aria-label")));
    assertThat(browser.driver().findElements(By.id("notifications-unread"))).isEmpty();
    Accessibility.assertNoViolations(browser.driver(), "お知らせ, read");

    WebElement proposals = browser.waitFor(By.id("mail-proposal_on_own_case"));
    assertThat(proposals.isSelected()).isTrue();
    proposals.click();
    browser.driver().findElement(By.id("notification-settings-save")).click();
    browser.until(d -> d.findElement(By.id("app-status")).getText().contains("メールの受け取り設定を保存しました"));
    Accessibility.assertNoViolations(browser.driver(), "お知らせ, mail settings saved");

    browser.driver().navigate().refresh();
    browser.until(d -> !d.findElements(By.id("mail-proposal_on_own_case")).isEmpty());
    assertThat(browser.driver().findElement(By.id("mail-proposal_on_own_case")).isSelected()).isFalse();
    assertThat(browser.driver().findElement(By.id("mail-meeting_published")).isSelected()).isTrue();
    assertThat(browser.driver().findElement(By.id("mail-meeting_reminder")).isSelected()).isTrue();
    browser.saveScreenshot("notifications-820");
  }
}
