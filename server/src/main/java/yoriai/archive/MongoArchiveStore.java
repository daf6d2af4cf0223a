package yoriai.archive;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.Optional;
import yoriai.storage.Documents;
import yoriai.storage.Storage;
import yoriai.storage.StoreErrors;

final class MongoArchiveStore implements ArchiveStore {
  private static final String ARCHIVE = "archive";

  private final Storage storage;
  private final MongoClient mongo;

  private MongoArchiveStore(Storage storage) {
    this.storage = storage;
    this.mongo = storage.mongo();
  }

  static Future<ArchiveStore> create(Storage storage) {
    MongoArchiveStore store = new MongoArchiveStore(storage);
    return store.mongo.createIndexWithOptions(ARCHIVE, new JsonObject().put("publishedAt", -1),
        new IndexOptions().name("newest")).map(store);
  }

  @Override
  public Future<ArchiveEntry> insertOnce(ArchiveEntry entry) {
    JsonObject document = Documents.toDocument(entry).put("_id", entry.id());
    document.remove("id");
    return mongo.insert(ARCHIVE, document)
        .<ArchiveEntry>map(id -> entry)
        .recover(error -> StoreErrors.isDuplicateKey(error)
            ? find(entry.id()).map(Optional::orElseThrow)
            : Future.failedFuture(error))
        .compose(stored -> storage.durable().map(stored));
  }

  @Override
  public Future<Optional<ArchiveEntry>> find(String id) {
    return mongo.findOne(ARCHIVE, new JsonObject().put("_id", id), null).map(doc -> Optional.ofNullable(doc).map(MongoArchiveStore::entry));
  }

  @Override
  public Future<List<ArchiveEntry>> newest(int limit) {
    return mongo.findWithOptions(ARCHIVE, new JsonObject(),
            new FindOptions().setSort(new JsonObject().put("publishedAt", -1)).setLimit(limit))
        .map(docs -> docs.stream().map(MongoArchiveStore::entry).toList());
  }

  @Override
  public Future<Long> count() {
    return mongo.count(ARCHIVE, new JsonObject());
  }

  private static ArchiveEntry entry(JsonObject doc) {
    doc.put("id", doc.remove("_id"));
    return Documents.fromDocument(doc, ArchiveEntry.class);
  }

}
