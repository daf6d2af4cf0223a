package yoriai.meeting;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import yoriai.meeting.MeetingStore.StoredEvent;

/** An event's {@code event} frame, encoded once (UTF-8) and written as it is to every participant of the room. */
public record EventFrame(long seq, Buffer bytes) {
  private static final byte[] TYPE = "{\"type\":\"event\",".getBytes(StandardCharsets.UTF_8);

  public EventFrame(long seq, String text) {
    this(seq, Buffer.buffer(text));
  }

  static EventFrame of(MeetingEvent event) {
    return of(new StoredEvent(event, null));
  }

  /** The frame of {@code stored}, from the JSON its log record was made of. */
  static EventFrame of(StoredEvent stored) {
    byte[] json = stored.json();
    // the serialized event is a non-empty object, so the envelope's type can lead it
    Buffer frame = Buffer.buffer(TYPE.length + json.length - 1).appendBytes(TYPE).appendBytes(json, 1, json.length - 1);
    return new EventFrame(stored.event().seq(), frame);
  }

  public String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
