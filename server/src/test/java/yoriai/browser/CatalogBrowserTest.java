package yoriai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import yoriai.testing.TestSite;

/** A company registers a market service in the page; an anonymous visitor finds and opens it. */
class CatalogBrowserTest {
  @RegisterExtension
  static final TestSite site = TestSite.withBrowser("catalog");
  @Test
  void a_service_registered_by_a_company_is_found_and_opened_by_an_anonymous_visitor() {
    var seller = site.server().company("販売 一郎", "株式会社みらい商店");
    site.browser().signIn(site.server().baseUrl(), seller.email(), seller.password());
    site.browser().open(site.server().baseUrl() + "/catalog");
    site.browser().waitFor(By.id("catalog-new")).click();
    site.browser().waitFor(By.id("service-name")).sendKeys("みらい号 移動スーパー");
    new Select(site.browser().driver().findElement(By.id("service-category"))).selectByValue("移動販売");
    site.browser().driver().findElement(By.id("service-description")).sendKeys("週2回、公民館の前に野菜と日用品を積んだ車が来ます");
    site.browser().driver().findElement(By.id("service-price")).sendKeys("商品代のみ");
    site.browser().driver().findElement(By.id("service-how")).sendKeys("停留所で直接お買い求めください");
    site.browser().driver().findElement(By.id("service-url")).sendKeys("https://mirai.example.jp/truck");
    new Select(site.browser().driver().findElement(By.id("service-area-prefecture"))).selectByValue("群馬県");
    site.browser().driver().findElement(By.id("service-area-municipality")).sendKeys("高崎市");
    site.browser().driver().findElement(By.id("service-area-municipality-code")).sendKeys("10202");
    site.browser().driver().findElement(By.id("service-submit")).click();

    site.browser().until(d -> d.getCurrentUrl().matches(".*/catalog/services/[^/?#]+$"));
    String serviceId = site.browser().driver().getCurrentUrl().replaceFirst(".*/catalog/services/", "");
    site.browser().until(d -> d.findElement(By.id("service-title")).getText().equals("みらい号 移動スーパー"));
    // reached by pushState from the app, not by a page load: the app's own page, in the catalog section
    assertThat(site.browser().driver().findElements(By.id("server-page"))).isEmpty();
    assertThat(site.browser().driver().findElement(By.id("nav-catalog")).getAttribute("aria-current")).isEqualTo("page");

    site.browser().openFresh(site.server().baseUrl() + "/catalog");
    WebElement query = site.browser().waitFor(By.id("catalog-q"));
    assertThat(site.browser().driver().findElements(By.id("current-user-name"))).isEmpty();
    assertThat(site.browser().driver().findElements(By.id("catalog-new"))).isEmpty();
    query.sendKeys("移動スーパー");
    new Select(site.browser().driver().findElement(By.id("catalog-prefecture"))).selectByValue("群馬県");
    site.browser().driver().findElement(By.id("catalog-submit")).click();
    WebElement hit = site.browser().until(d -> d.findElements(By.cssSelector("#catalog-results li.service")).stream()
        .filter(s -> serviceId.equals(s.getAttribute("data-id"))).findFirst().orElse(null));
    assertThat(site.browser().driver().findElement(By.id("catalog-total")).getText()).contains("1");
    hit.findElement(By.tagName("a")).click();

    site.browser().until(d -> d.findElement(By.id("service-title")).getText().equals("みらい号 移動スーパー"));
    assertThat(site.browser().driver().findElement(By.id("service-provider")).getText()).isEqualTo("株式会社みらい商店");
    assertThat(site.browser().driver().findElement(By.id("service-category-value")).getText()).isEqualTo("移動販売");
    assertThat(site.browser().driver().findElement(By.id("service-areas")).getText()).contains("高崎市");
    assertThat(site.browser().driver().findElement(By.id("service-price-value")).getText()).isEqualTo("商品代のみ");
    assertThat(site.browser().driver().findElement(By.id("service-how-to-use")).getText()).contains("停留所");
    WebElement contact = site.browser().driver().findElement(By.id("service-contact"));
    assertThat(contact.getAttribute("href")).isEqualTo("https://mirai.example.jp/truck");
    assertThat(contact.getAttribute("rel")).isEqualTo("noopener noreferrer");
    assertThat(site.browser().driver().findElement(By.id("service-proposed")).getAttribute("data-count")).isEqualTo("0");
    site.browser().saveScreenshot("catalog-service");
  }
}
