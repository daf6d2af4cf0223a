package yoriai.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import yoriai.testing.Browser;
import yoriai.testing.TestServer;

/**
 * What the meeting-room browser tests do on the room page: enter it, wait for the live socket, post,
 * find a message, react to it by keyboard; and on the create-meeting form, the start time.
 */
final class RoomPage {
  private RoomPage() {}

  static void enterRoom(Browser page, String baseUrl, TestServer.SignedIn user, String meetingId) {
    page.signIn(baseUrl, user.email(), user.password());
    page.open(baseUrl + "/#/meetings/" + meetingId);
    waitLive(page);
  }

  static void waitLive(Browser page) {
    page.until(d -> "live".equals(d.findElement(By.id("connection-state")).getAttribute("data-state")));
  }

  static void send(Browser page, String text) {
    page.waitFor(By.id("composer-text")).sendKeys(text);
    page.driver().findElement(By.id("composer-send")).click();
    page.until(d -> messageWithText(page, text));
  }

  /** The message showing exactly {@code text}, or null while there is none. */
  static WebElement messageWithText(Browser page, String text) {
    return page.driver().findElements(By.cssSelector("#message-list li.message")).stream()
        .filter(li -> li.findElement(By.cssSelector(".message__text")).getText().equals(text))
        .findFirst().orElse(null);
  }

  /**
   * Reacts to {@code message} with {@code emoji} the way a keyboard user does: Enter on the message's
   * one reaction button opens its menu on the first emoji, → moves to {@code emoji}, Enter chooses it.
   */
  static void reactByKeyboard(Browser page, WebElement message, String emoji) {
    message.findElement(By.cssSelector(".reaction-toggle")).sendKeys(Keys.ENTER);
    page.until(d -> message.findElements(By.cssSelector("[role=menu] [data-emoji]")).size() == 5);
    for (int i = 0; i < 5 && !emoji.equals(focused(page).getAttribute("data-emoji")); i++) {
      focused(page).sendKeys(Keys.ARROW_RIGHT);
    }
    focused(page).sendKeys(Keys.ENTER);
  }

  /** The reaction counts shown beside a message's reaction button, e.g. {@code 👍 1}; empty while there is no message. */
  static String reactionSummary(WebElement message) {
    return message == null ? "" : message.findElements(By.cssSelector(":scope > .message__actions .reaction-summary")).stream()
        .map(WebElement::getText).findFirst().orElse("");
  }

  /**
   * Clicks {@code element} after scrolling it to the middle of the screen, as a person does with a
   * button that sits behind the room's sticky composer at the bottom of the screen.
   */
  static void click(Browser page, WebElement element) {
    page.script("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  static WebElement focused(Browser page) {
    return page.driver().switchTo().activeElement();
  }

  /** Sets the create-meeting form's start to an hour from now, in the browser's own time zone. */
  static void startInAnHour(Browser page) {
    page.script("""
        const d = new Date(Date.now() + 60 * 60 * 1000);
        const p = (n) => String(n).padStart(2, '0');
        arguments[0].value = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
        """, page.driver().findElement(By.id("meeting-starts-at")));
  }
}
