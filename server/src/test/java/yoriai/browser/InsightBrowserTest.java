package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import yoriai.testing.Api;
import yoriai.testing.Browser;
import yoriai.testing.Discussion;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestSite;
import yoriai.testing.WsClient;

/** One published case seen through the public needs insight: a chart, a gap, a suppressed cell. */
class InsightBrowserTest {
  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("insight");
  private static TestServer server;
  private static Browser browser;

  @BeforeAll
  static void start() {
    server = site.server();
    browser = site.browser();
    TestServer.SignedIn host = server.municipality("高崎 司会");
    TestServer.SignedIn therapist = server.professional("理学 花子", "理学療法士");
    String meetingId = Meetings.open(server.api(), host.token());
    try (Discussion meeting = new Discussion(server, host, meetingId); WsClient pt = meeting.join(therapist)) {
      meeting.phase("proposals");
      String proposal = meeting.propose(pt, "買い物", "mutual", "近所の方との買い物同行", "歩く力を保てる");
      meeting.summarizeAndClose("地域の互助で買い物を続ける", proposal);
      Api.Reply published = meeting.publish();
      if (published.status() != 200) {
        throw new AssertionError("not published: " + published.body());
      }
    }
  }

  @Test
  void an_anonymous_visitor_sees_the_chart_the_gap_and_a_single_case_only_as_fewer_than_three() {
    browser.openFresh(server.baseUrl() + "/insights");

    WebElement canvas = browser.waitFor(By.cssSelector("#insight-chart canvas#insight-chart-canvas"));
    assertThat(canvas.getSize().getWidth()).isGreaterThan(0);
    browser.until(d -> (Boolean) browser.script(
        "const c = document.getElementById('insight-chart-canvas');"
            + " const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
            + " for (let i = 3; i < px.length; i += 4) { if (px[i] !== 0) return true; } return false;"));

    List<WebElement> gaps = browser.until(d -> {
      List<WebElement> rows = d.findElements(By.cssSelector("#insight-gaps tr.gap"));
      return rows.isEmpty() ? null : rows;
    });
    WebElement gap = gaps.stream().filter(r -> "群馬県".equals(r.getAttribute("data-prefecture"))).findFirst().orElseThrow();
    assertThat(gap.getText()).contains("群馬県");

    WebElement cell = browser.waitFor(By.cssSelector("#insight-cells tr.cell[data-suppressed='true']"));
    WebElement count = cell.findElement(By.cssSelector(".cell__cases"));
    assertThat(count.getText()).isEqualTo("3件未満");
    assertThat(browser.driver().findElement(By.id("insight-cells")).getText()).doesNotContain("1件");
    browser.saveScreenshot("insight");
  }
}
