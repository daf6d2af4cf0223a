package yoriai.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import yoriai.testing.Json;
import yoriai.testing.MeetingParties;
import yoriai.testing.Meetings;
import yoriai.testing.WsClient;

/** A client that joins with {@code batch: true} gets the same events as everyone, several to a frame. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BatchedEventsTest {
  // three clients post at once so that appends go out in batches of several events
  @RegisterExtension
  static final MeetingParties parties = new MeetingParties(Map.of("YORIAI_WS_COMMANDS_PER_SECOND", "1000", "YORIAI_WS_COMMAND_BURST", "1000"));

  private static WsClient join(String meetingId, String token, Long lastSeq, Boolean batch) {
    WsClient client = WsClient.connect(parties.api().baseUrl());
    ObjectNode join = Json.object().put("type", "join").put("meetingId", meetingId).put("token", token);
    if (lastSeq != null) {
      join.put("lastSeq", lastSeq);
    }
    if (batch != null) {
      join.put("batch", batch);
    }
    client.send(join);
    client.next("joined");
    return client;
  }

  /** Every event a client got up to {@code seq}, unpacked from events frames, each as the JSON it came as. */
  private static List<String> eventsUpTo(WsClient client, long seq) {
    client.awaitFrame(frame -> frame.path("type").asText().equals("events")
        && frame.get("events").get(frame.get("events").size() - 1).get("seq").asLong() >= seq, "events up to " + seq);
    List<String> events = new ArrayList<>();
    for (JsonNode frame : client.history()) {
      if (frame.path("type").asText().equals("events")) {
        frame.get("events").forEach(event -> events.add(event.toString()));
      }
    }
    return events;
  }

  private static List<Long> seqs(List<String> events) {
    return events.stream().map(event -> Json.parse(event).get("seq").asLong()).toList();
  }

  private static long posts(WsClient client, int count, String text) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(client.command("post", Json.object().put("text", text + " " + i)));
    }
    return ids.stream().mapToLong(id -> {
      JsonNode reply = client.reply(id);
      assertThat(reply.get("type").asText()).as("reply %s", reply).isEqualTo("ack");
      return reply.get("seq").asLong();
    }).max().orElseThrow();
  }

  @Test
  void a_batching_client_gets_in_events_frames_exactly_the_events_others_get_one_by_one_and_the_same_on_replay() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    try (WsClient host = join(meetingId, parties.host().token(), null, null);
         WsClient oneByOne = join(meetingId, parties.professional().token(), 0L, false);
         WsClient batching = join(meetingId, parties.company().token(), 0L, true)) {
      long last = Math.max(Math.max(posts(host, 9, "ホスト"), posts(oneByOne, 9, "理学療法士")), posts(batching, 9, "販売"));

      List<String> single = oneByOne.eventsUpTo(last).stream().map(JsonNode::toString).toList();
      List<String> batched = eventsUpTo(batching, last);
      assertThat(batched).isEqualTo(single);
      assertThat(seqs(batched)).containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
      assertThat(batching.history()).extracting(frame -> frame.path("type").asText()).doesNotContain("event");
      assertThat(oneByOne.history()).extracting(frame -> frame.path("type").asText()).doesNotContain("events");

      long resumeAfter = last / 2;
      try (WsClient resumed = join(meetingId, parties.company().token(), resumeAfter, true)) {
        List<String> replayed = eventsUpTo(resumed, last);
        assertThat(seqs(replayed).get(0)).isEqualTo(resumeAfter + 1);
        assertThat(replayed.subList(0, (int) (last - resumeAfter))).isEqualTo(single.subList((int) resumeAfter, (int) last));
        assertThat(seqs(replayed)).containsExactlyElementsOf(LongStream.rangeClosed(resumeAfter + 1, seqs(replayed).get(replayed.size() - 1)).boxed().toList());
      }
    }
  }

  @Test
  void a_client_that_does_not_ask_gets_an_event_frame_per_event() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    try (WsClient client = WsClient.joined(parties.api().baseUrl(), meetingId, parties.host().token(), 0L)) {
      long last = posts(client, 3, "ひとつずつ");
      assertThat(client.eventsUpTo(last)).extracting(event -> event.get("seq").asLong())
          .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
      assertThat(client.history()).extracting(frame -> frame.path("type").asText()).doesNotContain("events");
    }
  }

  @Test
  void batch_must_be_a_boolean() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    try (WsClient client = WsClient.connect(parties.api().baseUrl())) {
      for (String value : List.of("\"true\"", "1", "{}")) {
        client.sendText("{\"type\":\"join\",\"id\":\"j\",\"meetingId\":\"" + meetingId + "\",\"token\":\""
            + parties.host().token() + "\",\"batch\":" + value + "}");
        JsonNode error = client.next("error");
        assertThat(error.get("code").asText()).as(value).isEqualTo("invalid_message");
        assertThat(error.get("message").asText()).as(value).contains("batch");
      }
    }
  }
}
