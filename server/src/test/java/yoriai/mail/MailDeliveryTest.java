package yoriai.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import yoriai.testing.MovableClock;
import yoriai.testing.TestMail;
import yoriai.testing.TestServer;

class MailDeliveryTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void without_an_smtp_host_mails_are_kept_in_the_outbox_for_admins_only() throws Exception {
    try (TestServer server = TestServer.start()) {
      queue(server, Mail.of("kept@yoriai.test", "会議のご案内", "高崎市の会議です。\n---\nA meeting in Takasaki."));

      JsonNode mail = outboxEntry(server, m -> m.get("to").asText().equals("kept@yoriai.test"));
      assertThat(mail.get("state").asText()).isEqualTo("kept");
      assertThat(mail.get("subject").asText()).isEqualTo("会議のご案内");
      assertThat(mail.get("text").asText()).contains("高崎市の会議です。");
      assertThat(mail.get("attempts").asInt()).isZero();

      TestServer.SignedIn municipality = server.municipality("市の職員");
      assertThat(server.api().get("/api/v1/outbox", municipality.token()).status()).isEqualTo(403);
      assertThat(server.api().get("/api/v1/outbox", null).status()).isEqualTo(401);
      assertThat(server.api().get("/api/v1/outbox?limit=0", server.adminToken()).errorCode()).isEqualTo("invalid_request");
    }
  }

  @Test
  void a_japanese_mail_with_a_calendar_attachment_arrives_readable_with_a_plain_text_part() throws Exception {
    try (TestMail smtp = TestMail.start(); TestServer server = TestServer.start(smtp.env())) {
      byte[] calendar = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
      queue(server, new Mail("coordinator@yoriai.test", "【Yoriai】地域ケア会議への招待", "買い物支援の事例を話し合います。",
          List.of(new MailAttachment("meeting.ics", "text/calendar; method=REQUEST; charset=UTF-8", calendar))));

      MimeMessage received = smtp.awaitMailTo("coordinator@yoriai.test");
      assertThat(TestMail.subject(received)).isEqualTo("【Yoriai】地域ケア会議への招待");
      assertThat(TestMail.text(received)).contains("買い物支援の事例を話し合います。");
      assertThat(TestMail.contentType(received, "text/calendar")).hasValueSatisfying(type ->
          assertThat(type.toLowerCase()).contains("method=request"));
      assertThat(TestMail.attachment(received, "text/calendar")).hasValueSatisfying(ics ->
          assertThat(ics).contains("METHOD:REQUEST"));
      assertThat(received.getFrom()[0].toString()).contains("no-reply@yoriai.test");
      awaitOutbox(server, m -> m.get("to").asText().equals("coordinator@yoriai.test") && m.get("state").asText().equals("sent"));
    }
  }

  @Test
  void a_mail_queued_while_smtp_is_down_for_a_minute_is_sent_once_it_is_back() throws Exception {
    MovableClock clock = new MovableClock(Instant.parse("2026-12-02T01:00:00Z"));
    try (TestMail smtp = TestMail.start()) {
      Map<String, String> env = new HashMap<>(smtp.env());
      smtp.stop();
      try (TestServer server = TestServer.start(env, clock)) {
        queue(server, Mail.of("patient@yoriai.test", "再送の確認", "SMTPが止まっていても届きます。"));

        JsonNode failed = awaitOutbox(server, m -> m.get("to").asText().equals("patient@yoriai.test")
            && m.get("attempts").asInt() >= 1);
        assertThat(failed.get("state").asText()).isEqualTo("queued");
        assertThat(failed.get("lastError").asText()).isNotBlank();
        assertThat(Instant.parse(failed.get("nextAttemptAt").asText())).isAfter(clock.instant());

        smtp.restart();
        clock.advance(Duration.ofMinutes(1));

        MimeMessage received = smtp.awaitMailTo("patient@yoriai.test");
        assertThat(TestMail.text(received)).contains("SMTPが止まっていても届きます。");
        assertThat(smtp.mailsTo("patient@yoriai.test")).hasSize(1);
        awaitOutbox(server, m -> m.get("to").asText().equals("patient@yoriai.test") && m.get("state").asText().equals("sent"));
      }
    }
  }

  @Test
  void a_sent_mail_leaves_the_outbox_thirty_days_after_it_was_queued_and_a_younger_one_stays() throws Exception {
    MovableClock clock = new MovableClock(Instant.parse("2026-12-02T01:00:00Z"));
    try (TestMail smtp = TestMail.start(); TestServer server = TestServer.start(smtp.env(), clock)) {
      queue(server, Mail.of("old@yoriai.test", "先月のご案内", "先月の会議です。"));
      awaitOutbox(server, m -> m.get("to").asText().equals("old@yoriai.test") && m.get("state").asText().equals("sent"));
      // the admin's session ends long before thirty days: read the outbox in the process from here on
      clock.advance(Mailer.SENT_KEPT_FOR.minusHours(2));
      queue(server, Mail.of("young@yoriai.test", "今月のご案内", "今月の会議です。"));
      awaitMailer(server, sent -> sent.contains("young@yoriai.test"));
      assertThat(sentTo(server)).as("two hours short of thirty days, nothing goes").contains("old@yoriai.test");

      clock.advance(Duration.ofHours(3));

      awaitMailer(server, sent -> !sent.contains("old@yoriai.test"));
      assertThat(sentTo(server)).containsExactly("young@yoriai.test");
    }
  }

  private static List<String> sentTo(TestServer server) throws Exception {
    return server.mailer().outbox(100).toCompletionStage().toCompletableFuture().get().stream()
        .filter(mail -> mail.state().equals("sent")).map(OutboxEntry::to).toList();
  }

  private static void awaitMailer(TestServer server, Predicate<List<String>> sentTo) throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!sentTo.test(sentTo(server))) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the outbox never came to such a state: " + sentTo(server));
      }
      Thread.sleep(50);
    }
  }

  @Test
  void a_one_time_link_is_masked_in_the_outbox_once_the_mail_goes_over_smtp_but_whole_in_a_kept_one() throws Exception {
    String text = "パスワードを再設定するには次のリンクを開いてください。\nhttp://localhost/#/reset?token=s3cret-Token_42\n";
    try (TestMail smtp = TestMail.start(); TestServer server = TestServer.start(smtp.env())) {
      queue(server, Mail.of("owner@yoriai.test", "パスワードの再設定", text));

      assertThat(TestMail.text(smtp.awaitMailTo("owner@yoriai.test"))).contains("token=s3cret-Token_42");
      JsonNode shown = outboxEntry(server, m -> m.get("to").asText().equals("owner@yoriai.test"));
      assertThat(shown.get("text").asText()).contains("#/reset?token=********").doesNotContain("s3cret");
    }
    try (TestServer server = TestServer.start()) {
      queue(server, Mail.of("owner@yoriai.test", "パスワードの再設定", text));

      JsonNode kept = outboxEntry(server, m -> m.get("to").asText().equals("owner@yoriai.test"));
      assertThat(kept.get("text").asText()).as("an admin forwards a kept mail by hand").contains("token=s3cret-Token_42");
    }
  }

  @Test
  void a_mail_queued_once_per_key_is_queued_and_sent_once() throws Exception {
    try (TestMail smtp = TestMail.start(); TestServer server = TestServer.start(smtp.env())) {
      Mail reminder = Mail.of("once@yoriai.test", "明日の会議", "明日10時からです。");
      server.mailer().sendOnce("reminder-1", reminder).toCompletionStage().toCompletableFuture().get();
      server.mailer().sendOnce("reminder-1", reminder).toCompletionStage().toCompletableFuture().get();
      queue(server, Mail.of("once@yoriai.test", "別のお知らせ", "これは別のメールです。"));

      smtp.awaitMailTo("once@yoriai.test", 2);
      awaitOutbox(server, m -> m.get("subject").asText().equals("明日の会議") && m.get("state").asText().equals("sent"));
      assertThat(server.api().get("/api/v1/outbox", server.adminToken()).json().get("mails").findValuesAsText("to"))
          .filteredOn("once@yoriai.test"::equals).hasSize(2);
      assertThat(smtp.mailsTo("once@yoriai.test")).hasSize(2);
    }
  }

  @Test
  void back_off_doubles_from_thirty_seconds_up_to_an_hour() {
    assertThat(Backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(Backoff.after(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(Backoff.after(3)).isEqualTo(Duration.ofMinutes(2));
    assertThat(Backoff.after(8)).isEqualTo(Duration.ofHours(1));
    assertThat(Backoff.after(1_000)).isEqualTo(Duration.ofHours(1));
  }

  private static void queue(TestServer server, Mail mail) throws Exception {
    server.mailer().send(mail).toCompletionStage().toCompletableFuture().get();
  }

  private static JsonNode outboxEntry(TestServer server, Predicate<JsonNode> which) {
    for (JsonNode mail : server.api().get("/api/v1/outbox", server.adminToken()).json().get("mails")) {
      if (which.test(mail)) {
        return mail;
      }
    }
    throw new AssertionError("no such mail in the outbox");
  }

  private static JsonNode awaitOutbox(TestServer server, Predicate<JsonNode> which) throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      for (JsonNode mail : server.api().get("/api/v1/outbox", server.adminToken()).json().get("mails")) {
        if (which.test(mail)) {
          return mail;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the outbox never held such a mail");
  }
}
