package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static yoriai.browser.RoomPage.click;
import static yoriai.browser.RoomPage.enterRoom;
import static yoriai.browser.RoomPage.messageWithText;
import static yoriai.browser.RoomPage.send;
import static yoriai.browser.RoomPage.waitLive;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import yoriai.testing.Accessibility;
import yoriai.testing.Browser;
import yoriai.testing.HostAndGuest;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;

/**
 * Invitations on a tablet in portrait, in Japanese: the host copies the invite link and mails
 * invitations; a second account opens the link, or types the code by hand; a stranger gets a clean
 * no-access page.
 */
class InvitationsBrowserTest {
  private static HostAndGuest pages;
  private static TestServer server;

  @BeforeAll
  static void start() {
    pages = HostAndGuest.start();
    server = pages.server();
    for (Browser page : new Browser[] {pages.host(), pages.guest()}) {
      page.driver().manage().window().setSize(new Dimension(820, 1180));
    }
  }

  @AfterAll
  static void stop() {
    pages.close();
  }

  @AfterEach
  void screenshots(TestInfo info) {
    pages.saveScreenshots("invitations-last", info);
  }

  private static String inviteMeeting(TestServer.SignedIn host) {
    return Meetings.create(server.api(), host.token(), Meetings.request(server.api(), host.token(), "invite")
        .put("title", "招待制の地域ケア会議")).get("id").asText();
  }

  @Test
  void the_host_copies_the_invite_link_and_a_second_account_opens_it_and_enters_the_room() {
    var host = server.municipality("高橋 美咲");
    var guest = server.professional("中村 由紀", "管理栄養士");
    String meetingId = inviteMeeting(host);

    enterRoom(pages.host(), server.baseUrl(), host, meetingId);
    click(pages.host(), pages.host().waitFor(By.id("invite-link-copy")));
    pages.host().until(d -> d.findElement(By.cssSelector("#invite-tools [role='status']")).getText().contains("コピーしました"));
    String link = pages.host().driver().findElement(By.id("invite-link")).getAttribute("value");
    String code = pages.host().driver().findElement(By.id("room-invite-code")).getText();
    assertThat(link).contains("#/meetings/" + meetingId + "?invite=" + code);
    Accessibility.assertNoViolations(pages.host().driver(), "meeting room with the host's invitation tools");
    pages.host().saveScreenshot("invitations-host-tools-820");

    pages.guest().signIn(server.baseUrl(), guest.email(), guest.password());
    pages.guest().open(link);
    waitLive(pages.guest());
    assertThat(pages.guest().driver().findElements(By.id("invite-tools"))).as("only the host invites").isEmpty();
    send(pages.guest(), "招待リンクから参加しました");
    pages.host().until(d -> messageWithText(pages.host(), "招待リンクから参加しました"));
  }

  @Test
  void a_stranger_sees_a_clean_no_access_page_and_enters_with_the_code_typed_by_hand() {
    var host = server.municipality("高橋 美咲");
    var guest = server.professional("佐藤 健", "作業療法士");
    String meetingId = inviteMeeting(host);
    String code = server.api().get("/api/v1/meetings/" + meetingId, host.token()).json().get("inviteCode").asText();

    pages.guest().signIn(server.baseUrl(), guest.email(), guest.password());
    pages.guest().open(server.baseUrl() + "/#/meetings/" + meetingId);
    assertThat(pages.guest().waitFor(By.id("no-access-heading")).getText()).isEqualTo("この会議に参加する権限がありません");
    assertThat(pages.guest().driver().findElement(By.id("meeting-no-access")).getText()).contains("開催者");
    assertThat(pages.guest().driver().findElements(By.id("composer-text"))).isEmpty();
    assertThat(pages.guest().driver().findElements(By.id("proposal-form"))).isEmpty();
    Accessibility.assertNoViolations(pages.guest().driver(), "no access to an invite-only meeting");

    pages.guest().driver().findElement(By.id("invite-code-input")).sendKeys("まちがい");
    click(pages.guest(), pages.guest().driver().findElement(By.id("invite-code-submit")));
    assertThat(pages.guest().waitFor(By.id("invite-code-wrong")).getText()).contains("招待コードが違います");
    Accessibility.assertNoViolations(pages.guest().driver(), "no access, a wrong code typed");
    pages.guest().saveScreenshot("invitations-no-access-820");

    WebElement input = pages.guest().driver().findElement(By.id("invite-code-input"));
    input.sendKeys(code);
    click(pages.guest(), pages.guest().driver().findElement(By.id("invite-code-submit")));
    waitLive(pages.guest());
    assertThat(pages.guest().driver().getCurrentUrl()).endsWith("?invite=" + code);
  }

  @Test
  void the_host_mails_invitations_and_the_invited_account_enters_without_a_code() {
    var host = server.municipality("高橋 美咲");
    var guest = server.company("山田 花子", "たかさき配食");
    String meetingId = inviteMeeting(host);

    enterRoom(pages.host(), server.baseUrl(), host, meetingId);
    click(pages.host(), pages.host().waitFor(By.id("invite-mail-toggle")));
    WebElement emails = pages.host().waitFor(By.id("invite-emails"));
    emails.sendKeys("宛先ではない文字");
    click(pages.host(), pages.host().driver().findElement(By.id("invite-submit")));
    pages.host().until(d -> d.findElement(By.id("invite-result")).getText().contains("メールアドレスとして読めません"));

    emails.clear();
    emails.sendKeys(guest.email() + "\nnew-member@yoriai.test");
    click(pages.host(), pages.host().driver().findElement(By.id("invite-submit")));
    pages.host().until(d -> d.findElement(By.id("invite-result")).getText().equals("2件の招待メールを送りました"));
    Accessibility.assertNoViolations(pages.host().driver(), "invitations sent by mail");
    assertThat(server.api().get("/api/v1/outbox", server.adminToken()).body()).contains(guest.email()).contains("new-member@yoriai.test");

    enterRoom(pages.guest(), server.baseUrl(), guest, meetingId);
  }
}
