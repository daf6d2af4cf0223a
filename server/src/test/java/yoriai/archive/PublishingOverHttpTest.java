package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import yoriai.meeting.LegacyLog;
import yoriai.testing.Api;
import yoriai.testing.Discussion;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.MeetingParties;
import yoriai.testing.TestServer;
import yoriai.testing.UniqueWord;
import yoriai.testing.WsClient;

class PublishingOverHttpTest {
  @RegisterExtension
  static final MeetingParties parties = new MeetingParties(Map.of());

  private static String search(String q) {
    return parties.api().get("/api/v1/archive/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null).body();
  }

  @Test
  void a_published_meeting_becomes_a_public_entry_with_role_labels_counts_and_no_hidden_messages() {
    String hiddenToken = UniqueWord.after("秘密トークン");
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    JsonNode entry;
    try (Discussion meeting = new Discussion(parties.server(), parties.host(), meetingId);
         WsClient pt = meeting.join(parties.professional());
         WsClient shop = meeting.join(parties.company())) {
      meeting.phase("presentation");
      meeting.post(pt, "膝の痛みで重い荷物が持てないのですね");
      String hidden = meeting.post(shop, "店長の個人的な話ですが " + hiddenToken);
      meeting.hide(hidden);
      meeting.phase("proposals");
      String proposal = meeting.propose(shop, "買い物", "market", "移動販売車の停留所を自宅近くに", "自分で選んで買える");
      meeting.endorse(pt, proposal);
      meeting.summarizeAndClose("買い物の一部を自分で続けられるよう移動販売を使う", proposal);

      Api.Reply published = meeting.publish();
      assertThat(published.status()).as(published.body()).isEqualTo(200);
      String caseId = published.json().at("/entries/0/id").asText();
      entry = parties.api().get("/api/v1/archive/cases/" + caseId, null).json();
    }

    assertThat(entry.get("title").asText()).isEqualTo("買い物に行けなくなった独居の女性");
    List<String> labels = new ArrayList<>();
    entry.get("discussion").forEach(r -> labels.add(r.get("label").asText()));
    assertThat(labels).containsExactly("理学療法士A");
    assertThat(entry.toString()).doesNotContain(hiddenToken).doesNotContain("理学 花子").doesNotContain("販売 一郎")
        .doesNotContain("株式会社いどうはんばい");
    assertThat(entry.at("/proposals/0/endorsements").asInt()).isEqualTo(1);
    assertThat(entry.at("/proposals/0/adopted").asBoolean()).isTrue();
    assertThat(entry.at("/summary/direction").asText()).contains("移動販売");
    assertThat(entry.at("/activities/0/activity").asText()).isEqualTo("買い物");
    assertThat(parties.api().get("/api/v1/cases/" + entry.get("id").asText(), parties.host().token()).json().get("state").asText())
        .isEqualTo("published");
    assertThat(search("買物")).contains(entry.get("id").asText());
    assertThat(Json.parse(search("買物")).get("relaxed").asBoolean()).isFalse();
    JsonNode nearest = Json.parse(search("買物と雪かきと草むしりと犬の散歩"));
    assertThat(nearest.get("relaxed").asBoolean()).as("no case has most of these words: the nearest, said so").isTrue();
    assertThat(nearest.at("/hits/0/id").asText()).isEqualTo(entry.get("id").asText());
    assertThat(nearest.at("/facets/activity").has("買い物")).isTrue();
  }

  @Test
  void a_message_with_personal_data_stored_before_the_meeting_check_blocks_publishing_until_the_host_hides_it()
      throws Exception {
    Path dataDir = Files.createTempDirectory("yoriai-legacy-log-");
    TestServer before = TestServer.startIn(dataDir, Map.of());
    TestServer.SignedIn legacyHost = before.municipality("旧 司会");
    TestServer.SignedIn legacyTherapist = before.professional("旧 理学", "理学療法士");
    String meetingId = Meetings.open(before.api(), legacyHost.token());
    try (Discussion meeting = new Discussion(before, legacyHost, meetingId); WsClient pt = meeting.join(legacyTherapist)) {
      meeting.phase("presentation");
      meeting.post(pt, "ご本人の連絡先は後で共有します");
    }
    before.stopKeepingData();
    String leak = LegacyLog.appendMessage(dataDir, meetingId, "ご本人の携帯は090-1234-5678です");

    try (TestServer after = TestServer.startIn(dataDir, Map.of());
         Discussion meeting = new Discussion(after, legacyHost, meetingId); WsClient pt = meeting.join(legacyTherapist)) {
      meeting.phase("proposals");
      String proposal = meeting.propose(pt, "買い物", "mutual", "近所の方との買い物同行", "歩く力を保てる");
      meeting.summarizeAndClose("地域の互助で買い物を続ける", proposal);

      Api.Reply refused = meeting.publish();
      meeting.hide(leak);
      Api.Reply accepted = meeting.publish();

      assertThat(refused.status()).as(refused.body()).isEqualTo(422);
      assertThat(refused.errorCode()).isEqualTo("pii_found");
      assertThat(refused.json().at("/error/details/0/field").asText()).startsWith("discussion[seq=").endsWith("].text");
      assertThat(refused.json().at("/error/details/0/kind").asText()).isEqualTo("phone");
      assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
      assertThat(accepted.body()).doesNotContain("090-1234-5678");
    }
  }

  @Test
  void proposal_targets_service_ids_and_issue_tags_with_personal_data_are_refused_before_they_are_stored() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    try (Discussion meeting = new Discussion(parties.server(), parties.host(), meetingId); WsClient pt = meeting.join(parties.professional())) {
      meeting.phase("proposals");
      ObjectNode fields = yoriai.testing.Json.object();
      fields.putObject("proposal").put("targetActivity", "山田花子様の買い物").put("type", "mutual")
          .put("description", "近所の方との買い物同行").put("keepsAbilities", "歩く力を保てる").put("serviceId", "090-1234-5678");
      JsonNode proposal = pt.reply(pt.command("propose", fields));
      meeting.phase("summary");
      ObjectNode summary = yoriai.testing.Json.object().put("direction", "地域の互助で買い物を続ける");
      summary.putArray("regionalIssues").addObject().put("text", "移動手段の不足").putArray("tags").add("移動").add("鈴木一郎さん");
      Api.Reply summaryReply = parties.api().put("/api/v1/meetings/" + meetingId + "/summary", parties.host().token(), summary.toString());
      meeting.phase("closed");

      Api.Reply published = meeting.publish();

      List<String> flagged = new ArrayList<>();
      proposal.path("details").forEach(f -> flagged.add(f.get("field").asText()));
      summaryReply.json().at("/error/details").forEach(f -> flagged.add(f.get("field").asText()));
      assertThat(proposal.path("code").asText()).as(proposal.toString()).isEqualTo("pii_found");
      assertThat(summaryReply.status()).as(summaryReply.body()).isEqualTo(422);
      assertThat(flagged).contains("proposal.targetActivity", "proposal.serviceId", "summary.regionalIssues[0].tags[1]");
      assertThat(published.status()).as(published.body()).isEqualTo(200);
      assertThat(published.body()).doesNotContain("山田花子", "090-1234-5678", "鈴木一郎");
      assertThat(parties.api().get("/api/v1/archive/search?q=" + URLEncoder.encode("山田花子", StandardCharsets.UTF_8), null).json()
          .get("total").asInt()).isZero();
    }
  }

  @Test
  void only_the_host_publishes_and_only_a_closed_meeting() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    try (Discussion meeting = new Discussion(parties.server(), parties.host(), meetingId)) {
      meeting.phase("presentation");

      Api.Reply notClosed = meeting.publish();
      Api.Reply byProfessional = parties.api().post("/api/v1/meetings/" + meetingId + "/publish", parties.professional().token(), "{}");
      Api.Reply byOtherHost = parties.api().post("/api/v1/meetings/" + meetingId + "/publish", parties.server().municipality("別 司会").token(), "{}");

      assertThat(notClosed.status()).isEqualTo(409);
      assertThat(notClosed.errorCode()).isEqualTo("not_closed");
      assertThat(byProfessional.status()).isEqualTo(403);
      assertThat(byOtherHost.status()).isEqualTo(403);
    }
  }

  @Test
  void a_company_that_opted_in_is_shown_by_its_name() {
    var named = parties.server().company("営業 二郎", "株式会社よりあい配食");
    assertThat(parties.api().put("/api/v1/auth/me/preferences", named.token(), "{\"showCompanyName\":true}").status()).isEqualTo(200);
    assertThat(parties.api().put("/api/v1/auth/me/preferences", parties.professional().token(), "{\"showCompanyName\":true}").status()).isEqualTo(403);
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    try (Discussion meeting = new Discussion(parties.server(), parties.host(), meetingId); WsClient shop = meeting.join(named);
         WsClient anonymous = meeting.join(parties.company())) {
      meeting.phase("presentation");
      meeting.post(shop, "配食で夕食を支えられます");
      meeting.post(anonymous, "移動販売も検討できます");
      meeting.phase("proposals");
      String proposal = meeting.propose(shop, "調理", "market", "週3回の夕食配食", "昼食は自分で作り続ける");
      meeting.summarizeAndClose("夕食は配食、昼食は自分で", proposal);

      JsonNode entry = meeting.publish().json().at("/entries/0");

      List<String> labels = new ArrayList<>();
      entry.get("discussion").forEach(r -> labels.add(r.get("label").asText()));
      assertThat(labels).containsExactly("株式会社よりあい配食", "企業A");
    }
  }

  @Test
  void open_data_exports_and_the_feed_list_published_entries() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    String caseId;
    try (Discussion meeting = new Discussion(parties.server(), parties.host(), meetingId); WsClient pt = meeting.join(parties.professional())) {
      meeting.phase("proposals");
      String proposal = meeting.propose(pt, "買い物", "public", "地域包括支援センターの見守り", "できることは自分で");
      meeting.summarizeAndClose("見守りを続ける", proposal);
      caseId = meeting.publish().json().at("/entries/0/id").asText();
    }

    Api.Reply json = parties.api().get("/api/v1/archive/export.json", null);
    Api.Reply csv = parties.api().get("/api/v1/archive/export.csv", null);
    Api.Reply feed = parties.api().get("/api/v1/archive/feed.atom", null);

    assertThat(json.body()).contains(caseId);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.body()).startsWith("\uFEFFID,タイトル,").contains(caseId);
    assertThat(feed.header("Content-Type")).startsWith("application/atom+xml");
    assertThat(feed.body()).contains("urn:yoriai:archive:" + caseId).contains("/archive/cases/" + caseId);
  }
}
