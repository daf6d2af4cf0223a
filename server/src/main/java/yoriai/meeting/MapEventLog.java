package yoriai.meeting;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import yoriai.meeting.MeetingStore.SeqTaken;
import yoriai.meeting.MeetingStore.StoredEvent;
import yoriai.storage.RecordMap;
import yoriai.storage.Storage;

/**
 * The log in the embedded store: each event's document as JSON bytes in a record map, under its
 * key. mongo-java-server's document path (its unique-key check, the BSON size of each document and
 * a lock per collection) held 50 meetings × 10 under 4,000 acknowledged posts/s (decision 149).
 */
final class MapEventLog implements EventLog {
  private static final System.Logger LOG = System.getLogger(MapEventLog.class.getName());
  private static final int COPY_BATCH = 500;
  private static final byte[] ACTOR_ID = ",\"actorId\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] COMMAND_ID = ",\"commandId\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);
  private final RecordMap records;

  MapEventLog(RecordMap records) {
    this.records = records;
  }

  @Override
  public Future<Void> append(List<StoredEvent> events) {
    List<RecordMap.Entry> entries = events.stream()
        .map(stored -> new RecordMap.Entry(EventLog.key(stored.event().meetingId(), stored.event().seq()),
            record(stored)))
        .toList();
    return records.putNew(entries)
        .recover(error -> Future.failedFuture(error instanceof RecordMap.KeyTaken ? new SeqTaken(error) : error));
  }

  @Override
  public Future<List<StoredEvent>> events(String meetingId, long after, long upTo, int limit) {
    List<String> keys = EventLog.pageKeys(meetingId, after, upTo, limit);
    if (keys.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return records.get(keys).map(values -> values.stream().map(value -> EventLog.event(document(value))).toList());
  }

  @Override
  public Future<Void> redactMessages(String meetingId, Collection<Long> seqs) {
    return records.update(seqs.stream().map(seq -> EventLog.key(meetingId, seq)).toList(), MapEventLog::redacted);
  }

  /** The post without its text and marked hidden; null (unchanged) for anything else or a post already redacted. */
  private static byte[] redacted(byte[] stored) {
    JsonObject doc = document(stored);
    if (!EventLog.isUnredactedPost(doc)) {
      return null;
    }
    JsonObject data = doc.getJsonObject("data");
    data.remove("text");
    data.put("hidden", true);
    return bytes(doc);
  }

  /**
   * The log, with the events still in {@code collection}, where the embedded store kept them before
   * decision 149, copied in under their keys, made durable, and only then the collection dropped.
   * Done on every start while the collection is there, so a copy cut short is finished by the next
   * start; a key the map holds already keeps its record, which is the later one (a redaction).
   * A store replaced during the copy (a failed commit, then a reopen) lost what was put into it and
   * not committed, so the start fails and the collection stays for the next.
   */
  static Future<EventLog> movingIn(Storage storage, RecordMap records, String collection) {
    MongoClient mongo = storage.mongo();
    long into = records.storeGeneration();
    return mongo.getCollections()
        .compose(names -> !names.contains(collection) ? Future.<Void>succeededFuture()
            : copy(mongo, records, collection).compose(v -> storage.durable())
                .compose(v -> records.storeGeneration() == into ? drop(mongo, collection)
                    : Future.failedFuture(new IllegalStateException("the store was replaced while " + collection + " was copied"))))
        .map(new MapEventLog(records));
  }

  private static Future<Void> copy(MongoClient mongo, RecordMap records, String collection) {
    Promise<Void> done = Promise.promise();
    ReadStream<JsonObject> docs = mongo.findBatchWithOptions(collection, new JsonObject(), new FindOptions().setBatchSize(COPY_BATCH));
    List<RecordMap.Entry> batch = new ArrayList<>();
    Future<?>[] stored = {Future.succeededFuture()};
    docs.exceptionHandler(done::tryFail)
        .endHandler(v -> stored[0].compose(x -> records.putMissing(List.copyOf(batch)))
            .onSuccess(x -> done.tryComplete()).onFailure(done::tryFail))
        .handler(doc -> {
          try {
            batch.add(new RecordMap.Entry((String) doc.remove("_id"), bytes(doc)));
          } catch (RuntimeException unreadable) {
            // thrown here it would reach only the context, and the copy would end without this event
            docs.pause();
            done.tryFail(unreadable);
            return;
          }
          if (batch.size() >= COPY_BATCH) {
            docs.pause();
            stored[0] = records.putMissing(List.copyOf(batch)).onSuccess(x -> docs.resume()).onFailure(done::tryFail);
            batch.clear();
          }
        });
    return done.future();
  }

  /** Everything in it is copied and durable; a drop that fails is tried again at the next start. */
  private static Future<Void> drop(MongoClient mongo, String collection) {
    return mongo.dropCollection(collection).recover(error -> {
      LOG.log(System.Logger.Level.WARNING, collection + " not dropped: " + error.getMessage());
      return Future.succeededFuture();
    });
  }

  private static byte[] bytes(JsonObject doc) {
    return doc.toBuffer().getBytes();
  }

  /**
   * The stored form ({@link EventLog#document}) made from the event's JSON, which its frame is made
   * of too: the closing brace gives way to who caused it and by which command.
   */
  private static byte[] record(StoredEvent stored) {
    byte[] json = stored.json();
    byte[] actorId = jsonString(stored.event().actor().accountId());
    byte[] commandId = jsonString(stored.commandId());
    return Buffer.buffer(json.length + ACTOR_ID.length + actorId.length + COMMAND_ID.length + commandId.length)
        .appendBytes(json, 0, json.length - 1)
        .appendBytes(ACTOR_ID).appendBytes(actorId)
        .appendBytes(COMMAND_ID).appendBytes(commandId)
        .appendByte((byte) '}')
        .getBytes();
  }

  private static byte[] jsonString(String text) {
    if (text == null) {
      return NULL;
    }
    byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(text);
    byte[] quoted = new byte[escaped.length + 2];
    quoted[0] = '"';
    System.arraycopy(escaped, 0, quoted, 1, escaped.length);
    quoted[quoted.length - 1] = '"';
    return quoted;
  }

  private static JsonObject document(byte[] value) {
    return new JsonObject(Buffer.buffer(value));
  }
}
