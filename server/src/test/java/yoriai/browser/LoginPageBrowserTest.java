package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogType;
import yoriai.testing.TestServer;
import yoriai.testing.TestSite;

class LoginPageBrowserTest {
  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("login");
  @Test
  void a_professional_signs_in_through_the_japanese_page_and_sees_name_and_role() {
    var user = site.server().professional("鈴木 理恵", "理学療法士");
    site.browser().openFresh(site.server().baseUrl() + "/");

    assertThat(site.browser().waitFor(By.cssSelector("label[for='login-email']")).getText()).contains("メールアドレス");
    site.browser().waitFor(By.id("login-email")).sendKeys(user.email());
    site.browser().driver().findElement(By.id("login-password")).sendKeys(user.password());
    site.browser().driver().findElement(By.id("login-submit")).click();

    assertThat(site.browser().waitFor(By.id("current-user-name")).getText()).isEqualTo("鈴木 理恵");
    assertThat(site.browser().driver().findElement(By.id("current-user-role")).getText()).isEqualTo("専門職");
    assertThat(site.browser().driver().findElement(By.id("current-user-profession")).getText()).contains("理学療法士");
  }

  @Test
  void a_wrong_password_shows_a_japanese_alert_and_the_english_toggle_translates_the_form() {
    site.browser().openFresh(site.server().baseUrl() + "/");
    site.browser().waitFor(By.id("login-email")).sendKeys(TestServer.ADMIN_EMAIL);
    site.browser().driver().findElement(By.id("login-password")).sendKeys("definitely-wrong");
    site.browser().driver().findElement(By.id("login-submit")).click();

    assertThat(site.browser().waitFor(By.id("login-error")).getText()).contains("正しくありません");

    site.browser().driver().findElement(By.id("lang-toggle")).click();
    assertThat(site.browser().waitFor(By.cssSelector("label[for='login-email']")).getText()).containsIgnoringCase("email");
    assertThat(site.browser().driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
  }

  @Test
  void the_page_runs_under_the_content_security_policy_without_violations() {
    site.browser().openFresh(site.server().baseUrl() + "/");
    site.browser().waitFor(By.id("login-email"));

    List<String> violations = site.browser().driver().manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(Object::toString).filter(line -> line.contains("Content Security Policy")).toList();

    assertThat(violations).isEmpty();
  }
}
