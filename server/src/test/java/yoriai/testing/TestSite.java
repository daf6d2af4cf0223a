package yoriai.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One server for a test class and, for a browser test, one browser: started before the class's own
 * {@code @BeforeAll} (which may seed data through {@link #server()}), closed after the class. A
 * browser test keeps a screenshot of each test's last page, named after the test.
 *
 * <pre>{@code @RegisterExtension static final TestSite site = TestSite.withBrowser("catalog");}</pre>
 */
public final class TestSite implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
  private final String screenshotPrefix;
  private TestServer server;
  private Browser browser;

  /** A server only. */
  public TestSite() {
    this(null);
  }

  private TestSite(String screenshotPrefix) {
    this.screenshotPrefix = screenshotPrefix;
  }

  /** A server and a browser; screenshots are saved as {@code <name>-last-<test method>}. */
  public static TestSite withBrowser(String name) {
    return new TestSite(name);
  }

  public TestServer server() {
    return server;
  }

  public Api api() {
    return server.api();
  }

  public Browser browser() {
    return browser;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = TestServer.start();
    if (screenshotPrefix != null) {
      browser = Browser.start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (browser != null) {
      browser.saveScreenshot(screenshotPrefix + "-last-" + context.getRequiredTestMethod().getName());
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      server.close();
    }
  }
}
