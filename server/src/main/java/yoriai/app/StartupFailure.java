package yoriai.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastException;
import com.mongodb.ConnectionString;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.vertx.core.Future;
import java.net.BindException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.store.LockObtainFailedException;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import yoriai.shared.Failure;
import yoriai.shared.Json;

/**
 * Why a start failed, as the one line an operator reads: the cause, then what to do. Every failed
 * start is explained here and nowhere else; {@code unexplained} keeps the error when no known cause
 * matched, so its stack trace goes to the log.
 */
record StartupFailure(String cause, String remedy, int exitCode, Throwable unexplained) {
  /** The environment asks for something impossible; starting again unchanged cannot help. */
  static final int BAD_CONFIGURATION = 2;
  /** Something outside the process is in the way (a folder or port in use, a store that does not answer). */
  static final int CANNOT_RUN = 1;

  /** Where the start was, for causes whose exception alone does not say (a taken port: HTTP or cluster?). */
  enum Step { CLUSTER, STORE, ADMIN, FEATURES, HTTP }

  /** An error of one step of {@link Yoriai#start}. */
  static final class AtStep extends RuntimeException {
    private final Step step;

    AtStep(Step step, Throwable cause) {
      super(step + ": " + cause, cause);
      this.step = step;
    }
  }

  /** For {@code future.recover(at(step))}: tags a failure with its step unless an inner step already did. */
  static <T> Function<Throwable, Future<T>> at(Step step) {
    return error -> Future.failedFuture(error instanceof AtStep ? error : new AtStep(step, error));
  }

  String line() {
    return "yoriai: cannot start: " + cause + ". " + remedy;
  }

  static StartupFailure configuration(IllegalArgumentException error) {
    return new StartupFailure(oneLine(error.getMessage()),
        "Correct that environment variable (the README lists them all) and start again", BAD_CONFIGURATION, null);
  }

  static StartupFailure of(Throwable error, Config config) {
    Throwable e = error;
    while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof TimeoutException) {
      return new StartupFailure("not started after " + Main.START_TIMEOUT.toSeconds() + " s",
          "See the log lines above; a store (YORIAI_MONGO_URI) or cluster members that do not answer are the usual cause",
          CANNOT_RUN, null);
    }
    Step step = e instanceof AtStep at ? at.step : Step.FEATURES;
    List<Throwable> chain = chain(e);
    Path dataDir = config.dataDir().toAbsolutePath().normalize();
    if (find(chain, LockObtainFailedException.class) != null) {
      return new StartupFailure("the search index in " + dataDir.resolve("archive-index") + " is in use by another Yoriai node",
          "Give each node its own YORIAI_DATA_DIR (the search index is per node, docs/deployment.md)", CANNOT_RUN, null);
    }
    MVStoreException store = find(chain, MVStoreException.class);
    if (store != null && store.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
      return new StartupFailure("the data folder " + dataDir + " is in use by another Yoriai process (its store file is locked)",
          "Stop that process, or give each node its own YORIAI_DATA_DIR", CANNOT_RUN, null);
    }
    FileSystemException unwritable = find(chain, FileSystemException.class);
    if (unwritable != null) {
      return new StartupFailure("the data folder " + dataDir + " cannot be written (" + unwritable.getFile() + ": "
          + oneLine(unwritable.getReason() == null ? unwritable.getClass().getSimpleName() : unwritable.getReason()) + ")",
          "Set YORIAI_DATA_DIR to a folder this user can create and write", CANNOT_RUN, null);
    }
    if (find(chain, MongoSecurityException.class) != null) {
      return new StartupFailure("the store at " + mongoHosts(config) + " refused the credentials in YORIAI_MONGO_URI",
          "Check the user name, password and authSource in YORIAI_MONGO_URI", CANNOT_RUN, null);
    }
    Throwable unreachable = find(chain, MongoTimeoutException.class);
    if (unreachable == null) {
      unreachable = find(chain, MongoSocketException.class);
    }
    if (unreachable != null) {
      String why = String.valueOf(unreachable.getMessage());
      String reason = why.contains("Connection refused") ? ": connection refused"
          : why.contains("UnknownHost") ? ": unknown host" : "";
      return new StartupFailure("the store at " + mongoHosts(config) + " (YORIAI_MONGO_URI) could not be reached" + reason,
          "Check that MongoDB is running and that YORIAI_MONGO_URI names its host and port", CANNOT_RUN, null);
    }
    Failure refused = find(chain, Failure.class);
    if (step == Step.ADMIN && refused != null) {
      return new StartupFailure("the first admin was refused: " + adminProblems(refused),
          "Correct YORIAI_ADMIN_EMAIL or YORIAI_ADMIN_PASSWORD and start again", BAD_CONFIGURATION, null);
    }
    boolean bind = find(chain, BindException.class) != null;
    if (step == Step.HTTP && bind) {
      return new StartupFailure("port " + config.port() + " on " + config.host() + " is already in use",
          "Stop the program that holds it, or set YORIAI_PORT to a free port", CANNOT_RUN, null);
    }
    if (step == Step.HTTP) {
      return new StartupFailure("cannot listen on " + config.host() + ":" + config.port() + " (" + describe(root(chain)) + ")",
          "Set YORIAI_HOST to an address of this machine (0.0.0.0 for all) and YORIAI_PORT to a free port", CANNOT_RUN, null);
    }
    if (step == Step.CLUSTER && bind) {
      String which = find(chain, HazelcastException.class) != null
          ? "the cluster port " + config.cluster().host() + ":" + config.cluster().port() + " (YORIAI_CLUSTER_PORT)"
          : "the event bus port " + config.cluster().host() + ":" + config.cluster().eventBusPort() + " (YORIAI_EVENTBUS_PORT)";
      return new StartupFailure(which + " is already in use",
          "Stop the program that holds it, or give this node other ports; nodes on one machine each need their own",
          CANNOT_RUN, null);
    }
    if (step == Step.CLUSTER) {
      return new StartupFailure("joining the cluster failed (" + describe(root(chain)) + ")",
          "Check YORIAI_CLUSTER_MEMBERS, YORIAI_CLUSTER_HOST (an address of this machine) and YORIAI_CLUSTER_PORT",
          CANNOT_RUN, null);
    }
    if (step == Step.STORE) {
      return new StartupFailure("the embedded store in " + dataDir + " could not be opened (" + describe(root(chain)) + ")",
          "See the stack trace in the log; restore the data folder from a backup if its store file is damaged", CANNOT_RUN, e);
    }
    return new StartupFailure("an unexpected error (" + describe(root(chain)) + ")",
        "See the stack trace in the log line above", CANNOT_RUN, e);
  }

  private static List<Throwable> chain(Throwable error) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable e = error; e != null && !chain.contains(e); e = e.getCause()) {
      chain.add(e);
    }
    return chain;
  }

  private static <T extends Throwable> T find(List<Throwable> chain, Class<T> type) {
    return chain.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
  }

  private static Throwable root(List<Throwable> chain) {
    return chain.get(chain.size() - 1);
  }

  private static String describe(Throwable error) {
    return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + oneLine(error.getMessage()));
  }

  /** Hosts only: a connection string may carry a password. */
  private static String mongoHosts(Config config) {
    return config.mongoUri().map(uri -> String.join(",", new ConnectionString(uri).getHosts())).orElse("(embedded)");
  }

  private static String adminProblems(Failure refused) {
    // details are field problems of different shapes (a weak password also carries Japanese): read them as JSON
    String problems = refused.details().stream()
        .map(detail -> Json.mapper().<JsonNode>valueToTree(detail))
        .filter(detail -> detail.hasNonNull("field") && detail.hasNonNull("problem"))
        .map(detail -> switch (detail.get("field").asText()) {
          case "email" -> "YORIAI_ADMIN_EMAIL: " + detail.get("problem").asText();
          case "password" -> "YORIAI_ADMIN_PASSWORD: " + detail.get("problem").asText();
          default -> detail.get("field").asText() + ": " + detail.get("problem").asText();
        })
        .collect(Collectors.joining("; "));
    return (problems.isEmpty() ? oneLine(refused.getMessage()) : problems).replaceAll("\\.+$", "");
  }

  private static String oneLine(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
  }
}
