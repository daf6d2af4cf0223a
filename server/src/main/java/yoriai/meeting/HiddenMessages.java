package yoriai.meeting;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The messages the host hid, and how their events may still be shown: as a tombstone, the
 * original {@code message.posted} event without its text and marked {@code hidden}, so the log
 * keeps every seq and a client can show that something was removed. Hides are never undone, so
 * this only grows.
 */
final class HiddenMessages {
  static final String POSTED = EventData.kindOf(EventData.MessagePosted.class);

  private final Set<String> ids = new HashSet<>();

  /** Notes the hide {@code event} makes, if any; true when it hid a message. */
  boolean apply(MeetingEvent event) {
    return event.data() instanceof EventData.MessageHidden hide && ids.add(hide.messageId());
  }

  Set<String> ids() {
    return Set.copyOf(ids);
  }

  /** The event as anyone may read it now: a hidden message's event as its tombstone, anything else as it is. */
  MeetingEvent shown(MeetingEvent event) {
    if (event.data() instanceof EventData.MessagePosted posted && ids.contains(posted.messageId())
        && !(posted.text() == null && Boolean.TRUE.equals(posted.hidden()))) {
      return new MeetingEvent(event.seq(), event.meetingId(), event.at(), event.actor(), posted.tombstone());
    }
    return event;
  }

  /** The ids of the messages the hides among {@code events} hide. */
  static List<String> hiddenBy(Collection<MeetingEvent> events) {
    return events.stream().map(MeetingEvent::data).filter(EventData.MessageHidden.class::isInstance)
        .map(data -> ((EventData.MessageHidden) data).messageId()).toList();
  }
}
