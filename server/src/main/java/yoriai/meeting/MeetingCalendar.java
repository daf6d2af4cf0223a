package yoriai.meeting;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Meetings as iCalendar (RFC 5545), built with ical4j: one VEVENT per meeting whose UID is the
 * meeting's and never changes, DTSTART/DTEND with TZID Asia/Tokyo (and that VTIMEZONE), SUMMARY the
 * title and URL the room. Only the title, the times and links go in: never a case's text. The call
 * link, when given, is the LOCATION (where calendar apps show a link to click) and is named again
 * in the DESCRIPTION; it is only ever given for an invitation, not for the public feed.
 */
final class MeetingCalendar {
  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  /** The content type of an invitation's attachment. */
  static final String INVITATION_TYPE = "text/calendar; method=REQUEST; charset=UTF-8";
  /** The content type of the public feed. */
  static final String FEED_TYPE = "text/calendar; charset=UTF-8";
  private static final String PRODUCT = "-//Yoriai//Meetings//JA";
  private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

  /** One meeting as a calendar event; {@code callUrl} null when there is none or the reader may not see it. */
  record Event(String meetingId, String title, Instant startsAt, Instant endsAt, String roomLink, String callUrl,
      String description) {}

  private MeetingCalendar() {}

  /** The attachment of an invitation mail: METHOD:REQUEST, one event. */
  static String invitation(Event event, Instant now) {
    return calendar(ImmutableMethod.REQUEST, List.of(event), now);
  }

  /** A feed to subscribe to: METHOD:PUBLISH, one event per meeting. */
  static String feed(List<Event> events, Instant now) {
    return calendar(ImmutableMethod.PUBLISH, events, now);
  }

  private static String calendar(Method method, List<Event> events, Instant now) {
    Calendar calendar = new Calendar()
        .withProdId(PRODUCT)
        .withProperty(ImmutableVersion.VERSION_2_0)
        .withProperty(ImmutableCalScale.GREGORIAN)
        .withProperty(method)
        .getFluentTarget();
    if (!events.isEmpty()) {
      calendar.add(ZONES.getTimeZone(JAPAN.getId()).getVTimeZone());
    }
    for (Event event : events) {
      calendar.add(event(event, now));
    }
    return calendar.toString();
  }

  private static VEvent event(Event event, Instant now) {
    VEvent vevent = new VEvent(event.startsAt().atZone(JAPAN), event.endsAt().atZone(JAPAN), event.title());
    vevent.add(new Uid("meeting-" + event.meetingId() + "@yoriai"));
    vevent.replace(new DtStamp(now));
    vevent.add(new Sequence(0));
    vevent.add(new Url(URI.create(event.roomLink())));
    if (event.callUrl() != null) {
      vevent.add(new Location(event.callUrl()));
    }
    vevent.add(new Description(event.description()));
    return vevent;
  }
}
