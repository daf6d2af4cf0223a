package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import yoriai.testing.Api;
import yoriai.testing.Meetings;
import yoriai.testing.MovableClock;
import yoriai.testing.TestMail;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;

/** "The meeting starts in 24 hours": to the invited, the registered and the host, once, with the clock moved by hand. */
class MeetingReminderTest {

  @Test
  void a_meeting_is_reminded_once_within_24_hours_of_its_start_to_the_invited_the_registered_and_the_host() {
    MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    try (TestMail smtp = TestMail.start(); TestServer server = TestServer.start(smtp.env(), clock)) {
      Api api = server.api();
      SignedIn host = server.municipality("高崎 司会");
      SignedIn invited = server.professional("招待 看護師", "看護師");
      SignedIn registered = server.company("参加 担当", "たかさき配食");
      SignedIn bystander = server.professional("無関係 ケアマネ", "介護支援専門員");
      ObjectNode body = Meetings.request(api, host.token(), "open").put("title", "翌日の地域ケア会議")
          .put("startsAt", clock.instant().plus(Duration.ofHours(30)).atOffset(ZoneOffset.ofHours(9)).toString());
      String meetingId = Meetings.create(api, host.token(), body).get("id").asText();
      api.post("/api/v1/meetings/" + meetingId + "/invitations", host.token(),
          "{\"emails\":[\"" + invited.email() + "\"]}");
      assertThat(api.post("/api/v1/meetings/" + meetingId + "/registrations", registered.token(), "").status()).isEqualTo(201);
      smtp.awaitMailTo(invited.email());

      assertThat(server.remindDueMeetings()).as("30 hours ahead: not yet").isZero();
      clock.advance(Duration.ofHours(5));
      assertThat(server.remindDueMeetings()).as("25 hours ahead: not yet").isZero();

      clock.advance(Duration.ofHours(2));
      CompletableFuture<Integer> one = CompletableFuture.supplyAsync(server::remindDueMeetings);
      CompletableFuture<Integer> other = CompletableFuture.supplyAsync(server::remindDueMeetings);
      assertThat(one.join() + other.join()).as("two checks at once remind it once").isEqualTo(1);

      for (SignedIn person : new SignedIn[] {invited, registered, host}) {
        assertThat(TestMail.subject(smtp.awaitMailTo(person.email(), person == invited ? 2 : 1)))
            .contains("24時間").contains("翌日の地域ケア会議");
      }
      assertThat(TestMail.text(smtp.awaitMailTo(host.email()))).contains("/#/meetings/" + meetingId);

      clock.advance(Duration.ofHours(1));
      assertThat(server.remindDueMeetings()).as("not twice").isZero();
      assertThat(smtp.mailsTo(invited.email())).hasSize(2);
      assertThat(smtp.mailsTo(registered.email())).hasSize(1);
      assertThat(smtp.mailsTo(host.email())).hasSize(1);
      assertThat(smtp.mailsTo(bystander.email())).isEmpty();
    }
  }
}
