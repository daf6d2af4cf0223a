package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import yoriai.testing.Json;
import yoriai.testing.MeetingParties;
import yoriai.testing.Meetings;
import yoriai.testing.WsClient;

/** Over the socket: the host calls on raised hands and lowers them; nobody endorses their own proposal. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostFloorControlTest {
  @RegisterExtension
  static final MeetingParties parties = new MeetingParties(Map.of());

  private static JsonNode ack(WsClient client, String type, ObjectNode fields) {
    JsonNode reply = client.reply(client.command(type, fields));
    assertThat(reply.get("type").asText()).as(reply.toString()).isEqualTo("ack");
    return reply;
  }

  private static JsonNode event(WsClient client, JsonNode ack) {
    long seq = ack.get("seq").asLong();
    return client.eventsUpTo(seq).stream().filter(e -> e.get("seq").asLong() == seq).findFirst().orElseThrow();
  }

  @Test
  void the_host_calls_on_the_first_raised_hand_and_lowers_another_while_a_participant_is_refused_both() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    String baseUrl = parties.api().baseUrl();
    try (WsClient h = WsClient.joined(baseUrl, meetingId, parties.host().token(), null);
         WsClient p = WsClient.joined(baseUrl, meetingId, parties.professional().token(), null);
         WsClient c = WsClient.joined(baseUrl, meetingId, parties.company().token(), null)) {
      ack(c, "hand", Json.object().put("raised", true));
      ack(p, "hand", Json.object().put("raised", true));

      JsonNode refused = p.reply(p.command("moderate", Json.object().put("action", "call")));
      JsonNode called = event(p, ack(h, "moderate", Json.object().put("action", "call")));
      JsonNode lowered = event(c, ack(h, "moderate", Json.object().put("action", "lower").put("accountId", parties.professional().id())));
      JsonNode nobodyLeft = h.reply(h.command("moderate", Json.object().put("action", "call")));

      assertThat(refused.path("code").asText()).isEqualTo("forbidden");
      assertThat(called.get("kind").asText()).isEqualTo("speaker.called");
      assertThat(called.at("/data/accountId").asText()).as("first raised, first called").isEqualTo(parties.company().id());
      assertThat(lowered.get("kind").asText()).isEqualTo("hand.lowered");
      assertThat(lowered.at("/data/accountId").asText()).isEqualTo(parties.professional().id());
      assertThat(nobodyLeft.path("code").asText()).isEqualTo("no_raised_hand");
    }
  }

  @Test
  void a_hand_raised_before_a_dropped_connection_is_still_up_after_the_rejoin_and_is_called_on() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    String baseUrl = parties.api().baseUrl();
    try (WsClient h = WsClient.joined(baseUrl, meetingId, parties.host().token(), null)) {
      long raisedAt;
      try (WsClient p = WsClient.joined(baseUrl, meetingId, parties.professional().token(), null)) {
        raisedAt = ack(p, "hand", Json.object().put("raised", true)).get("seq").asLong();
      }
      h.awaitFrame(e -> "participant.left".equals(e.path("kind").asText()) && e.get("seq").asLong() > raisedAt, "participant.left");
      try (WsClient back = WsClient.joined(baseUrl, meetingId, parties.professional().token(), raisedAt)) {
        JsonNode called = event(back, ack(h, "moderate", Json.object().put("action", "call")));

        assertThat(called.get("kind").asText()).isEqualTo("speaker.called");
        assertThat(called.at("/data/accountId").asText()).isEqualTo(parties.professional().id());
      }
    }
  }

  @Test
  void endorsing_ones_own_proposal_is_refused_with_own_proposal_and_appends_nothing() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    String baseUrl = parties.api().baseUrl();
    try (WsClient p = WsClient.joined(baseUrl, meetingId, parties.professional().token(), null);
         WsClient c = WsClient.joined(baseUrl, meetingId, parties.company().token(), null)) {
      ObjectNode proposal = Json.object();
      proposal.putObject("proposal").put("targetActivity", "買い物").put("type", "market")
          .put("description", "移動販売車が週2回来る").put("keepsAbilities", "自分で品物を選べる");
      String proposalId = event(p, ack(p, "propose", proposal)).at("/data/proposalId").asText();
      String before = Meetings.events(parties.api(), parties.host().token(), meetingId).toString();

      JsonNode own = p.reply(p.command("endorse", Json.object().put("proposalId", proposalId)));

      assertThat(own.get("type").asText()).isEqualTo("error");
      assertThat(own.get("code").asText()).isEqualTo("own_proposal");
      assertThat(own.get("message").asText()).isEqualTo("You cannot endorse your own proposal");
      assertThat(Meetings.events(parties.api(), parties.host().token(), meetingId).toString()).isEqualTo(before);
      ack(c, "endorse", Json.object().put("proposalId", proposalId));
    }
  }
}
