package yoriai.ws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import yoriai.meeting.Departure;

/** The close codes clients know for each reason a room sends a participant away. */
class CloseReasonTest {
  @Test
  void a_removed_participant_is_closed_with_4003_and_every_failure_with_1011() {
    assertThat(CloseReason.of(Departure.REMOVED)).isEqualTo(new CloseReason((short) 4003, "removed by the host"));
    assertThat(CloseReason.of(Departure.DELIVERY_FAILED))
        .isEqualTo(new CloseReason((short) 1011, "delivery failed; join again with lastSeq"));
    assertThat(CloseReason.of(Departure.REPLAY_FAILED)).isEqualTo(new CloseReason((short) 1011, "replay failed; join again"));
    assertThat(CloseReason.of(Departure.MEETING_UNAVAILABLE)).isEqualTo(new CloseReason((short) 1011, "meeting unavailable"));
  }
}
