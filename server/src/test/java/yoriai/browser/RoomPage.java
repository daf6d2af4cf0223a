package yoriai.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import yoriai.testing.Browser;
import yoriai.testing.TestServer;

/**
 * What the meeting-room browser tests do on the room page: enter it, wait for the live socket, post,
 * find a message; and on the create-meeting form, the start time.
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

  /** Sets the create-meeting form's start to an hour from now, in the browser's own time zone. */
  static void startInAnHour(Browser page) {
    page.script("""
        const d = new Date(Date.now() + 60 * 60 * 1000);
        const p = (n) => String(n).padStart(2, '0');
        arguments[0].value = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
        """, page.driver().findElement(By.id("meeting-starts-at")));
  }
}
