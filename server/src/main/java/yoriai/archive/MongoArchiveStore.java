package yoriai.archive;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import yoriai.shared.LastChange;
import yoriai.storage.Documents;
import yoriai.storage.Storage;
import yoriai.storage.StoreErrors;

/**
 * One document per entry: the public record's fields, plus {@code hostId}, {@code revision} and
 * the {@code redactions} audit trail, which the public never reads.
 */
final class MongoArchiveStore implements ArchiveStore {
  private static final String ARCHIVE = "archive";
  private static final String HOST = "hostId";
  private static final String REVISION = "revision";
  private static final String REDACTIONS = "redactions";

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
  public Future<ArchiveEntry> insertOnce(ArchiveEntry entry, String hostId) {
    JsonObject document = document(entry).put(HOST, hostId);
    return mongo.insert(ARCHIVE, document)
        .<ArchiveEntry>map(id -> entry)
        .recover(error -> StoreErrors.isDuplicateKey(error)
            ? find(entry.id()).map(Optional::orElseThrow)
            : Future.failedFuture(error))
        .compose(stored -> storage.durable().map(stored));
  }

  @Override
  public Future<Optional<ArchiveEntry>> find(String id) {
    return findStored(id).map(found -> found.map(Stored::entry));
  }

  @Override
  public Future<List<ArchiveEntry>> findAll(Collection<String> ids) {
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(List.copyOf(ids))));
    return mongo.find(ARCHIVE, query).map(docs -> docs.stream().map(MongoArchiveStore::entry).toList());
  }

  @Override
  public Future<Optional<Stored>> findStored(String id) {
    return mongo.findOne(ARCHIVE, new JsonObject().put("_id", id), null).map(doc -> Optional.ofNullable(doc).map(d -> {
      String hostId = d.getString(HOST);
      long revision = d.getLong(REVISION, 0L);
      return new Stored(entry(d), hostId, revision);
    }));
  }

  @Override
  public Future<Boolean> redact(Stored current, ArchiveEntry redacted, Redaction record) {
    JsonObject unchanged = new JsonObject().put("_id", current.entry().id()).put(REVISION,
        current.revision() == 0 ? new JsonObject().put("$exists", false) : current.revision());
    return mongo.findOne(ARCHIVE, new JsonObject().put("_id", current.entry().id()), new JsonObject().put(REDACTIONS, 1))
        .compose(doc -> {
          JsonArray trail = doc == null ? new JsonArray() : doc.getJsonArray(REDACTIONS, new JsonArray()).copy();
          trail.add(Documents.toDocument(record));
          JsonObject next = document(redacted).put(HOST, current.hostId()).put(REVISION, current.revision() + 1)
              .put(REDACTIONS, trail);
          return mongo.findOneAndReplace(ARCHIVE, unchanged, next);
        })
        .compose(previous -> previous == null ? Future.succeededFuture(false) : storage.durable().map(true));
  }

  @Override
  public Future<List<Redaction>> redactions(String id) {
    return mongo.findOne(ARCHIVE, new JsonObject().put("_id", id), new JsonObject().put(REDACTIONS, 1))
        .map(doc -> doc == null ? List.<Redaction>of() : doc.getJsonArray(REDACTIONS, new JsonArray()).stream()
            .map(item -> Documents.fromDocument((JsonObject) item, Redaction.class)).toList());
  }

  @Override
  public Future<List<ArchiveEntry>> newest(int limit) {
    return newestRevised(limit).map(revised -> revised.stream().map(ArchiveIndex.Revised::entry).toList());
  }

  @Override
  public Future<List<ArchiveIndex.Revised>> newestRevised(int limit) {
    return mongo.findWithOptions(ARCHIVE, new JsonObject(),
            new FindOptions().setSort(new JsonObject().put("publishedAt", -1)).setLimit(limit))
        .map(docs -> docs.stream().map(doc -> new ArchiveIndex.Revised(entry(doc), doc.getLong(REVISION, 0L))).toList());
  }

  @Override
  public Future<Map<String, Long>> revisions() {
    return mongo.findWithOptions(ARCHIVE, new JsonObject(), new FindOptions().setFields(new JsonObject().put(REVISION, 1)))
        .map(docs -> docs.stream().collect(Collectors.toMap(doc -> doc.getString("_id"), doc -> doc.getLong(REVISION, 0L))));
  }

  @Override
  public Future<List<LastChange>> lastChanges(int limit) {
    return changes(new JsonObject(), new FindOptions().setSort(new JsonObject().put("publishedAt", -1)).setLimit(limit));
  }

  @Override
  public Future<List<LastChange>> lastChangesOf(List<String> ids) {
    return changes(new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(ids))), new FindOptions());
  }

  private Future<List<LastChange>> changes(JsonObject query, FindOptions options) {
    options.setFields(new JsonObject().put("publishedAt", 1).put(REDACTIONS + ".at", 1));
    return mongo.findWithOptions(ARCHIVE, query, options)
        .map(docs -> docs.stream().map(doc -> Documents.fromDocument(doc, Changes.class).last()).toList());
  }

  /** What {@link #lastChanges} reads of an entry's document: never its texts. */
  private record Changes(@JsonProperty("_id") String id, Instant publishedAt, List<At> redactions) {
    LastChange last() {
      Instant at = redactions == null ? publishedAt
          : redactions.stream().map(At::at).filter(Objects::nonNull).reduce(publishedAt, (a, b) -> a.isAfter(b) ? a : b);
      return new LastChange(id, at);
    }

    private record At(Instant at) {}
  }

  private static JsonObject document(ArchiveEntry entry) {
    JsonObject document = Documents.toDocument(entry).put("_id", entry.id());
    document.remove("id");
    return document;
  }

  private static ArchiveEntry entry(JsonObject doc) {
    JsonObject fields = doc.copy();
    fields.put("id", fields.remove("_id"));
    fields.remove(HOST);
    fields.remove(REVISION);
    fields.remove(REDACTIONS);
    return Documents.fromDocument(fields, ArchiveEntry.class);
  }
}
