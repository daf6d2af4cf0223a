package yoriai.testing;

import org.junit.jupiter.api.TestInfo;

/** A server and two browsers, the host's and a guest's, for tests that play both sides of a meeting. */
public record HostAndGuest(TestServer server, Browser host, Browser guest) implements AutoCloseable {

  public static HostAndGuest start() {
    return new HostAndGuest(TestServer.start(), Browser.start(), Browser.start());
  }

  /** Keeps both pages as they were when a test ended, as {@code <prefix>-host-<test>} and {@code <prefix>-guest-<test>}. */
  public void saveScreenshots(String prefix, TestInfo info) {
    String name = info.getTestMethod().orElseThrow().getName();
    host.saveScreenshot(prefix + "-host-" + name);
    guest.saveScreenshot(prefix + "-guest-" + name);
  }

  @Override
  public void close() {
    try {
      host.close();
      guest.close();
    } finally {
      server.close();
    }
  }
}
