package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import yoriai.testing.Api;
import yoriai.testing.Meetings;
import yoriai.testing.MovableClock;
import yoriai.testing.TestMail;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;

/**
 * "The meeting starts within 24 hours": to the invited, the registered and the host, once, with the
 * clock moved and the check called by hand (test servers run no periodic check), and the periodic
 * check itself when it is configured.
 */
class MeetingReminderTest {
  private record People(SignedIn host, SignedIn invited, SignedIn registered, SignedIn bystander) {}

  @Test
  void a_meeting_is_reminded_once_within_24_hours_of_its_start_to_the_invited_the_registered_and_the_host() {
    MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    try (TestMail smtp = TestMail.start()) {
      TestServer server = TestServer.start(smtp.env(), clock);
      People people;
      try {
        people = remindOnce(server, smtp, clock);
      } finally {
        server.stopKeepingData();
      }
      try (TestServer restarted = TestServer.startIn(server.dataDir(), smtp.env(), clock)) {
        assertThat(restarted.remindDueMeetings()).as("not again after a restart").isZero();
      }
      assertThat(smtp.mailsTo(people.invited().email())).as("the invitation and one reminder").hasSize(2);
      assertThat(smtp.mailsTo(people.registered().email())).hasSize(1);
      assertThat(smtp.mailsTo(people.host().email())).hasSize(1);
      assertThat(smtp.mailsTo(people.bystander().email())).isEmpty();
    }
  }

  @Test
  void the_server_checks_by_itself_every_configured_period() {
    try (TestMail smtp = TestMail.start();
         TestServer server = TestServer.start(withChecksEverySecond(smtp.env()))) {
      SignedIn host = server.municipality("高崎 司会");
      ObjectNode body = Meetings.request(server.api(), host.token(), "invite").put("title", "二時間後の会議")
          .put("startsAt", Instant.now().plus(Duration.ofHours(2)).atOffset(ZoneOffset.ofHours(9)).toString());
      Meetings.create(server.api(), host.token(), body);

      assertThat(TestMail.subject(smtp.awaitMailTo(host.email()))).as("no test call: the timer found it")
          .contains("24時間以内に会議が始まります").contains("二時間後の会議");
    }
  }

  private static Map<String, String> withChecksEverySecond(Map<String, String> env) {
    Map<String, String> checked = new HashMap<>(env);
    checked.put("YORIAI_REMINDER_CHECK_SECONDS", "1");
    return checked;
  }

  /** A meeting 30 hours ahead, checked before, at and after 24 hours; the people it concerns. */
  private static People remindOnce(TestServer server, TestMail smtp, MovableClock clock) {
    Api api = server.api();
    People people = new People(server.municipality("高崎 司会"), server.professional("招待 看護師", "看護師"),
        server.company("参加 担当", "たかさき配食"), server.professional("無関係 ケアマネ", "介護支援専門員"));
    ObjectNode body = Meetings.request(api, people.host().token(), "open").put("title", "翌日の地域ケア会議")
        .put("startsAt", clock.instant().plus(Duration.ofHours(30)).atOffset(ZoneOffset.ofHours(9)).toString());
    String meetingId = Meetings.create(api, people.host().token(), body).get("id").asText();
    api.post("/api/v1/meetings/" + meetingId + "/invitations", people.host().token(),
        "{\"emails\":[\"" + people.invited().email() + "\"]}");
    assertThat(api.post("/api/v1/meetings/" + meetingId + "/registrations", people.registered().token(), "").status())
        .isEqualTo(201);
    smtp.awaitMailTo(people.invited().email());

    assertThat(server.remindDueMeetings()).as("30 hours ahead: not yet").isZero();
    clock.advance(Duration.ofHours(5));
    assertThat(server.remindDueMeetings()).as("25 hours ahead: not yet").isZero();

    clock.advance(Duration.ofHours(2));
    CompletableFuture<Integer> one = CompletableFuture.supplyAsync(server::remindDueMeetings);
    CompletableFuture<Integer> other = CompletableFuture.supplyAsync(server::remindDueMeetings);
    assertThat(one.join() + other.join()).as("two checks at once remind it once").isEqualTo(1);
    String startJapanTime = DateTimeFormatter.ofPattern("M月d日(E) H:mm", Locale.JAPANESE)
        .format(clock.instant().plus(Duration.ofHours(23)).atZone(ZoneId.of("Asia/Tokyo")));
    for (SignedIn person : new SignedIn[] {people.invited(), people.registered(), people.host()}) {
      assertThat(TestMail.subject(smtp.awaitMailTo(person.email(), person == people.invited() ? 2 : 1)))
          .as("reminded once less than a day ahead, whenever that is: 'within', with the start")
          .contains("24時間以内に会議が始まります").contains(startJapanTime).contains("翌日の地域ケア会議")
          .contains("Starts within 24 hours").doesNotContain("24時間後");
    }
    assertThat(TestMail.text(smtp.awaitMailTo(people.host().email()))).contains("/#/meetings/" + meetingId);

    clock.advance(Duration.ofHours(1));
    assertThat(server.remindDueMeetings()).as("not twice").isZero();
    return people;
  }
}
