package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import yoriai.testing.Api;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer.SignedIn;
import yoriai.testing.TestSite;

/** The public meeting calendar ({@code GET /api/v1/meetings/public}, {@code .ics}) and registering for a meeting. */
class PublicCalendarOverHttpTest {
  @RegisterExtension
  static final TestSite site = new TestSite();
  private static Api api;
  private static SignedIn host;
  private static SignedIn professional;
  private static String open;
  private static String invite;
  private static final String CALL = "https://call.example.jp/secret-room";

  @BeforeAll
  static void start() {
    api = site.api();
    host = site.server().municipality("高崎 司会");
    professional = site.server().professional("登録 理学療法士", "理学療法士");
    OffsetDateTime tomorrow = OffsetDateTime.now(ZoneOffset.ofHours(9)).plusDays(1).withNano(0);
    open = meeting("公開の地域ケア会議", "open", tomorrow);
    invite = meeting("招待制の地域ケア会議", "invite", tomorrow.plusHours(1));
  }

  private static String meeting(String title, String visibility, OffsetDateTime startsAt) {
    ObjectNode body = Meetings.request(api, host.token(), visibility).put("title", title).put("startsAt", startsAt.toString())
        .put("callUrl", CALL);
    return Meetings.create(api, host.token(), body).get("id").asText();
  }

  private static JsonNode entry(Api.Reply reply, String id) {
    for (JsonNode m : reply.json().get("meetings")) {
      if (m.get("id").asText().equals(id)) {
        return m;
      }
    }
    throw new AssertionError(id + " not listed in " + reply.body());
  }

  @Test
  void a_visitor_sees_open_meetings_with_the_host_organization_and_no_case_details_nor_invite_meetings() {
    Api.Reply reply = api.get("/api/v1/meetings/public?when=upcoming", null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("meetings").findValuesAsText("id")).contains(open).doesNotContain(invite);
    JsonNode listed = entry(reply, open);
    assertThat(listed.get("title").asText()).isEqualTo("公開の地域ケア会議");
    assertThat(listed.get("hostOrganization").asText()).isEqualTo("高崎市");
    assertThat(listed.get("prefecture").asText()).isEqualTo("群馬県");
    assertThat(listed.get("startsAt").asText()).endsWith("+09:00");
    assertThat(OffsetDateTime.parse(listed.get("endsAt").asText()))
        .isEqualTo(OffsetDateTime.parse(listed.get("startsAt").asText()).plusMinutes(30));
    List<String> fields = new ArrayList<>();
    listed.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrder("id", "title", "startsAt", "endsAt", "prefecture", "hostOrganization", "state");
    assertThat(reply.body()).doesNotContain("独居").doesNotContain("重い荷物").doesNotContain(CALL).doesNotContain(host.id())
        .doesNotContain("招待制");
  }

  @Test
  void the_feed_is_icalendar_with_one_event_per_open_meeting_and_no_call_link() throws Exception {
    Api.Reply reply = api.get("/api/v1/meetings/public.ics", null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("text/calendar; charset=UTF-8");
    Calendar calendar = new CalendarBuilder().build(new StringReader(reply.body()));
    List<String> uids = calendar.getComponents("VEVENT").stream()
        .map(c -> ((VEvent) c).getProperty("UID").map(Property::getValue).orElseThrow()).toList();
    assertThat(uids).contains("meeting-" + open + "@yoriai").doesNotContain("meeting-" + invite + "@yoriai");
    assertThat(calendar.getProperty("METHOD").map(Property::getValue)).contains("PUBLISH");
    assertThat(reply.body()).doesNotContain(CALL).doesNotContain("独居").doesNotContain("ORGANIZER").doesNotContain("ATTENDEE");
  }

  @Test
  void only_upcoming_is_asked_for_and_another_when_is_refused_naming_it() {
    Api.Reply reply = api.get("/api/v1/meetings/public?when=past", null);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("when");
    assertThat(api.get("/api/v1/meetings/public.ics?when=later", null).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/meetings/upcoming", null).status()).as("the home page's list stays").isEqualTo(200);
  }

  @Test
  void a_signed_in_account_registers_once_sees_it_on_the_meeting_and_the_calendar_and_withdraws() {
    String path = "/api/v1/meetings/" + open + "/registrations";
    assertThat(entry(api.get("/api/v1/meetings/public?when=upcoming", professional.token()), open).get("registered").asBoolean())
        .isFalse();

    assertThat(api.post(path, professional.token(), "").status()).isEqualTo(201);
    assertThat(api.post(path, professional.token(), "").status()).as("again: already registered").isEqualTo(200);
    assertThat(api.get("/api/v1/meetings/" + open, professional.token()).json().get("registered").asBoolean()).isTrue();
    assertThat(entry(api.get("/api/v1/meetings/public?when=upcoming", professional.token()), open).get("registered").asBoolean())
        .isTrue();

    assertThat(api.send(api.request(path, professional.token()).DELETE().build()).status()).isEqualTo(204);
    assertThat(api.get("/api/v1/meetings/" + open, professional.token()).json().get("registered").asBoolean()).isFalse();
  }

  @Test
  void registering_needs_a_sign_in_and_a_meeting_one_may_see() {
    assertThat(api.post("/api/v1/meetings/" + open + "/registrations", null, "").status()).isEqualTo(401);
    assertThat(api.post("/api/v1/meetings/" + invite + "/registrations", professional.token(), "").status()).isEqualTo(404);
  }
}
