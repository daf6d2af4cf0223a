package yoriai.meeting;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The messages the host hid, and how their events may still be shown: as a tombstone, the
 * original {@code message.posted} event without its text and marked {@code hidden}, so the log
 * keeps every seq and a client can show that something was removed. Hides are never undone, so
 * this only grows.
 */
final class HiddenMessages {
  static final String POSTED = "message.posted";
  static final String HIDDEN = "message.hidden";

  private final Set<String> ids = new HashSet<>();

  /** Notes the hide {@code event} makes, if any; true when it hid a message. */
  boolean apply(MeetingEvent event) {
    return HIDDEN.equals(event.kind()) && ids.add((String) event.data().get("messageId"));
  }

  Set<String> ids() {
    return Set.copyOf(ids);
  }

  /** The event as anyone may read it now: a hidden message's event as its tombstone, anything else as it is. */
  MeetingEvent shown(MeetingEvent event) {
    return POSTED.equals(event.kind()) && ids.contains((String) event.data().get("messageId")) ? tombstone(event) : event;
  }

  /** The ids of the messages the hides among {@code events} hide. */
  static List<String> hiddenBy(Collection<MeetingEvent> events) {
    return events.stream().filter(e -> HIDDEN.equals(e.kind())).map(e -> (String) e.data().get("messageId")).toList();
  }

  private static MeetingEvent tombstone(MeetingEvent posted) {
    if (!posted.data().containsKey("text") && Boolean.TRUE.equals(posted.data().get("hidden"))) {
      return posted;
    }
    Map<String, Object> data = new LinkedHashMap<>(posted.data());
    data.remove("text");
    data.put("hidden", true);
    return new MeetingEvent(posted.seq(), posted.meetingId(), posted.kind(), posted.at(), posted.actor(), data);
  }
}
