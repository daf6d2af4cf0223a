package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static yoriai.browser.RoomPage.click;
import static yoriai.browser.RoomPage.waitLive;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
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

/**
 * The public meeting calendar on a tablet in portrait, in Japanese: a visitor finds an open meeting
 * and is led through sign-in to a page where it confirms its registration with a click; a signed-in
 * professional registers for a live meeting and opens its room from the calendar.
 */
class MeetingCalendarBrowserTest {
  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("meeting-calendar");
  private static TestServer server;
  private static Browser browser;
  private static TestServer.SignedIn host;
  private static String upcoming;
  private static String live;

  @BeforeAll
  static void seed() {
    server = site.server();
    browser = site.browser();
    browser.driver().manage().window().setSize(new Dimension(820, 1180));
    host = server.municipality("高橋 美咲");
    upcoming = Meetings.create(server.api(), host.token(), Meetings.request(server.api(), host.token(), "open")
        .put("title", "来週の地域ケア会議 買い物支援")
        .put("startsAt", OffsetDateTime.now(ZoneOffset.ofHours(9)).plusDays(7).withHour(10).withMinute(0).withSecond(0)
            .withNano(0).toString())).get("id").asText();
    live = Meetings.create(server.api(), host.token(), Meetings.request(server.api(), host.token(), "open")
        .put("title", "開催中の地域ケア会議")).get("id").asText();
    try (Discussion meeting = new Discussion(server, host, live)) {
      meeting.phase("presentation");
    }
    Meetings.create(server.api(), host.token(), Meetings.request(server.api(), host.token(), "invite")
        .put("title", "招待制の非公開会議"));
  }

  private static WebElement item(String meetingId) {
    return browser.waitFor(By.cssSelector("#calendar-list li[data-meeting-id='" + meetingId + "']"));
  }

  @Test
  void a_visitor_finds_an_open_meeting_and_registers_for_it_through_sign_in() {
    var professional = server.professional("鈴木 理恵", "理学療法士");
    browser.openFresh(server.baseUrl() + "/#/");
    click(browser, browser.waitFor(By.id("nav-calendar")));

    WebElement entry = item(upcoming);
    assertThat(browser.driver().findElement(By.id("calendar-heading")).getText()).isEqualTo("開催予定の会議");
    assertThat(entry.getText()).contains("来週の地域ケア会議 買い物支援").contains("10:00〜10:30").contains("群馬県")
        .contains("高崎市").contains("参加登録");
    assertThat(browser.driver().findElement(By.id("calendar-list")).getText()).doesNotContain("招待制の非公開会議")
        .doesNotContain("独居");
    assertThat(browser.driver().findElement(By.id("calendar-feed")).getAttribute("href")).endsWith("/api/v1/meetings/public.ics");
    Accessibility.assertNoViolations(browser.driver(), "public meeting calendar, visitor");

    click(browser, entry.findElement(By.cssSelector(".calendar__register")));
    browser.waitFor(By.id("calendar-sign-in-note"));
    assertThat(browser.driver().findElement(By.id("calendar-sign-up")).getAttribute("href")).endsWith("#/signup");
    Accessibility.assertNoViolations(browser.driver(), "sign in to register for a meeting");

    browser.waitFor(By.id("login-email")).sendKeys(professional.email());
    browser.driver().findElement(By.id("login-password")).sendKeys(professional.password());
    browser.driver().findElement(By.id("login-submit")).click();
    WebElement confirm = browser.waitFor(By.id("calendar-register-confirm"));
    assertThat(confirm.getText()).isEqualTo("参加登録する");
    assertThat(browser.driver().findElement(By.id("calendar-register-meeting")).getText())
        .contains("来週の地域ケア会議 買い物支援").contains("10:00〜10:30").contains("高崎市");
    assertThat(registered(professional)).as("signing in on the link registers nobody").isFalse();
    Accessibility.assertNoViolations(browser.driver(), "confirm the registration for a meeting");

    click(browser, confirm);
    browser.waitFor(By.cssSelector("#calendar-register-meeting + .calendar__actions .calendar__registered"));
    assertThat(browser.driver().findElement(By.id("calendar-status")).getText()).isEqualTo("参加登録しました");
    assertThat(registered(professional)).isTrue();
    Accessibility.assertNoViolations(browser.driver(), "registered for a meeting from its link");

    click(browser, browser.driver().findElement(By.id("calendar-register-back")));
    browser.until(d -> !item(upcoming).findElements(By.cssSelector(".calendar__registered")).isEmpty());
  }

  private static boolean registered(TestServer.SignedIn account) {
    return server.api().get("/api/v1/meetings/" + upcoming, account.token()).json().get("registered").asBoolean();
  }

  @Test
  void a_signed_in_professional_registers_for_a_live_meeting_and_opens_its_room_from_the_calendar() {
    var professional = server.professional("佐藤 健", "作業療法士");
    browser.signIn(server.baseUrl(), professional.email(), professional.password());
    click(browser, browser.waitFor(By.id("nav-calendar")));

    WebElement entry = item(live);
    assertThat(entry.getText()).contains("開催中の地域ケア会議").contains("開催中");
    click(browser, entry.findElement(By.cssSelector(".calendar__register")));
    browser.until(d -> !item(live).findElements(By.cssSelector(".calendar__registered")).isEmpty());
    assertThat(item(live).findElement(By.cssSelector(".calendar__withdraw")).getText()).isEqualTo("取り消し");
    Accessibility.assertNoViolations(browser.driver(), "public meeting calendar, registered for a live meeting");

    click(browser, item(live).findElement(By.cssSelector(".calendar__open")));
    waitLive(browser);
    assertThat(browser.driver().getCurrentUrl()).endsWith("#/meetings/" + live);
  }
}
