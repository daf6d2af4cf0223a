package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static yoriai.browser.RoomPage.click;
import static yoriai.browser.RoomPage.enterRoom;
import static yoriai.browser.RoomPage.messageWithText;
import static yoriai.browser.RoomPage.send;
import static yoriai.browser.RoomPage.waitLive;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import yoriai.testing.Browser;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;

/** Two real browsers in one live meeting against the real server. */
class MeetingRoomBrowserTest {
  private static TestServer server;
  private static Browser hostPage;
  private static Browser guestPage;

  private TestServer.SignedIn host;
  private TestServer.SignedIn guest;
  private String meetingId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    hostPage = Browser.start();
    guestPage = Browser.start();
    guestPage.allowSocketOutages();
  }

  @AfterAll
  static void stop() {
    try {
      hostPage.close();
      guestPage.close();
    } finally {
      server.close();
    }
  }

  @BeforeEach
  void bothPagesJoinAFreshMeeting() {
    host = server.municipality("高橋 美咲");
    guest = server.professional("鈴木 理恵", "理学療法士");
    meetingId = Meetings.open(server.api(), host.token());
    enterRoom(hostPage, server.baseUrl(), host, meetingId);
    enterRoom(guestPage, server.baseUrl(), guest, meetingId);
  }

  @AfterEach
  void screenshots(TestInfo info) {
    String name = info.getTestMethod().orElseThrow().getName();
    hostPage.saveScreenshot("meeting-room-last-host-" + name);
    guestPage.saveScreenshot("meeting-room-last-guest-" + name);
  }

  @Test
  void a_message_and_a_proposal_from_one_page_appear_live_on_the_other_and_an_endorsement_comes_back() {
    send(hostPage, "買い物の手段について皆さんのご意見をください");

    WebElement seen = guestPage.until(d -> messageWithText(guestPage, "買い物の手段について皆さんのご意見をください"));
    assertThat(seen.findElement(By.cssSelector(".message__text")).getText()).isEqualTo("買い物の手段について皆さんのご意見をください");

    hostPage.driver().findElement(By.id("proposal-target")).sendKeys("買い物");
    new Select(hostPage.driver().findElement(By.id("proposal-type"))).selectByValue("market");
    hostPage.driver().findElement(By.id("proposal-description")).sendKeys("移動販売車が週2回自宅前に来る");
    hostPage.driver().findElement(By.id("proposal-keeps")).sendKeys("自分で品物を選んで買える");
    click(hostPage, hostPage.driver().findElement(By.id("proposal-submit")));

    WebElement proposal = guestPage.waitFor(By.cssSelector("#proposal-list li.proposal"));
    assertThat(proposal.getText()).contains("移動販売車が週2回自宅前に来る").contains("自分で品物を選んで買える");
    String proposalId = proposal.getAttribute("data-proposal-id");
    // the host's page renders its own proposal from its own socket, on its own schedule
    hostPage.until(d -> endorseCount(hostPage, proposalId) == 0);

    click(guestPage, guestPage.driver().findElement(By.cssSelector("button.endorse[data-proposal-id='" + proposalId + "']")));

    hostPage.until(d -> endorseCount(hostPage, proposalId) == 1);
    guestPage.until(d -> "true".equals(d.findElement(By.cssSelector("button.endorse[data-proposal-id='" + proposalId + "']"))
        .getAttribute("aria-pressed")));
    hostPage.saveScreenshot("meeting-room-host");
    guestPage.saveScreenshot("meeting-room-guest");
  }

  @Test
  void a_reloaded_page_rejoins_with_the_whole_history() {
    send(hostPage, "一つ目の発言です");
    send(guestPage, "二つ目の発言です");
    guestPage.until(d -> messageWithText(guestPage, "一つ目の発言です"));
    hostPage.until(d -> messageWithText(hostPage, "二つ目の発言です"));

    guestPage.driver().navigate().refresh();

    waitLive(guestPage);
    guestPage.until(d -> messageWithText(guestPage, "一つ目の発言です"));
    guestPage.until(d -> messageWithText(guestPage, "二つ目の発言です"));
    assertThat(messageTexts(guestPage)).containsExactly("一つ目の発言です", "二つ目の発言です");

    send(hostPage, "再接続のあとの発言です");
    guestPage.until(d -> messageWithText(guestPage, "再接続のあとの発言です"));
  }

  @Test
  void a_dropped_connection_shows_the_reconnecting_banner_and_catches_up_on_what_it_missed() {
    send(hostPage, "切断前の発言です");
    guestPage.until(d -> messageWithText(guestPage, "切断前の発言です"));

    guestPage.script("window.__yoriaiTest.dropSockets();");

    WebElement banner = guestPage.until(d -> {
      WebElement state = d.findElement(By.id("connection-state"));
      return "reconnecting".equals(state.getAttribute("data-state")) ? state : null;
    });
    assertThat(banner.getText()).isEqualTo("再接続中…");
    guestPage.saveScreenshot("meeting-room-reconnecting");
    send(hostPage, "切断中の発言です");

    guestPage.script("window.__yoriaiTest.online();");

    waitLive(guestPage);
    guestPage.until(d -> messageWithText(guestPage, "切断中の発言です"));
    assertThat(messageTexts(guestPage)).containsExactly("切断前の発言です", "切断中の発言です");
    send(guestPage, "戻りました");
    hostPage.until(d -> messageWithText(hostPage, "戻りました"));
  }

  @Test
  void markup_in_a_message_is_shown_as_text_and_never_runs() {
    String attack = "<img src=x onerror=alert(1)>";
    send(guestPage, attack);

    WebElement shown = hostPage.until(d -> messageWithText(hostPage, attack));
    assertThat(shown.findElements(By.tagName("img"))).isEmpty();
    assertThat(hostPage.driver().findElements(By.cssSelector("#message-list img"))).isEmpty();
    assertThat(ExpectedConditions.alertIsPresent().apply(hostPage.driver())).isNull();
  }

  private static List<String> messageTexts(Browser page) {
    return page.driver().findElements(By.cssSelector("#message-list > li.message .message__text")).stream()
        .map(WebElement::getText).toList();
  }

  private static int endorseCount(Browser page, String proposalId) {
    return Integer.parseInt(page.driver()
        .findElement(By.cssSelector("li.proposal[data-proposal-id='" + proposalId + "'] .endorse-count"))
        .getAttribute("data-count"));
  }
}
