package yoriai.meeting;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Events that go out together, in seq order: an appended batch, or a page of a replay. For a client
 * that joined with {@code batch: true} they become {@code events} frames, each built once for every
 * seat the whole batch goes to. Used on the room's context only.
 */
public final class EventBatch {
  /**
   * An {@code events} frame, brackets included, stays within this size (an event larger than it goes
   * alone): under the 64 KiB frame limit Vert.x and Netty clients have by default.
   */
  static final int FRAME_BYTES = 60 * 1024;
  private static final Buffer OPEN = Buffer.buffer("{\"type\":\"events\",\"events\":[");
  private static final Buffer COMMA = Buffer.buffer(",");
  private static final Buffer CLOSE = Buffer.buffer("]}");

  private final List<EventFrame> events;
  private List<Buffer> grouped;

  public EventBatch(List<EventFrame> events) {
    this.events = List.copyOf(events);
  }

  public List<EventFrame> events() {
    return events;
  }

  /** The events after {@code seq}: this batch when all are, else a new one. */
  EventBatch after(long seq) {
    if (events.isEmpty() || events.get(0).seq() > seq) {
      return this;
    }
    return new EventBatch(events.stream().filter(frame -> frame.seq() > seq).toList());
  }

  boolean isEmpty() {
    return events.isEmpty();
  }

  long lastSeq() {
    return events.get(events.size() - 1).seq();
  }

  /**
   * The batch as {@code {"type":"events","events":[…]}} frames, in order; each element is byte for
   * byte the {@code event} frame a client that does not batch gets.
   */
  public List<Buffer> asEventsFrames() {
    if (grouped == null) {
      grouped = new ArrayList<>();
      Buffer frame = null;
      for (EventFrame event : events) {
        if (frame != null && frame.length() + COMMA.length() + event.bytes().length() + CLOSE.length() > FRAME_BYTES) {
          grouped.add(frame.appendBuffer(CLOSE));
          frame = null;
        }
        frame = frame == null ? Buffer.buffer().appendBuffer(OPEN) : frame.appendBuffer(COMMA);
        frame.appendBuffer(event.bytes());
      }
      if (frame != null) {
        grouped.add(frame.appendBuffer(CLOSE));
      }
    }
    return grouped;
  }
}
