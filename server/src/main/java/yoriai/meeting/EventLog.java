package yoriai.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.stream.LongStream;
import yoriai.meeting.MeetingStore.StoredEvent;
import yoriai.storage.Documents;

/**
 * Where a {@link MeetingStore} keeps the meetings' events, with its contract for {@code append},
 * {@code events} and {@code redactMessages}. Each event is one document under one key, its meeting
 * and seq (decision 135): a collection on MongoDB ({@link CollectionEventLog}), a record map in the
 * embedded store ({@link MapEventLog}, decision 149).
 */
interface EventLog {
  Future<Void> append(List<StoredEvent> events);

  Future<List<StoredEvent>> events(String meetingId, long after, long upTo, int limit);

  Future<Void> redactMessages(String meetingId, Collection<Long> seqs);

  static String key(String meetingId, long seq) {
    return meetingId + "/" + seq;
  }

  /** The keys of a page: {@code after < seq <= upTo}, at most {@code limit}, in seq order. */
  static List<String> pageKeys(String meetingId, long after, long upTo, int limit) {
    long from = Math.max(after, 0);
    long last = Math.min(upTo, from + Math.max(limit, 0));
    return LongStream.rangeClosed(from + 1, last).mapToObj(seq -> key(meetingId, seq)).toList();
  }

  /** The stored form of an event: its document, with who caused it and by which command. */
  static JsonObject document(StoredEvent stored) {
    MeetingEvent event = stored.event();
    return Documents.toDocument(event).put("actorId", event.actor().accountId()).put("commandId", stored.commandId());
  }

  /** {@code doc}, the stored form, read back; keys that only storage needs are dropped. */
  static StoredEvent event(JsonObject doc) {
    doc.remove("_id");
    // decision 133 kept each command's key in its event; nothing reads it
    doc.remove("commandKey");
    doc.remove("actorId");
    String commandId = (String) doc.remove("commandId");
    return new StoredEvent(Documents.fromDocument(doc, MeetingEvent.class), commandId);
  }

  static boolean isUnredactedPost(JsonObject doc) {
    return HiddenMessages.POSTED.equals(doc.getString("kind"))
        && !Boolean.TRUE.equals(doc.getJsonObject("data", new JsonObject()).getBoolean("hidden"));
  }
}
