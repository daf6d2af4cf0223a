package yoriai.meeting;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.Collection;
import java.util.List;
import yoriai.meeting.MeetingStore.SeqTaken;
import yoriai.meeting.MeetingStore.StoredEvent;
import yoriai.storage.StoreErrors;

/**
 * The log in a MongoDB collection, each event under {@code _id} = its key. A page of the log is
 * asked for by its seqs, which the log holds without gaps, and a hidden post is redacted by its
 * seq: the embedded store served from an index only an {@code _id} equality or {@code $in}, and
 * scanned every meeting's events for anything else (decision 135). Commands are not indexed: the
 * room knows every command in its log (decision 134).
 */
final class CollectionEventLog implements EventLog {
  private static final System.Logger LOG = System.getLogger(CollectionEventLog.class.getName());
  /** Where events were kept, under a generated id and a (meetingId, seq) index, before the log's collection. */
  private static final String EVENTS_BEFORE = "meeting_events";
  private static final String MIGRATIONS = "migrations";
  /** Decision 133 kept each command's key in its event under this unique index; decision 134 drops both. */
  private static final String COMMAND_KEY_INDEX = "command_key_unique";

  private final MongoClient mongo;
  private final String events;

  private CollectionEventLog(MongoClient mongo, String events) {
    this.mongo = mongo;
    this.events = events;
  }

  /** The log in {@code events}, with what earlier versions left behind brought up to date. */
  static Future<CollectionEventLog> create(MongoClient mongo, String events) {
    CollectionEventLog log = new CollectionEventLog(mongo, events);
    return log.dropCommandKeyIndex().compose(v -> log.moveEventsStoredBefore()).map(log);
  }

  /**
   * Decision 133's index of command keys cost about 100 µs of store CPU per event (decision 134).
   * Events stored while it was kept still hold their key, which nothing reads.
   */
  private Future<Void> dropCommandKeyIndex() {
    return mongo.getCollections().compose(names -> !names.contains(events) ? Future.succeededFuture()
        : mongo.listIndexes(events).compose(indexes -> indexes.stream()
            .anyMatch(index -> COMMAND_KEY_INDEX.equals(((JsonObject) index).getString("name")))
            ? mongo.dropIndex(events, COMMAND_KEY_INDEX) : Future.succeededFuture()));
  }

  /**
   * Copies the events of {@link #EVENTS_BEFORE} into the log under their keys, once (a marker in
   * {@link #MIGRATIONS} says it is done, so later starts do not read them again), then drops the old
   * collection. A copy cut short is finished by the next start, and nodes starting together each
   * copy: what is copied already is skipped.
   */
  private Future<Void> moveEventsStoredBefore() {
    JsonObject marker = new JsonObject().put("_id", events + ".from." + EVENTS_BEFORE);
    return mongo.findOne(MIGRATIONS, marker, null)
        .compose(done -> done != null ? Future.succeededFuture() : copyEventsStoredBefore().compose(v -> mark(marker)))
        .compose(v -> mongo.getCollections())
        .compose(names -> names.contains(EVENTS_BEFORE) ? mongo.dropCollection(EVENTS_BEFORE).recover(error -> {
          // everything in it is copied; the next start drops it
          LOG.log(System.Logger.Level.WARNING, EVENTS_BEFORE + " not dropped: " + error.getMessage());
          return Future.succeededFuture();
        }) : Future.succeededFuture());
  }

  /** Another node starting at the same time may have marked it first. */
  private Future<Void> mark(JsonObject marker) {
    return mongo.insert(MIGRATIONS, marker).<Void>mapEmpty()
        .recover(error -> StoreErrors.isDuplicateKey(error) ? Future.succeededFuture() : Future.failedFuture(error));
  }

  private Future<Void> copyEventsStoredBefore() {
    Promise<Void> done = Promise.promise();
    ReadStream<JsonObject> docs = mongo.findBatch(EVENTS_BEFORE, new JsonObject());
    docs.exceptionHandler(done::tryFail).endHandler(v -> done.tryComplete()).handler(doc -> {
      docs.pause();
      copy(doc).onSuccess(v -> docs.resume()).onFailure(done::tryFail);
    });
    return done.future();
  }

  /** A duplicate key means an earlier start copied it. */
  private Future<Void> copy(JsonObject before) {
    before.remove("_id");
    return mongo.insert(events, keyed(before)).<Void>mapEmpty()
        .recover(error -> StoreErrors.isDuplicateKey(error) ? Future.succeededFuture() : Future.failedFuture(error));
  }

  /** {@code doc}, an event's document, under its key. */
  private static JsonObject keyed(JsonObject doc) {
    return doc.put("_id", EventLog.key(doc.getString("meetingId"), doc.getLong("seq")));
  }

  @Override
  public Future<Void> append(List<StoredEvent> stored) {
    List<BulkOperation> inserts = stored.stream().map(event -> BulkOperation.createInsert(keyed(EventLog.document(event)))).toList();
    return mongo.bulkWriteWithOptions(events, inserts, new BulkWriteOptions(true)).<Void>mapEmpty()
        .recover(error -> Future.failedFuture(StoreErrors.isDuplicateKey(error) ? new SeqTaken(error) : error));
  }

  @Override
  public Future<List<StoredEvent>> events(String meetingId, long after, long upTo, int limit) {
    List<String> keys = EventLog.pageKeys(meetingId, after, upTo, limit);
    if (keys.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return mongo.findWithOptions(events, byIds(keys), new FindOptions().setSort(new JsonObject().put("seq", 1)))
        .map(docs -> docs.stream().map(EventLog::event).toList());
  }

  @Override
  public Future<Void> redactMessages(String meetingId, Collection<Long> seqs) {
    // _id alone in both queries: with kind beside it, or by messageId, the embedded store scanned every meeting's log
    JsonObject stored = byIds(seqs.stream().map(seq -> EventLog.key(meetingId, seq)).toList());
    return mongo.findWithOptions(events, stored, new FindOptions().setFields(new JsonObject().put("kind", 1).put("data.hidden", 1)))
        .map(docs -> docs.stream().filter(EventLog::isUnredactedPost).map(doc -> doc.getString("_id")).toList())
        .compose(unredacted -> unredacted.isEmpty() ? Future.<Void>succeededFuture()
            : mongo.updateCollectionWithOptions(events, byIds(unredacted), redaction(), new UpdateOptions().setMulti(true)).mapEmpty());
  }

  private static JsonObject redaction() {
    return new JsonObject().put("$unset", new JsonObject().put("data.text", "")).put("$set", new JsonObject().put("data.hidden", true));
  }

  private static JsonObject byIds(List<String> ids) {
    return new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(ids)));
  }
}
