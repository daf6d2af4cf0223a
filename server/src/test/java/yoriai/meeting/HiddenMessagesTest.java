package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.StoredData;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;
import yoriai.testing.WsClient;

/** After {@code moderate hide} the text reaches only those who already had it live; everyone else gets a tombstone. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HiddenMessagesTest {
  private static final String SECRET = "店長の実家は駅前の青い屋根の角の家";

  @Test
  void a_hidden_text_is_in_no_replay_no_events_page_and_no_later_join_even_after_a_restart() throws Exception {
    Path dataDir = Files.createTempDirectory("yoriai-hidden-");
    TestServer server = TestServer.startIn(dataDir, Map.of());
    SignedIn host = server.municipality("高崎 司会");
    SignedIn professional = server.professional("理学 花子", "理学療法士");
    SignedIn company = server.company("販売 一郎", "株式会社いどうはんばい");
    Api api = server.api();
    String meetingId = Meetings.open(api, host.token());
    long postedSeq;
    long hideSeq;
    String messageId;
    try (WsClient h = WsClient.joined(api.baseUrl(), meetingId, host.token(), 0L);
         WsClient p = WsClient.joined(api.baseUrl(), meetingId, professional.token(), 0L)) {
      ack(h, h.command("phase", Json.object().put("to", "presentation")));
      postedSeq = ack(p, p.command("post", Json.object().put("text", SECRET)));
      long kept = ack(p, p.command("post", Json.object().put("text", "移動販売が週2回来ます")));
      messageId = eventAt(api, host, meetingId, postedSeq).at("/data/messageId").asText();
      hideSeq = ack(h, h.command("moderate", Json.object().put("action", "hide").put("messageId", messageId)
          .put("reason", "個人情報")));

      List<JsonNode> live = p.eventsUpTo(hideSeq);
      assertThat(live.get(live.size() - 1).get("kind").asText()).as("connected participants are told").isEqualTo("message.hidden");
      assertThat(kept).isLessThan(hideSeq);
      assertHiddenEverywhere(api, company, meetingId, postedSeq, hideSeq, messageId);
    }

    server.stopKeepingData();
    try {
      assertThat(storedText(dataDir, meetingId, postedSeq)).as("the stored log").isNull();
      storeText(dataDir, meetingId, postedSeq, SECRET);
      assertThat(storedText(dataDir, meetingId, postedSeq)).as("put back, as a stop before the redaction left it").isEqualTo(SECRET);
      TestServer restarted = TestServer.startIn(dataDir, Map.of());
      try {
        assertHiddenEverywhere(restarted.api(), company, meetingId, postedSeq, hideSeq, messageId);
      } finally {
        restarted.stopKeepingData();
      }
      assertThat(storedText(dataDir, meetingId, postedSeq)).as("redacted again when the room was loaded").isNull();
    } finally {
      TestServer.deleteTree(dataDir);
    }
  }

  /** The text of the post stored at {@code seq}, read from the data folder of a stopped server. */
  private static String storedText(Path dataDir, String meetingId, long seq) throws Exception {
    byte[] stored = StoredData.use(dataDir, storage -> storage.records("meeting_log").orElseThrow()
        .get(List.of(meetingId + "/" + seq)).map(values -> values.get(0)));
    return new JsonObject(Buffer.buffer(stored)).getJsonObject("data").getString("text");
  }

  /** Puts a text back into a stored post, as a node that stopped between storing a hide and redacting its post left it. */
  private static void storeText(Path dataDir, String meetingId, long seq, String text) throws Exception {
    StoredData.use(dataDir, storage -> storage.records("meeting_log").orElseThrow()
        .update(List.of(meetingId + "/" + seq), stored -> {
          JsonObject post = new JsonObject(Buffer.buffer(stored));
          post.getJsonObject("data").put("text", text).remove("hidden");
          return post.toBuffer().getBytes();
        }));
  }

  private static void assertHiddenEverywhere(Api api, SignedIn reader, String meetingId, long postedSeq, long hideSeq,
      String messageId) {
    JsonNode rest = Meetings.events(api, reader.token(), meetingId);
    assertThat(rest.toString()).doesNotContain(SECRET).contains("移動販売が週2回来ます");
    JsonNode tombstone = rest.get((int) postedSeq - 1);
    assertThat(tombstone.get("seq").asLong()).isEqualTo(postedSeq);
    assertThat(tombstone.get("kind").asText()).isEqualTo("message.posted");
    assertThat(tombstone.at("/data/messageId").asText()).isEqualTo(messageId);
    assertThat(tombstone.at("/data/hidden").asBoolean()).isTrue();
    assertThat(tombstone.path("data").has("text")).isFalse();
    assertThat(rest.get((int) hideSeq - 1).get("kind").asText()).isEqualTo("message.hidden");
    for (long lastSeq : new long[] {0L, postedSeq - 1}) {
      try (WsClient late = WsClient.joined(api.baseUrl(), meetingId, reader.token(), lastSeq)) {
        List<JsonNode> replayed = late.eventsUpTo(hideSeq);
        assertThat(replayed.toString()).as("replay after %s", lastSeq).doesNotContain(SECRET);
        assertThat(replayed).extracting(e -> e.get("seq").asLong()).contains(postedSeq, hideSeq);
      }
    }
  }

  private static JsonNode eventAt(Api api, SignedIn host, String meetingId, long seq) {
    return api.get("/api/v1/meetings/" + meetingId + "/events?after=" + (seq - 1) + "&limit=1", host.token())
        .json().get("events").get(0);
  }

  private static long ack(WsClient client, String id) {
    JsonNode reply = client.reply(id);
    assertThat(reply.get("type").asText()).as("reply %s", reply).isEqualTo("ack");
    return reply.get("seq").asLong();
  }
}
