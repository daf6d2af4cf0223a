package yoriai.meeting;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The last events of a room, already encoded, so that a participant who resumes after a short
 * drop (the common case, and a reconnect storm) is replayed from memory instead of the store.
 * Each frame is kept with its event so that a later hide can rewrite it.
 */
final class RecentEvents {
  private record Held(MeetingEvent event, EventFrame frame) {}

  private final int capacity;
  private final Deque<Held> held = new ArrayDeque<>();

  RecentEvents(int capacity) {
    this.capacity = capacity;
  }

  void add(MeetingEvent event, EventFrame frame) {
    if (!held.isEmpty() && frame.seq() != held.peekLast().frame().seq() + 1) {
      held.clear();
    }
    held.addLast(new Held(event, frame));
    if (held.size() > capacity) {
      held.removeFirst();
    }
  }

  void clear() {
    held.clear();
  }

  /** Passes every held event through {@code change} and encodes again those it changed; seqs stay as they are. */
  void rewrite(UnaryOperator<MeetingEvent> change) {
    List<Held> all = new ArrayList<>(held);
    held.clear();
    for (Held one : all) {
      MeetingEvent changed = change.apply(one.event());
      held.addLast(changed == one.event() ? one : new Held(changed, EventFrame.of(changed)));
    }
  }

  /** True when every event after {@code seq} is held here. */
  boolean covers(long seq) {
    return !held.isEmpty() && held.peekFirst().frame().seq() <= seq + 1;
  }

  /** Up to {@code limit} frames with {@code after < seq <= upTo}, in order. */
  List<EventFrame> between(long after, long upTo, int limit) {
    List<EventFrame> out = new ArrayList<>();
    for (Held one : held) {
      EventFrame frame = one.frame();
      if (frame.seq() > upTo || out.size() == limit) {
        break;
      }
      if (frame.seq() > after) {
        out.add(frame);
      }
    }
    return out;
  }
}
