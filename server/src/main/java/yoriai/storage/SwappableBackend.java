package yoriai.storage;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * The backend the embedded MongoServer talks to: it forwards every call to the current H2 backend,
 * so a reopened MVStore can take the place of one that closed itself while the server keeps its
 * port and the driver keeps its connection string.
 */
final class SwappableBackend implements MongoBackend {
  private volatile H2Backend current;

  SwappableBackend(H2Backend first) {
    this.current = first;
  }

  void swap(H2Backend next) {
    current = next;
  }

  @Override
  public void handleClose(Channel channel) {
    current.handleClose(channel);
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    return current.handleCommand(channel, database, command, query);
  }

  @Override
  public QueryResult handleQuery(MongoQuery query) {
    return current.handleQuery(query);
  }

  @Override
  public Document handleMessage(MongoMessage message) {
    return current.handleMessage(message);
  }

  @Override
  public void dropDatabase(String database) {
    current.dropDatabase(database);
  }

  @Override
  public Collection<Document> getCurrentOperations(MongoQuery query) {
    return current.getCurrentOperations(query);
  }

  @Override
  public Document getServerStatus() {
    return current.getServerStatus();
  }

  @Override
  public void close() {
    current.close();
  }

  @Override
  public void closeCursors(List<Long> cursorIds) {
    current.closeCursors(cursorIds);
  }

  @Override
  public Clock getClock() {
    return current.getClock();
  }

  @Override
  public void enableOplog() {
    current.enableOplog();
  }

  @Override
  public void disableOplog() {
    current.disableOplog();
  }

  @Override
  public MongoDatabase resolveDatabase(String database) {
    return current.resolveDatabase(database);
  }

  @Override
  public MongoBackend version(MongoVersion version) {
    current.version(version);
    return this;
  }
}
