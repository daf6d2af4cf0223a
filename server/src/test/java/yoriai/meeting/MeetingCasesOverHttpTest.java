package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.MeetingParties;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer.SignedIn;
import yoriai.testing.WsClient;

/**
 * {@code GET /api/v1/meetings/{id}/cases}: everyone who may join a meeting reads its case sheets in
 * agenda order, read-only and without the case around the sheet; the same rule as reading the
 * meeting ({@link MeetingAccess}) decides who else hears 403 or 404.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MeetingCasesOverHttpTest {
  @RegisterExtension
  static final MeetingParties parties = new MeetingParties(Map.of());

  private static Api api() {
    return parties.api();
  }

  private static Api.Reply cases(String meetingId, String token) {
    return api().get("/api/v1/meetings/" + meetingId + "/cases", token);
  }

  private static Api.Reply cases(String meetingId, String token, String code) {
    return api().get("/api/v1/meetings/" + meetingId + "/cases?inviteCode=" + URLEncoder.encode(code, StandardCharsets.UTF_8),
        token);
  }

  private static ObjectNode assessedSheet() {
    ObjectNode sheet = Meetings.sheet().put("title", "調理が難しくなった夫婦世帯の男性").put("wishes", "妻と食事を続けたい");
    sheet.putObject("assessment").putObject("movement").put("intention", "散歩を続けたい").put("issue", "膝の痛み");
    var checklist = sheet.putArray("checklist");
    for (int i = 0; i < 25; i++) {
      checklist.add(i % 2);
    }
    sheet.putArray("supports").addObject().put("kind", "informal").put("description", "近所の方が週1回声をかける");
    return sheet;
  }

  /** A meeting over two fresh cases of the host's organization: the plain sheet, then the assessed one. */
  private static JsonNode meetingOverTwoCases(String visibility) {
    String host = parties.host().token();
    ObjectNode body = Meetings.request(api(), host, visibility);
    body.withArray("caseIds").add(Meetings.submittedCase(api(), host, assessedSheet()));
    return Meetings.create(api(), host, body);
  }

  private static List<String> ids(JsonNode cases) {
    List<String> ids = new ArrayList<>();
    cases.forEach(c -> ids.add(c.get("id").asText()));
    return ids;
  }

  private static void joinOnce(String meetingId, SignedIn who, String code) {
    try (WsClient client = WsClient.connect(api().baseUrl())) {
      ObjectNode join = Json.object().put("type", "join").put("meetingId", meetingId).put("token", who.token());
      if (code != null) {
        join.put("inviteCode", code);
      }
      client.send(join);
      client.next("joined");
      client.awaitFrame(f -> "participant.joined".equals(f.path("kind").asText())
          && who.id().equals(f.at("/actor/accountId").asText()), "own presence");
    }
  }

  private static void remove(String meetingId, SignedIn who) {
    try (WsClient h = WsClient.joined(api().baseUrl(), meetingId, parties.host().token(), null)) {
      JsonNode reply = h.reply(h.command("moderate", Json.object().put("action", "remove").put("accountId", who.id())));
      assertThat(reply.get("type").asText()).as(reply.toString()).isEqualTo("ack");
    }
  }

  @Test
  void any_signed_in_account_reads_the_sheets_of_an_open_meeting_in_agenda_order() {
    JsonNode meeting = meetingOverTwoCases("open");
    String meetingId = meeting.get("id").asText();

    Api.Reply read = cases(meetingId, parties.company().token());

    assertThat(read.status()).as(read.body()).isEqualTo(200);
    JsonNode sheets = read.json().get("cases");
    assertThat(ids(sheets)).containsExactly(meeting.at("/caseIds/0").asText(), meeting.at("/caseIds/1").asText());
    assertThat(sheets.at("/0/title").asText()).isEqualTo("買い物に行けなくなった独居の女性");
    assertThat(sheets.at("/0/activities/0/difficulty").asText()).isEqualTo("重い荷物を持ち帰れない");
    assertThat(sheets.at("/0/person/careLevel").asText()).isEqualTo("要支援2");
    assertThat(sheets.at("/1/wishes").asText()).isEqualTo("妻と食事を続けたい");
    assertThat(sheets.at("/1/assessment/movement/issue").asText()).isEqualTo("膝の痛み");
    assertThat(sheets.at("/1/checklist")).hasSize(25);
    assertThat(sheets.at("/1/supports/0/description").asText()).isEqualTo("近所の方が週1回声をかける");
  }

  @Test
  void a_sheet_shows_nothing_of_the_case_around_it() {
    String meetingId = meetingOverTwoCases("open").get("id").asText();

    JsonNode sheets = cases(meetingId, parties.professional().token()).json().get("cases");

    List<String> fields = new ArrayList<>();
    sheets.forEach(sheet -> sheet.fieldNames().forEachRemaining(fields::add));
    assertThat(fields).isNotEmpty().doesNotContain("state", "organization", "createdBy", "createdAt", "updatedAt",
        "revision", "history");
    assertThat(sheets.toString()).doesNotContain("高崎市", "高崎 司会", parties.host().id());
  }

  @Test
  void anonymous_readers_are_asked_to_sign_in() {
    String meetingId = Meetings.open(api(), parties.host().token());

    assertThat(cases(meetingId, null).status()).isEqualTo(401);
  }

  @Test
  void an_invite_meeting_shows_its_sheets_to_its_host_an_admin_and_accounts_with_the_code_only() {
    JsonNode meeting = meetingOverTwoCases("invite");
    String meetingId = meeting.get("id").asText();
    String code = meeting.get("inviteCode").asText();
    SignedIn invited = parties.server().professional("招待 花子", "管理栄養士");
    SignedIn stranger = parties.server().professional("知らない 人", "理学療法士");

    Api.Reply byHost = cases(meetingId, parties.host().token());
    Api.Reply byAdmin = cases(meetingId, parties.server().adminToken());
    Api.Reply withCode = cases(meetingId, invited.token(), code);
    Api.Reply withoutCode = cases(meetingId, invited.token());
    Api.Reply withWrongCode = cases(meetingId, stranger.token(), "wrong-code");
    Api.Reply byStranger = cases(meetingId, stranger.token());
    Api.Reply missing = cases(UUID.randomUUID().toString(), stranger.token());

    assertThat(byHost.status()).as(byHost.body()).isEqualTo(200);
    assertThat(byHost.json().get("cases")).hasSize(2);
    assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
    assertThat(withCode.status()).as(withCode.body()).isEqualTo(200);
    assertThat(withCode.json().get("cases")).hasSize(2);
    assertThat(withoutCode.status()).isEqualTo(404);
    assertThat(withWrongCode.status()).isEqualTo(404);
    assertThat(byStranger.status()).isEqualTo(404);
    assertThat(byStranger.body()).isEqualTo(missing.body());
  }

  @Test
  void an_account_that_joined_an_invite_meeting_with_the_code_reads_its_sheets_without_it() {
    JsonNode meeting = meetingOverTwoCases("invite");
    String meetingId = meeting.get("id").asText();
    SignedIn guest = parties.server().professional("参加 太郎", "作業療法士");
    joinOnce(meetingId, guest, meeting.get("inviteCode").asText());

    Api.Reply read = cases(meetingId, guest.token());

    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.json().get("cases")).hasSize(2);
  }

  @Test
  void a_participant_the_host_removed_reads_no_sheet_code_or_not() {
    JsonNode invite = meetingOverTwoCases("invite");
    String inviteId = invite.get("id").asText();
    String code = invite.get("inviteCode").asText();
    String openId = Meetings.open(api(), parties.host().token());
    SignedIn removed = parties.server().company("宣伝 次郎", "株式会社せんでん");
    joinOnce(inviteId, removed, code);
    joinOnce(openId, removed, null);
    remove(inviteId, removed);
    remove(openId, removed);

    Api.Reply fromInvite = cases(inviteId, removed.token(), code);
    Api.Reply fromOpen = cases(openId, removed.token());

    assertThat(fromInvite.status()).isEqualTo(403);
    assertThat(fromInvite.errorCode()).isEqualTo("forbidden");
    assertThat(fromOpen.status()).isEqualTo(403);
    assertThat(fromOpen.errorCode()).isEqualTo("forbidden");
  }

  @Test
  void a_case_its_owner_withdrew_is_no_longer_shared() {
    JsonNode meeting = meetingOverTwoCases("open");
    String withdrawn = meeting.at("/caseIds/0").asText();
    Api.Reply withdraw = api().post("/api/v1/cases/" + withdrawn + "/withdraw", parties.host().token(), "{}");

    JsonNode sheets = cases(meeting.get("id").asText(), parties.professional().token()).json().get("cases");

    assertThat(withdraw.status()).as(withdraw.body()).isEqualTo(200);
    assertThat(ids(sheets)).containsExactly(meeting.at("/caseIds/1").asText());
  }
}
