package yoriai.meeting;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import yoriai.storage.Documents;
import yoriai.storage.OrderedInserts;
import yoriai.storage.Storage;
import yoriai.storage.StoreErrors;

/**
 * A meeting's events are found by one key, {@code _id} (meeting and seq). The embedded store serves
 * from an index only an equality or {@code $in} on a single-key unique index with no other key in
 * the query, and scans the whole collection, every meeting's events, for anything else; so a page of
 * the log is asked for by its seqs, which the log holds without gaps, and a hidden post is redacted
 * by its seq (decision 135). Commands are not indexed: the room knows every command in its log
 * (decision 134).
 */
final class MongoMeetingStore implements MeetingStore {
  private static final System.Logger LOG = System.getLogger(MongoMeetingStore.class.getName());
  private static final String MEETINGS = "meetings";
  private static final String EVENTS = "meeting_log";
  /** Where events were kept, under a generated id and a (meetingId, seq) index, before {@link #EVENTS}. */
  private static final String EVENTS_BEFORE = "meeting_events";
  private static final String MIGRATIONS = "migrations";
  private static final String START_TIME = "startTime";
  /** Decision 133 kept each command's key in its event under this unique index; decision 134 drops both. */
  private static final String COMMAND_KEY = "commandKey";
  private static final String COMMAND_KEY_INDEX = "command_key_unique";

  private final MongoClient mongo;
  private final OrderedInserts inserts;

  private MongoMeetingStore(MongoClient mongo, OrderedInserts inserts) {
    this.mongo = mongo;
    this.inserts = inserts;
  }

  static Future<MeetingStore> create(Storage storage) {
    MongoClient mongo = storage.mongo();
    MongoMeetingStore store = new MongoMeetingStore(mongo, storage.inserts());
    return store.addStartTimes()
        .compose(v -> mongo.createIndexWithOptions(MEETINGS, new JsonObject().put(START_TIME, 1),
            new IndexOptions().name("start_time")))
        .compose(v -> store.dropCommandKeyIndex())
        .compose(v -> store.moveEventsStoredBefore())
        .map(store);
  }

  /**
   * Decision 133's index of command keys cost about 100 µs of store CPU per event (decision 134).
   * Events stored while it was kept still hold their key, which nothing reads.
   */
  private Future<Void> dropCommandKeyIndex() {
    return mongo.getCollections().compose(names -> !names.contains(EVENTS) ? Future.succeededFuture()
        : mongo.listIndexes(EVENTS).compose(indexes -> indexes.stream()
            .anyMatch(index -> COMMAND_KEY_INDEX.equals(((JsonObject) index).getString("name")))
            ? mongo.dropIndex(EVENTS, COMMAND_KEY_INDEX) : Future.succeededFuture()));
  }

  /**
   * Copies the events of {@link #EVENTS_BEFORE} into {@link #EVENTS} under their keys, once (a
   * marker in {@link #MIGRATIONS} says it is done, so later starts do not read them again), then
   * drops the old collection. A copy cut short is finished by the next start, and nodes starting
   * together each copy: what is copied already is skipped.
   */
  private Future<Void> moveEventsStoredBefore() {
    JsonObject marker = new JsonObject().put("_id", EVENTS + ".from." + EVENTS_BEFORE);
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
    return mongo.insert(EVENTS, keyed(before)).<Void>mapEmpty()
        .recover(error -> StoreErrors.isDuplicateKey(error) ? Future.succeededFuture() : Future.failedFuture(error));
  }

  /** {@code doc}, an event's document, under its key. */
  private static JsonObject keyed(JsonObject doc) {
    return doc.put("_id", seqKey(doc.getString("meetingId"), doc.getLong("seq")));
  }

  private static String seqKey(String meetingId, long seq) {
    return meetingId + "/" + seq;
  }

  /** Meetings stored before {@link #START_TIME} was kept get it. */
  private Future<Void> addStartTimes() {
    return mongo.find(MEETINGS, new JsonObject().put(START_TIME, new JsonObject().put("$exists", false)))
        .compose(docs -> Future.all(docs.stream().map(doc -> mongo.updateCollection(MEETINGS,
            new JsonObject().put("_id", doc.getString("_id")),
            new JsonObject().put("$set", new JsonObject().put(START_TIME, startTime(meeting(doc)))))).toList()))
        .mapEmpty();
  }

  /** {@code startsAt} keeps the offset it was entered with; this orders and compares as an instant. */
  private static JsonObject startTime(Meeting meeting) {
    return new JsonObject().put("$date", meeting.startsAt().toInstant().toString());
  }

  @Override
  public Future<Void> insert(Meeting meeting) {
    return mongo.insert(MEETINGS, Documents.toDocument(meeting).put("_id", meeting.id()).put(START_TIME, startTime(meeting)))
        .mapEmpty();
  }

  @Override
  public Future<Optional<Meeting>> find(String id) {
    return mongo.findOne(MEETINGS, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(MongoMeetingStore::meeting));
  }

  @Override
  public Future<List<Meeting>> list(boolean closed) {
    JsonObject query = new JsonObject().put("progress.state", closed ? "closed" : new JsonObject().put("$ne", "closed"));
    return mongo.findWithOptions(MEETINGS, query, new FindOptions().setLimit(500))
        .map(docs -> docs.stream().map(MongoMeetingStore::meeting).toList());
  }

  @Override
  public Future<List<Meeting>> openFrom(Instant earliestStart, int limit) {
    JsonObject query = new JsonObject().put("visibility", "open").put("$or", new JsonArray()
        .add(new JsonObject().put("progress.state", "live"))
        .add(new JsonObject().put("progress.state", new JsonObject().put("$ne", "closed"))
            .put(START_TIME, new JsonObject().put("$gte", new JsonObject().put("$date", earliestStart.toString())))));
    return mongo.findWithOptions(MEETINGS, query, new FindOptions().setSort(new JsonObject().put(START_TIME, 1)).setLimit(limit))
        .map(docs -> docs.stream().map(MongoMeetingStore::meeting).toList());
  }

  @Override
  public Future<List<Meeting>> startingBetween(Position from, Instant until, int limit) {
    JsonObject at = new JsonObject().put("$date", from.startsAt().toString());
    JsonArray after = new JsonArray().add(new JsonObject().put(START_TIME, new JsonObject().put("$gt", at)));
    if (from.id() != null) {
      after.add(new JsonObject().put(START_TIME, at).put("_id", new JsonObject().put("$gt", from.id())));
    }
    JsonObject query = new JsonObject().put("progress.state", new JsonObject().put("$ne", "closed"))
        .put(START_TIME, new JsonObject().put("$lte", new JsonObject().put("$date", until.toString())))
        .put("$or", after);
    FindOptions order = new FindOptions().setSort(new JsonObject().put(START_TIME, 1).put("_id", 1)).setLimit(limit);
    return mongo.findWithOptions(MEETINGS, query, order).map(docs -> docs.stream().map(MongoMeetingStore::meeting).toList());
  }

  @Override
  public Future<Void> saveProgress(String id, Meeting.Progress progress) {
    return mongo.updateCollection(MEETINGS, new JsonObject().put("_id", id),
        new JsonObject().put("$set", new JsonObject().put("progress", Documents.toDocument(progress)))).mapEmpty();
  }

  @Override
  public Future<Void> append(List<StoredEvent> events) {
    return inserts.insert(EVENTS, events.stream().map(MongoMeetingStore::document).toList())
        .recover(error -> Future.failedFuture(StoreErrors.isDuplicateKey(error) ? new SeqTaken(error) : error));
  }

  private static JsonObject document(StoredEvent stored) {
    MeetingEvent event = stored.event();
    return keyed(Documents.toDocument(event).put("actorId", event.actor().accountId()).put("commandId", stored.commandId()));
  }

  @Override
  public Future<List<StoredEvent>> events(String meetingId, long after, long upTo, int limit) {
    long from = Math.max(after, 0);
    long last = Math.min(upTo, from + Math.max(limit, 0));
    if (last <= from) {
      return Future.succeededFuture(List.of());
    }
    JsonObject query = byIds(LongStream.rangeClosed(from + 1, last).mapToObj(seq -> seqKey(meetingId, seq)).toList());
    return mongo.findWithOptions(EVENTS, query, new FindOptions().setSort(new JsonObject().put("seq", 1)))
        .map(docs -> docs.stream().map(MongoMeetingStore::event).toList());
  }

  @Override
  public Future<Void> redactMessages(String meetingId, Collection<Long> seqs) {
    // _id alone in both queries: with kind beside it, or by messageId, the embedded store scanned every meeting's log
    JsonObject stored = byIds(seqs.stream().map(seq -> seqKey(meetingId, seq)).toList());
    return mongo.findWithOptions(EVENTS, stored, new FindOptions().setFields(new JsonObject().put("kind", 1).put("data.hidden", 1)))
        .map(docs -> docs.stream().filter(MongoMeetingStore::isUnredactedPost).map(doc -> doc.getString("_id")).toList())
        .compose(unredacted -> unredacted.isEmpty() ? Future.<Void>succeededFuture()
            : mongo.updateCollectionWithOptions(EVENTS, byIds(unredacted), redaction(), new UpdateOptions().setMulti(true)).mapEmpty());
  }

  private static JsonObject redaction() {
    return new JsonObject().put("$unset", new JsonObject().put("data.text", "")).put("$set", new JsonObject().put("data.hidden", true));
  }

  private static boolean isUnredactedPost(JsonObject doc) {
    return HiddenMessages.POSTED.equals(doc.getString("kind"))
        && !Boolean.TRUE.equals(doc.getJsonObject("data", new JsonObject()).getBoolean("hidden"));
  }

  private static JsonObject byIds(List<String> ids) {
    return new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(ids)));
  }

  private static Meeting meeting(JsonObject doc) {
    doc.remove("_id");
    doc.remove(START_TIME);
    return Documents.fromDocument(doc, Meeting.class);
  }

  private static StoredEvent event(JsonObject doc) {
    doc.remove("_id");
    doc.remove(COMMAND_KEY);
    doc.remove("actorId");
    String commandId = (String) doc.remove("commandId");
    return new StoredEvent(Documents.fromDocument(doc, MeetingEvent.class), commandId);
  }
}
