package yoriai.testing;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import yoriai.testing.TestServer.SignedIn;

/**
 * A test server with the three parties of a meeting signed in — a municipality host, a physical
 * therapist and a company — shared by the tests of one class. Register it on a static field with
 * {@code @RegisterExtension}; the server starts before the class's tests and stops after them.
 */
public final class MeetingParties implements BeforeAllCallback, AfterAllCallback {
  private final Map<String, String> env;
  private TestServer server;
  private SignedIn host;
  private SignedIn professional;
  private SignedIn company;

  /** {@code env}: settings on top of the test server's, e.g. its rate limits. */
  public MeetingParties(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = TestServer.start(env);
    host = server.municipality("高崎 司会");
    professional = server.professional("理学 花子", "理学療法士");
    company = server.company("販売 一郎", "株式会社いどうはんばい");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.close();
  }

  public TestServer server() {
    return server;
  }

  public Api api() {
    return server.api();
  }

  public SignedIn host() {
    return host;
  }

  public SignedIn professional() {
    return professional;
  }

  public SignedIn company() {
    return company;
  }
}
