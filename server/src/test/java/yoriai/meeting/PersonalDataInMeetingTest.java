package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.MeetingParties;
import yoriai.testing.WsClient;

/** The meeting log becomes the public archive: a text with personal data is refused and never stored. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PersonalDataInMeetingTest {
  @RegisterExtension
  static final MeetingParties parties = new MeetingParties(Map.of());

  private static ObjectNode proposal(String description) {
    ObjectNode fields = Json.object();
    fields.putObject("proposal").put("targetActivity", "買い物").put("type", "market")
        .put("description", description).put("keepsAbilities", "自分で品物を選べる");
    return fields;
  }

  @Test
  void a_post_or_proposal_with_personal_data_is_refused_with_its_findings_and_never_reaches_the_log() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    try (WsClient p = WsClient.joined(parties.api().baseUrl(), meetingId, parties.professional().token(), null)) {
      JsonNode phone = p.reply(p.command("post", Json.object().put("text", "娘さんの電話は090-1234-5678です")));
      JsonNode name = p.reply(p.command("propose", proposal("山田花子さんが付き添う")));
      JsonNode postal = p.reply(p.command("post", Json.object().put("text", "〒370-0001 のお宅です")));
      JsonNode clean = p.reply(p.command("post", Json.object().put("text", "週2回の移動販売が合いそうです")));
      String log = Meetings.events(parties.api(), parties.host().token(), meetingId).toString();

      assertThat(phone.path("code").asText()).as(phone.toString()).isEqualTo("pii_found");
      assertThat(phone.at("/details/0/field").asText()).isEqualTo("text");
      assertThat(phone.at("/details/0/kind").asText()).isEqualTo("phone");
      assertThat(phone.at("/details/0/start").asInt()).isEqualTo(7);
      assertThat(name.path("code").asText()).as(name.toString()).isEqualTo("pii_found");
      assertThat(name.at("/details/0/field").asText()).isEqualTo("proposal.description");
      assertThat(postal.path("code").asText()).isEqualTo("pii_found");
      assertThat(clean.get("type").asText()).as(clean.toString()).isEqualTo("ack");
      assertThat(log).doesNotContain("090-1234-5678", "山田花子", "370-0001").contains("週2回の移動販売が合いそうです");
    }
  }

  @Test
  void a_meeting_titled_with_a_persons_name_is_refused_and_not_created() {
    var request = Meetings.request(parties.api(), parties.host().token(), "open").put("title", "山田花子さんの買い物を考える会");

    Api.Reply refused = parties.api().post("/api/v1/meetings", parties.host().token(), request.toString());

    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("pii_found");
    assertThat(refused.json().at("/error/details/0/field").asText()).isEqualTo("title");
    assertThat(parties.api().get("/api/v1/meetings", parties.host().token()).body()).doesNotContain("山田花子");
  }

  @Test
  void a_summary_with_personal_data_is_refused_over_rest_and_the_stored_summary_stays() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    String path = "/api/v1/meetings/" + meetingId + "/summary";
    ObjectNode clean = Json.object().put("direction", "本人が選べる買い物の形を残す");
    ObjectNode personal = Json.object().put("direction", "昭和15年5月10日生まれの方の買い物を支える");
    try (WsClient h = WsClient.joined(parties.api().baseUrl(), meetingId, parties.host().token(), null)) {
      JsonNode toSummary = h.reply(h.command("phase", Json.object().put("to", "summary")));
      assertThat(toSummary.get("type").asText()).as(toSummary.toString()).isEqualTo("ack");
    }

    Api.Reply stored = parties.api().put(path, parties.host().token(), clean.toString());
    Api.Reply refused = parties.api().put(path, parties.host().token(), personal.toString());
    String meeting = parties.api().get("/api/v1/meetings/" + meetingId, parties.host().token()).body();

    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("pii_found");
    assertThat(refused.json().at("/error/details/0/field").asText()).isEqualTo("summary.direction");
    assertThat(meeting).contains("本人が選べる買い物の形を残す").doesNotContain("昭和15年");
  }
}
