package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static yoriai.browser.RoomPage.click;
import static yoriai.browser.RoomPage.enterRoom;
import static yoriai.browser.RoomPage.focused;
import static yoriai.browser.RoomPage.messageWithText;
import static yoriai.browser.RoomPage.reactByKeyboard;
import static yoriai.browser.RoomPage.reactionSummary;
import static yoriai.browser.RoomPage.send;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import yoriai.testing.Accessibility;
import yoriai.testing.Browser;
import yoriai.testing.Discussion;
import yoriai.testing.MeetingParties;
import yoriai.testing.Meetings;
import yoriai.testing.WsClient;

/**
 * A meeting room on a tablet in portrait, in Japanese, as the host and a 理学療法士 use it every
 * meeting (issue 15, "The meeting room"): the presentation note, a discussion longer than the
 * screen that the list follows, the 新着 marker after scrolling up, a reaction by keyboard, the
 * host calling on raised hands (a hand stays up while its owner reconnects), no endorse button on one's own proposal, and the connection state
 * still on screen at the bottom of the page. The company speaks over the socket, so the pages only
 * show what a real participant's remarks look like.
 */
class RoomDailyPathBrowserTest {
  private static final Dimension TABLET = new Dimension(768, 1024);

  @RegisterExtension
  static final MeetingParties parties = new MeetingParties(Map.of());

  private static Browser hostPage;
  private static Browser therapistPage;

  @BeforeAll
  static void start() {
    hostPage = Browser.start();
    therapistPage = Browser.start();
    hostPage.driver().manage().window().setSize(TABLET);
    therapistPage.driver().manage().window().setSize(TABLET);
  }

  @AfterAll
  static void stop() {
    hostPage.close();
    therapistPage.close();
  }

  @AfterEach
  void screenshots() {
    hostPage.saveScreenshot("room-daily-path-host");
    therapistPage.saveScreenshot("room-daily-path-therapist");
  }

  @Test
  void a_day_in_the_room_on_a_tablet_as_host_and_therapist() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    enterRoom(hostPage, parties.server().baseUrl(), parties.host(), meetingId);
    enterRoom(therapistPage, parties.server().baseUrl(), parties.professional(), meetingId);
    try (Discussion meeting = new Discussion(parties.server(), parties.host(), meetingId);
         WsClient company = meeting.join(parties.company())) {

      // 事例説明: posting stays open, and the composer says whose turn it is
      meeting.phase("presentation");
      WebElement note = therapistPage.waitFor(By.id("composer-floor"));
      assertThat(note.getText()).contains("発表者が話しています");
      send(therapistPage, "資料の2ページ目が見えません");
      Accessibility.assertNoViolations(therapistPage.driver(), "the room during 事例説明");
      meeting.phase("questions");
      therapistPage.until(d -> d.findElements(By.id("composer-floor")).isEmpty());

      // a discussion longer than the list: it follows the newest message (the company and the host
      // take turns, so neither socket goes over its burst of 10 frames however fast the machine)
      for (int i = 1; i <= 14; i++) {
        String text = "移動販売の停留所について、その" + i;
        if (i % 2 == 0) {
          meeting.post(company, text);
        } else {
          meeting.postAsHost(text);
        }
      }
      WebElement last = therapistPage.until(d -> messageWithText(therapistPage, "移動販売の停留所について、その14"));
      assertThat(listScrollHeight()).isGreaterThan(listClientHeight());
      therapistPage.until(d -> atListEnd() && visibleInList(last));

      // scrolled up, new messages wait below a 新着 marker, which jumps down and goes away
      therapistPage.script("const list = document.getElementById('message-list'); list.scrollTop = 0;"
          + " list.dispatchEvent(new Event('scroll'));");
      meeting.post(company, "停留所は公民館の前がよいと思います");
      meeting.post(company, "雨の日は屋根のある場所がよいです");
      WebElement marker = therapistPage.until(d -> {
        WebElement button = d.findElement(By.id("new-messages"));
        return button.getText().equals("新着 2件") ? button : null;
      });
      assertThat(listScrollTop()).as("the reader's place is kept").isZero();
      click(therapistPage, marker);
      therapistPage.until(d -> d.findElements(By.id("new-messages")).isEmpty());
      therapistPage.until(d -> atListEnd() && visibleInList(messageWithText(therapistPage, "雨の日は屋根のある場所がよいです")));

      // a reaction through the message's one button, by keyboard; the message is one tab stop
      WebElement remark = messageWithText(therapistPage, "雨の日は屋根のある場所がよいです");
      assertThat(remark.findElements(By.cssSelector(":scope > .message__actions [tabindex='0']"))).hasSize(1);
      reactByKeyboard(therapistPage, remark, "💡");
      hostPage.until(d -> reactionSummary(messageWithText(hostPage, "雨の日は屋根のある場所がよいです")).equals("💡 1"));
      assertThat(focused(therapistPage).getAttribute("class")).contains("reaction-toggle");
      focused(therapistPage).sendKeys(Keys.ENTER);
      therapistPage.waitFor(By.cssSelector("[role=menu] [data-emoji]"));
      Accessibility.assertNoViolations(therapistPage.driver(), "the room with a reaction menu open");
      focused(therapistPage).sendKeys(Keys.ESCAPE);
      therapistPage.until(d -> d.findElements(By.cssSelector("[role=menu]")).isEmpty());
      assertThat(focused(therapistPage).getAttribute("class")).contains("reaction-toggle");

      // the / key goes to the composer from anywhere outside a text field
      focused(therapistPage).sendKeys("/");
      assertThat(focused(therapistPage).getAttribute("id")).isEqualTo("composer-text");

      // a hand stays up while its owner's connection drops (marked 退席中) and after the rejoin;
      // the host calls on the first raised hand; that hand drops; the host lowers the other one
      meeting.raiseHand(company);
      click(therapistPage, therapistPage.driver().findElement(By.id("hand-toggle")));
      hostPage.until(d -> d.findElements(By.cssSelector("#hand-queue li.hand")).size() == 2);
      company.close();
      String companyHand = "#hand-queue li.hand[data-account-id='" + parties.company().id() + "']";
      WebElement away = hostPage.waitFor(By.cssSelector(companyHand + " .hand__away"));
      assertThat(away.getText()).isEqualTo("退席中");
      Accessibility.assertNoViolations(hostPage.driver(), "the host's room with a hand whose owner is away");
      try (WsClient back = meeting.join(parties.company())) {
        hostPage.until(d -> "true".equals(d.findElement(By.cssSelector(companyHand)).getAttribute("data-present")));
        assertThat(hostPage.driver().findElements(By.cssSelector("#hand-queue li.hand"))).hasSize(2);
        click(hostPage, hostPage.driver().findElement(By.id("hand-call-next")));
        therapistPage.until(d -> d.findElement(By.id("current-speaker")).getText().equals("発言者: 販売 一郎さん"));
      }
      hostPage.until(d -> d.findElements(By.cssSelector("#hand-queue li.hand")).size() == 1);
      click(hostPage, hostPage.driver().findElement(By.cssSelector(
          "#hand-queue .lower-hand[data-account-id='" + parties.professional().id() + "']")));
      therapistPage.until(d -> "false".equals(d.findElement(By.id("hand-toggle")).getAttribute("aria-pressed")));
      hostPage.until(d -> d.findElements(By.cssSelector("#hand-queue li.hand")).isEmpty());
      Accessibility.assertNoViolations(hostPage.driver(), "the host's room");

      // one's own proposal offers no endorse button; the host's page does
      therapistPage.driver().findElement(By.id("proposal-target")).sendKeys("買い物");
      new Select(therapistPage.driver().findElement(By.id("proposal-type"))).selectByValue("mutual");
      therapistPage.driver().findElement(By.id("proposal-description")).sendKeys("近所の方と公民館の前で待ち合わせる");
      therapistPage.driver().findElement(By.id("proposal-keeps")).sendKeys("自分で品物を選べる");
      click(therapistPage, therapistPage.driver().findElement(By.id("proposal-submit")));
      WebElement own = therapistPage.waitFor(By.cssSelector("#proposal-list li.proposal"));
      assertThat(own.findElement(By.cssSelector(".own-proposal")).getText()).isEqualTo("あなたの提案です（賛同は他の参加者から）");
      assertThat(own.findElements(By.cssSelector("button.endorse"))).isEmpty();
      hostPage.waitFor(By.cssSelector("#proposal-list li.proposal button.endorse"));

      // at the bottom of the page the connection state is still on screen, beside the composer
      therapistPage.script("window.scrollTo(0, document.body.scrollHeight);");
      therapistPage.until(d -> (Boolean) therapistPage.script("return window.scrollY > 0;"));
      WebElement state = therapistPage.driver().findElement(By.id("connection-state"));
      assertThat(state.getText()).isEqualTo("接続中");
      assertThat(inViewport(state)).as("the connection state after scrolling down").isTrue();
      assertThat(inViewport(therapistPage.driver().findElement(By.id("composer-text")))).isTrue();
      therapistPage.saveScreenshot("room-daily-path-scrolled");
    }
  }

  private static long listScrollTop() {
    return ((Number) therapistPage.script("return document.getElementById('message-list').scrollTop;")).longValue();
  }

  private static long listScrollHeight() {
    return ((Number) therapistPage.script("return document.getElementById('message-list').scrollHeight;")).longValue();
  }

  private static long listClientHeight() {
    return ((Number) therapistPage.script("return document.getElementById('message-list').clientHeight;")).longValue();
  }

  private static boolean atListEnd() {
    return (Boolean) therapistPage.script(
        "const l = document.getElementById('message-list'); return l.scrollHeight - l.scrollTop - l.clientHeight <= 2;");
  }

  /** The element is inside the list's visible part (not scrolled out of it). */
  private static boolean visibleInList(WebElement element) {
    return (Boolean) therapistPage.script("""
        const list = document.getElementById('message-list').getBoundingClientRect();
        const item = arguments[0].getBoundingClientRect();
        return item.top >= list.top - 1 && item.bottom <= list.bottom + 1;
        """, element);
  }

  private static boolean inViewport(WebElement element) {
    return (Boolean) therapistPage.script("""
        const r = arguments[0].getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
        """, element);
  }
}
