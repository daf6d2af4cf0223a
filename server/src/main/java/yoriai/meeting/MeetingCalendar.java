package yoriai.meeting;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Meetings as iCalendar (RFC 5545), built with ical4j: one VEVENT per meeting whose UID is the
 * meeting's and never changes, DTSTART/DTEND with TZID Asia/Tokyo (and that VTIMEZONE), SUMMARY the
 * title and URL the room. Only the title, the times and links go in (and in an invitation the sender
 * address and the recipient, RFC 5546's ORGANIZER and ATTENDEE): never a case's text. The call
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

  /** Who sends an invitation: the address mails come from, named after the host's organization. */
  record Sender(String email, String name) {}

  /**
   * The attachment of an invitation mail to {@code attendee}: METHOD:REQUEST, one event with the
   * ORGANIZER RFC 5546 requires and the recipient as ATTENDEE, who is not asked to reply.
   */
  static String invitation(Event event, Sender organizer, String attendee, Instant now) {
    VEvent vevent = event(event, now);
    vevent.add(new Organizer(mailto(organizer.email())).add(new Cn(organizer.name())));
    vevent.add(new Attendee(mailto(attendee)).add(Role.REQ_PARTICIPANT).add(PartStat.NEEDS_ACTION).add(Rsvp.FALSE));
    return calendar(ImmutableMethod.REQUEST, List.of(vevent));
  }

  /** A feed to subscribe to: METHOD:PUBLISH, one event per meeting, naming nobody. */
  static String feed(List<Event> events, Instant now) {
    return calendar(ImmutableMethod.PUBLISH, events.stream().map(event -> event(event, now)).toList());
  }

  private static URI mailto(String address) {
    try {
      return new URI("mailto", address, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a mail address: " + address, e);
    }
  }

  private static String calendar(Method method, List<VEvent> events) {
    Calendar calendar = new Calendar()
        .withProdId(PRODUCT)
        .withProperty(ImmutableVersion.VERSION_2_0)
        .withProperty(ImmutableCalScale.GREGORIAN)
        .withProperty(method)
        .getFluentTarget();
    if (!events.isEmpty()) {
      calendar.add(ZONES.getTimeZone(JAPAN.getId()).getVTimeZone());
    }
    for (VEvent event : events) {
      calendar.add(event);
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
