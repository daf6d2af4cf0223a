package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import yoriai.testing.Accessibility;
import yoriai.testing.Browser;
import yoriai.testing.Discussion;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestSite;

/**
 * Issue 16's way in, on a tablet in portrait, in Japanese: a company asks to join, is told to confirm
 * its address, opens the mailed link (read from the outbox), cannot sign in yet; the admin approves it in the console (the approval mail shows in 送信メール);
 * the company signs in, registers for an open meeting in the public calendar and joins it there.
 */
class SignUpAndApprovalBrowserTest {
  private static final String EMAIL = "sales@kinoko-mart.example.jp";
  private static final String PASSWORD = "shiitake maitake enoki 2026";
  private static final Pattern CONFIRM_LINK = Pattern.compile("/#/confirm\\?token=[A-Za-z0-9_-]+");

  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("signup");

  @BeforeEach
  void tablet() {
    site.browser().driver().manage().window().setSize(new Dimension(820, 1180));
  }

  @Test
  void a_company_signs_up_the_admin_approves_it_in_the_console_and_the_company_joins_an_open_meeting_from_the_calendar() {
    Browser browser = site.browser();
    String base = site.server().baseUrl();
    TestServer.SignedIn host = site.server().municipality("高崎 司会");
    String meetingId = Meetings.open(site.server().api(), host.token(), Meetings.sheet().put("title", "移動販売で買い物を支える会議"));
    try (Discussion meeting = new Discussion(site.server(), host, meetingId)) {
      meeting.phase("presentation");
    }

    browser.openFresh(base + "/");
    assertThat(browser.waitFor(By.id("home-signup")).getText()).isEqualTo("参加を申し込む");
    browser.driver().findElement(By.id("home-signup")).click();
    browser.waitFor(By.id("signup-form"));
    Accessibility.assertNoViolations(browser.driver(), "sign-up form");

    type("signup-email", EMAIL);
    type("signup-password", PASSWORD);
    type("signup-displayName", "茸野 販売");
    type("signup-organization-name", "きのこマート株式会社");
    new Select(browser.driver().findElement(By.id("signup-organization-prefecture"))).selectByValue("群馬県");
    browser.driver().findElement(By.id("signup-submit")).click();

    assertThat(browser.waitFor(By.id("signup-done-text")).getText())
        .isEqualTo("申請を受け付けました。確認のメールをお送りしましたので、メールのリンクを開いてメールアドレスを確認してください");
    Accessibility.assertNoViolations(browser.driver(), "sign-up received");

    signInWith(EMAIL, PASSWORD);
    assertThat(browser.waitFor(By.id("login-error")).getText()).contains("メールアドレスがまだ確認されていません");
    Accessibility.assertNoViolations(browser.driver(), "sign-in before confirming the address");

    String confirmation = confirmationLink();
    browser.openFresh(base + confirmation);
    browser.until(d -> d.findElement(By.id("confirm-result")).getText().equals("メールアドレスを確認しました。管理者の承認をお待ちください"));
    Accessibility.assertNoViolations(browser.driver(), "address confirmed");
    browser.openFresh(base + confirmation);
    assertThat(browser.waitFor(By.id("confirm-result")).getText()).contains("このリンクは使えません");
    Accessibility.assertNoViolations(browser.driver(), "confirmation link used twice");

    signInWith(EMAIL, PASSWORD);
    assertThat(browser.waitFor(By.id("login-error")).getText()).contains("承認待ちです");
    Accessibility.assertNoViolations(browser.driver(), "sign-in while pending");

    browser.signIn(base, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    browser.waitFor(By.id("nav-admin")).click();
    WebElement request = browser.waitFor(By.cssSelector("#admin-signup-list li[data-email='" + EMAIL + "']"));
    assertThat(request.getText()).contains("茸野 販売", "きのこマート株式会社", "企業");
    Accessibility.assertNoViolations(browser.driver(), "admin console: sign-up requests");

    request.findElement(By.cssSelector("button[id$='-approve']")).click();
    browser.until(d -> d.findElement(By.id("app-status")).getText().equals("茸野 販売さんの申請を承認しました"));
    browser.waitFor(By.id("admin-signups-empty"));

    browser.driver().findElement(By.id("admin-tab-accounts")).click();
    WebElement account = browser.waitFor(By.cssSelector("#admin-account-list li[data-email='" + EMAIL + "']"));
    assertThat(account.findElement(By.cssSelector("[id$='-state']")).getText()).isEqualTo("有効");
    Accessibility.assertNoViolations(browser.driver(), "admin console: accounts");

    browser.driver().findElement(By.id("admin-tab-organizations")).click();
    assertThat(browser.waitFor(By.id("admin-organization-table")).getText()).contains("きのこマート株式会社");
    Accessibility.assertNoViolations(browser.driver(), "admin console: organizations");

    browser.driver().findElement(By.id("admin-tab-outbox")).click();
    WebElement mail = browser.waitFor(By.cssSelector("#admin-outbox-list li[data-to='" + EMAIL + "']"));
    mail.findElement(By.tagName("summary")).click();
    assertThat(mail.findElement(By.className("mail-text")).getText()).contains("承認");
    Accessibility.assertNoViolations(browser.driver(), "admin console: sent mail");

    browser.signIn(base, EMAIL, PASSWORD);
    assertThat(browser.waitFor(By.id("current-user-role")).getText()).isEqualTo("企業");
    assertThat(browser.driver().findElement(By.id("current-user-organization")).getText()).isEqualTo("きのこマート株式会社");

    browser.driver().findElement(By.id("nav-calendar")).click();
    WebElement entry = browser.waitFor(By.cssSelector("#calendar-list li[data-meeting-id='" + meetingId + "']"));
    assertThat(entry.getText()).contains("移動販売で買い物を支える会議");
    entry.findElement(By.cssSelector("button.calendar__register")).click();
    browser.waitFor(By.cssSelector("#calendar-list li[data-meeting-id='" + meetingId + "'] .calendar__registered"));
    Accessibility.assertNoViolations(browser.driver(), "public calendar, registered");
    browser.waitFor(By.cssSelector("#calendar-list li[data-meeting-id='" + meetingId + "'] a.calendar__open")).click();
    RoomPage.waitLive(browser);
    Accessibility.assertNoViolations(browser.driver(), "the meeting room, joined from the calendar");
  }

  @Test
  void the_admin_creates_an_account_without_a_password_and_disables_another_after_confirming() {
    Browser browser = site.browser();
    TestServer.SignedIn therapist = site.server().professional("理学 次郎", "理学療法士");
    browser.signIn(site.server().baseUrl(), TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    browser.open(site.server().baseUrl() + "/#/admin/accounts");

    browser.waitFor(By.id("admin-account-new-open")).click();
    type("account-new-email", "coordinator@maebashi.example.jp");
    type("account-new-displayName", "前橋 調整");
    new Select(browser.driver().findElement(By.id("account-new-role"))).selectByValue("municipality");
    type("account-new-organization-name", "前橋市");
    new Select(browser.driver().findElement(By.id("account-new-organization-kind"))).selectByValue("municipality");
    new Select(browser.driver().findElement(By.id("account-new-organization-prefecture"))).selectByValue("群馬県");
    Accessibility.assertNoViolations(browser.driver(), "admin console: new account form");
    browser.driver().findElement(By.id("account-new-submit")).click();
    browser.until(d -> d.findElement(By.id("app-status")).getText().equals("前橋 調整さんのアカウントを作成し、招待メールを送りました"));
    browser.waitFor(By.cssSelector("#admin-account-list li[data-email='coordinator@maebashi.example.jp']"));

    WebElement row = browser.waitFor(By.id("admin-account-" + therapist.id()));
    row.findElement(By.cssSelector("button[id$='-disable']")).click();
    assertThat(browser.waitFor(By.id("admin-account-" + therapist.id() + "-disable-question")).getText()).contains("セッションもすべて終了します");
    Accessibility.assertNoViolations(browser.driver(), "admin console: disable confirmation");
    browser.driver().findElement(By.id("admin-account-" + therapist.id() + "-disable-confirm")).click();
    browser.until(d -> d.findElement(By.id("admin-account-" + therapist.id() + "-state")).getText().equals("停止中"));

    assertThat(site.server().api().get("/api/v1/auth/me", therapist.token()).status()).isEqualTo(401);
  }

  /** The path and hash of the confirmation link mailed to the applicant, read from the outbox once it is there. */
  private static String confirmationLink() {
    return site.browser().until(d -> {
      JsonNode mails = site.server().api().get("/api/v1/outbox", site.server().adminToken()).json().get("mails");
      for (JsonNode mail : mails) {
        Matcher link = CONFIRM_LINK.matcher(mail.get("text").asText());
        if (mail.get("to").asText().equals(EMAIL) && mail.get("subject").asText().contains("参加申請を受け付けました") && link.find()) {
          return link.group();
        }
      }
      return null;
    });
  }

  private static void signInWith(String email, String password) {
    Browser browser = site.browser();
    browser.openFresh(site.server().baseUrl() + "/");
    browser.waitFor(By.id("login-email")).sendKeys(email);
    browser.driver().findElement(By.id("login-password")).sendKeys(password);
    browser.driver().findElement(By.id("login-submit")).click();
  }

  private static void type(String id, String text) {
    WebElement input = site.browser().waitFor(By.id(id));
    input.clear();
    input.sendKeys(text);
  }
}
