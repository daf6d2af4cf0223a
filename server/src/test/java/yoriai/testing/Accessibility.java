package yoriai.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, from the web client's npm dependencies, run in the page as it stands: WCAG 2.1 A and
 * AA rules over the whole document, shadow roots included.
 */
public final class Accessibility {
  private static final Path AXE = Path.of("..", "web-client", "node_modules", "axe-core", "axe.min.js");
  private static final String RUN = """
      const done = arguments[arguments.length - 1];
      axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
        .then((result) => done(result.violations.map((v) =>
          `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)))
        .catch((error) => done([`axe failed: ${error}`]));
      """;
  private static String source;

  private Accessibility() {}

  /** Fails with every WCAG violation axe finds on the page now, named after {@code page}. */
  public static void assertNoViolations(WebDriver driver, String page) {
    var script = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(script.executeScript("return typeof window.axe === 'object'"))) {
      script.executeScript(axeSource());
    }
    @SuppressWarnings("unchecked")
    List<String> violations = (List<String>) script.executeAsyncScript(RUN);
    assertThat(violations).as("axe-core violations on %s", page).isEmpty();
  }

  private static synchronized String axeSource() {
    if (source == null) {
      try {
        source = Files.readString(AXE);
      } catch (IOException e) {
        throw new UncheckedIOException("axe-core is a dev dependency of web-client: run npm ci there", e);
      }
    }
    return source;
  }
}
