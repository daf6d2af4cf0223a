package yoriai.app;

import java.util.concurrent.TimeUnit;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** Starts Yoriai from environment variables and stops it gracefully on SIGTERM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    installJsonLogging();
    long started = System.nanoTime();
    Config config;
    try {
      config = Config.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("yoriai: " + e.getMessage());
      System.exit(2);
      return;
    }
    Yoriai yoriai = Yoriai.start(config).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    Logger.getLogger(Main.class.getName()).info(String.format(
        "Yoriai listening on port %d (started in %d ms, storage: %s)", yoriai.port(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        config.mongoUri().isPresent() ? "MongoDB" : "embedded in " + config.dataDir().toAbsolutePath().normalize()));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        yoriai.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("yoriai: shutdown did not finish cleanly: " + e);
      }
    }, "yoriai-shutdown"));
  }

  private static void installJsonLogging() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    LogManager.getLogManager().reset();
    Handler handler = new ConsoleHandler() {
      {
        setOutputStream(System.out);
      }
    };
    handler.setFormatter(new JsonLogFormatter());
    handler.setLevel(Level.INFO);
    Logger root = Logger.getLogger("");
    root.addHandler(handler);
    root.setLevel(Level.INFO);
    Logger.getLogger("org.mongodb.driver").setLevel(Level.WARNING);
    Logger.getLogger("de.bwaldvogel").setLevel(Level.WARNING);
  }
}
