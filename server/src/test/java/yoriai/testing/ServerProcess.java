package yoriai.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server as a separate OS process (same class path as the tests), so a test can kill it with
 * SIGKILL or SIGTERM exactly as an operator or a crash would.
 */
public final class ServerProcess implements AutoCloseable {
  /** The password of every account {@link #municipalityAccount} describes. */
  public static final String ACCOUNT_PASSWORD = "process-node-4Hz";

  private final Process process;
  private final int port;
  private final Path log;

  private ServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static ServerProcess start(Path dataDir, Map<String, String> extraEnv) {
    int port = Ports.unused();
    Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + port + ".log");
    ProcessBuilder builder = builder(dataDir, port, extraEnv).redirectErrorStream(true).redirectOutput(log.toFile());
    try {
      ServerProcess server = new ServerProcess(builder.start(), port, log);
      server.awaitHealthy(Duration.ofSeconds(60));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How a server process ended by itself: its exit code and the lines it wrote to each stream. */
  public record Exit(int code, List<String> stdout, List<String> stderr) {}

  /** Runs a server that is expected not to start, until it exits (at most {@code timeout}). */
  public static Exit runUntilExit(Path dataDir, Map<String, String> extraEnv, Duration timeout) {
    int port = Ports.unused();
    Path out = dataDir.resolveSibling(dataDir.getFileName() + "-" + port + ".out");
    Path err = dataDir.resolveSibling(dataDir.getFileName() + "-" + port + ".err");
    ProcessBuilder builder = builder(dataDir, port, extraEnv).redirectOutput(out.toFile()).redirectError(err.toFile());
    try {
      Process process = builder.start();
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException("server still running after " + timeout + ", see " + out);
        }
      } finally {
        process.destroyForcibly();
      }
      Exit exit = new Exit(process.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
      Files.delete(out);
      Files.delete(err);
      return exit;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static ProcessBuilder builder(Path dataDir, int port, Map<String, String> extraEnv) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        "yoriai.app.Main"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(TestServer.baseEnv(dataDir));
    builder.environment().put("YORIAI_PORT", String.valueOf(port));
    builder.environment().putAll(extraEnv);
    return builder;
  }

  public Api api() {
    return new Api(baseUrl());
  }

  /** A token of the first admin, which every test server is started with. */
  public String adminToken() {
    return api().post("/api/v1/auth/login", null, Json.object()
        .put("email", TestServer.ADMIN_EMAIL).put("password", TestServer.ADMIN_PASSWORD).toString())
        .json().get("token").asText();
  }

  /** The body of a new municipality account of 前橋市 with {@code email}. */
  public static com.fasterxml.jackson.databind.node.ObjectNode municipalityAccount(String email) {
    var body = Json.object().put("email", email).put("password", ACCOUNT_PASSWORD)
        .put("displayName", "前橋 職員").put("role", "municipality");
    body.putObject("organization").put("name", "前橋市").put("kind", "municipality").put("prefecture", "群馬県");
    return body;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Waits for the process to end by itself; returns its exit code, or -1 if it is still running. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  /** SIGTERM: the graceful path. Returns the exit code. */
  public int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("server ignored SIGTERM for 30 s");
    }
    return process.exitValue();
  }

  private void awaitHealthy(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Api api = api();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited with " + process.exitValue() + "; the end of " + log + ":\n" + logTail());
      }
      try {
        if (api.get("/health", null).status() == 200) {
          return;
        }
      } catch (UncheckedIOException notYet) {
        // not listening yet
      }
      sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException("server not healthy within " + timeout + "; the end of " + log + ":\n" + logTail());
  }

  /** The log's last lines, for the failure message: a test's temporary folder, and the log in it, is deleted after it. */
  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | RuntimeException unreadable) {
      return "(unreadable: " + unreadable + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
