package yoriai.meeting;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import yoriai.shared.Json;

/** An event with its wire text, encoded once for every participant of the room. */
public record EventFrame(long seq, String text) {
  static EventFrame of(MeetingEvent event) {
    try {
      // the serialized event is a non-empty object, so the envelope's type can lead it
      return new EventFrame(event.seq(), "{\"type\":\"event\"," + Json.mapper().writeValueAsString(event).substring(1));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
