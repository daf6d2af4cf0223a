package yoriai.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both paths are given
 * explicitly so Selenium never tries to download a browser or driver of its own.
 */
public final class Browser implements AutoCloseable {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  public static Browser start() {
    if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
      throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver; ./scripts/test installs them");
    }
    try {
      Path profile = Files.createTempDirectory("yoriai-chromium-");
      ChromeOptions options = new ChromeOptions()
          .setBinary(CHROMIUM)
          .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-dev-shm-usage", "--window-size=1024,1366", "--lang=ja",
              // no CSS transitions: axe must never read a colour halfway between two states
              "--force-prefers-reduced-motion",
              "--user-data-dir=" + profile);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File(CHROMEDRIVER))
          .usingAnyFreePort()
          .build();
      return new Browser(new ChromeDriver(service, options), profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  /**
   * Opens {@code url} as a first-time visitor: no session, no saved language. Storage is cleared
   * on a static file of the same origin, not on the app itself: a page restoring its session
   * would write the token back after the clear.
   */
  public void openFresh(String url) {
    URI page = URI.create(url);
    driver.get(page.resolve("/favicon.svg").toString());
    driver.executeScript("window.sessionStorage.clear(); window.localStorage.clear();");
    driver.get(url);
  }

  /** Opens the app fresh and signs in through the login form; returns once the welcome shows. */
  public void signIn(String baseUrl, String email, String password) {
    openFresh(baseUrl + "/");
    waitFor(By.id("login-email")).sendKeys(email);
    driver.findElement(By.id("login-password")).sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
    waitFor(By.id("current-user-name"));
  }

  /** Saves a PNG of the viewport as {@code target/screenshots/<name>.png}; returns its path. */
  public Path saveScreenshot(String name) {
    try {
      Path file = Path.of("target", "screenshots", name + ".png");
      Files.createDirectories(file.getParent());
      Files.write(file, screenshot());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Turns the pages' own scripts off, as for a reader with JavaScript disabled, or back on. A page
   * loaded while they are off stays as the server sent it even after they are back on (its
   * scripts were skipped), and WebDriver's own scripts such as axe run again.
   */
  public void pageScripts(boolean enabled) {
    driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !enabled));
  }

  public Object script(String javascript, Object... args) {
    return driver.executeScript(javascript, args);
  }

  public WebElement waitFor(By locator) {
    return until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public <T> T until(Function<WebDriver, T> condition) {
    // Lit re-renders lists: an element found a moment ago may be replaced before it is read.
    return new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  /**
   * From the next page load on, tracks the page's WebSockets so a test can drop them
   * ({@code window.__yoriaiTest.dropSockets()}) and keep new ones from connecting until
   * {@code window.__yoriaiTest.online()}: a network outage as the page sees it.
   */
  public void allowSocketOutages() {
    String source = """
        (() => {
          const Real = window.WebSocket;
          const sockets = [];
          const test = { offline: false,
            dropSockets() { this.offline = true; sockets.splice(0).forEach((s) => s.close(4000, 'test outage')); },
            online() { this.offline = false; } };
          window.__yoriaiTest = test;
          window.WebSocket = class extends Real {
            constructor(url, protocols) {
              super(test.offline ? String(url).replace(/\\/ws$/, '/ws-outage') : url, protocols);
              sockets.push(this);
            }
          };
        })();
        """;
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", source));
  }

  public byte[] screenshot() {
    return driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      TestServer.deleteTree(profile);
    }
  }
}
