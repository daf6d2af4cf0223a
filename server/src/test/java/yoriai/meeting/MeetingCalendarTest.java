package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class MeetingCalendarTest {
  private static final Instant START = Instant.parse("2026-12-03T01:00:00Z");
  private static final MeetingCalendar.Event EVENT = new MeetingCalendar.Event("m1", "地域ケア会議", START,
      START.plusSeconds(5400), "https://yoriai.example.jp/#/meetings/m1", "https://call.example.jp/room",
      MeetingLetters.calendarDescription("https://yoriai.example.jp/#/meetings/m1", "https://call.example.jp/room"));

  private static final MeetingCalendar.Sender SENDER = new MeetingCalendar.Sender("no-reply@yoriai.example.jp", "高崎市");

  private static Calendar parse(String text) throws Exception {
    return new CalendarBuilder().build(new StringReader(text));
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).map(Property::getValue).orElse(null);
  }

  @Test
  void an_invitation_is_a_request_in_japan_time_with_the_room_and_the_call() throws Exception {
    String text = MeetingCalendar.invitation(EVENT, SENDER, "kango@example.jp", START.minusSeconds(86_400));
    Calendar calendar = parse(text);

    assertThat(calendar.getProperty("METHOD").map(Property::getValue)).contains("REQUEST");
    VEvent event = (VEvent) calendar.getComponents("VEVENT").get(0);
    assertThat(value(event, "UID")).isEqualTo("meeting-m1@yoriai");
    assertThat(value(event, "SUMMARY")).isEqualTo("地域ケア会議");
    assertThat(value(event, "URL")).isEqualTo("https://yoriai.example.jp/#/meetings/m1");
    assertThat(value(event, "LOCATION")).isEqualTo("https://call.example.jp/room");
    assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Asia/Tokyo");
    assertThat(value(event, "DTSTART")).isEqualTo("20261203T100000");
    assertThat(value(event, "DTEND")).isEqualTo("20261203T113000");
    assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
    assertThat(text).containsOnlyOnce("DTSTAMP");
  }

  @Test
  void an_invitation_names_the_sender_as_organizer_and_the_recipient_as_an_attendee_not_asked_to_reply() throws Exception {
    VEvent event = (VEvent) parse(MeetingCalendar.invitation(EVENT, SENDER, "kango+ikuta@example.jp", START))
        .getComponents("VEVENT").get(0);

    Property organizer = event.getProperty("ORGANIZER").orElseThrow();
    assertThat(organizer.getValue()).isEqualTo("mailto:no-reply@yoriai.example.jp");
    assertThat(parameter(organizer, "CN")).isEqualTo("高崎市");
    assertThat(event.getProperties("ATTENDEE")).hasSize(1);
    Property attendee = event.getProperty("ATTENDEE").orElseThrow();
    assertThat(attendee.getValue()).isEqualTo("mailto:kango+ikuta@example.jp");
    assertThat(parameter(attendee, "RSVP")).isEqualTo("FALSE");
    assertThat(parameter(attendee, "PARTSTAT")).isEqualTo("NEEDS-ACTION");
    assertThat(parameter(attendee, "ROLE")).isEqualTo("REQ-PARTICIPANT");
  }

  private static String parameter(Property property, String name) {
    return property.<Parameter>getParameter(name).map(Parameter::getValue).orElse(null);
  }

  @Test
  void a_feed_publishes_one_event_per_meeting_and_parses_back() throws Exception {
    MeetingCalendar.Event other = new MeetingCalendar.Event("m2", "別の会議", START, START.plusSeconds(1800),
        "https://yoriai.example.jp/#/meetings/m2", null, "room");
    Calendar calendar = parse(MeetingCalendar.feed(List.of(EVENT, other), START));

    assertThat(calendar.getProperty("METHOD").map(Property::getValue)).contains("PUBLISH");
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events).hasSize(2).allSatisfy(event -> {
      assertThat(event.getProperty("ORGANIZER")).isEmpty();
      assertThat(event.getProperties("ATTENDEE")).isEmpty();
    });
    assertThat(parse(MeetingCalendar.feed(List.of(), START)).getComponents("VEVENT")).isEmpty();
  }
}
