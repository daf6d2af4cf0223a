package yoriai.storage;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server with its H2 MVStore backend, bound to loopback only. MVStore's background
 * auto-commit is switched off: the store is committed by {@link GroupCommit} before a write is
 * acknowledged, and on close.
 */
final class EmbeddedStore implements AutoCloseable {
  private final MongoServer server;
  private final H2Backend backend;
  private final InetSocketAddress address;

  private EmbeddedStore(MongoServer server, H2Backend backend, InetSocketAddress address) {
    this.server = server;
    this.backend = backend;
    this.address = address;
  }

  static EmbeddedStore start(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dataDir, e);
    }
    MVStore mvStore = new MVStore.Builder()
        .fileName(dataDir.resolve("yoriai.mv.db").toString())
        .autoCommitDisabled()
        .open();
    H2Backend backend = new H2Backend(mvStore);
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    return new EmbeddedStore(server, backend, address);
  }

  int port() {
    return address.getPort();
  }

  String connectionString() {
    return "mongodb://127.0.0.1:" + port() + "/?directConnection=true";
  }

  void commit() {
    backend.commit();
  }

  @Override
  public void close() {
    server.shutdownNow();
    backend.close();
  }
}
