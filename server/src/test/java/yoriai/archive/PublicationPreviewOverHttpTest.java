package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import yoriai.meeting.LegacyLog;
import yoriai.testing.Api;
import yoriai.testing.Discussion;
import yoriai.testing.MeetingParties;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;
import yoriai.testing.WsClient;

/**
 * {@code GET /api/v1/meetings/{id}/publication}: what publishing would make public, from the very
 * step publishing takes, and the personal data that would refuse it, by case and field. It stores
 * nothing.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PublicationPreviewOverHttpTest {
  private static final String CALL_URL = "https://meet.example.jp/takasaki/room-7?pwd=k2x9";

  @RegisterExtension
  static final MeetingParties parties = new MeetingParties(Map.of());

  private static Api api() {
    return parties.api();
  }

  private static Api.Reply preview(Api api, String meetingId, String token) {
    return api.get("/api/v1/meetings/" + meetingId + "/publication", token);
  }

  /** An open meeting over two fresh cases of the host's organization, with a call link. */
  private static JsonNode meetingOverTwoCases(Api api, String hostToken) {
    ObjectNode body = Meetings.request(api, hostToken, "open").put("callUrl", CALL_URL);
    body.withArray("caseIds").add(Meetings.submittedCase(api, hostToken,
        Meetings.sheet().put("title", "調理が難しくなった夫婦世帯の男性")));
    return Meetings.create(api, hostToken, body);
  }

  /**
   * The case's state once its meeting's close has reached it: the room marks the cases discussed
   * after it acks the close, so a read right after the ack may still find the case scheduled.
   */
  private static String stateAfterTheClose(Api api, String caseId, String token) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String state = api.get("/api/v1/cases/" + caseId, token).json().get("state").asText();
    while (state.equals("scheduled") && System.nanoTime() < deadline) {
      Thread.sleep(20);
      state = api.get("/api/v1/cases/" + caseId, token).json().get("state").asText();
    }
    return state;
  }

  private static JsonNode withoutPublishedAt(JsonNode entry) {
    ObjectNode copy = entry.deepCopy();
    copy.remove("publishedAt");
    return copy;
  }

  private static List<JsonNode> eachWithoutPublishedAt(JsonNode entries) {
    List<JsonNode> out = new ArrayList<>();
    entries.forEach(e -> out.add(withoutPublishedAt(e)));
    return out;
  }

  @Test
  void the_preview_is_what_publishing_then_makes_public_and_stores_nothing() throws Exception {
    JsonNode meeting = meetingOverTwoCases(api(), parties.host().token());
    String meetingId = meeting.get("id").asText();
    String firstCase = meeting.at("/caseIds/0").asText();
    Api.Reply preview;
    Api.Reply again;
    Api.Reply published;
    try (Discussion discussion = new Discussion(parties.server(), parties.host(), meetingId);
         WsClient pt = discussion.join(parties.professional());
         WsClient shop = discussion.join(parties.company())) {
      discussion.phase("presentation");
      discussion.post(pt, "膝の痛みで重い荷物が持てないのですね");
      discussion.hide(discussion.post(shop, "この発言は後で消します"));
      discussion.phase("proposals");
      String proposal = discussion.propose(shop, "買い物", "market", "移動販売車の停留所を自宅近くに", "自分で選んで買える");
      discussion.endorse(pt, proposal);
      discussion.summarizeAndClose("買い物の一部を自分で続けられるよう移動販売を使う", proposal);

      preview = preview(api(), meetingId, parties.host().token());
      again = preview(api(), meetingId, parties.host().token());
      assertThat(stateAfterTheClose(api(), firstCase, parties.host().token()))
          .as("the case is not published by a preview").isEqualTo("discussed");
      assertThat(api().get("/api/v1/archive/cases/" + firstCase, null).status()).isEqualTo(404);
      assertThat(api().get("/api/v1/archive/export.json", null).body()).doesNotContain(firstCase);
      published = discussion.publish();
    }

    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().get("findings")).isEmpty();
    assertThat(preview.json().get("entries")).hasSize(2);
    assertThat(preview.body()).doesNotContain("この発言は後で消します").doesNotContain(CALL_URL).doesNotContain("meet.example.jp");
    assertThat(eachWithoutPublishedAt(again.json().get("entries"))).isEqualTo(eachWithoutPublishedAt(preview.json().get("entries")));
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    assertThat(eachWithoutPublishedAt(published.json().get("entries")))
        .isEqualTo(eachWithoutPublishedAt(preview.json().get("entries")));
    for (JsonNode entry : preview.json().get("entries")) {
      JsonNode stored = api().get("/api/v1/archive/cases/" + entry.get("id").asText(), null).json();
      assertThat(withoutPublishedAt(stored)).isEqualTo(withoutPublishedAt(entry));
    }
  }

  @Test
  void only_the_host_or_an_admin_previews_and_only_a_closed_meeting() {
    JsonNode meeting = meetingOverTwoCases(api(), parties.host().token());
    String meetingId = meeting.get("id").asText();
    SignedIn otherHost = parties.server().municipality("別 司会");
    try (Discussion discussion = new Discussion(parties.server(), parties.host(), meetingId)) {
      discussion.phase("presentation");

      Api.Reply notClosed = preview(api(), meetingId, parties.host().token());
      Api.Reply byProfessional = preview(api(), meetingId, parties.professional().token());
      Api.Reply byOtherHost = preview(api(), meetingId, otherHost.token());
      Api.Reply anonymous = preview(api(), meetingId, null);
      discussion.phase("closed");
      Api.Reply byAdmin = preview(api(), meetingId, parties.server().adminToken());

      assertThat(notClosed.status()).isEqualTo(409);
      assertThat(notClosed.errorCode()).isEqualTo("not_closed");
      assertThat(byProfessional.status()).isEqualTo(403);
      assertThat(byOtherHost.status()).isEqualTo(403);
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
    }
  }

  @Test
  void findings_name_the_case_and_the_field_and_clear_once_the_host_hides_the_message() throws Exception {
    Path dataDir = Files.createTempDirectory("yoriai-preview-findings-");
    TestServer before = TestServer.startIn(dataDir, Map.of());
    SignedIn host = before.municipality("旧 司会");
    SignedIn therapist = before.professional("旧 理学", "理学療法士");
    JsonNode meeting = meetingOverTwoCases(before.api(), host.token());
    String meetingId = meeting.get("id").asText();
    List<String> caseIds = List.of(meeting.at("/caseIds/0").asText(), meeting.at("/caseIds/1").asText());
    try (Discussion discussion = new Discussion(before, host, meetingId); WsClient pt = discussion.join(therapist)) {
      discussion.phase("presentation");
      discussion.post(pt, "ご本人の連絡先は後で共有します");
    }
    before.stopKeepingData();
    // a message stored before meetings checked their texts: only publishing's check can still catch it
    String leak = LegacyLog.appendMessage(dataDir, meetingId, "ご本人の携帯は090-1234-5678です");

    try (TestServer after = TestServer.startIn(dataDir, Map.of());
         Discussion discussion = new Discussion(after, host, meetingId)) {
      discussion.phase("closed");

      Api.Reply blocked = preview(after.api(), meetingId, host.token());
      discussion.hide(leak);
      Api.Reply clean = preview(after.api(), meetingId, host.token());

      assertThat(blocked.status()).as(blocked.body()).isEqualTo(200);
      JsonNode findings = blocked.json().get("findings");
      assertThat(findings).isNotEmpty();
      assertThat(findings.findValuesAsText("caseId")).allSatisfy(id -> assertThat(caseIds).contains(id))
          .contains(caseIds.get(0));
      JsonNode first = findings.get(0);
      assertThat(first.get("field").asText()).startsWith("discussion[seq=").endsWith("].text");
      assertThat(first.get("kind").asText()).isEqualTo("phone");
      assertThat(first.get("end").asInt()).isGreaterThan(first.get("start").asInt());
      assertThat(blocked.body()).contains("090-1234-5678");
      assertThat(stateAfterTheClose(after.api(), caseIds.get(0), host.token())).isEqualTo("discussed");
      assertThat(clean.json().get("findings")).isEmpty();
      assertThat(clean.body()).doesNotContain("090-1234-5678");
    }
  }
}
