package yoriai.account;

import static org.assertj.core.api.Assertions.assertThat;
import static yoriai.account.Mailbox.companySignUp;
import static yoriai.account.Mailbox.login;
import static yoriai.account.Mailbox.newAddress;
import static yoriai.account.Mailbox.professionalSignUp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import yoriai.testing.Api;
import yoriai.testing.MovableClock;
import yoriai.testing.TestMail;
import yoriai.testing.TestServer;

/** Sign-up with approval over HTTP, with a real SMTP server in-process reading the mails it sends. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SignUpOverHttpTest {
  /** Still, so two refusals name the same wait. */
  private static final MovableClock CLOCK = new MovableClock(Instant.now());
  private static TestMail mail;
  private static Mailbox mailbox;
  private static TestServer server;
  private static Api api;

  @BeforeAll
  static void start() {
    mail = TestMail.start();
    mailbox = new Mailbox(mail);
    Map<String, String> env = new HashMap<>(mail.env());
    env.put("YORIAI_MAIL_REQUESTS_PER_ADDRESS", "40");
    server = TestServer.start(env, CLOCK);
    api = server.api();
  }

  @AfterAll
  static void stop() {
    server.close();
    mail.close();
  }

  @Test
  void a_company_signs_up_waits_for_approval_gets_the_approved_mail_and_then_signs_in() throws Exception {
    String email = newAddress("company");
    ObjectNode body = companySignUp(email);

    Api.Reply signedUp = api.post("/api/v1/signup", null, body.toString());
    Api.Reply early = api.post("/api/v1/auth/login", null, login(email, body.get("password").asText()));

    assertThat(signedUp.status()).isEqualTo(202);
    assertThat(signedUp.json()).isEqualTo(yoriai.testing.Json.object().put("state", "pending"));
    assertThat(early.status()).isEqualTo(403);
    assertThat(early.errorCode()).isEqualTo("pending_approval");
    assertThat(TestMail.text(mailbox.await(email, "参加申請を受け付けました"))).contains("営業 花子 様");
    assertThat(TestMail.text(mailbox.await(TestServer.ADMIN_EMAIL, "新しい参加申請", email))).contains("株式会社まちかど商店");

    JsonNode pending = accountNamed(api.get("/api/v1/accounts?state=pending", server.adminToken()), email);
    assertThat(pending.get("state").asText()).isEqualTo("pending");
    Api.Reply approved = api.post("/api/v1/accounts/" + pending.get("id").asText() + "/approve", server.adminToken(), "{}");

    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().get("state").asText()).isEqualTo("active");
    MimeMessage approvedMail = mailbox.await(email, "参加申請が承認されました");
    assertThat(approvedMail.getSubject()).isEqualTo("【Yoriai】参加申請が承認されました");
    assertThat(TestMail.text(approvedMail)).contains("Your request to join Yoriai has been approved")
        .contains("http://localhost:" + server.port() + "/#/login");
    Api.Reply signedIn = api.post("/api/v1/auth/login", null, login(email, body.get("password").asText()));
    assertThat(signedIn.status()).isEqualTo(200);
    assertThat(signedIn.json().at("/user/state").asText()).isEqualTo("active");
    assertThat(api.get("/api/v1/auth/me", signedIn.json().get("token").asText()).json().get("role").asText()).isEqualTo("company");

    Api.Reply again = api.post("/api/v1/accounts/" + pending.get("id").asText() + "/approve", server.adminToken(), "{}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("invalid_state");
    assertThat(again.json().at("/error/details/0/state").asText()).isEqualTo("active");
  }

  @Test
  void a_rejected_sign_up_gets_a_polite_mail_with_the_reason_and_cannot_sign_in() {
    String email = newAddress("professional");
    ObjectNode body = professionalSignUp(email);
    api.post("/api/v1/signup", null, body.toString());
    String id = accountNamed(api.get("/api/v1/accounts?state=pending", server.adminToken()), email).get("id").asText();

    Api.Reply rejected = api.post("/api/v1/accounts/" + id + "/reject", server.adminToken(),
        yoriai.testing.Json.object().put("reason", "所属先を確認できませんでした").toString());

    assertThat(rejected.status()).isEqualTo(200);
    assertThat(rejected.json().get("state").asText()).isEqualTo("rejected");
    assertThat(TestMail.text(mailbox.await(email, "参加申請について"))).contains("所属先を確認できませんでした");
    Api.Reply rightPassword = api.post("/api/v1/auth/login", null, login(email, body.get("password").asText()));
    Api.Reply wrongPassword = api.post("/api/v1/auth/login", null, login(email, "not-the-password"));
    assertThat(rightPassword.status()).isEqualTo(403);
    assertThat(rightPassword.errorCode()).isEqualTo("signup_rejected");
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(wrongPassword.errorCode()).isEqualTo("invalid_credentials");
    assertThat(api.post("/api/v1/accounts/" + id + "/approve", server.adminToken(), "{}").status()).isEqualTo(409);
    assertThat(api.post("/api/v1/accounts/no-such-account/reject", server.adminToken(), "{}").status()).isEqualTo(404);
  }

  @Test
  void the_same_email_again_gets_the_same_answer_keeps_the_one_account_and_its_owner_is_told_by_mail() {
    String email = newAddress("twice");
    ObjectNode first = companySignUp(email);
    ObjectNode second = companySignUp(email.toUpperCase()).put("password", "betsu-no-kotoba-6Yp").put("displayName", "別人");
    TestServer.SignedIn active = server.company("既存 太郎", "株式会社すでに");

    Api.Reply firstReply = api.post("/api/v1/signup", null, first.toString());
    Api.Reply secondReply = api.post("/api/v1/signup", null, second.toString());
    Api.Reply activeReply = api.post("/api/v1/signup", null, companySignUp(active.email()).toString());

    assertThat(List.of(secondReply.status(), activeReply.status())).containsOnly(firstReply.status());
    assertThat(List.of(secondReply.body(), activeReply.body())).containsOnly(firstReply.body());
    List<JsonNode> withEmail = accounts(api.get("/api/v1/accounts", server.adminToken())).stream()
        .filter(a -> a.get("email").asText().equals(email)).toList();
    assertThat(withEmail).hasSize(1);
    assertThat(withEmail.get(0).get("displayName").asText()).isEqualTo("営業 花子");
    assertThat(TestMail.text(mailbox.await(email, "このメールアドレスは登録済みです"))).contains("/#/reset");
    assertThat(TestMail.text(mailbox.await(active.email(), "このメールアドレスは登録済みです"))).contains("no new account");
    assertThat(api.post("/api/v1/auth/login", null, login(active.email(), active.password())).status()).isEqualTo(200);
  }

  @Test
  void more_than_three_sign_ups_for_one_email_in_an_hour_are_429_alike_for_known_and_unknown_addresses() {
    String unknown = newAddress("throttled");
    TestServer.SignedIn known = server.professional("既知 花子", "看護師");
    for (int i = 0; i < 3; i++) {
      assertThat(api.post("/api/v1/signup", null, companySignUp(unknown).toString()).status()).isEqualTo(202);
      assertThat(api.post("/api/v1/signup", null, companySignUp(known.email()).toString()).status()).isEqualTo(202);
    }

    Api.Reply unknownFourth = api.post("/api/v1/signup", null, companySignUp(unknown).toString());
    Api.Reply knownFourth = api.post("/api/v1/signup", null, companySignUp(known.email()).toString());

    assertThat(unknownFourth.status()).isEqualTo(429);
    assertThat(unknownFourth.errorCode()).isEqualTo("too_many_requests");
    assertThat(Long.parseLong(unknownFourth.header("Retry-After"))).isBetween(1L, 3600L);
    assertThat(knownFourth.status()).isEqualTo(429);
    assertThat(knownFourth.body()).isEqualTo(unknownFourth.body());
  }

  @Test
  void municipality_and_admin_accounts_and_joining_an_existing_organization_are_never_self_made() {
    ObjectNode municipality = companySignUp(newAddress("city")).put("role", "municipality");
    ((ObjectNode) municipality.get("organization")).put("kind", "municipality");
    ObjectNode admin = companySignUp(newAddress("root")).put("role", "admin");
    ObjectNode joining = companySignUp(newAddress("joiner"));
    ((ObjectNode) joining.get("organization")).put("id", "00000000-0000-0000-0000-000000000000");
    ObjectNode noPassword = companySignUp(newAddress("nopass"));
    noPassword.remove("password");

    for (ObjectNode refused : List.of(municipality, admin)) {
      Api.Reply reply = api.post("/api/v1/signup", null, refused.toString());
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().at("/error/details").findValuesAsText("field")).contains("role");
    }
    assertThat(api.post("/api/v1/signup", null, joining.toString()).json().at("/error/details").findValuesAsText("field"))
        .contains("organization.id");
    assertThat(api.post("/api/v1/signup", null, noPassword.toString()).json().at("/error/details").findValuesAsText("field"))
        .contains("password");
    Api.Reply weak = api.post("/api/v1/signup", null, companySignUp(newAddress("weak")).put("password", "password1234").toString());
    assertThat(weak.status()).isEqualTo(422);
    assertThat(weak.errorCode()).isEqualTo("weak_password");
    assertThat(api.post("/api/v1/signup", null, companySignUp(newAddress("extra")).put("invitation", "x").toString()).status())
        .isEqualTo(400);
    assertThat(api.get("/api/v1/accounts?state=pending", server.adminToken()).body())
        .doesNotContain("city-").doesNotContain("root-").doesNotContain("weak-");
  }

  private static List<JsonNode> accounts(Api.Reply list) {
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return StreamSupport.stream(list.json().get("accounts").spliterator(), false).toList();
  }

  private static JsonNode accountNamed(Api.Reply list, String email) {
    return accounts(list).stream().filter(a -> a.get("email").asText().equals(email)).findFirst()
        .orElseThrow(() -> new AssertionError(email + " not in " + list.body()));
  }
}
