package yoriai.storage;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.StringDataType;

/**
 * mongo-java-server with its H2 MVStore backend ({@link KeyOrderedBackend}), bound to loopback only. MVStore's background
 * auto-commit is switched off: the store is committed by {@link GroupCommit} before a write is
 * acknowledged, and on close.
 *
 * <p>An MVStore that fails to write (a full disk) closes itself for good, so the server keeps one
 * {@link SwappableBackend} and {@link #reopen()} puts a freshly opened store behind it: the port,
 * and with it every driver connection string, stays the same. Each swap starts a new generation;
 * a commit reports the generation it committed, so a write that went into a store that has since
 * been replaced is never reported durable.
 */
final class EmbeddedStore implements AutoCloseable {
  /** Not under H2Backend's "databases." prefix, so no MongoDB database ever sees it. */
  private static final String PROBE_MAP = "yoriai.writable-probe";

  private final Path file;
  private final MongoServer server;
  private final SwappableBackend backend;
  private final InetSocketAddress address;
  private volatile MVStore store;
  private volatile H2Backend h2;
  private volatile long generation;

  private EmbeddedStore(Path file, MVStore store, H2Backend h2) {
    this.file = file;
    this.store = store;
    this.h2 = h2;
    this.backend = new SwappableBackend(h2);
    this.server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    this.address = server.getLocalAddress();
  }

  static EmbeddedStore start(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dataDir, e);
    }
    Path file = dataDir.resolve("yoriai.mv.db");
    MVStore store = open(file, false);
    return new EmbeddedStore(file, store, new KeyOrderedBackend(store));
  }

  private static MVStore open(Path file, boolean readOnly) {
    MVStore.Builder builder = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled();
    return (readOnly ? builder.readOnly() : builder).open();
  }

  int port() {
    return address.getPort();
  }

  String connectionString() {
    return "mongodb://127.0.0.1:" + port() + "/?directConnection=true";
  }

  Path directory() {
    return file.getParent();
  }

  /**
   * The map {@code name} of the current store, for {@link RecordMap}; named without H2Backend's
   * "databases." prefix, so no MongoDB database sees it. Null when a read-only store has none.
   */
  MVMap<String, byte[]> records(String name) {
    MVStore current = store;
    if (current.isReadOnly() && !current.hasMap(name)) {
      return null;
    }
    return current.openMap(name, new MVMap.Builder<String, byte[]>()
        .keyType(StringDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE));
  }

  long generation() {
    return generation;
  }

  /** Commits the current store and returns its generation; a read-only stand-in would commit nothing, silently. */
  synchronized long commit() {
    if (cannotWrite()) {
      throw new IllegalStateException("the embedded store is closed or read-only");
    }
    h2.commit();
    return generation;
  }

  /** True when the current store cannot take a write: it closed itself, or it is the read-only stand-in. */
  boolean cannotWrite() {
    return store.isClosed() || store.isReadOnly();
  }

  /**
   * Opens the file again and proves it takes a write by committing a probe; only then does the new
   * store replace the current one. On failure the current store is left as it was, closed.
   */
  synchronized void reopen() {
    closeQuietly();
    MVStore next = open(file, false);
    try {
      H2Backend nextH2 = new KeyOrderedBackend(next);
      next.<String, Long>openMap(PROBE_MAP).put("writtenAt", System.currentTimeMillis());
      next.commit();
      swapIn(next, nextH2);
    } catch (RuntimeException e) {
      next.closeImmediately();
      throw e;
    }
  }

  /** While the disk stays full, a read-only store serves reads; writes to it fail at once. */
  synchronized void openReadOnly() {
    closeQuietly();
    MVStore next = open(file, true);
    swapIn(next, new KeyOrderedBackend(next));
  }

  private void swapIn(MVStore next, H2Backend nextH2) {
    store = next;
    h2 = nextH2;
    generation++;
    backend.swap(nextH2);
  }

  /** A store that closed itself after a failed write may still hold its file lock; let it go. */
  private void closeQuietly() {
    try {
      store.closeImmediately();
    } catch (RuntimeException alreadyGone) {
      // it closed itself already
    }
  }

  @Override
  public synchronized void close() {
    server.shutdownNow();
    if (!store.isClosed()) {
      h2.close();
    }
  }
}
