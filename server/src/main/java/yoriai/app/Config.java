package yoriai.app;

import java.net.URI;
import java.net.URISyntaxException;
import com.mongodb.ConnectionString;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import yoriai.account.AccountSettings;
import yoriai.mail.MailSettings;
import yoriai.cluster.ClusterSettings;
import yoriai.ws.SocketSettings;

/** Configuration from environment variables (README lists them). */
public record Config(
    String host,
    int port,
    int eventLoops,
    Path dataDir,
    Optional<String> mongoUri,
    Optional<String> adminEmail,
    Optional<String> adminPassword,
    List<String> allowedOrigins,
    Optional<URI> publicUrl,
    int bodyLimitBytes,
    Optional<Duration> reminderChecks,
    AccountSettings accounts,
    MailSettings mail,
    SocketSettings sockets,
    ClusterSettings cluster) {

  public static Config fromEnv(Map<String, String> env) {
    List<String> allowedOrigins = list(env, "YORIAI_ALLOWED_ORIGINS");
    Optional<URI> publicUrl = url(env, "YORIAI_PUBLIC_URL");
    return new Config(
        env.getOrDefault("YORIAI_HOST", "0.0.0.0"),
        integer(env, "YORIAI_PORT", 8080, 0, 65535),
        integer(env, "YORIAI_EVENT_LOOPS", Math.min(64, Runtime.getRuntime().availableProcessors()), 1, 64),
        Path.of(env.getOrDefault("YORIAI_DATA_DIR", "./data")),
        nonBlank(env.get("YORIAI_MONGO_URI")).map(Config::mongoUri),
        nonBlank(env.get("YORIAI_ADMIN_EMAIL")),
        nonBlank(env.get("YORIAI_ADMIN_PASSWORD")),
        allowedOrigins,
        publicUrl,
        integer(env, "YORIAI_BODY_LIMIT_BYTES", 256 * 1024, 1024, 16 * 1024 * 1024),
        reminderChecks(integer(env, "YORIAI_REMINDER_CHECK_SECONDS", 60, 0, 24 * 60 * 60)),
        new AccountSettings(
            integer(env, "YORIAI_BCRYPT_COST", 11, 4, 16),
            Duration.ofMinutes(integer(env, "YORIAI_SESSION_MINUTES", 12 * 60, 1, 60 * 24 * 30)),
            Duration.ofMinutes(integer(env, "YORIAI_LOGIN_WINDOW_MINUTES", 15, 1, 24 * 60)),
            integer(env, "YORIAI_LOGIN_MAX_FAILURES", 5, 1, 1000),
            integer(env, "YORIAI_LOGIN_MAX_FAILURES_PER_ADDRESS", 30, 1, 100_000),
            integer(env, "YORIAI_MAIL_REQUESTS_PER_EMAIL", 3, 1, 1000),
            integer(env, "YORIAI_MAIL_REQUESTS_PER_ADDRESS", 20, 1, 100_000)),
        mail(env, publicUrl),
        new SocketSettings(
            Duration.ofMillis(integer(env, "YORIAI_JOIN_TIMEOUT_MS", 10_000, 100, 600_000)),
            integer(env, "YORIAI_WS_COMMANDS_PER_SECOND", 10, 1, 100_000),
            integer(env, "YORIAI_WS_COMMAND_BURST", 10, 1, 100_000),
            allowedOrigins),
        new ClusterSettings(
            list(env, "YORIAI_CLUSTER_MEMBERS"),
            env.getOrDefault("YORIAI_CLUSTER_HOST", "127.0.0.1"),
            integer(env, "YORIAI_CLUSTER_PORT", 5701, 1, 65535),
            integer(env, "YORIAI_EVENTBUS_PORT", 0, 0, 65535)));
  }

  /** True when users reach the server over https (the public URL says so), so browsers may be told to insist on it. */
  public boolean servedOverHttps() {
    return publicUrl.map(u -> u.getScheme().equalsIgnoreCase("https")).orElse(false);
  }

  /**
   * Why listening beyond this machine without YORIAI_PUBLIC_URL is unsafe, or empty when it is not: the pages'
   * canonical and og:url links, the feeds and the sitemap then take the request's Host header, which any client sets.
   */
  public Optional<String> publicUrlWarning() {
    boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    return publicUrl.isPresent() || loopback ? Optional.empty() : Optional.of("YORIAI_HOST is " + host
        + " but YORIAI_PUBLIC_URL is not set: canonical links, feeds and the sitemap follow each request's Host header");
  }

  /** {@code 0} turns the periodic check off (tests send reminders by hand). */
  private static Optional<Duration> reminderChecks(int seconds) {
    return seconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
  }

  private static MailSettings mail(Map<String, String> env, Optional<URI> publicUrl) {
    String startTls = env.getOrDefault("YORIAI_SMTP_STARTTLS", "required").strip();
    MailSettings.StartTls mode = Arrays.stream(MailSettings.StartTls.values())
        .filter(m -> m.name().equalsIgnoreCase(startTls)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "YORIAI_SMTP_STARTTLS must be required, optional or disabled, got '" + startTls + "'"));
    return new MailSettings(
        nonBlank(env.get("YORIAI_SMTP_HOST")),
        integer(env, "YORIAI_SMTP_PORT", 587, 1, 65535),
        nonBlank(env.get("YORIAI_SMTP_USER")),
        nonBlank(env.get("YORIAI_SMTP_PASSWORD")),
        mode,
        nonBlank(env.get("YORIAI_MAIL_FROM")).orElse("Yoriai <no-reply@localhost>"),
        publicUrl,
        Duration.ofMillis(integer(env, "YORIAI_MAIL_POLL_MS", 5_000, 50, 3_600_000)));
  }

  private static Optional<URI> url(Map<String, String> env, String name) {
    Optional<String> raw = nonBlank(env.get(name));
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(raw.get());
      if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
        throw new URISyntaxException(raw.get(), "not an absolute http(s) URL");
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name + " must be an absolute http:// or https:// URL such as "
          + "https://yoriai.example.jp, got '" + raw.get() + "'");
    }
  }

  private static List<String> list(Map<String, String> env, String name) {
    return Arrays.stream(env.getOrDefault(name, "").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String mongoUri(String uri) {
    try {
      new ConnectionString(uri);
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("YORIAI_MONGO_URI is not a MongoDB connection string (" + e.getMessage() + ")");
    }
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + raw + "'");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }
}
