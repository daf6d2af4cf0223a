package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import yoriai.testing.Api;
import yoriai.testing.Discussion;
import yoriai.testing.Json;
import yoriai.testing.MeetingParties;
import yoriai.testing.Meetings;
import yoriai.testing.WsClient;

/** A meeting whose agenda has two cases, over the real REST API and WebSocket. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MeetingAgendaTest {
  @RegisterExtension
  static final MeetingParties parties = new MeetingParties(Map.of());

  private record Agenda(String meetingId, String first, String second) {}

  private static Agenda twoCases() {
    Api api = parties.api();
    ObjectNode body = Meetings.request(api, parties.host().token(), "open");
    ObjectNode second = Meetings.sheet().put("title", "調理が難しくなった高齢夫婦");
    String secondId = Meetings.submittedCase(api, parties.host().token(), second);
    body.withArray("caseIds").add(secondId);
    JsonNode meeting = Meetings.create(api, parties.host().token(), body);
    return new Agenda(meeting.get("id").asText(), meeting.at("/caseIds/0").asText(), secondId);
  }

  private static JsonNode meeting(String meetingId) {
    return parties.api().get("/api/v1/meetings/" + meetingId, parties.host().token()).json();
  }

  /** The data of every event of {@code kind}, oldest first. */
  private static List<JsonNode> data(String meetingId, String kind) {
    List<JsonNode> found = new ArrayList<>();
    Meetings.events(parties.api(), parties.host().token(), meetingId)
        .forEach(e -> {
          if (kind.equals(e.get("kind").asText())) {
            found.add(e.get("data"));
          }
        });
    return found;
  }

  private static Api.Reply summary(String meetingId, String caseId, String direction, String... adopted) {
    ObjectNode body = Json.object().put("direction", direction);
    for (String proposalId : adopted) {
      body.withArray("adoptedProposalIds").add(proposalId);
    }
    return parties.api().put("/api/v1/meetings/" + meetingId + "/cases/" + caseId + "/summary", parties.host().token(),
        body.toString());
  }

  private static String refusal(WsClient as, String type, ObjectNode fields) {
    JsonNode reply = as.reply(as.command(type, fields));
    assertThat(reply.get("type").asText()).as(reply.toString()).isEqualTo("error");
    return reply.get("code").asText();
  }

  @Test
  void the_host_moves_the_focus_and_every_contribution_carries_the_case_in_focus() {
    Agenda agenda = twoCases();
    try (Discussion meeting = new Discussion(parties.server(), parties.host(), agenda.meetingId());
         WsClient pt = meeting.join(parties.professional());
         WsClient shop = meeting.join(parties.company())) {
      assertThat(meeting(agenda.meetingId()).get("focusCaseId").asText()).isEqualTo(agenda.first());
      meeting.phase("presentation");
      meeting.post(pt, "一件目への質問です");

      String byParticipant = refusal(pt, "focus", Json.object().put("caseId", agenda.second()));
      String byCompany = refusal(shop, "focus", Json.object().put("caseId", agenda.first()));
      meeting.focus(agenda.second());
      JsonNode focused = pt.next(f -> "case.focused".equals(f.path("kind").asText()), "case.focused");
      meeting.post(pt, "二件目への質問です");
      String proposal = meeting.propose(shop, "調理", "market", "夕食の配食", "昼食は自分で作る");
      meeting.endorse(pt, proposal);

      assertThat(byParticipant).isEqualTo("forbidden");
      assertThat(byCompany).isEqualTo("forbidden");
      assertThat(focused.at("/data/caseId").asText()).isEqualTo(agenda.second());
      assertThat(focused.at("/data/phase").asText()).isEqualTo("presentation");
      assertThat(data(agenda.meetingId(), "message.posted")).extracting(d -> d.get("caseId").asText())
          .containsExactly(agenda.first(), agenda.second());
      assertThat(data(agenda.meetingId(), "proposal.posted").get(0).get("caseId").asText()).isEqualTo(agenda.second());
      assertThat(data(agenda.meetingId(), "proposal.endorsed").get(0).get("caseId").asText()).isEqualTo(agenda.second());
      JsonNode view = meeting(agenda.meetingId());
      assertThat(view.get("focusCaseId").asText()).isEqualTo(agenda.second());
      assertThat(view.get("phase").asText()).isEqualTo("presentation");
      assertThat(view.at("/casePhases/" + agenda.first()).asText()).isEqualTo("presentation");
    }
  }

  @Test
  void a_focus_on_a_case_outside_the_agenda_or_malformed_or_after_closing_is_refused() {
    Agenda agenda = twoCases();
    String otherCase = Meetings.submittedCase(parties.api(), parties.host().token());
    try (WsClient host = WsClient.joined(parties.api().baseUrl(), agenda.meetingId(), parties.host().token(), 0L)) {
      String outside = refusal(host, "focus", Json.object().put("caseId", otherCase));
      String malformed = refusal(host, "focus", Json.object().put("caseId", "case-2"));
      host.reply(host.command("phase", Json.object().put("to", "closed")));
      String closed = refusal(host, "focus", Json.object().put("caseId", agenda.second()));

      assertThat(outside).isEqualTo("not_found");
      assertThat(malformed).isEqualTo("invalid_message");
      assertThat(closed).isEqualTo("closed");
    }
  }

  @Test
  void each_case_has_its_own_phase_cycle_and_its_own_summary_of_its_own_proposals() {
    Agenda agenda = twoCases();
    try (Discussion meeting = new Discussion(parties.server(), parties.host(), agenda.meetingId());
         WsClient pt = meeting.join(parties.professional());
         WsClient host = meeting.join(parties.host())) {
      meeting.phase("proposals");
      String first = meeting.propose(pt, "買い物", "market", "移動販売", "自分で選ぶ");
      Api.Reply tooEarly = summary(agenda.meetingId(), agenda.first(), "移動販売を使う", first);
      meeting.phase("summary");
      Api.Reply secondNotYet = summary(agenda.meetingId(), agenda.second(), "まだ");
      Api.Reply firstWritten = summary(agenda.meetingId(), agenda.first(), "移動販売を使う", first);

      meeting.focus(agenda.second());
      JsonNode inSecond = meeting(agenda.meetingId());
      meeting.phase("proposals");
      String backwards = refusal(host, "phase", Json.object().put("to", "questions"));
      String second = meeting.propose(pt, "調理", "mutual", "近所の方と一緒に調理", "包丁は自分で使う");
      meeting.phase("summary");
      Api.Reply wrongCase = summary(agenda.meetingId(), agenda.second(), "配食", first);
      Api.Reply secondWritten = summary(agenda.meetingId(), agenda.second(), "近所の方と調理を続ける", second);
      meeting.focus(agenda.first());
      JsonNode resumed = meeting(agenda.meetingId());

      assertThat(tooEarly.status()).isEqualTo(409);
      assertThat(tooEarly.errorCode()).isEqualTo("wrong_phase");
      assertThat(secondNotYet.status()).isEqualTo(409);
      assertThat(firstWritten.status()).as(firstWritten.body()).isEqualTo(200);
      assertThat(inSecond.get("phase").asText()).isEqualTo("presentation");
      assertThat(backwards).as("phases move forward within the case's own cycle").isEqualTo("invalid_message");
      assertThat(wrongCase.status()).isEqualTo(400);
      assertThat(wrongCase.json().at("/error/details/0/field").asText()).isEqualTo("adoptedProposalIds[0]");
      assertThat(secondWritten.status()).as(secondWritten.body()).isEqualTo(200);
      assertThat(resumed.get("phase").asText()).as("a case focused again starts its phases at presentation (§7)")
          .isEqualTo("presentation");
      assertThat(resumed.at("/summary/direction").asText()).isEqualTo("移動販売を使う");
      assertThat(resumed.at("/summaries/" + agenda.first() + "/adoptedProposalIds/0").asText()).isEqualTo(first);
      assertThat(resumed.at("/summaries/" + agenda.second() + "/adoptedProposalIds/0").asText()).isEqualTo(second);
      assertThat(data(agenda.meetingId(), "summary.updated")).extracting(d -> d.get("caseId").asText())
          .containsExactly(agenda.first(), agenda.second());
    }
  }

  @Test
  void publishing_makes_one_entry_per_case_with_only_its_own_discussion_proposals_and_summary() {
    Agenda agenda = twoCases();
    Map<String, JsonNode> entries = new HashMap<>();
    try (Discussion meeting = new Discussion(parties.server(), parties.host(), agenda.meetingId());
         WsClient pt = meeting.join(parties.professional());
         WsClient shop = meeting.join(parties.company())) {
      meeting.phase("presentation");
      meeting.post(pt, "買い物の店までの距離を教えてください");
      meeting.phase("proposals");
      String first = meeting.propose(shop, "買い物", "market", "移動販売車の停留所", "自分で選んで買える");
      meeting.endorse(pt, first);
      meeting.phase("summary");
      assertThat(summary(agenda.meetingId(), agenda.first(), "移動販売を使う", first).status()).isEqualTo(200);
      meeting.focus(agenda.second());
      meeting.post(shop, "夕食づくりの負担が大きいようです");
      meeting.phase("proposals");
      String second = meeting.propose(pt, "調理", "mutual", "近所の方と一緒に調理", "包丁は自分で使う");
      meeting.phase("closed");
      assertThat(summary(agenda.meetingId(), agenda.second(), "一緒に調理を続ける", second).status()).isEqualTo(200);

      Api.Reply published = meeting.publish();
      assertThat(published.status()).as(published.body()).isEqualTo(200);
      published.json().get("entries").forEach(e -> entries.put(e.get("id").asText(), e));
    }

    JsonNode one = entries.get(agenda.first());
    JsonNode two = entries.get(agenda.second());
    assertThat(entries).hasSize(2);
    assertThat(one.get("discussion")).extracting(r -> r.get("text").asText()).containsExactly("買い物の店までの距離を教えてください");
    assertThat(one.get("proposals")).extracting(p -> p.get("description").asText()).containsExactly("移動販売車の停留所");
    assertThat(one.at("/proposals/0/endorsements").asInt()).isEqualTo(1);
    assertThat(one.at("/proposals/0/adopted").asBoolean()).isTrue();
    assertThat(one.at("/summary/direction").asText()).isEqualTo("移動販売を使う");
    assertThat(two.get("discussion")).extracting(r -> r.get("text").asText()).containsExactly("夕食づくりの負担が大きいようです");
    assertThat(two.at("/discussion/0/label").asText()).as("labels start afresh in each entry").isEqualTo("企業A");
    assertThat(two.get("proposals")).extracting(p -> p.get("description").asText()).containsExactly("近所の方と一緒に調理");
    assertThat(two.at("/proposals/0/adopted").asBoolean()).isTrue();
    assertThat(two.at("/summary/direction").asText()).isEqualTo("一緒に調理を続ける");
    assertThat(parties.api().get("/api/v1/archive/cases/" + agenda.second(), null).json().toString())
        .doesNotContain("移動販売");
  }
}
