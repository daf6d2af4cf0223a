package yoriai.app;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/** Starts Yoriai from environment variables and stops it gracefully on SIGTERM. */
public final class Main {
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  /** EX_TEMPFAIL: the node gave up on its store; a restart by the supervisor is expected to help. */
  private static final int EXIT_STORAGE_LOST = 75;

  private Main() {}

  public static void main(String[] args) throws Exception {
    installJsonLogging();
    long started = System.nanoTime();
    boolean demo = java.util.Arrays.asList(args).contains("--demo") || "1".equals(System.getenv("YORIAI_DEMO"));
    java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
    if (demo) {
      env.putIfAbsent("YORIAI_ADMIN_EMAIL", DemoSeed.ADMIN_EMAIL);
      env.putIfAbsent("YORIAI_ADMIN_PASSWORD", DemoSeed.ADMIN_PASSWORD);
    }
    Config config;
    try {
      config = Config.fromEnv(env);
    } catch (IllegalArgumentException e) {
      exit(StartupFailure.configuration(e));
      return;
    }
    Yoriai yoriai;
    try {
      yoriai = Yoriai.start(config).toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      exit(StartupFailure.of(e, config));
      return;
    }
    Logger.getLogger(Main.class.getName()).info(String.format(
        "Yoriai listening on port %d (started in %d ms, storage: %s)", yoriai.port(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        config.mongoUri().isPresent() ? "MongoDB" : "embedded in " + config.dataDir().toAbsolutePath().normalize()));
    config.publicUrlWarning().ifPresent(warning -> Logger.getLogger(Main.class.getName()).warning(warning));
    yoriai.storageLost().onSuccess(Main::exitForRestart);
    if (demo) {
      loadDemo(yoriai, config);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        yoriai.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("yoriai: shutdown did not finish cleanly: " + e);
      }
    }, "yoriai-shutdown"));
  }

  /** One line on stderr and one in the JSON log, then the exit: no failed start is silent. */
  private static void exit(StartupFailure failure) {
    Logger.getLogger(Main.class.getName()).log(Level.SEVERE, failure.line(), failure.unexplained());
    System.err.println(failure.line());
    System.exit(failure.exitCode());
  }

  /** Crash-only: nothing acknowledged is lost by halting, and a fresh process reopens the store. */
  private static void exitForRestart(String reason) {
    System.err.println("yoriai: " + reason + "; exiting so the supervisor restarts the node");
    Runtime.getRuntime().halt(EXIT_STORAGE_LOST);
  }

  private static void loadDemo(Yoriai yoriai, Config config) {
    Logger log = Logger.getLogger(Main.class.getName());
    try {
      DemoSeed.load("http://127.0.0.1:" + yoriai.port(), config.adminEmail().orElseThrow(), config.adminPassword().orElseThrow());
      log.info("demo data ready: sign in as host@takasaki.yoriai.example / " + DemoSeed.PASSWORD
          + " (admin " + config.adminEmail().orElseThrow() + ")");
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "demo data could not be loaded", e);
    }
  }

  private static void installJsonLogging() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    LogManager.getLogManager().reset();
    // not a ConsoleHandler pointed at System.out: its setOutputStream closes System.err, and every
    // later line on stderr (a failed start above all) would vanish
    Handler handler = new StreamHandler(System.out, new JsonLogFormatter()) {
      @Override
      public synchronized void publish(LogRecord record) {
        super.publish(record);
        flush();
      }

      @Override
      public synchronized void close() {
        flush();
      }
    };
    handler.setLevel(Level.INFO);
    Logger root = Logger.getLogger("");
    root.addHandler(handler);
    root.setLevel(Level.INFO);
    Logger.getLogger("org.mongodb.driver").setLevel(Level.WARNING);
    Logger.getLogger("de.bwaldvogel").setLevel(Level.WARNING);
  }
}
