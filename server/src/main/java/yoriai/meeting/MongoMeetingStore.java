package yoriai.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import yoriai.storage.Documents;
import yoriai.storage.Storage;

/**
 * Meetings in a MongoDB collection; their events in an {@link EventLog}: a collection beside it on
 * MongoDB, a record map in the embedded store (decision 149).
 */
final class MongoMeetingStore implements MeetingStore {
  private static final String MEETINGS = "meetings";
  private static final String EVENTS = "meeting_log";
  private static final String START_TIME = "startTime";

  private final MongoClient mongo;
  private final EventLog log;

  private MongoMeetingStore(MongoClient mongo, EventLog log) {
    this.mongo = mongo;
    this.log = log;
  }

  static Future<MeetingStore> create(Storage storage) {
    MongoClient mongo = storage.mongo();
    return addStartTimes(mongo)
        .compose(v -> mongo.createIndexWithOptions(MEETINGS, new JsonObject().put(START_TIME, 1),
            new IndexOptions().name("start_time")))
        .compose(v -> CollectionEventLog.create(mongo, EVENTS))
        .compose(inCollection -> storage.records(EVENTS)
            .map(records -> MapEventLog.movingIn(storage, records, EVENTS))
            .orElse(Future.<EventLog>succeededFuture(inCollection)))
        .map(log -> new MongoMeetingStore(mongo, log));
  }

  /** Meetings stored before {@link #START_TIME} was kept get it. */
  private static Future<Void> addStartTimes(MongoClient mongo) {
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
    return log.append(events);
  }

  @Override
  public Future<List<StoredEvent>> events(String meetingId, long after, long upTo, int limit) {
    return log.events(meetingId, after, upTo, limit);
  }

  @Override
  public Future<Void> redactMessages(String meetingId, Collection<Long> seqs) {
    return log.redactMessages(meetingId, seqs);
  }

  private static Meeting meeting(JsonObject doc) {
    doc.remove("_id");
    doc.remove(START_TIME);
    return Documents.fromDocument(doc, Meeting.class);
  }
}
