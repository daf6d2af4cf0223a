package yoriai.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;
import yoriai.testing.WsClient;

/**
 * A participant whose client stops reading: the server does not buffer for it without end. Once
 * what waits for it passes the socket's write queue it is cut off (1013, join again with
 * lastSeq), and since it never reads the close frame either, the connection is dropped after the
 * close handshake's wait and it leaves the meeting; the others get every event in order. What it
 * did get is a gapless run, so a rejoin with its last seq loses nothing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlowReaderTest {
  /** About 11 KB of UTF-8 per event: a few hundred fill the kernel's buffers and the write queue. */
  private static final String LONG_POST = "訪問時に様子を見ます。".repeat(350);
  private static final int MAX_POSTS = 3_000;

  @Test
  void a_participant_that_stops_reading_is_cut_off_while_the_others_get_every_event_in_order() throws Exception {
    try (TestServer server = TestServer.start(Map.of("YORIAI_WS_COMMANDS_PER_SECOND", "100000", "YORIAI_WS_COMMAND_BURST", "100000"))) {
      SignedIn host = server.municipality("司会");
      SignedIn stalled = server.professional("読まない 人", "看護師");
      String meetingId = Meetings.open(server.api(), host.token());
      try (WsClient poster = WsClient.joined(server.baseUrl(), meetingId, host.token(), null);
          WsClient listener = WsClient.joined(server.baseUrl(), meetingId, server.professional("聞き手", "理学療法士").token(), null);
          RawFlooder notReading = RawFlooder.joinedWithoutReading(server.baseUrl(), meetingId, stalled.token(), 4096)) {
        long lastAcked = 0;
        int posts = 0;
        while (!left(listener, stalled) && posts < MAX_POSTS) {
          JsonNode ack = poster.reply(poster.command("post", Json.object().put("text", LONG_POST)));
          assertThat(ack.path("type").asText()).as(ack.toString()).isEqualTo("ack");
          lastAcked = ack.get("seq").asLong();
          posts++;
        }
        assertThat(left(listener, stalled)).as("left within %d posts", MAX_POSTS).isTrue();

        // every event through the last post, gapless; the participant.left may follow it (seq lastAcked + 1)
        List<Long> delivered = listener.eventsUpTo(lastAcked).stream().map(e -> e.get("seq").asLong()).toList();
        assertThat(delivered).isEqualTo(LongStream.rangeClosed(delivered.get(0), delivered.get(delivered.size() - 1))
            .boxed().toList());
        assertThat(delivered).contains(lastAcked);

        List<Long> gotBeforeCutOff = notReading.eventSeqsUntilClosed();
        assertThat(gotBeforeCutOff).isNotEmpty();
        assertThat(gotBeforeCutOff).isEqualTo(LongStream.rangeClosed(gotBeforeCutOff.get(0), gotBeforeCutOff.get(gotBeforeCutOff.size() - 1))
            .boxed().toList());
        assertThat(gotBeforeCutOff.get(gotBeforeCutOff.size() - 1)).isLessThan(lastAcked);
        // the close frame, queued behind what it did not read, is dropped with it when the server gives up
        assertThat(notReading.awaitCloseCode(0)).isIn(1013, -1);
      }
    }
  }

  private static boolean left(WsClient listener, SignedIn who) {
    return listener.events().stream().anyMatch(e -> e.path("kind").asText().equals("participant.left")
        && e.at("/data/accountId").asText().equals(who.id()));
  }
}
