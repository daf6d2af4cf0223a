package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import yoriai.testing.Accessibility;
import yoriai.testing.Browser;
import yoriai.testing.TestServer;
import yoriai.testing.TestSite;

/**
 * On a tablet in portrait, in Japanese: a forgotten password is reset through the mailed link (read
 * from the outbox, as the admin sees it), and a fresh instance's first admin is made through the
 * setup link the server logs.
 */
class PasswordResetAndFirstRunBrowserTest {
  private static final Pattern RESET_LINK = Pattern.compile("https?://[^/\\s]+(/#/reset\\?token=[A-Za-z0-9_-]+)");
  private static final String NEW_PASSWORD = "hotaru ikada kawabune 2026";

  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("reset");

  @BeforeEach
  void tablet() {
    site.browser().driver().manage().window().setSize(new Dimension(820, 1180));
  }

  @Test
  void a_forgotten_password_is_reset_through_the_mailed_link_and_the_new_one_signs_in() {
    Browser browser = site.browser();
    TestServer server = site.server();
    TestServer.SignedIn therapist = server.professional("作業 桃子", "作業療法士");

    browser.openFresh(server.baseUrl() + "/");
    browser.waitFor(By.id("login-forgot")).click();
    browser.waitFor(By.id("reset-request-email")).sendKeys(therapist.email());
    Accessibility.assertNoViolations(browser.driver(), "reset request form");
    browser.driver().findElement(By.id("reset-request-submit")).click();
    assertThat(browser.waitFor(By.id("reset-request-sent")).getText()).contains("再設定用のリンクをお送りしました");
    Accessibility.assertNoViolations(browser.driver(), "reset requested");

    browser.open(server.baseUrl() + resetLinkMailedTo(therapist.email()));
    browser.waitFor(By.id("reset-password")).sendKeys(NEW_PASSWORD);
    browser.driver().findElement(By.id("reset-passwordAgain")).sendKeys(NEW_PASSWORD);
    Accessibility.assertNoViolations(browser.driver(), "new password form");
    browser.driver().findElement(By.id("reset-submit")).click();

    assertThat(browser.waitFor(By.id("login-notice")).getText()).isEqualTo("パスワードを設定しました。新しいパスワードでログインしてください");
    Accessibility.assertNoViolations(browser.driver(), "sign-in after the reset");
    assertThat(server.api().get("/api/v1/auth/me", therapist.token()).status()).as("the old session ended").isEqualTo(401);
    browser.waitFor(By.id("login-email")).sendKeys(therapist.email());
    browser.driver().findElement(By.id("login-password")).sendKeys(NEW_PASSWORD);
    browser.driver().findElement(By.id("login-submit")).click();
    assertThat(browser.waitFor(By.id("current-user-name")).getText()).isEqualTo("作業 桃子");

    browser.openFresh(server.baseUrl() + "/#/reset?token=used-or-unknown");
    browser.waitFor(By.id("reset-password")).sendKeys(NEW_PASSWORD);
    browser.driver().findElement(By.id("reset-passwordAgain")).sendKeys(NEW_PASSWORD);
    browser.driver().findElement(By.id("reset-submit")).click();
    assertThat(browser.waitFor(By.id("reset-error")).getText()).contains("このリンクは使えません");
    assertThat(browser.waitFor(By.id("reset-ask-again")).getAttribute("href")).endsWith("#/reset-request");
    Accessibility.assertNoViolations(browser.driver(), "a used reset link");
  }

  @Test
  void a_fresh_instance_says_how_to_begin_and_its_logged_setup_link_makes_the_first_admin() {
    Browser browser = site.browser();
    try (TestServer fresh = TestServer.start(Map.of("YORIAI_ADMIN_EMAIL", "", "YORIAI_ADMIN_PASSWORD", ""))) {
      browser.openFresh(fresh.baseUrl() + "/");
      assertThat(browser.waitFor(By.id("home-setup-text")).getText())
          .contains("サーバーのログに表示されたセットアップ用リンクを開いてください", "./scripts/run --demo");
      Accessibility.assertNoViolations(browser.driver(), "home of an empty instance");

      URI link = URI.create(fresh.setupLink().orElseThrow());
      browser.open(fresh.baseUrl() + link.getRawPath() + "?" + link.getRawQuery());
      browser.waitFor(By.id("setup-email")).sendKeys("owner@yoriai.example.jp");
      browser.driver().findElement(By.id("setup-password")).sendKeys(NEW_PASSWORD);
      browser.driver().findElement(By.id("setup-displayName")).sendKeys("運営 一子");
      browser.driver().findElement(By.id("setup-organization-name")).sendKeys("寄り合い運営協議会");
      new Select(browser.driver().findElement(By.id("setup-organization-kind"))).selectByValue("npo");
      new Select(browser.driver().findElement(By.id("setup-organization-prefecture"))).selectByValue("群馬県");
      Accessibility.assertNoViolations(browser.driver(), "first-run setup form");
      browser.driver().findElement(By.id("setup-submit")).click();

      browser.waitFor(By.id("admin-signups-empty"));
      assertThat(browser.driver().findElement(By.id("admin-heading")).getText()).isEqualTo("管理");
      assertThat(browser.driver().getCurrentUrl()).isEqualTo(fresh.baseUrl() + "/#/admin");
      Accessibility.assertNoViolations(browser.driver(), "admin console after setup");
      assertThat(fresh.api().get("/api/v1/setup", null).json().get("needed").asBoolean()).isFalse();
    }
  }

  /** The path and query of the newest reset link in the outbox to {@code email} (the admin reads it). */
  private static String resetLinkMailedTo(String email) {
    TestServer server = site.server();
    return site.browser().until(d -> {
      JsonNode mails = server.api().get("/api/v1/outbox", server.adminToken()).json().get("mails");
      return StreamSupport.stream(mails.spliterator(), false)
          .filter(mail -> mail.get("to").asText().equals(email))
          .map(mail -> RESET_LINK.matcher(mail.get("text").asText()))
          .filter(Matcher::find)
          .map(found -> found.group(1))
          .findFirst().orElse(null);
    });
  }
}
