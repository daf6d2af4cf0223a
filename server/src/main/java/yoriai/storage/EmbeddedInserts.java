package yoriai.storage;

import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;

/**
 * Hands documents to the embedded store's collection on a worker thread, as the store's own
 * connection thread would after decoding them from the wire: the driver's BSON encoding, the
 * loopback socket, the store's decoding and both replies are skipped. A document holding a value
 * the wire would have turned into another type ({@code $date}, a big number, a key with {@code $}
 * or {@code .}) goes through the driver instead, so what is stored is the same either way. The
 * guard is {@link GuardedMongo}'s ({@link GuardedMongo#settle}): refused while the store cannot
 * write, and a write into a store replaced meanwhile is not reported done.
 */
final class EmbeddedInserts implements OrderedInserts {
  /** Stands for a value the wire would have changed: {@code $date} and the like, a big number, bytes. */
  private static final Object DRIVER_ONLY = new Object();

  private final Vertx vertx;
  private final EmbeddedStore store;
  private final Writability writability;
  private final String database;
  private final OrderedInserts throughDriver;

  EmbeddedInserts(Vertx vertx, EmbeddedStore store, Writability writability, String database, OrderedInserts throughDriver) {
    this.vertx = vertx;
    this.store = store;
    this.writability = writability;
    this.database = database;
    this.throughDriver = throughDriver;
  }

  @Override
  public Future<Void> insert(String collection, List<JsonObject> documents) {
    List<Document> converted = new ArrayList<>(documents.size());
    for (JsonObject document : documents) {
      Document stored = storedForm(document);
      if (stored == null) {
        return throughDriver.insert(collection, documents);
      }
      converted.add(stored);
    }
    MongoCollection<?> target = store.database(database).resolveCollection(collection, false);
    if (target == null) {
      return throughDriver.insert(collection, documents);
    }
    if (!writability.writable()) {
      return Future.failedFuture(writability.refuse());
    }
    long startedIn = store.generation();
    return vertx.<Void>executeBlocking(() -> insertNow(target, converted), false).transform(done ->
        GuardedMongo.settle(done, true, store.generation() != startedIn, writability, store::cannotWrite));
  }

  private Void insertNow(MongoCollection<?> target, List<Document> documents) {
    List<Document> errors = target.insertDocuments(documents, true);
    if (!errors.isEmpty()) {
      Document first = errors.get(0);
      throw new MongoWriteException(new WriteError(((Number) first.get("code")).intValue(),
          String.valueOf(first.get("errmsg")), new BsonDocument()), new ServerAddress("127.0.0.1", store.port()), Set.of());
    }
    return null;
  }

  /** The document as the store would have decoded it from the driver's BSON, {@code _id} first; null when only the driver can say. */
  private static Document storedForm(JsonObject document) {
    if (!document.containsKey("_id")) {
      return null;
    }
    Document stored = new Document();
    if (!put(stored, "_id", document.getValue("_id"))) {
      return null;
    }
    for (Map.Entry<String, Object> e : document.getMap().entrySet()) {
      if (!e.getKey().equals("_id") && !put(stored, e.getKey(), e.getValue())) {
        return null;
      }
    }
    return stored;
  }

  private static boolean put(Document into, String key, Object value) {
    if (key.startsWith("$") || key.contains(".")) {
      return false;
    }
    Object converted = convert(value);
    into.put(key, converted);
    return converted != DRIVER_ONLY;
  }

  @SuppressWarnings("unchecked")
  private static Object convert(Object value) {
    if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
        || value instanceof Double || value instanceof Boolean) {
      return value;
    }
    if (value instanceof JsonObject object) {
      return convertMap(object.getMap());
    }
    if (value instanceof Map<?, ?> map) {
      return convertMap((Map<String, Object>) map);
    }
    if (value instanceof JsonArray array) {
      return convertList(array.getList());
    }
    if (value instanceof List<?> list) {
      return convertList(list);
    }
    return DRIVER_ONLY;
  }

  private static Object convertMap(Map<String, Object> map) {
    Document nested = new Document();
    for (Map.Entry<String, Object> e : map.entrySet()) {
      if (!put(nested, e.getKey(), e.getValue())) {
        return DRIVER_ONLY;
      }
    }
    return nested;
  }

  private static Object convertList(List<?> list) {
    List<Object> out = new ArrayList<>(list.size());
    for (Object item : list) {
      Object converted = convert(item);
      if (converted == DRIVER_ONLY) {
        return DRIVER_ONLY;
      }
      out.add(converted);
    }
    return out;
  }
}
