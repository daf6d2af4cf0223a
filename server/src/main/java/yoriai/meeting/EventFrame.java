package yoriai.meeting;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.buffer.Buffer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import yoriai.shared.Json;

/** An event's {@code event} frame, encoded once (UTF-8) and written as it is to every participant of the room. */
public record EventFrame(long seq, Buffer bytes) {
  public EventFrame(long seq, String text) {
    this(seq, Buffer.buffer(text));
  }

  static EventFrame of(MeetingEvent event) {
    try {
      // the serialized event is a non-empty object, so the envelope's type can lead it
      return new EventFrame(event.seq(), "{\"type\":\"event\"," + Json.mapper().writeValueAsString(event).substring(1));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
