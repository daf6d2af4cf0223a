package yoriai.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import yoriai.app.Config;
import yoriai.app.Yoriai;
import yoriai.catalog.CatalogService;
import yoriai.mail.Mailer;

/**
 * The whole server, in this JVM, on a free loopback port with the embedded store in a fresh
 * temporary directory. Tests talk to it only through real HTTP and WebSocket clients.
 */
public final class TestServer implements AutoCloseable {
  public static final String ADMIN_EMAIL = "admin@yoriai.test";
  public static final String ADMIN_PASSWORD = "yoriai-test-admin-8Kq";
  private static final AtomicInteger ACCOUNTS = new AtomicInteger();

  private final Yoriai yoriai;
  private final Path dataDir;
  private final Api api;
  private String adminToken;

  private TestServer(Yoriai yoriai, Path dataDir) {
    this.yoriai = yoriai;
    this.dataDir = dataDir;
    this.api = new Api("http://127.0.0.1:" + yoriai.port());
  }

  public static TestServer start() {
    return start(Map.of());
  }

  public static TestServer start(Map<String, String> extraEnv) {
    return start(extraEnv, Clock.systemUTC());
  }

  /** A server whose every feature reads {@code clock}, e.g. one the test moves to expire sessions. */
  public static TestServer start(Map<String, String> extraEnv, Clock clock) {
    try {
      return startIn(Files.createTempDirectory("yoriai-test-"), extraEnv, clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A server on an existing data directory, e.g. to restart on what a stopped one left. */
  public static TestServer startIn(Path dataDir, Map<String, String> extraEnv) {
    return startIn(dataDir, extraEnv, Clock.systemUTC());
  }

  /** As {@link #startIn(Path, Map)}, reading {@code clock}: a restart at the time a test moved to. */
  public static TestServer startIn(Path dataDir, Map<String, String> extraEnv, Clock clock) {
    try {
      Map<String, String> env = new HashMap<>(baseEnv(dataDir));
      env.putAll(extraEnv);
      Yoriai yoriai = Yoriai.start(Config.fromEnv(env), clock).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      return new TestServer(yoriai, dataDir);
    } catch (Exception e) {
      throw new IllegalStateException("server did not start", e);
    }
  }

  /**
   * Environment for a test server: loopback, free port, cheap bcrypt, a known first admin, and no
   * periodic reminder check (a test that wants reminders calls {@link #remindDueMeetings()}).
   */
  public static Map<String, String> baseEnv(Path dataDir) {
    return Map.of(
        "YORIAI_REMINDER_CHECK_SECONDS", "0",
        "YORIAI_HOST", "127.0.0.1",
        "YORIAI_PORT", "0",
        "YORIAI_DATA_DIR", dataDir.toString(),
        "YORIAI_ADMIN_EMAIL", ADMIN_EMAIL,
        "YORIAI_ADMIN_PASSWORD", ADMIN_PASSWORD,
        "YORIAI_BCRYPT_COST", "4");
  }

  public Api api() {
    return api;
  }

  public int port() {
    return yoriai.port();
  }

  public String baseUrl() {
    return api.baseUrl();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The first-run setup link the server logged, when it started with no account. */
  public Optional<String> setupLink() {
    return yoriai.setupLink();
  }

  /** The running mailer, to queue a mail in-process. */
  public Mailer mailer() {
    return yoriai.mailer();
  }

  /** The running catalog, for hooks that other features call in-process (publishing a case). */
  public CatalogService catalog() {
    return yoriai.catalog();
  }

  /** Sends the meeting reminders due at the server's clock now, as its periodic check does; how many meetings. */
  public int remindDueMeetings() {
    try {
      return yoriai.remindDueMeetings().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("reminders failed", e);
    }
  }

  public synchronized String adminToken() {
    if (adminToken == null) {
      adminToken = login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }
    return adminToken;
  }

  public String login(String email, String password) {
    Api.Reply reply = api.post("/api/v1/auth/login", null, Json.object()
        .put("email", email).put("password", password).toString());
    if (reply.status() != 200) {
      throw new IllegalStateException("login failed: " + reply.status() + " " + reply.body());
    }
    return reply.json().get("token").asText();
  }

  /** Creates an account through the admin API and returns it signed in. */
  public SignedIn signUp(String role, String displayName, String organizationName, String organizationKind, String profession) {
    String email = role + "-" + ACCOUNTS.incrementAndGet() + "-" + System.nanoTime() + "@yoriai.test";
    String password = "test-" + UUID.randomUUID();
    ObjectNode body = Json.object()
        .put("email", email)
        .put("password", password)
        .put("displayName", displayName)
        .put("role", role);
    body.putObject("organization").put("name", organizationName).put("kind", organizationKind).put("prefecture", "群馬県");
    if (profession != null) {
      body.put("profession", profession);
    }
    Api.Reply created = api.post("/api/v1/accounts", adminToken(), body.toString());
    if (created.status() != 201) {
      throw new IllegalStateException("account not created: " + created.status() + " " + created.body());
    }
    return new SignedIn(created.json().get("id").asText(), email, password, login(email, password));
  }

  public SignedIn municipality(String name) {
    return signUp("municipality", name, "高崎市", "municipality", null);
  }

  public SignedIn professional(String name, String profession) {
    return signUp("professional", name, "高崎市地域包括支援センター", "support_center", profession);
  }

  public SignedIn company(String name, String companyName) {
    return signUp("company", name, companyName, "company", null);
  }

  @Override
  public void close() {
    try {
      stopKeepingData();
    } finally {
      deleteTree(dataDir);
    }
  }

  public void stopKeepingData() {
    try {
      yoriai.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("server did not stop", e);
    }
  }

  public static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }

  /** An account with its credentials and a live token. */
  public record SignedIn(String id, String email, String password, String token) {}
}
