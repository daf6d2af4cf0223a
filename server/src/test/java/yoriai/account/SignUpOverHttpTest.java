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
  void a_company_signs_up_confirms_its_address_waits_for_approval_gets_the_approved_mail_and_then_signs_in() throws Exception {
    String email = newAddress("company");
    ObjectNode body = companySignUp(email);

    Api.Reply signedUp = api.post("/api/v1/signup", null, body.toString());

    assertThat(signedUp.status()).isEqualTo(202);
    assertThat(signedUp.json()).isEqualTo(yoriai.testing.Json.object().put("state", "pending"));
    String received = TestMail.text(mailbox.await(email, "参加申請を受け付けました"));
    assertThat(received).contains("営業 花子 様").contains("http://localhost:" + server.port() + "/#/confirm?token=")
        .contains("48時間");
    Api.Reply unconfirmedLogin = api.post("/api/v1/auth/login", null, login(email, body.get("password").asText()));
    assertThat(unconfirmedLogin.status()).isEqualTo(403);
    assertThat(unconfirmedLogin.errorCode()).isEqualTo("email_unconfirmed");
    assertThat(api.get("/api/v1/accounts?state=pending", server.adminToken()).body()).doesNotContain(email);
    JsonNode unconfirmed = accountNamed(api.get("/api/v1/accounts?state=unconfirmed", server.adminToken()), email);
    Api.Reply tooEarly = api.post("/api/v1/accounts/" + unconfirmed.get("id").asText() + "/approve", server.adminToken(), "{}");
    assertThat(tooEarly.status()).isEqualTo(409);
    assertThat(tooEarly.errorCode()).isEqualTo("invalid_state");
    assertThat(tooEarly.json().at("/error/details/0/state").asText()).isEqualTo("unconfirmed");

    Api.Reply confirmed = confirm(Mailbox.tokenIn(received));

    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    assertThat(confirmed.json().get("state").asText()).isEqualTo("pending");
    Api.Reply early = api.post("/api/v1/auth/login", null, login(email, body.get("password").asText()));
    assertThat(early.status()).isEqualTo(403);
    assertThat(early.errorCode()).isEqualTo("pending_approval");
    assertThat(TestMail.text(mailbox.await(TestServer.ADMIN_EMAIL, "新しい参加申請", email))).contains("株式会社まちかど商店")
        .contains("確認済み");
    Api.Reply usedAgain = confirm(Mailbox.tokenIn(received));
    assertThat(usedAgain.status()).isEqualTo(400);
    assertThat(usedAgain.errorCode()).isEqualTo("invalid_token");

    JsonNode pending = accountNamed(api.get("/api/v1/accounts?state=pending", server.adminToken()), email);
    assertThat(pending.get("state").asText()).isEqualTo("pending");
    Api.Reply approved = api.post("/api/v1/accounts/" + pending.get("id").asText() + "/approve", server.adminToken(), "{}");

    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().get("state").asText()).isEqualTo("active");
    MimeMessage approvedMail = mailbox.await(email, "参加申請が承認されました");
    assertThat(TestMail.subject(approvedMail)).isEqualTo("【Yoriai】参加申請が承認されました / Your request to join was approved");
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
  void an_unknown_or_missing_confirmation_token_is_400() {
    Api.Reply unknown = confirm("no-such-token");
    Api.Reply missing = api.post("/api/v1/signup/confirm", null, "{}");

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorCode()).isEqualTo("invalid_token");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().at("/error/details/0/field").asText()).isEqualTo("token");
  }

  @Test
  void an_approved_sign_up_named_like_a_person_does_not_make_that_name_pass_the_privacy_check() {
    ObjectNode body = companySignUp(newAddress("sole-trader"));
    ((ObjectNode) body.get("organization")).put("name", "山田花子");
    String id = signedUpAndConfirmed(body);
    assertThat(api.post("/api/v1/accounts/" + id + "/approve", server.adminToken(), "{}").status()).isEqualTo(200);
    TestServer.SignedIn staff = server.municipality("高崎 確認");
    ObjectNode texts = yoriai.testing.Json.object();
    texts.putObject("texts").put("wishes", "山田花子に買い物を頼みたい");

    Api.Reply checked = api.post("/api/v1/privacy/check-texts", staff.token(), texts.toString());

    assertThat(checked.status()).as(checked.body()).isEqualTo(200);
    assertThat(checked.json().get("findings")).as(checked.body()).isNotEmpty();
  }

  @Test
  void a_rejected_sign_up_gets_a_polite_mail_with_the_reason_and_cannot_sign_in() {
    String email = newAddress("professional");
    ObjectNode body = professionalSignUp(email);
    String id = signedUpAndConfirmed(body);

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
    mailbox.await(email, "参加申請を受け付けました");
    Api.Reply secondReply = api.post("/api/v1/signup", null, second.toString());
    Api.Reply activeReply = api.post("/api/v1/signup", null, companySignUp(active.email()).toString());

    assertThat(List.of(secondReply.status(), activeReply.status())).containsOnly(firstReply.status());
    assertThat(List.of(secondReply.body(), activeReply.body())).containsOnly(firstReply.body());
    assertThat(TestMail.text(mailbox.await(email, "このメールアドレスは確認待ちです"))).contains("参加申請を受け付けました");
    MimeMessage toActive = mailbox.await(active.email(), "このメールアドレスは登録済みです");
    assertThat(TestMail.subject(toActive)).endsWith(" / This address already has an account");
    assertThat(TestMail.text(toActive)).contains("no new account").contains("/#/reset");
    List<JsonNode> withEmail = accounts(api.get("/api/v1/accounts", server.adminToken())).stream()
        .filter(a -> a.get("email").asText().equals(email)).toList();
    assertThat(withEmail).hasSize(1);
    assertThat(withEmail.get(0).get("displayName").asText()).isEqualTo("営業 花子");
    assertThat(api.post("/api/v1/auth/login", null, login(active.email(), active.password())).status()).isEqualTo(200);
  }

  @Test
  void the_owner_of_a_pending_or_disabled_account_is_told_what_they_can_do_not_to_reset_their_password() {
    String pending = newAddress("waiting");
    signedUpAndConfirmed(companySignUp(pending));
    TestServer.SignedIn disabled = server.company("停止 太郎", "株式会社とまる");
    assertThat(api.post("/api/v1/accounts/" + disabled.id() + "/disable", server.adminToken(), "{}").status()).isEqualTo(204);

    api.post("/api/v1/signup", null, companySignUp(pending).toString());
    api.post("/api/v1/signup", null, companySignUp(disabled.email()).toString());

    MimeMessage toPending = mailbox.await(pending, "このメールアドレスは承認待ちです");
    assertThat(TestMail.subject(toPending)).endsWith(" / This address awaits approval");
    assertThat(TestMail.text(toPending)).contains("管理者の承認を待っています").doesNotContain("/#/reset");
    String toDisabled = TestMail.text(mailbox.await(disabled.email(), "このメールアドレスは登録済みです"));
    assertThat(toDisabled).contains("管理者）にお問い合わせください").contains("contact the people who run this Yoriai")
        .doesNotContain("/#/reset");
  }

  @Test
  void beyond_three_sign_ups_for_one_email_in_an_hour_the_answer_stays_202_and_nothing_more_is_sent() {
    String unknown = newAddress("throttled");
    TestServer.SignedIn known = server.professional("既知 花子", "看護師");
    Api.Reply firstReply = api.post("/api/v1/signup", null, companySignUp(unknown).toString());
    mailbox.await(unknown, "参加申請を受け付けました");
    for (int i = 0; i < 2; i++) {
      api.post("/api/v1/signup", null, companySignUp(unknown).toString());
    }
    for (int i = 0; i < 3; i++) {
      api.post("/api/v1/signup", null, companySignUp(known.email()).toString());
    }

    Api.Reply unknownFourth = api.post("/api/v1/signup", null, companySignUp(unknown).toString());
    Api.Reply knownFourth = api.post("/api/v1/signup", null, companySignUp(known.email()).toString());

    assertThat(unknownFourth.status()).isEqualTo(202);
    assertThat(knownFourth.status()).isEqualTo(202);
    assertThat(List.of(unknownFourth.body(), knownFourth.body())).containsOnly(firstReply.body());
    // a sign-up answered after the fourth ones is mailed after anything they could have sent
    String later = newAddress("later");
    api.post("/api/v1/signup", null, companySignUp(later).toString());
    mailbox.await(later, "参加申請を受け付けました");
    mail.awaitMailTo(unknown, 3);
    mail.awaitMailTo(known.email(), 3);
    assertThat(mail.mailsTo(unknown)).hasSize(3);
    assertThat(mail.mailsTo(known.email())).hasSize(3);
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

  private static Api.Reply confirm(String token) {
    return api.post("/api/v1/signup/confirm", null, yoriai.testing.Json.object().put("token", token).toString());
  }

  /** Signs {@code body} up and confirms its address through the mailed link; the account's id, pending. */
  private static String signedUpAndConfirmed(ObjectNode body) {
    String email = body.get("email").asText();
    assertThat(api.post("/api/v1/signup", null, body.toString()).status()).isEqualTo(202);
    Api.Reply confirmed = confirm(Mailbox.tokenIn(TestMail.text(mailbox.await(email, "参加申請を受け付けました"))));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    return accountNamed(api.get("/api/v1/accounts?state=pending", server.adminToken()), email).get("id").asText();
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
