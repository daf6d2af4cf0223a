package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static yoriai.browser.RoomPage.click;
import static yoriai.browser.RoomPage.enterRoom;
import static yoriai.browser.RoomPage.messageWithText;
import static yoriai.browser.RoomPage.reactByKeyboard;
import static yoriai.browser.RoomPage.reactionSummary;
import static yoriai.browser.RoomPage.send;
import static yoriai.browser.RoomPage.startInAnHour;
import static yoriai.browser.RoomPage.waitLive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
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
 * The product's whole loop in four real browsers, all on a tablet in portrait (768×1024) and in
 * Japanese: a municipality writes a case in the editor and runs a meeting over two cases with a
 * 理学療法士, a 管理栄養士 and a company; each case is read, discussed, proposed on with a catalog
 * service, summarized with the proposal adopted; the meeting is closed, previewed and published;
 * an anonymous visitor finds each entry by search and reads only its own case's discussion, and
 * each catalog service counts one proposal and one adoption.
 */
class WholeMeetingBrowserTest {
  private static final Dimension TABLET = new Dimension(768, 1024);

  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("whole-meeting");
  private static TestServer server;
  private static Browser hostPage;
  private static Browser therapistPage;
  private static Browser dietitianPage;
  private static Browser companyPage;
  private static TestServer.SignedIn host;
  private static TestServer.SignedIn therapist;
  private static TestServer.SignedIn dietitian;
  private static TestServer.SignedIn company;

  /** What happens in one case of the meeting, and how a visitor finds it afterwards. */
  private record CaseScript(String title, String searchWord, String therapistRemark, String dietitianRemark,
                            String activity, String proposal, String keeps, String serviceName, String serviceId) {}

  @BeforeAll
  static void start() {
    server = site.server();
    hostPage = site.browser();
    therapistPage = Browser.start();
    dietitianPage = Browser.start();
    companyPage = Browser.start();
    for (Browser page : pages()) {
      page.driver().manage().window().setSize(TABLET);
    }
    host = server.municipality("高橋 美咲");
    therapist = server.professional("鈴木 理恵", "理学療法士");
    dietitian = server.professional("中村 由紀", "管理栄養士");
    company = server.company("販売 一郎", "株式会社みらい商店");
  }

  @AfterAll
  static void stop() {
    try {
      therapistPage.close();
      dietitianPage.close();
    } finally {
      companyPage.close();
    }
  }

  @Test
  void four_people_run_a_two_case_meeting_to_publication_and_a_visitor_reads_each_case_on_its_own() {
    CaseScript shopping = new CaseScript("坂の上から買い物に通えなくなった独居の女性", "買い物",
        "坂道の途中に休める場所があれば歩いて行けそうです", "重い物は配達にして軽い物だけ持ち帰る方法もあります",
        "買い物", "移動販売車が週2回自宅前に来る", "自分で品物を選んで買える",
        "みらい号 移動スーパー", service("みらい号 移動スーパー", "移動販売", "週2回、公民館の前に野菜と日用品を積んだ車が来ます"));
    CaseScript cooking = new CaseScript("夕食の支度が負担になった高齢夫婦", "夕食",
        "立ったままの調理が続かないなら椅子を使う工夫を", "味付けは任せて下ごしらえだけ手伝う形がよいです",
        "調理", "下ごしらえ済みの食材を週3回届ける", "味付けは自分でできる",
        "みらい 下ごしらえ便", service("みらい 下ごしらえ便", "配食", "切った野菜と肉を献立つきで届けます"));

    String shoppingId = writeAndSubmitInTheEditor(shopping.title());
    String cookingId = Meetings.submittedCase(server.api(), host.token(), cookingSheet(cooking.title()));
    String meetingId = createMeetingInThePage(shopping.title(), shoppingId, cookingId);
    List<String> agenda = new ArrayList<>();
    server.api().get("/api/v1/meetings/" + meetingId, host.token()).json().get("caseIds").forEach(id -> agenda.add(id.asText()));
    assertThat(agenda).containsExactlyInAnyOrder(shoppingId, cookingId);
    Map<String, CaseScript> scripts = Map.of(shoppingId, shopping, cookingId, cooking);

    enterRoom(therapistPage, server.baseUrl(), therapist, meetingId);
    enterRoom(dietitianPage, server.baseUrl(), dietitian, meetingId);
    enterRoom(companyPage, server.baseUrl(), company, meetingId);
    hostPage.waitFor(By.cssSelector("#presence-list li.participant[data-account-id='" + company.id() + "']"));

    CaseScript first = scripts.get(agenda.get(0));
    CaseScript second = scripts.get(agenda.get(1));
    discuss(agenda.get(0), first, dietitianPage, dietitian, "👍");
    screenshotAt(hostPage, "summary-editor", "whole-meeting-host-summary-tablet");
    screenshotAt(therapistPage, "case-panel", "whole-meeting-therapist-room-tablet");

    focus(agenda.get(1), second, first);
    discuss(agenda.get(1), second, therapistPage, therapist, "💡");

    advance("closed");
    List<String> published = publishInThePage(meetingId, first, second);
    assertThat(published).containsExactlyInAnyOrder(first.title(), second.title());

    Browser visitor = companyPage;
    visitor.openFresh(server.baseUrl() + "/archive");
    visitor.waitFor(By.id("archive-q"));
    assertThat(visitor.driver().findElements(By.id("current-user-name"))).isEmpty();
    readEntryAsVisitor(visitor, first, second);
    screenshotAt(visitor, "entry-discussion", "whole-meeting-public-entry-tablet");
    readEntryAsVisitor(visitor, second, first);

    for (CaseScript script : List.of(first, second)) {
      visitor.open(server.baseUrl() + "/catalog/services/" + script.serviceId());
      visitor.until(d -> d.findElement(By.id("service-title")).getText().equals(script.serviceName()));
      visitor.until(d -> "1".equals(d.findElement(By.id("service-proposed")).getAttribute("data-count")));
      assertThat(visitor.driver().findElement(By.id("service-adopted")).getAttribute("data-count")).isEqualTo("1");
    }
    visitor.saveScreenshot("whole-meeting-catalog-service");
  }

  /** The host writes a case in the editor, saves and submits it; returns its id. */
  private static String writeAndSubmitInTheEditor(String title) {
    hostPage.signIn(server.baseUrl(), host.email(), host.password());
    hostPage.waitFor(By.id("nav-cases")).click();
    hostPage.waitFor(By.id("new-case")).click();
    hostPage.waitFor(By.id("case-title")).sendKeys(title);
    Map.of("case-prefecture", "群馬県", "case-age-band", "80-84", "case-care-level", "要支援2", "case-household", "独居",
            "activity-0-activity", "買い物", "activity-0-level", "一部介助")
        .forEach((id, value) -> new Select(hostPage.driver().findElement(By.id(id))).selectByValue(value));
    hostPage.driver().findElement(By.id("activity-0-cando")).sendKeys("近所の店までは歩いて行ける");
    hostPage.driver().findElement(By.id("activity-0-difficulty")).sendKeys("帰りの上り坂で重い荷物を持てない");
    hostPage.driver().findElement(By.id("case-save")).click();
    hostPage.until(d -> d.getCurrentUrl().matches(".*#/cases/[^/]+$") && !d.getCurrentUrl().endsWith("/new"));
    hostPage.driver().findElement(By.id("case-submit")).click();
    hostPage.until(d -> "submitted".equals(d.findElement(By.id("case-state")).getAttribute("data-state")));
    return hostPage.driver().getCurrentUrl().replaceFirst(".*#/cases/", "");
  }

  private static ObjectNode cookingSheet(String title) {
    ObjectNode sheet = Meetings.sheet().put("title", title);
    ((ObjectNode) sheet.get("person")).put("careLevel", "要介護1").put("household", "高齢夫婦");
    sheet.withArray("activities").removeAll().addObject().put("activity", "調理").put("level", "見守り")
        .put("canDo", "味付けは自分でできる").put("difficulty", "立ち続けると腰が痛む");
    return sheet;
  }

  /** The host creates the meeting over both cases in the form and lands in its room; returns its id. */
  private static String createMeetingInThePage(String title, String... caseIds) {
    hostPage.waitFor(By.id("nav-meetings")).click();
    hostPage.waitFor(By.id("new-meeting")).click();
    hostPage.waitFor(By.id("meeting-title")).sendKeys("高崎市 地域ケア会議 " + title);
    for (String caseId : caseIds) {
      hostPage.waitFor(By.cssSelector("#meeting-cases input[value='" + caseId + "']")).click();
    }
    assertThat(hostPage.driver().findElements(By.cssSelector("#meeting-agenda li[data-case-id]")))
        .extracting(item -> item.getAttribute("data-case-id")).containsExactly(caseIds);
    startInAnHour(hostPage);
    hostPage.driver().findElement(By.id("meeting-create-submit")).click();
    hostPage.until(d -> d.getCurrentUrl().matches(".*#/meetings/[^/]+$") && !d.getCurrentUrl().endsWith("/new"));
    waitLive(hostPage);
    return hostPage.driver().getCurrentUrl().replaceFirst(".*#/meetings/", "");
  }

  /**
   * One case from presentation to its まとめ: everyone reads it, two remarks, a raised hand, a
   * reaction from the host, the company's proposal with its service endorsed by the therapist, the
   * summary adopting it.
   */
  private static void discuss(String caseId, CaseScript script, Browser handPage, TestServer.SignedIn handRaiser, String emoji) {
    for (Browser page : pages()) {
      page.until(d -> script.title().equals(d.findElement(By.id("case-panel-title")).getText()));
      page.until(d -> "true".equals(d.findElement(By.cssSelector("#agenda li.agenda__item[data-case-id='" + caseId + "']"))
          .getAttribute("aria-current")));
    }
    assertThat(therapistPage.driver().findElement(By.id("case-panel-activities")).getText()).contains(script.activity());
    if (!"presentation".equals(phaseOf(hostPage))) {
      advance("presentation");
    }
    assertThat(therapistPage.driver().findElement(By.id("phase-current")).getText()).isEqualTo("事例説明");

    send(therapistPage, script.therapistRemark());
    advance("questions");
    click(handPage, handPage.driver().findElement(By.id("hand-toggle")));
    hostPage.waitFor(By.cssSelector("#hand-queue li.hand[data-account-id='" + handRaiser.id() + "']"));
    // the toggle sends the opposite of what its own page has seen, so that page must have seen the hand go up
    handPage.until(d -> "true".equals(d.findElement(By.id("hand-toggle")).getAttribute("aria-pressed")));
    send(dietitianPage, script.dietitianRemark());
    click(handPage, handPage.driver().findElement(By.id("hand-toggle")));
    hostPage.until(d -> d.findElements(By.cssSelector("#hand-queue li.hand")).isEmpty());

    reactByKeyboard(hostPage, hostPage.until(d -> messageWithText(hostPage, script.therapistRemark())), emoji);
    therapistPage.until(d -> reactionSummary(messageWithText(therapistPage, script.therapistRemark())).contains(emoji + " 1"));

    advance("advice");
    advance("proposals");
    String proposalId = propose(script);
    click(therapistPage, therapistPage.waitFor(By.cssSelector("button.endorse[data-proposal-id='" + proposalId + "']")));
    hostPage.until(d -> "1".equals(d.findElement(By.cssSelector(
        "li.proposal[data-proposal-id='" + proposalId + "'] .endorse-count")).getAttribute("data-count")));

    advance("summary");
    WebElement editor = hostPage.waitFor(By.cssSelector("#summary-editor[data-case-id='" + caseId + "']"));
    editor.findElement(By.id("summary-direction")).sendKeys("できることを続けながら「" + script.proposal() + "」を利用する");
    editor.findElement(By.id("adopt-" + proposalId)).click();
    editor.findElement(By.id("add-issue")).click();
    hostPage.waitFor(By.id("issue-0-text")).sendKeys(script.activity() + "を支える地域の資源が少ない");
    hostPage.driver().findElement(By.id("issue-0-tags")).sendKeys(script.activity());
    hostPage.driver().findElement(By.id("summary-save")).click();
    hostPage.until(d -> d.findElement(By.id("summary-notice")).getText().equals("まとめを保存しました"));
  }

  /** The company proposes its service for the case in focus; returns the proposal's id once everyone sees it. */
  private static String propose(CaseScript script) {
    companyPage.waitFor(By.id("proposal-target")).sendKeys(script.activity());
    new Select(companyPage.driver().findElement(By.id("proposal-type"))).selectByValue("market");
    companyPage.driver().findElement(By.id("proposal-description")).sendKeys(script.proposal());
    companyPage.driver().findElement(By.id("proposal-keeps")).sendKeys(script.keeps());
    companyPage.driver().findElement(By.id("proposal-service-q")).sendKeys(script.serviceName(), Keys.ENTER);
    // the prefecture's list shows first and renders again with the search's one hit: choose from that, in one step
    companyPage.until(d -> {
      List<WebElement> choices = d.findElements(By.cssSelector("#proposal-service-results li.service-choice"));
      boolean found = choices.size() == 1 && script.serviceId().equals(choices.get(0).getAttribute("data-service-id"));
      if (found) {
        click(companyPage, choices.get(0).findElement(By.cssSelector("input[name=serviceId]")));
      }
      return found && choices.get(0).findElement(By.cssSelector("input[name=serviceId]")).isSelected();
    });
    click(companyPage, companyPage.driver().findElement(By.id("proposal-submit")));
    String serviceLink = "#proposal-list li.proposal a.proposal-service[data-service-id='" + script.serviceId() + "']";
    for (Browser page : pages()) {
      page.until(d -> script.serviceName().equals(d.findElement(By.cssSelector(serviceLink)).getText()));
    }
    WebElement proposal = hostPage.driver().findElement(By.cssSelector("#proposal-list li.proposal"));
    assertThat(hostPage.driver().findElements(By.cssSelector("#proposal-list li.proposal"))).hasSize(1);
    assertThat(proposal.getText()).contains(script.proposal(), "市場サービス");
    return proposal.getAttribute("data-proposal-id");
  }

  /** The host moves the agenda to the next case: everyone reads it, and only its own discussion. */
  private static void focus(String caseId, CaseScript next, CaseScript done) {
    WebElement button = hostPage.waitFor(By.cssSelector("button.agenda-focus[data-case-id='" + caseId + "']"));
    assertThat(button.getText()).isEqualTo("この事例に移る");
    assertThat(therapistPage.driver().findElements(By.cssSelector("button.agenda-focus"))).as("only the host moves the focus").isEmpty();
    screenshotAt(hostPage, "agenda", "whole-meeting-host-agenda-tablet");
    click(hostPage, button);
    for (Browser page : pages()) {
      page.until(d -> next.title().equals(d.findElement(By.id("case-panel-title")).getText()));
      page.until(d -> messageWithText(page, done.therapistRemark()) == null);
      page.until(d -> d.findElements(By.cssSelector("#proposal-list li.proposal")).isEmpty());
      page.until(d -> "presentation".equals(phaseOf(page)));
    }
  }

  /** The host moves the case in focus on to {@code phase}; every page follows. */
  private static void advance(String phase) {
    WebElement next = hostPage.until(d -> {
      WebElement button = d.findElement(By.id("phase-next"));
      return phase.equals(button.getAttribute("data-to")) ? button : null;
    });
    click(hostPage, next);
    for (Browser page : pages()) {
      page.until(d -> phase.equals(phaseOf(page)));
    }
  }

  private static String phaseOf(Browser page) {
    return page.driver().findElement(By.id("phase-current")).getAttribute("data-phase");
  }

  /** Preview, publish, and the links to the entries; returns the published entries' titles. */
  private static List<String> publishInThePage(String meetingId, CaseScript first, CaseScript second) {
    hostPage.waitFor(By.id("publish-link")).click();
    hostPage.until(d -> d.getCurrentUrl().endsWith("#/meetings/" + meetingId + "/publish"));
    hostPage.until(d -> "0".equals(d.findElement(By.id("publish-findings")).getAttribute("data-count")));
    hostPage.until(d -> d.findElements(By.cssSelector("#publish-page .publish-entry")).size() == 2);
    for (CaseScript script : List.of(first, second)) {
      CaseScript other = script == first ? second : first;
      WebElement preview = previewOf(script.title());
      assertThat(preview.getText()).contains(script.therapistRemark(), script.dietitianRemark(), script.proposal())
          .doesNotContain(other.therapistRemark(), other.dietitianRemark(), other.proposal());
      assertThat(preview.findElement(By.cssSelector("a.proposal-service")).getAttribute("href"))
          .endsWith("/catalog/services/" + script.serviceId());
    }
    hostPage.saveScreenshot("whole-meeting-publish-preview");

    hostPage.driver().findElement(By.id("publish-submit")).click();
    List<WebElement> links = hostPage.until(d -> {
      List<WebElement> entries = d.findElements(By.cssSelector("#published-entries a.published-entry"));
      return entries.size() == 2 ? entries : null;
    });
    hostPage.saveScreenshot("whole-meeting-published");
    return links.stream().map(WebElement::getText).toList();
  }

  private static WebElement previewOf(String title) {
    List<WebElement> previews = hostPage.driver().findElements(By.cssSelector("#publish-page .publish-entry")).stream()
        .filter(entry -> entry.findElement(By.cssSelector("h2")).getText().contains(title)).toList();
    assertThat(previews).as("the preview of " + title).hasSize(1);
    return previews.get(0);
  }

  /** Searches the archive signed out, opens the hit and checks it holds only its own case's discussion. */
  private static void readEntryAsVisitor(Browser visitor, CaseScript own, CaseScript other) {
    visitor.open(server.baseUrl() + "/archive?q=" + URLEncoder.encode(own.searchWord(), StandardCharsets.UTF_8));
    // the search word is in its own case only; the list renders again as the search settles, so find and click in one step
    visitor.until(d -> {
      List<WebElement> hits = d.findElements(By.cssSelector("#archive-results li.archive-hit"));
      boolean found = hits.size() == 1 && own.title().equals(hits.get(0).findElement(By.cssSelector(".archive-hit__title")).getText());
      if (found) {
        hits.get(0).findElement(By.cssSelector(".archive-hit__title a")).click();
      }
      return found;
    });
    visitor.until(d -> own.title().equals(d.findElement(By.id("entry-title")).getText()));
    String discussion = visitor.waitFor(By.id("entry-discussion")).getText();
    assertThat(discussion).contains(own.therapistRemark(), own.dietitianRemark())
        .doesNotContain(other.therapistRemark(), other.dietitianRemark());
    WebElement proposal = visitor.waitFor(By.cssSelector("#entry-proposals li.entry-proposal"));
    assertThat(visitor.driver().findElements(By.cssSelector("#entry-proposals li.entry-proposal"))).hasSize(1);
    assertThat(proposal.getText()).contains(own.proposal());
    assertThat(proposal.findElements(By.cssSelector(".badge--adopted"))).hasSize(1);
    assertThat(proposal.findElement(By.cssSelector("a.proposal-service")).getAttribute("href")).endsWith("/catalog/services/" + own.serviceId());
    assertThat(visitor.driver().findElement(By.id("entry-summary")).getText()).contains(own.proposal());
    assertThat(visitor.driver().getPageSource()).doesNotContain("鈴木 理恵").doesNotContain("中村 由紀");
  }

  /** The company's catalog service in 群馬県, registered over the API; returns its id. */
  private static String service(String name, String category, String description) {
    ObjectNode body = Json.object().put("name", name).put("category", category).put("description", description)
        .put("price", "1回500円").put("howToUse", "電話で申し込みます");
    body.putArray("areas").addObject().put("prefectureCode", "10").put("name", "群馬県");
    Api.Reply reply = server.api().post("/api/v1/catalog/services", company.token(), body.toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().get("id").asText();
  }

  private static void screenshotAt(Browser page, String elementId, String name) {
    page.script("arguments[0].scrollIntoView()", page.driver().findElement(By.id(elementId)));
    page.saveScreenshot(name);
  }

  private static List<Browser> pages() {
    return List.of(hostPage, therapistPage, dietitianPage, companyPage);
  }
}
