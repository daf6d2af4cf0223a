package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import yoriai.testing.Api;
import yoriai.testing.Discussion;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer.SignedIn;
import yoriai.testing.TestSite;
import yoriai.testing.UniqueWord;

/** {@code GET /api/v1/meetings/upcoming}: what an anonymous visitor of the home page may see of meetings. */
class UpcomingMeetingsOverHttpTest {
  @RegisterExtension
  static final TestSite site = new TestSite();
  private static Api api;
  private static SignedIn host;
  private static String token;
  private static String soon;
  private static String later;
  private static String invite;
  private static String closed;
  private static String longAgo;

  @BeforeAll
  static void start() {
    api = site.api();
    host = site.server().municipality("高崎 司会");
    token = UniqueWord.after("ひみつのまめ");
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(9)).withNano(0);
    later = meeting("来週の会議", "open", now.plusDays(7), "https://call.example.jp/" + token);
    soon = meeting("明日の会議", "open", now.plusDays(1), null);
    invite = meeting("招待制の会議 " + token, "invite", now.plusDays(2), null);
    longAgo = meeting("先月の会議", "open", now.minusDays(30), null);
    closed = meeting("終わった会議", "open", now.plusHours(1), null);
    try (Discussion meeting = new Discussion(site.server(), host, closed)) {
      meeting.phase("closed");
    }
  }

  private static String meeting(String title, String visibility, OffsetDateTime startsAt, String callUrl) {
    ObjectNode body = Meetings.request(api, host.token(), visibility).put("title", title).put("startsAt", startsAt.toString());
    if (callUrl != null) {
      body.put("callUrl", callUrl);
    }
    return Meetings.create(api, host.token(), body).get("id").asText();
  }

  @Test
  void an_anonymous_visitor_sees_open_meetings_still_to_come_soonest_first() {
    Api.Reply reply = api.get("/api/v1/meetings/upcoming", null);

    assertThat(reply.status()).isEqualTo(200);
    List<String> ids = reply.json().get("meetings").findValuesAsText("id");
    assertThat(ids).containsSubsequence(soon, later).doesNotContain(invite, closed, longAgo);
    JsonNode first = reply.json().at("/meetings/0");
    assertThat(first.get("title").asText()).isEqualTo("明日の会議");
    assertThat(first.get("visibility").asText()).isEqualTo("open");
    assertThat(first.get("state").asText()).isEqualTo("scheduled");
    assertThat(first.get("caseCount").asInt()).isEqualTo(1);
    assertThat(first.get("startsAt").asText()).isNotBlank();
  }

  @Test
  void the_listing_carries_no_host_agenda_call_link_invite_code_or_invite_only_title() {
    Api.Reply reply = api.get("/api/v1/meetings/upcoming", null);

    List<String> fields = new ArrayList<>();
    reply.json().get("meetings").forEach(m -> m.fieldNames().forEachRemaining(fields::add));
    assertThat(fields).containsOnly("id", "title", "startsAt", "visibility", "state", "caseCount");
    assertThat(reply.body()).doesNotContain(token).doesNotContain(host.id()).doesNotContain("call.example.jp");
  }

  @Test
  void a_limit_out_of_range_is_refused_naming_the_parameter() {
    Api.Reply reply = api.get("/api/v1/meetings/upcoming?limit=500", null);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("limit");
    assertThat(api.get("/api/v1/meetings/upcoming?limit=1", null).json().get("meetings")).hasSize(1);
  }
}
