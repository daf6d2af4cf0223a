package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import yoriai.testing.Api;
import yoriai.testing.Discussion;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.WsClient;

/** A re-identification complaint after publishing is answered by redacting the text, with an audit record. */
class ArchiveRedactionTest {
  private static final String MARKER = "（削除されました）";
  private static TestServer server;
  private static Api api;
  private static TestServer.SignedIn host;
  private static TestServer.SignedIn therapist;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    api = server.api();
    host = server.municipality("高崎 司会");
    therapist = server.professional("理学 花子", "理学療法士");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode published(String remark) {
    String meetingId = Meetings.open(api, host.token());
    try (Discussion meeting = new Discussion(server, host, meetingId); WsClient pt = meeting.join(therapist)) {
      meeting.phase("presentation");
      meeting.post(pt, remark);
      meeting.phase("proposals");
      String proposal = meeting.propose(pt, "買い物", "mutual", "近所の方との買い物同行", "歩く力を保てる");
      meeting.summarizeAndClose("地域の互助で買い物を続ける", proposal);
      Api.Reply published = meeting.publish();
      assertThat(published.status()).as(published.body()).isEqualTo(200);
      return published.json().at("/entries/0");
    }
  }

  private static Api.Reply redact(String token, String entryId, String path, String reason) {
    return api.post("/api/v1/archive/cases/" + entryId + "/redactions", token,
        Json.object().put("path", path).put("reason", reason).toString());
  }

  @Test
  void the_host_redacts_a_remark_and_search_exports_and_the_feed_show_the_marker_with_an_audit_record() {
    String word = "青瓦荘" + System.nanoTime() % 100000;
    JsonNode entry = published("毎週火曜に" + word + "の前の坂で休んでいる方です");
    String id = entry.get("id").asText();
    String path = "discussion[seq=" + entry.at("/discussion/0/seq").asLong() + "].text";
    assertThat(api.get("/api/v1/archive/export.json", null).body()).contains(word);

    Api.Reply redacted = redact(host.token(), id, path, "ご本人が特定されるとの申し出");

    assertThat(redacted.status()).as(redacted.body()).isEqualTo(200);
    assertThat(redacted.json().at("/discussion/0/text").asText()).isEqualTo(MARKER);
    JsonNode stored = api.get("/api/v1/archive/cases/" + id, null).json();
    assertThat(stored.at("/discussion/0/text").asText()).isEqualTo(MARKER);
    assertThat(stored.at("/discussion/0/label").asText()).isEqualTo("理学療法士A");
    assertThat(stored.at("/summary/direction").asText()).isEqualTo("地域の互助で買い物を続ける");
    assertThat(api.get("/api/v1/archive/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8), null).json()
        .get("total").asInt()).isZero();
    assertThat(api.get("/api/v1/archive/export.json", null).body()).doesNotContain(word);
    assertThat(api.get("/api/v1/archive/export.csv", null).body()).doesNotContain(word);
    assertThat(api.get("/api/v1/archive/feed.atom", null).body()).doesNotContain(word);
    JsonNode audit = api.get("/api/v1/archive/cases/" + id + "/redactions", server.adminToken()).json().get("redactions");
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).get("entryId").asText()).isEqualTo(id);
    assertThat(audit.get(0).get("path").asText()).isEqualTo(path);
    assertThat(audit.get(0).get("by").asText()).isEqualTo(host.id());
    assertThat(audit.get(0).get("reason").asText()).isEqualTo("ご本人が特定されるとの申し出");
    assertThat(audit.get(0).get("at").asText()).isNotBlank();
  }

  @Test
  void an_admin_may_redact_any_entry_and_a_repeat_changes_nothing() {
    JsonNode entry = published("駅前の店で毎朝お会いします");
    String id = entry.get("id").asText();
    String path = "proposals[" + entry.at("/proposals/0/proposalId").asText() + "].description";

    Api.Reply first = redact(server.adminToken(), id, path, "提案者からの訂正依頼");
    Api.Reply again = redact(server.adminToken(), id, path, "提案者からの訂正依頼");

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().at("/proposals/0/description").asText()).isEqualTo(MARKER);
    assertThat(again.status()).isEqualTo(200);
    assertThat(api.get("/api/v1/archive/cases/" + id + "/redactions", host.token()).json().get("redactions")).hasSize(1);
  }

  @Test
  void only_the_host_or_an_admin_redacts_and_only_a_text_the_entry_has() {
    JsonNode entry = published("近くの公園まで散歩しています");
    String id = entry.get("id").asText();
    String before = api.get("/api/v1/archive/cases/" + id, null).body();
    TestServer.SignedIn otherHost = server.municipality("別 司会");

    Api.Reply anonymous = redact(null, id, "title", "理由");
    Api.Reply participant = redact(therapist.token(), id, "title", "理由");
    Api.Reply stranger = redact(otherHost.token(), id, "title", "理由");
    Api.Reply machineValue = redact(host.token(), id, "prefecture", "理由");
    Api.Reply noSuchText = redact(host.token(), id, "discussion[seq=999999].text", "理由");
    Api.Reply noReason = api.post("/api/v1/archive/cases/" + id + "/redactions", host.token(), "{\"path\":\"title\"}");
    Api.Reply missing = redact(host.token(), "00000000-0000-0000-0000-000000000000", "title", "理由");
    Api.Reply auditByParticipant = api.get("/api/v1/archive/cases/" + id + "/redactions", therapist.token());

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(participant.status()).isEqualTo(403);
    assertThat(stranger.status()).isEqualTo(403);
    assertThat(machineValue.status()).isEqualTo(400);
    assertThat(machineValue.json().at("/error/details/0/field").asText()).isEqualTo("path");
    assertThat(noSuchText.status()).isEqualTo(400);
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().at("/error/details/0/field").asText()).isEqualTo("reason");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(auditByParticipant.status()).isEqualTo(403);
    assertThat(api.get("/api/v1/archive/cases/" + id, null).body()).isEqualTo(before);
  }
}
