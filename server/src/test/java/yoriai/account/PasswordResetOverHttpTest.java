package yoriai.account;

import static org.assertj.core.api.Assertions.assertThat;
import static yoriai.account.Mailbox.companySignUp;
import static yoriai.account.Mailbox.login;
import static yoriai.account.Mailbox.newAddress;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.MovableClock;
import yoriai.testing.TestMail;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;
import yoriai.testing.WsClient;

/** Password reset by a mailed one-time link, read from a real SMTP server in-process; the clock is the test's. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PasswordResetOverHttpTest {
  private static final String SUBJECT = "パスワードの再設定";
  private static final String NEW_PASSWORD = "atarashii-kagi-5Nm";
  private static final MovableClock CLOCK = new MovableClock(Instant.now());
  private static TestMail mail;
  private static Mailbox mailbox;
  private static TestServer server;
  private static Api api;

  @BeforeAll
  static void start() {
    mail = TestMail.start();
    mailbox = new Mailbox(mail);
    server = TestServer.start(mail.env(), CLOCK);
    api = server.api();
  }

  @AfterAll
  static void stop() {
    server.close();
    mail.close();
  }

  @Test
  void a_reset_link_sets_the_new_password_ends_every_session_and_closes_the_accounts_socket_and_works_once() {
    SignedIn host = server.municipality("高崎 司会");
    String meetingId = Meetings.open(api, host.token());
    SignedIn member = server.professional("理学 花子", "理学療法士");
    try (WsClient socket = WsClient.joined(server.baseUrl(), meetingId, member.token(), null)) {
      Api.Reply requested = api.post("/api/v1/auth/reset-request", null, Json.object().put("email", member.email()).toString());
      assertThat(requested.status()).isEqualTo(202);
      assertThat(requested.body()).isEqualTo("{}");
      String text = TestMail.text(mailbox.await(member.email(), SUBJECT));
      assertThat(text).contains(server.baseUrl().replace("127.0.0.1", "localhost") + "/#/reset?token=").contains("30分間");
      String token = Mailbox.tokenIn(text);

      Api.Reply reset = api.post("/api/v1/auth/reset", null, resetBody(token, NEW_PASSWORD));

      assertThat(reset.status()).as(reset.body()).isEqualTo(204);
      assertThat(socket.awaitClose()).isEqualTo((short) 1008);
      assertThat(api.get("/api/v1/auth/me", member.token()).status()).isEqualTo(401);
      assertThat(api.post("/api/v1/auth/login", null, login(member.email(), member.password())).status()).isEqualTo(401);
      assertThat(api.post("/api/v1/auth/login", null, login(member.email(), NEW_PASSWORD)).status()).isEqualTo(200);
      Api.Reply twice = api.post("/api/v1/auth/reset", null, resetBody(token, "mou-ichido-kagi-3Jx"));
      assertThat(twice.status()).isEqualTo(400);
      assertThat(twice.errorCode()).isEqualTo("invalid_token");
      assertThat(TestMail.text(mailbox.await(member.email(), "パスワードが再設定されました"))).contains("every device");
    }
  }

  @Test
  void an_unknown_or_unconfirmed_email_gets_the_same_202_and_no_mail() {
    String unknown = newAddress("nobody");
    String unconfirmed = newAddress("unconfirmed");
    api.post("/api/v1/signup", null, companySignUp(unconfirmed).toString());
    mailbox.await(unconfirmed, "参加申請を受け付けました");
    SignedIn marker = server.company("営業 目印", "株式会社めじるし");

    Api.Reply forUnknown = api.post("/api/v1/auth/reset-request", null, Json.object().put("email", unknown).toString());
    Api.Reply forUnconfirmed = api.post("/api/v1/auth/reset-request", null, Json.object().put("email", unconfirmed).toString());
    requestToken(marker.email(), 1);

    assertThat(forUnknown.status()).isEqualTo(202);
    assertThat(forUnconfirmed.body()).isEqualTo(forUnknown.body());
    // the marker's link, asked for after the others were answered, is mailed after anything they could have sent
    List<String> recipients = api.get("/api/v1/outbox?limit=500", server.adminToken()).json().get("mails").findValuesAsText("to");
    assertThat(recipients).doesNotContain(unknown);
    assertThat(recipients.stream().filter(unconfirmed::equals)).as("only the sign-up's own mail").hasSize(1);
  }

  @Test
  void a_weak_new_password_is_refused_without_spending_the_link() {
    SignedIn member = server.company("営業 次郎", "株式会社あたらしや");
    String token = requestToken(member.email(), 1);

    Api.Reply weak = api.post("/api/v1/auth/reset", null, resetBody(token, "password1234"));
    Api.Reply missing = api.post("/api/v1/auth/reset", null, Json.object().put("password", NEW_PASSWORD).toString());

    assertThat(weak.status()).isEqualTo(422);
    assertThat(weak.errorCode()).isEqualTo("weak_password");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().at("/error/details/0/field").asText()).isEqualTo("token");
    assertThat(api.post("/api/v1/auth/reset", null, resetBody(token, NEW_PASSWORD)).status()).isEqualTo(204);
  }

  @Test
  void a_newer_request_makes_the_older_link_useless() {
    SignedIn member = server.company("営業 三郎", "株式会社にどめ");
    String older = requestToken(member.email(), 1);
    String newer = requestToken(member.email(), 2);

    assertThat(api.post("/api/v1/auth/reset", null, resetBody(older, NEW_PASSWORD)).errorCode()).isEqualTo("invalid_token");
    assertThat(api.post("/api/v1/auth/reset", null, resetBody(newer, NEW_PASSWORD)).status()).isEqualTo(204);
  }

  @Test
  void a_link_expires_after_thirty_minutes() {
    SignedIn member = server.company("営業 四郎", "株式会社おそすぎ");
    String token = requestToken(member.email(), 1);

    CLOCK.advance(Duration.ofMinutes(30).plusSeconds(1));
    Api.Reply late = api.post("/api/v1/auth/reset", null, resetBody(token, NEW_PASSWORD));

    assertThat(late.status()).isEqualTo(400);
    assertThat(late.errorCode()).isEqualTo("invalid_token");
    assertThat(api.post("/api/v1/auth/login", null, login(member.email(), member.password())).status()).isEqualTo(200);
  }

  @Test
  void beyond_three_requests_for_one_email_the_answer_stays_202_and_nothing_is_sent_and_one_client_is_429_beyond_twenty() {
    CLOCK.advance(Duration.ofHours(1)); // a window of its own, and it leaves the next one fresh for the other tests
    SignedIn member = server.company("営業 五郎", "株式会社かぞえる");
    SignedIn marker = server.company("営業 六郎", "株式会社めじるし");
    for (int i = 0; i < 3; i++) {
      assertThat(api.post("/api/v1/auth/reset-request", null, Json.object().put("email", member.email()).toString()).status())
          .isEqualTo(202);
    }
    Api.Reply perEmail = api.post("/api/v1/auth/reset-request", null, Json.object().put("email", member.email()).toString());
    requestToken(marker.email(), 1);
    for (int i = 0; i < 15; i++) {
      api.post("/api/v1/auth/reset-request", null, Json.object().put("email", newAddress("many")).toString());
    }
    Api.Reply perAddress = api.post("/api/v1/auth/reset-request", null, Json.object().put("email", newAddress("one-more")).toString());

    assertThat(perEmail.status()).isEqualTo(202);
    assertThat(perEmail.body()).isEqualTo("{}");
    // the marker's link, asked for after the fourth request was answered, is mailed after anything it could have sent
    mailbox.token(member.email(), SUBJECT, 3);
    assertThat(mail.mailsTo(member.email())).hasSize(3);
    assertThat(perAddress.status()).isEqualTo(429);
    assertThat(perAddress.errorCode()).isEqualTo("too_many_requests");
    assertThat(Long.parseLong(perAddress.header("Retry-After"))).isBetween(1L, 3600L);
    CLOCK.advance(Duration.ofHours(1));
  }

  /** Asks for a reset of {@code email} and reads the token of its {@code nth} reset mail. */
  private static String requestToken(String email, int nth) {
    assertThat(api.post("/api/v1/auth/reset-request", null, Json.object().put("email", email).toString()).status()).isEqualTo(202);
    return mailbox.token(email, SUBJECT, nth);
  }

  private static String resetBody(String token, String password) {
    return Json.object().put("token", token).put("password", password).toString();
  }
}
