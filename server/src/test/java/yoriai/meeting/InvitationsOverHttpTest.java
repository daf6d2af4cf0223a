package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestMail;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;
import yoriai.testing.WsClient;

/** {@code POST /api/v1/meetings/{id}/invitations}: the right follows the address, and a mail with the meeting as .ics. */
class InvitationsOverHttpTest {
  private static final String TITLE = "高崎市 地域ケア会議 12月";
  private static final String CALL = "https://call.example.jp/takasaki-12";
  private static TestMail smtp;
  private static TestServer server;
  private static Api api;
  private static SignedIn host;
  private static SignedIn invitee;
  private static SignedIn stranger;
  private static String meetingId;

  @BeforeAll
  static void start() {
    smtp = TestMail.start();
    server = TestServer.start(smtp.env());
    api = server.api();
    host = server.municipality("高崎 司会");
    invitee = server.professional("招待 看護師", "看護師");
    stranger = server.professional("部外 ケアマネ", "介護支援専門員");
    ObjectNode body = Meetings.request(api, host.token(), "invite").put("title", TITLE).put("callUrl", CALL)
        .put("startsAt", OffsetDateTime.of(2030, 12, 3, 10, 0, 0, 0, ZoneOffset.ofHours(9)).toString());
    meetingId = Meetings.create(api, host.token(), body).get("id").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
    smtp.close();
  }

  private static Api.Reply invite(String token, String... emails) {
    ObjectNode body = Json.object();
    ArrayNode list = body.putArray("emails");
    for (String email : emails) {
      list.add(email);
    }
    return api.post("/api/v1/meetings/" + meetingId + "/invitations", token, body.toString());
  }

  private static Calendar calendarOf(MimeMessage mail) throws Exception {
    return new CalendarBuilder().build(new StringReader(TestMail.attachment(mail, "text/calendar").orElseThrow()));
  }

  @Test
  void an_invited_account_gets_a_mail_with_the_room_link_and_the_meeting_as_an_icalendar_request() throws Exception {
    assertThat(invite(host.token(), invitee.email().toUpperCase()).json().get("invited").asInt()).isEqualTo(1);

    MimeMessage mail = smtp.awaitMailTo(invitee.email());
    assertThat(TestMail.subject(mail)).contains(TITLE);
    assertThat(TestMail.text(mail)).contains("/#/meetings/" + meetingId).contains("2030年12月3日").contains("---")
        .doesNotContain("/#/signup").doesNotContain("重い荷物").doesNotContain("独居");
    assertThat(TestMail.contentType(mail, "text/calendar")).hasValueSatisfying(type ->
        assertThat(type.toLowerCase()).contains("method=request"));

    Calendar calendar = calendarOf(mail);
    assertThat(calendar.getProperty("METHOD").map(Property::getValue)).contains("REQUEST");
    VEvent event = (VEvent) calendar.getComponents("VEVENT").get(0);
    Property start = event.getProperty("DTSTART").orElseThrow();
    assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Asia/Tokyo");
    assertThat(start.getValue()).isEqualTo("20301203T100000");
    assertThat(event.getProperty("DTEND").orElseThrow().getValue()).isEqualTo("20301203T103000");
    assertThat(event.getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo(TITLE);
    assertThat(event.getProperty("URL").orElseThrow().getValue()).endsWith("/#/meetings/" + meetingId);
    assertThat(event.getProperty("LOCATION").orElseThrow().getValue()).isEqualTo(CALL);
    assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo("meeting-" + meetingId + "@yoriai");
    Property organizer = event.getProperty("ORGANIZER").orElseThrow();
    assertThat(organizer.getValue()).as("YORIAI_MAIL_FROM's address").isEqualTo("mailto:no-reply@yoriai.test");
    assertThat(organizer.getParameter("CN").orElseThrow().getValue()).isEqualTo("高崎市");
    assertThat(event.getProperty("ATTENDEE").orElseThrow().getValue()).isEqualTo("mailto:" + invitee.email());
  }

  @Test
  void an_invited_account_reads_and_joins_the_invite_meeting_without_a_code_and_a_stranger_is_told_it_does_not_exist() {
    invite(host.token(), invitee.email());

    assertThat(api.get("/api/v1/meetings/" + meetingId, invitee.token()).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/meetings/" + meetingId + "/cases", invitee.token()).status()).isEqualTo(200);
    try (WsClient socket = WsClient.joined(server.baseUrl(), meetingId, invitee.token(), null)) {
      assertThat(socket.history()).isNotEmpty();
    }
    assertThat(api.get("/api/v1/meetings", invitee.token()).json().get("meetings").findValuesAsText("id")).contains(meetingId);

    assertThat(api.get("/api/v1/meetings/" + meetingId, stranger.token()).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/meetings", stranger.token()).json().get("meetings").findValuesAsText("id")).doesNotContain(meetingId);
  }

  @Test
  void an_unknown_address_gets_a_sign_up_link_and_the_account_made_later_with_it_may_enter() {
    String address = "newcomer-" + System.nanoTime() + "@yoriai.test";
    assertThat(invite(host.token(), address, " " + address + " ").json().get("invited").asInt()).isEqualTo(1);

    MimeMessage mail = smtp.awaitMailTo(address);
    assertThat(TestMail.text(mail)).contains("/#/signup?email=" + address.replace("@", "%40"))
        .contains("/#/meetings/" + meetingId);
    assertThat(TestMail.attachment(mail, "text/calendar")).isPresent();

    ObjectNode account = Json.object().put("email", address).put("password", "later-account-pass-7Qx")
        .put("displayName", "後から 登録").put("role", "professional").put("profession", "社会福祉士");
    account.putObject("organization").put("name", "前橋市社会福祉協議会").put("kind", "support_center").put("prefecture", "群馬県");
    assertThat(api.post("/api/v1/accounts", server.adminToken(), account.toString()).status()).isEqualTo(201);
    String token = server.login(address, "later-account-pass-7Qx");
    assertThat(api.get("/api/v1/meetings/" + meetingId, token).status()).isEqualTo(200);
  }

  @Test
  void bad_addresses_are_refused_naming_each_and_only_the_host_invites() {
    Api.Reply bad = invite(host.token(), "ok@yoriai.test", "not-an-address");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("emails[1]").doesNotContain("emails[0]");
    assertThat(invite(host.token()).status()).isEqualTo(400);
    assertThat(invite(host.token(), IntStream.range(0, 51).mapToObj(i -> "a" + i + "@yoriai.test").toArray(String[]::new))
        .status()).isEqualTo(400);
    assertThat(api.post("/api/v1/meetings/" + meetingId + "/invitations", host.token(), "{\"emails\":\"x@y.jp\"}").status())
        .isEqualTo(400);

    invite(host.token(), invitee.email());
    assertThat(invite(invitee.token(), "friend@yoriai.test").status()).isEqualTo(403);
    assertThat(invite(stranger.token(), "friend@yoriai.test").status()).isEqualTo(404);
    assertThat(invite(null, "friend@yoriai.test").status()).isEqualTo(401);
    assertThat(smtp.mailsTo("friend@yoriai.test")).isEmpty();
  }
}
