package yoriai.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer.SignedIn;
import yoriai.testing.TestSite;

class MeetingRoutesTest {
  @RegisterExtension
  static final TestSite site = new TestSite();
  private static Api api;
  private static SignedIn host;
  private static SignedIn professional;

  @BeforeAll
  static void start() {
    api = site.api();
    host = site.server().municipality("高崎 司会");
    professional = site.server().professional("理学 花子", "理学療法士");
  }

  @Test
  void a_municipality_creates_a_meeting_with_defaults_and_anyone_signed_in_reads_it() {
    JsonNode created = Meetings.create(api, host.token(), Meetings.request(api, host.token(), "open"));
    Api.Reply read = api.get("/api/v1/meetings/" + created.get("id").asText(), professional.token());
    Api.Reply anonymous = api.get("/api/v1/meetings/" + created.get("id").asText(), null);
    Api.Reply listed = api.get("/api/v1/meetings?when=upcoming", professional.token());

    assertThat(created.get("state").asText()).isEqualTo("scheduled");
    assertThat(created.get("hostId").asText()).isEqualTo(host.id());
    assertThat(created.has("phase")).isFalse();
    assertThat(created.at("/phaseMinutes/presentation").asInt()).isEqualTo(10);
    assertThat(created.get("commentOpensAt").asText()).isNotBlank();
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("title").asText()).isEqualTo("買い物に行けなくなった独居の女性");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(listed.json().get("meetings").findValuesAsText("id")).contains(created.get("id").asText());
  }

  @Test
  void only_hosting_roles_create_meetings_and_bad_fields_are_named() {
    Api.Reply byProfessional = api.post("/api/v1/meetings", professional.token(), Meetings.request(api, host.token(), "open").toString());
    ObjectNode bad = Meetings.request(api, host.token(), "secret");
    bad.putArray("caseIds").add("not-a-case");
    Api.Reply invalid = api.post("/api/v1/meetings", host.token(), bad.toString());
    ObjectNode empty = Meetings.request(api, host.token(), "open");
    empty.putArray("caseIds");
    Api.Reply noCases = api.post("/api/v1/meetings", host.token(), empty.toString());

    assertThat(byProfessional.status()).isEqualTo(403);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().at("/error/details").findValuesAsText("field")).contains("visibility", "caseIds[0]");
    assertThat(noCases.json().at("/error/details").findValuesAsText("field")).contains("caseIds");
  }

  @Test
  void the_summary_is_written_by_the_host_in_the_summary_phase_only() {
    String meetingId = Meetings.open(api, host.token());
    String summary = Json.object().put("direction", "自分で買い物を続ける").toString();

    Api.Reply tooEarly = api.put("/api/v1/meetings/" + meetingId + "/summary", host.token(), summary);
    Api.Reply notHost = api.put("/api/v1/meetings/" + meetingId + "/summary", professional.token(), summary);
    Api.Reply unknown = api.get("/api/v1/meetings/00000000-0000-0000-0000-000000000000", host.token());
    Api.Reply badAfter = api.get("/api/v1/meetings/" + meetingId + "/events?after=-1", host.token());

    assertThat(tooEarly.status()).isEqualTo(409);
    assertThat(tooEarly.errorCode()).isEqualTo("wrong_phase");
    assertThat(notHost.status()).isEqualTo(403);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(badAfter.status()).isEqualTo(400);
    assertThat(Meetings.events(api, host.token(), meetingId)).isEmpty();
  }

  @Test
  void a_meeting_may_carry_an_https_call_url_that_its_readers_see_and_listings_show_only_its_host() {
    String callUrl = "https://meet.example.jp/takasaki/chiiki-care?pwd=abc123";
    ObjectNode body = Meetings.request(api, host.token(), "open").put("callUrl", callUrl);

    JsonNode created = Meetings.create(api, host.token(), body);
    JsonNode read = api.get("/api/v1/meetings/" + created.get("id").asText(), professional.token()).json();
    JsonNode without = Meetings.create(api, host.token(), Meetings.request(api, host.token(), "open"));

    assertThat(created.get("callUrl").asText()).isEqualTo(callUrl);
    assertThat(read.get("callUrl").asText()).isEqualTo(callUrl);
    assertThat(without.has("callUrl")).isFalse();
    String id = created.get("id").asText();
    assertThat(listed(professional, id).has("callUrl")).as("a listing reaches removed participants too").isFalse();
    assertThat(listed(host, id).get("callUrl").asText()).isEqualTo(callUrl);
  }

  private static JsonNode listed(SignedIn reader, String meetingId) {
    for (JsonNode meeting : api.get("/api/v1/meetings", reader.token()).json().get("meetings")) {
      if (meeting.get("id").asText().equals(meetingId)) {
        return meeting;
      }
    }
    throw new AssertionError("meeting " + meetingId + " not listed");
  }

  @Test
  void a_call_url_that_is_not_an_https_url_with_a_host_is_refused_naming_it() {
    for (String bad : new String[] {"http://meet.example.jp/room", "javascript:alert(1)", "https://", "https:///room",
        "meet.example.jp/room", "", "https://city.example.jp@evil.example/room", "https://meet.example.jp/a b",
        "https://meet.example.jp/" + "a".repeat(480)}) {
      ObjectNode body = Meetings.request(api, host.token(), "open").put("callUrl", bad);

      Api.Reply refused = api.post("/api/v1/meetings", host.token(), body.toString());

      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.json().at("/error/details").findValuesAsText("field")).as(bad).containsExactly("callUrl");
    }
  }

  @Test
  void a_call_url_is_a_machine_value_not_checked_for_personal_data_while_the_title_still_is() {
    ObjectNode withDigits = Meetings.request(api, host.token(), "open")
        .put("callUrl", "https://meet.example.jp/j/09012345678?pwd=0312345678");
    ObjectNode badTitle = Meetings.request(api, host.token(), "open").put("title", "山田花子さん 090-1234-5678 の検討");

    Api.Reply accepted = api.post("/api/v1/meetings", host.token(), withDigits.toString());
    Api.Reply refused = api.post("/api/v1/meetings", host.token(), badTitle.toString());

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.json().at("/error/details").findValuesAsText("field")).containsOnly("title");
  }
}
