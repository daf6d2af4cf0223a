package yoriai.storage;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Brings the embedded store back without a person: once a second, while it cannot write, it tries
 * to reopen the MVStore and commit a probe. While the disk stays full a read-only store serves
 * reads in between. A store that fails to reopen for any reason other than space (a damaged file,
 * a lost lock) for {@value #GIVE_UP_AFTER} tries in a row is given up: the node should be
 * restarted (crash-only), which {@link Writability#lost()} tells the wiring.
 */
final class Recovery {
  private static final System.Logger LOG = System.getLogger(Recovery.class.getName());
  static final long PERIOD_MS = 1000;
  private static final int GIVE_UP_AFTER = 10;
  private static final long NEARLY_FULL_BYTES = 1 << 20;

  private final Vertx vertx;
  private final EmbeddedStore store;
  private final Writability writability;
  private boolean trying;
  private int unexplainedFailures;

  private Recovery(Vertx vertx, EmbeddedStore store, Writability writability) {
    this.vertx = vertx;
    this.store = store;
    this.writability = writability;
  }

  static long start(Vertx vertx, EmbeddedStore store, Writability writability) {
    Recovery recovery = new Recovery(vertx, store, writability);
    return vertx.setPeriodic(PERIOD_MS, id -> recovery.tick());
  }

  private void tick() {
    if (trying || writability.isLost()) {
      return;
    }
    if (writability.writable()) {
      if (store.cannotWrite()) {
        writability.failed(new IllegalStateException("the embedded store closed itself"));
      }
      return;
    }
    trying = true;
    vertx.executeBlocking(this::tryReopen, false).onComplete(done -> trying = false);
  }

  private Void tryReopen() {
    try {
      store.reopen();
      unexplainedFailures = 0;
      writability.recovered();
    } catch (RuntimeException e) {
      if (!outOfSpace(e) && ++unexplainedFailures >= GIVE_UP_AFTER) {
        writability.giveUp("the embedded store in " + store.directory() + " could not be reopened "
            + GIVE_UP_AFTER + " times in a row (" + Writability.describe(e) + ")");
        return null;
      }
      serveReads();
    }
    return null;
  }

  private void serveReads() {
    try {
      store.openReadOnly();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "read-only store not available", e);
    }
  }

  private boolean outOfSpace(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof IOException && (message.contains("No space left") || message.contains("quota"))) {
        return true;
      }
    }
    try {
      Path dir = store.directory();
      return Files.getFileStore(dir).getUsableSpace() < NEARLY_FULL_BYTES;
    } catch (IOException e) {
      return false;
    }
  }
}
