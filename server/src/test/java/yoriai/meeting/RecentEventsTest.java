package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentEventsTest {
  private static EventFrame frame(long seq) {
    return new EventFrame(seq, "{\"seq\":" + seq + "}");
  }

  private static MeetingEvent event(long seq) {
    return posted(seq, "m" + seq, "発言" + seq);
  }

  private static MeetingEvent posted(long seq, String messageId, String text) {
    return new MeetingEvent(seq, "meeting-1", Instant.EPOCH, null,
        new EventData.MessagePosted(messageId, text, null, null, null, null));
  }

  @Test
  void keeps_the_newest_events_and_says_which_resumes_it_can_serve() {
    RecentEvents recent = new RecentEvents(3);
    for (long seq = 1; seq <= 5; seq++) {
      recent.add(event(seq), frame(seq));
    }

    assertThat(recent.covers(2)).isTrue();
    assertThat(recent.covers(1)).as("event 2 was evicted").isFalse();
    assertThat(recent.between(2, 5, 10)).extracting(EventFrame::seq).containsExactly(3L, 4L, 5L);
    assertThat(recent.between(2, 4, 10)).extracting(EventFrame::seq).containsExactly(3L, 4L);
    assertThat(recent.between(2, 5, 1)).extracting(EventFrame::seq).containsExactly(3L);
  }

  @Test
  void a_gap_drops_what_was_held_so_it_never_serves_a_hole() {
    RecentEvents recent = new RecentEvents(10);
    recent.add(event(1), frame(1));
    recent.add(event(2), frame(2));
    recent.add(event(4), frame(4));

    assertThat(recent.covers(1)).isFalse();
    assertThat(recent.covers(3)).isTrue();
  }

  @Test
  void a_hide_rewrites_the_held_frame_of_its_message_and_keeps_every_seq() {
    RecentEvents recent = new RecentEvents(10);
    for (long seq = 1; seq <= 3; seq++) {
      recent.add(event(seq), EventFrame.of(event(seq)));
    }
    HiddenMessages hidden = new HiddenMessages();
    MeetingEvent hide = new MeetingEvent(4, "meeting-1", Instant.EPOCH, null, new EventData.MessageHidden("m2", null));

    assertThat(hidden.apply(hide)).isTrue();
    recent.add(hide, EventFrame.of(hide));
    recent.rewrite(hidden::shown);

    List<EventFrame> frames = recent.between(0, 4, 10);
    assertThat(frames).extracting(EventFrame::seq).containsExactly(1L, 2L, 3L, 4L);
    assertThat(frames.get(1).text()).doesNotContain("発言2").contains("\"hidden\":true").contains("\"messageId\":\"m2\"");
    assertThat(frames.get(0).text()).contains("発言1");
    assertThat(frames.get(2).text()).contains("発言3");
  }
}
