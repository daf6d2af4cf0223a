package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;
import yoriai.testing.WsClient;

/** Muted means silent: no post, reaction, proposal, endorsement or raised hand until unmuted. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MutedParticipantTest {
  private static TestServer server;
  private static Api api;
  private static SignedIn host;
  private static SignedIn professional;
  private static SignedIn company;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    api = server.api();
    host = server.municipality("高崎 司会");
    professional = server.professional("理学 花子", "理学療法士");
    company = server.company("販売 一郎", "株式会社いどうはんばい");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode ack(WsClient client, String type, ObjectNode fields) {
    JsonNode reply = client.reply(client.command(type, fields));
    assertThat(reply.get("type").asText()).as(reply.toString()).isEqualTo("ack");
    return reply;
  }

  private static String eventData(WsClient client, long seq, String field) {
    return client.eventsUpTo(seq).stream().filter(e -> e.get("seq").asLong() == seq).findFirst().orElseThrow()
        .at("/data/" + field).asText();
  }

  private static ObjectNode proposal() {
    ObjectNode fields = Json.object();
    fields.putObject("proposal").put("targetActivity", "買い物").put("type", "market")
        .put("description", "移動販売車が週2回来る").put("keepsAbilities", "自分で品物を選べる");
    return fields;
  }

  @Test
  void a_muted_participant_can_neither_post_react_propose_endorse_nor_raise_a_hand_and_can_after_unmute() {
    String meetingId = Meetings.open(api, host.token());
    try (WsClient h = WsClient.joined(api.baseUrl(), meetingId, host.token(), null);
         WsClient p = WsClient.joined(api.baseUrl(), meetingId, professional.token(), null);
         WsClient c = WsClient.joined(api.baseUrl(), meetingId, company.token(), null)) {
      long messageSeq = ack(p, "post", Json.object().put("text", "訪問時に様子を見ます")).get("seq").asLong();
      long proposalSeq = ack(p, "propose", proposal()).get("seq").asLong();
      String messageId = eventData(c, messageSeq, "messageId");
      String proposalId = eventData(c, proposalSeq, "proposalId");
      ack(h, "moderate", Json.object().put("action", "mute").put("accountId", company.id()));
      String before = Meetings.events(api, host.token(), meetingId).toString();

      JsonNode post = c.reply(c.command("post", Json.object().put("text", "宣伝です")));
      JsonNode react = c.reply(c.command("react", Json.object().put("messageId", messageId).put("emoji", "👍")));
      JsonNode propose = c.reply(c.command("propose", proposal()));
      JsonNode endorse = c.reply(c.command("endorse", Json.object().put("proposalId", proposalId)));
      JsonNode hand = c.reply(c.command("hand", Json.object().put("raised", true)));
      String whileMuted = Meetings.events(api, host.token(), meetingId).toString();
      ack(h, "moderate", Json.object().put("action", "unmute").put("accountId", company.id()));
      JsonNode endorseAfter = c.reply(c.command("endorse", Json.object().put("proposalId", proposalId)));

      assertThat(post.path("code").asText()).isEqualTo("muted");
      assertThat(react.path("code").asText()).isEqualTo("muted");
      assertThat(propose.path("code").asText()).isEqualTo("muted");
      assertThat(endorse.path("code").asText()).isEqualTo("muted");
      assertThat(hand.path("code").asText()).isEqualTo("muted");
      assertThat(whileMuted).isEqualTo(before);
      assertThat(endorseAfter.get("type").asText()).isEqualTo("ack");
    }
  }

  @Test
  void a_participant_muted_with_a_raised_hand_may_still_lower_it() {
    String meetingId = Meetings.open(api, host.token());
    try (WsClient h = WsClient.joined(api.baseUrl(), meetingId, host.token(), null);
         WsClient c = WsClient.joined(api.baseUrl(), meetingId, company.token(), null)) {
      ack(c, "hand", Json.object().put("raised", true));
      ack(h, "moderate", Json.object().put("action", "mute").put("accountId", company.id()));

      JsonNode lower = c.reply(c.command("hand", Json.object().put("raised", false)));

      assertThat(lower.get("type").asText()).as(lower.toString()).isEqualTo("ack");
    }
  }
}
