package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentEventsTest {
  private static EventFrame frame(long seq) {
    return new EventFrame(seq, "{\"seq\":" + seq + "}");
  }

  @Test
  void keeps_the_newest_events_and_says_which_resumes_it_can_serve() {
    RecentEvents recent = new RecentEvents(3);
    for (long seq = 1; seq <= 5; seq++) {
      recent.add(frame(seq));
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
    recent.add(frame(1));
    recent.add(frame(2));
    recent.add(frame(4));

    assertThat(recent.covers(1)).isFalse();
    assertThat(recent.covers(3)).isTrue();
  }
}
