package yoriai.meeting;

import java.util.List;

/** Events that go out together, in seq order: an appended batch, or a page of a replay. */
public final class EventBatch {
  private final List<EventFrame> events;

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
}
