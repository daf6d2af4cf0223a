package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static yoriai.browser.RoomPage.click;
import static yoriai.browser.RoomPage.enterRoom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import yoriai.testing.Api;
import yoriai.testing.Browser;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestSite;

/**
 * On a tablet in portrait (768×1024): a 理学療法士 joins a meeting created over the API and reads the
 * case in focus in Japanese above the discussion; a company links its catalog service to a proposal,
 * which then shows with the service's name.
 */
class MeetingCaseBrowserTest {
  private static final String SERVICE_NAME = "みらい号 移動スーパー";

  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("meeting-case");
  private static TestServer server;
  private static Browser browser;

  @BeforeAll
  static void start() {
    server = site.server();
    browser = site.browser();
    browser.driver().manage().window().setSize(new Dimension(768, 1024));
  }

  @Test
  void a_physiotherapist_reads_the_case_in_focus_and_a_company_proposes_its_catalog_service() {
    TestServer.SignedIn host = server.municipality("高橋 美咲");
    TestServer.SignedIn physiotherapist = server.professional("鈴木 理恵", "理学療法士");
    TestServer.SignedIn company = server.company("販売 一郎", "株式会社みらい商店");
    String serviceId = registerService(company.token());
    String meetingId = Meetings.open(server.api(), host.token(), sheet());

    enterRoom(browser, server.baseUrl(), physiotherapist, meetingId);
    WebElement title = browser.waitFor(By.id("case-panel-title"));
    assertThat(title.getText()).isEqualTo("買い物に行けなくなった独居の女性");
    assertThat(browser.driver().findElement(By.cssSelector("#agenda li.agenda__item")).getAttribute("aria-current"))
        .isEqualTo("true");
    assertThat(browser.driver().findElement(By.id("case-panel-person")).getText())
        .contains("80-84歳", "要支援2", "独居", "坂の上の一戸建て");
    assertThat(texts(By.cssSelector("#case-panel-activities thead th")))
        .containsExactly("生活行為", "自立度", "できること", "難しいこと");
    WebElement row = browser.driver().findElement(By.cssSelector("#case-panel-activities tbody tr"));
    assertThat(row.getText()).contains("買い物", "一部介助", "近所の店までは歩いて行ける", "重い荷物を持ち帰れない");
    assertThat(browser.driver().findElement(By.id("case-panel-wishes")).getText()).isEqualTo("自分で選んで買い物を続けたい");
    assertThat(browser.driver().findElement(By.id("case-panel-assessment")).getText()).contains("運動・移動", "坂道で休憩が必要");
    int panelBottom = bottomOf(browser.driver().findElement(By.id("case-panel")));
    assertThat(panelBottom).isLessThanOrEqualTo(browser.driver().findElement(By.id("message-list")).getRect().getY());
    browser.saveScreenshot("meeting-case-tablet");

    WebElement toggle = browser.driver().findElement(By.id("case-panel-toggle"));
    toggle.sendKeys(Keys.ENTER);
    browser.until(d -> "false".equals(toggle.getAttribute("aria-expanded")));
    assertThat(browser.driver().findElement(By.id("case-panel-body")).isDisplayed()).isFalse();

    enterRoom(browser, server.baseUrl(), company, meetingId);
    browser.waitFor(By.id("proposal-target")).sendKeys("買い物");
    new Select(browser.driver().findElement(By.id("proposal-type"))).selectByValue("market");
    browser.driver().findElement(By.id("proposal-description")).sendKeys("移動販売車が週2回自宅前に来る");
    browser.driver().findElement(By.id("proposal-keeps")).sendKeys("自分で品物を選んで買える");
    browser.driver().findElement(By.id("proposal-service-q")).sendKeys("移動スーパー", Keys.ENTER);
    click(browser, browser.waitFor(By.cssSelector("li.service-choice[data-service-id='" + serviceId + "'] input[type=radio]")));
    browser.driver().findElement(By.id("proposal-cost")).sendKeys("商品代のみ");
    browser.driver().findElement(By.id("proposal-area")).sendKeys("高崎市");
    click(browser, browser.driver().findElement(By.id("proposal-submit")));

    WebElement link = browser.until(d -> d.findElements(By.cssSelector("#proposal-list li.proposal a.proposal-service")).stream()
        .filter(a -> SERVICE_NAME.equals(a.getText())).findFirst().orElse(null));
    assertThat(link.getAttribute("href")).endsWith("/catalog/services/" + serviceId);
    WebElement proposal = browser.driver().findElement(By.cssSelector("#proposal-list li.proposal"));
    assertThat(proposal.getText()).contains("市場サービス", "自分で品物を選んで買える", "商品代のみ", "高崎市");
    browser.saveScreenshot("meeting-case-proposal");
  }

  private static ObjectNode sheet() {
    ObjectNode sheet = Meetings.sheet().put("wishes", "自分で選んで買い物を続けたい").put("questions", "移動手段の工夫を知りたい");
    ((ObjectNode) sheet.get("person")).put("housing", "坂の上の一戸建て");
    sheet.putObject("assessment").putObject("movement").put("intention", "歩いて出かけたい").put("issue", "坂道で休憩が必要");
    return sheet;
  }

  private static String registerService(String companyToken) {
    ObjectNode body = Json.object().put("name", SERVICE_NAME).put("category", "移動販売")
        .put("description", "週2回、公民館の前に野菜と日用品を積んだ車が来ます").put("price", "商品代のみ")
        .put("howToUse", "停留所で直接お買い求めください").put("contactUrl", "https://mirai.example.jp/truck");
    body.putArray("areas").addObject().put("prefectureCode", "10").put("name", "群馬県");
    Api.Reply reply = server.api().post("/api/v1/catalog/services", companyToken, body.toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().get("id").asText();
  }

  private static List<String> texts(By locator) {
    return browser.driver().findElements(locator).stream().map(WebElement::getText).toList();
  }

  private static int bottomOf(WebElement element) {
    return element.getRect().getY() + element.getRect().getHeight();
  }
}
