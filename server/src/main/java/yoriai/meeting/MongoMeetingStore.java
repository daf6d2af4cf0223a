package yoriai.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexModel;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import yoriai.storage.Documents;
import yoriai.storage.StoreErrors;

final class MongoMeetingStore implements MeetingStore {
  private static final String MEETINGS = "meetings";
  private static final String EVENTS = "meeting_events";
  private static final String START_TIME = "startTime";

  private final MongoClient mongo;

  private MongoMeetingStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  static Future<MeetingStore> create(MongoClient mongo) {
    MongoMeetingStore store = new MongoMeetingStore(mongo);
    return store.addStartTimes()
        .compose(v -> mongo.createIndexWithOptions(MEETINGS, new JsonObject().put(START_TIME, 1),
            new IndexOptions().name("start_time")))
        .compose(v -> mongo.createIndexes(EVENTS, List.of(
            new IndexModel(new JsonObject().put("meetingId", 1).put("seq", 1),
                new IndexOptions().unique(true).name("meeting_seq_unique")),
            new IndexModel(new JsonObject().put("meetingId", 1).put("actorId", 1).put("commandId", 1),
                new IndexOptions().name("meeting_actor_command")))))
        .map(store);
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
    List<BulkOperation> inserts = events.stream().map(stored -> BulkOperation.createInsert(
        Documents.toDocument(stored.event())
            .put("actorId", stored.event().actor().accountId())
            .put("commandId", stored.commandId()))).toList();
    return mongo.bulkWriteWithOptions(EVENTS, inserts, new BulkWriteOptions(true))
        .<Void>mapEmpty()
        .recover(error -> Future.failedFuture(StoreErrors.isDuplicateKey(error) ? new SeqTaken(error) : error));
  }

  @Override
  public Future<List<StoredEvent>> events(String meetingId, long after, long upTo, int limit) {
    JsonObject query = new JsonObject().put("meetingId", meetingId)
        .put("seq", new JsonObject().put("$gt", after).put("$lte", upTo));
    return mongo.findWithOptions(EVENTS, query, new FindOptions().setSort(new JsonObject().put("seq", 1)).setLimit(limit))
        .map(docs -> docs.stream().map(MongoMeetingStore::event).toList());
  }

  @Override
  public Future<Void> redactMessages(String meetingId, Collection<String> messageIds) {
    JsonObject query = new JsonObject().put("meetingId", meetingId).put("kind", HiddenMessages.POSTED)
        .put("data.messageId", new JsonObject().put("$in", new JsonArray(List.copyOf(messageIds))));
    JsonObject redaction = new JsonObject()
        .put("$unset", new JsonObject().put("data.text", ""))
        .put("$set", new JsonObject().put("data.hidden", true));
    return mongo.updateCollectionWithOptions(EVENTS, query, redaction, new UpdateOptions().setMulti(true)).mapEmpty();
  }

  @Override
  public Future<Optional<Long>> seqOfCommand(String meetingId, String actorId, String commandId) {
    JsonObject query = new JsonObject().put("meetingId", meetingId).put("actorId", actorId).put("commandId", commandId);
    return mongo.findOne(EVENTS, query, new JsonObject().put("seq", 1))
        .map(doc -> Optional.ofNullable(doc).map(d -> d.getLong("seq")));
  }

  private static Meeting meeting(JsonObject doc) {
    doc.remove("_id");
    doc.remove(START_TIME);
    return Documents.fromDocument(doc, Meeting.class);
  }

  private static StoredEvent event(JsonObject doc) {
    doc.remove("_id");
    doc.remove("actorId");
    String commandId = (String) doc.remove("commandId");
    return new StoredEvent(Documents.fromDocument(doc, MeetingEvent.class), commandId);
  }
}
