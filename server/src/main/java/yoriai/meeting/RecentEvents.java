package yoriai.meeting;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last events of a room, already encoded, so that a participant who resumes after a short
 * drop (the common case, and a reconnect storm) is replayed from memory instead of the store.
 */
final class RecentEvents {
  private final int capacity;
  private final Deque<EventFrame> frames = new ArrayDeque<>();

  RecentEvents(int capacity) {
    this.capacity = capacity;
  }

  void add(EventFrame frame) {
    if (!frames.isEmpty() && frame.seq() != frames.peekLast().seq() + 1) {
      frames.clear();
    }
    frames.addLast(frame);
    if (frames.size() > capacity) {
      frames.removeFirst();
    }
  }

  void clear() {
    frames.clear();
  }

  /** True when every event after {@code seq} is held here. */
  boolean covers(long seq) {
    return !frames.isEmpty() && frames.peekFirst().seq() <= seq + 1;
  }

  /** Up to {@code limit} frames with {@code after < seq <= upTo}, in order. */
  List<EventFrame> between(long after, long upTo, int limit) {
    List<EventFrame> out = new ArrayList<>();
    for (EventFrame frame : frames) {
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
