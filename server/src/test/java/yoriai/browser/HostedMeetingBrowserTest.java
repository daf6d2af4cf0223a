package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static yoriai.browser.RoomPage.click;
import static yoriai.browser.RoomPage.enterRoom;
import static yoriai.browser.RoomPage.messageWithText;
import static yoriai.browser.RoomPage.send;
import static yoriai.browser.RoomPage.startInAnHour;
import static yoriai.browser.RoomPage.waitLive;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import yoriai.testing.Browser;
import yoriai.testing.HostAndGuest;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;

/** The host creates a meeting in the page and runs it (phases, hands, moderation) with a guest watching. */
class HostedMeetingBrowserTest {
  private static HostAndGuest pages;
  private static TestServer server;
  private static Browser hostPage;
  private static Browser guestPage;

  @BeforeAll
  static void start() {
    pages = HostAndGuest.start();
    server = pages.server();
    hostPage = pages.host();
    guestPage = pages.guest();
  }

  @AfterAll
  static void stop() {
    pages.close();
  }

  @AfterEach
  void screenshots(TestInfo info) {
    pages.saveScreenshots("hosted-meeting-last", info);
  }

  @Test
  void a_meeting_created_in_the_page_is_listed_for_a_professional_and_the_host_runs_its_phases() {
    var host = server.municipality("高橋 美咲");
    var guest = server.professional("鈴木 理恵", "理学療法士");
    String caseId = Meetings.submittedCase(server.api(), host.token());

    hostPage.signIn(server.baseUrl(), host.email(), host.password());
    hostPage.waitFor(By.id("nav-meetings")).click();
    hostPage.waitFor(By.id("new-meeting")).click();
    hostPage.waitFor(By.id("meeting-title")).sendKeys("高崎市 地域ケア会議 買い物支援");
    hostPage.waitFor(By.cssSelector("#meeting-cases input[value='" + caseId + "']")).click();
    startInAnHour(hostPage);
    hostPage.driver().findElement(By.id("meeting-create-submit")).click();

    hostPage.until(d -> d.getCurrentUrl().matches(".*#/meetings/[^/]+$") && !d.getCurrentUrl().endsWith("/new"));
    String meetingId = hostPage.driver().getCurrentUrl().replaceFirst(".*#/meetings/", "");
    waitLive(hostPage);
    var stored = server.api().get("/api/v1/meetings/" + meetingId, guest.token());
    assertThat(stored.status()).isEqualTo(200);
    assertThat(stored.json().get("caseIds").get(0).asText()).isEqualTo(caseId);
    assertThat(stored.json().get("hostId").asText()).isEqualTo(host.id());

    guestPage.signIn(server.baseUrl(), guest.email(), guest.password());
    guestPage.waitFor(By.id("nav-meetings")).click();
    guestPage.waitFor(By.cssSelector("#meeting-list li[data-meeting-id='" + meetingId + "'] a")).click();
    waitLive(guestPage);
    assertThat(guestPage.driver().findElements(By.id("phase-next"))).isEmpty();

    WebElement next = hostPage.waitFor(By.id("phase-next"));
    assertThat(next.getAttribute("data-to")).isEqualTo("presentation");
    next.click();

    guestPage.until(d -> "presentation".equals(d.findElement(By.id("phase-current")).getAttribute("data-phase")));
    assertThat(guestPage.driver().findElement(By.id("phase-current")).getText()).isEqualTo("事例説明");
    guestPage.until(d -> d.findElement(By.id("phase-countdown")).getText().matches("残り \\d+:\\d\\d"));
    hostPage.until(d -> "questions".equals(d.findElement(By.id("phase-next")).getAttribute("data-to")));
  }

  @Test
  void a_raised_hand_reaches_the_host_and_a_muted_guest_cannot_post_and_a_hidden_message_disappears() {
    var host = server.municipality("高橋 美咲");
    var guest = server.professional("佐藤 健", "作業療法士");
    String meetingId = Meetings.open(server.api(), host.token());
    enterRoom(hostPage, server.baseUrl(), host, meetingId);
    enterRoom(guestPage, server.baseUrl(), guest, meetingId);

    click(guestPage, guestPage.driver().findElement(By.id("hand-toggle")));
    hostPage.waitFor(By.cssSelector("#hand-queue li.hand[data-account-id='" + guest.id() + "']"));
    guestPage.until(d -> "true".equals(d.findElement(By.id("hand-toggle")).getAttribute("aria-pressed")));

    send(guestPage, "住所は〇〇町です");
    hostPage.until(d -> messageWithText(hostPage, "住所は〇〇町です"));
    click(hostPage, hostPage.driver().findElement(By.cssSelector("#message-list li.message .hide-message")));
    guestPage.until(d -> messageWithText(guestPage, "住所は〇〇町です") == null);
    hostPage.waitFor(By.cssSelector("#message-list .message__hidden-label"));

    click(hostPage, hostPage.driver().findElement(By.cssSelector(".mute-participant[data-account-id='" + guest.id() + "']")));
    guestPage.waitFor(By.id("composer-muted"));
    assertThat(guestPage.driver().findElement(By.id("composer-send")).isEnabled()).isFalse();
    guestPage.waitFor(By.cssSelector("#presence-list li.participant[data-account-id='" + guest.id() + "'] .badge--muted"));
  }

  @Test
  void an_invite_only_meeting_lets_in_the_link_with_its_code_and_refuses_the_bare_link() {
    var host = server.municipality("高橋 美咲");
    var guest = server.professional("中村 由紀", "管理栄養士");
    var meeting = Meetings.create(server.api(), host.token(), Meetings.request(server.api(), host.token(), "invite"));
    String meetingId = meeting.get("id").asText();
    String code = meeting.get("inviteCode").asText();

    enterRoom(hostPage, server.baseUrl(), host, meetingId);
    assertThat(hostPage.waitFor(By.id("room-invite-code")).getText()).isEqualTo(code);

    guestPage.signIn(server.baseUrl(), guest.email(), guest.password());
    guestPage.open(server.baseUrl() + "/#/meetings/" + meetingId);
    assertThat(guestPage.waitFor(By.id("no-access-heading")).getText()).isEqualTo("この会議に参加する権限がありません");
    assertThat(guestPage.driver().findElements(By.id("connection-state"))).as("no room, no socket").isEmpty();
    assertThat(guestPage.driver().findElements(By.id("room-invite-code"))).isEmpty();

    guestPage.open(server.baseUrl() + "/#/meetings/" + meetingId + "?invite=" + code);
    waitLive(guestPage);
    send(guestPage, "招待リンクから参加しました");
    hostPage.until(d -> messageWithText(hostPage, "招待リンクから参加しました"));
  }
}
