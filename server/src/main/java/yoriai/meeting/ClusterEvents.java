package yoriai.meeting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import yoriai.storage.Documents;

/** The event-bus message a node publishes after appending a batch to a meeting's log. */
final class ClusterEvents {
  private ClusterEvents() {}

  record Batch(String node, String meetingId, List<MeetingEvent> events) {}

  static JsonObject encode(String node, List<MeetingEvent> events) {
    JsonArray array = new JsonArray();
    events.forEach(event -> array.add(Documents.toDocument(event)));
    return new JsonObject().put("node", node).put("meetingId", events.get(0).meetingId()).put("events", array);
  }

  static Batch decode(JsonObject body) {
    List<MeetingEvent> events = body.getJsonArray("events").stream()
        .map(e -> Documents.fromDocument((JsonObject) e, MeetingEvent.class)).toList();
    return new Batch(body.getString("node"), body.getString("meetingId"), events);
  }
}
