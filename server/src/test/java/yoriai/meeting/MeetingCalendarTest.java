package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class MeetingCalendarTest {
  private static final Instant START = Instant.parse("2026-12-03T01:00:00Z");
  private static final MeetingCalendar.Event EVENT = new MeetingCalendar.Event("m1", "地域ケア会議", START,
      START.plusSeconds(5400), "https://yoriai.example.jp/#/meetings/m1", "https://call.example.jp/room",
      MeetingLetters.calendarDescription("https://yoriai.example.jp/#/meetings/m1", "https://call.example.jp/room"));

  private static Calendar parse(String text) throws Exception {
    return new CalendarBuilder().build(new StringReader(text));
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).map(Property::getValue).orElse(null);
  }

  @Test
  void an_invitation_is_a_request_in_japan_time_with_the_room_and_the_call() throws Exception {
    String text = MeetingCalendar.invitation(EVENT, START.minusSeconds(86_400));
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
  void a_feed_publishes_one_event_per_meeting_and_parses_back() throws Exception {
    MeetingCalendar.Event other = new MeetingCalendar.Event("m2", "別の会議", START, START.plusSeconds(1800),
        "https://yoriai.example.jp/#/meetings/m2", null, "room");
    Calendar calendar = parse(MeetingCalendar.feed(List.of(EVENT, other), START));

    assertThat(calendar.getProperty("METHOD").map(Property::getValue)).contains("PUBLISH");
    assertThat(calendar.getComponents("VEVENT")).hasSize(2);
    assertThat(parse(MeetingCalendar.feed(List.of(), START)).getComponents("VEVENT")).isEmpty();
  }
}
