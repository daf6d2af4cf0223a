package yoriai.account;

import static org.assertj.core.api.Assertions.assertThat;
import static yoriai.account.Mailbox.login;
import static yoriai.account.Mailbox.newAddress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.TestMail;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;

/** What the admin console calls: listing by state, changing role and profession, disabling and enabling, invitations. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AccountAdministrationOverHttpTest {
  private static final String INVITATION = "アカウントが作成されました";
  private static TestMail mail;
  private static Mailbox mailbox;
  private static TestServer server;
  private static Api api;

  @BeforeAll
  static void start() {
    mail = TestMail.start();
    mailbox = new Mailbox(mail);
    server = TestServer.start(mail.env());
    api = server.api();
  }

  @AfterAll
  static void stop() {
    server.close();
    mail.close();
  }

  @Test
  void accounts_carry_their_state_and_list_newest_first_filtered_by_state() {
    SignedIn older = server.municipality("古い 職員");
    SignedIn newer = server.municipality("新しい 職員");

    List<JsonNode> active = accounts(api.get("/api/v1/accounts?state=active", server.adminToken()));
    Api.Reply bogus = api.get("/api/v1/accounts?state=sleeping", server.adminToken());

    assertThat(active).allSatisfy(a -> assertThat(a.get("state").asText()).isEqualTo("active"));
    List<String> emails = active.stream().map(a -> a.get("email").asText()).toList();
    assertThat(emails.indexOf(newer.email())).isLessThan(emails.indexOf(older.email()));
    assertThat(bogus.status()).isEqualTo(400);
    assertThat(api.get("/api/v1/auth/me", newer.token()).json().get("state").asText()).isEqualTo("active");
    assertThat(api.get("/api/v1/accounts", newer.token()).status()).isEqualTo(403);
  }

  @Test
  void an_admin_changes_role_and_profession_under_the_rules_of_creation_and_a_new_role_ends_the_sessions() {
    SignedIn nurse = server.professional("看護 花子", "看護師");
    String path = "/api/v1/accounts/" + nurse.id();

    Api.Reply badProfession = api.patch(path, server.adminToken(), Json.object().put("profession", "魔法使い").toString());
    Api.Reply companyInSupportCentre = api.patch(path, server.adminToken(), Json.object().put("role", "company").toString());
    Api.Reply blankName = api.patch(path, server.adminToken(), Json.object().put("displayName", " ").toString());
    Api.Reply sameRole = api.patch(path, server.adminToken(),
        Json.object().put("profession", "保健師").put("displayName", "保健 花子").toString());

    assertThat(badProfession.status()).isEqualTo(400);
    assertThat(badProfession.json().at("/error/details/0/field").asText()).isEqualTo("profession");
    assertThat(companyInSupportCentre.status()).isEqualTo(400);
    assertThat(companyInSupportCentre.json().at("/error/details/0/field").asText()).isEqualTo("organization.kind");
    assertThat(blankName.json().at("/error/details/0/field").asText()).isEqualTo("displayName");
    assertThat(sameRole.status()).as(sameRole.body()).isEqualTo(200);
    assertThat(sameRole.json().get("profession").asText()).isEqualTo("保健師");
    assertThat(api.get("/api/v1/auth/me", nurse.token()).json().get("displayName").asText()).isEqualTo("保健 花子");

    Api.Reply newRole = api.patch(path, server.adminToken(), Json.object().put("role", "municipality").toString());

    assertThat(newRole.status()).isEqualTo(200);
    assertThat(newRole.json().get("role").asText()).isEqualTo("municipality");
    assertThat(api.get("/api/v1/auth/me", nurse.token()).status()).isEqualTo(401);
    String again = server.login(nurse.email(), nurse.password());
    assertThat(api.get("/api/v1/auth/me", again).json().get("role").asText()).isEqualTo("municipality");
  }

  @Test
  void nobody_changes_their_own_role_and_only_an_admin_changes_anyones() {
    String adminId = api.get("/api/v1/auth/me", server.adminToken()).json().get("id").asText();
    SignedIn staff = server.municipality("市 職員");

    Api.Reply own = api.patch("/api/v1/accounts/" + adminId, server.adminToken(), Json.object().put("role", "municipality").toString());
    Api.Reply notAdmin = api.patch("/api/v1/accounts/" + staff.id(), staff.token(), Json.object().put("displayName", "x").toString());
    Api.Reply unknown = api.patch("/api/v1/accounts/no-such-account", server.adminToken(), Json.object().put("displayName", "x").toString());

    assertThat(own.status()).isEqualTo(409);
    assertThat(own.errorCode()).isEqualTo("invalid_state");
    assertThat(notAdmin.status()).isEqualTo(403);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(api.get("/api/v1/auth/me", server.adminToken()).json().get("role").asText()).isEqualTo("admin");
  }

  @Test
  void a_disabled_account_is_enabled_again_and_signs_in() {
    SignedIn company = server.company("営業 六郎", "株式会社もどる");

    assertThat(api.post("/api/v1/accounts/" + company.id() + "/disable", server.adminToken(), "{}").status()).isEqualTo(204);
    assertThat(accounts(api.get("/api/v1/accounts?state=disabled", server.adminToken())))
        .anySatisfy(a -> assertThat(a.get("email").asText()).isEqualTo(company.email()));
    assertThat(api.post("/api/v1/auth/login", null, login(company.email(), company.password())).errorCode())
        .isEqualTo("account_disabled");

    Api.Reply enabled = api.post("/api/v1/accounts/" + company.id() + "/enable", server.adminToken(), "{}");

    assertThat(enabled.status()).isEqualTo(200);
    assertThat(enabled.json().get("state").asText()).isEqualTo("active");
    assertThat(api.post("/api/v1/auth/login", null, login(company.email(), company.password())).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/accounts/no-such-account/enable", server.adminToken(), "{}").status()).isEqualTo(404);
  }

  @Test
  void an_account_made_without_a_password_gets_a_mail_whose_link_sets_it() {
    String email = newAddress("invited");

    Api.Reply created = api.post("/api/v1/accounts", server.adminToken(), withoutPassword(email).toString());
    String token = mailbox.token(email, INVITATION, 1);

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("state").asText()).isEqualTo("active");
    assertThat(TestMail.text(mailbox.await(email, INVITATION))).contains("/#/reset?token=").contains("7日間");
    assertThat(api.post("/api/v1/auth/login", null, login(email, "anything-at-all-1")).errorCode()).isEqualTo("invalid_credentials");
    assertThat(api.post("/api/v1/auth/reset", null, Json.object().put("token", token).put("password", "hajimete-no-kagi-2Wd")
        .toString()).status()).isEqualTo(204);
    assertThat(api.post("/api/v1/auth/login", null, login(email, "hajimete-no-kagi-2Wd")).status()).isEqualTo(200);
  }

  @Test
  void sending_the_invitation_again_makes_the_older_link_useless() {
    String email = newAddress("resent");
    String id = api.post("/api/v1/accounts", server.adminToken(), withoutPassword(email).toString()).json().get("id").asText();
    String older = mailbox.token(email, INVITATION, 1);

    Api.Reply resent = api.post("/api/v1/accounts/" + id + "/invitation", server.adminToken(), "{}");
    String newer = mailbox.token(email, INVITATION, 2);

    assertThat(resent.status()).isEqualTo(202);
    assertThat(newer).isNotEqualTo(older);
    assertThat(api.post("/api/v1/auth/reset", null, Json.object().put("token", older).put("password", "furui-kagi-no-9Lp")
        .toString()).errorCode()).isEqualTo("invalid_token");
    assertThat(api.post("/api/v1/auth/reset", null, Json.object().put("token", newer).put("password", "atarashii-kagi-9Lp")
        .toString()).status()).isEqualTo(204);
    assertThat(api.post("/api/v1/accounts/no-such-account/invitation", server.adminToken(), "{}").status()).isEqualTo(404);
  }

  @Test
  void organizations_are_listed_with_their_account_counts_by_prefecture_from_north_to_south() {
    SignedIn first = server.company("営業 七郎", "株式会社かぞえ");
    ObjectNode colleague = withoutPassword(newAddress("colleague"));
    JsonNode organization = api.get("/api/v1/auth/me", first.token()).json().get("organization");
    colleague.set("organization", organization);
    api.post("/api/v1/accounts", server.adminToken(), colleague.toString());

    Api.Reply reply = api.get("/api/v1/organizations", server.adminToken());

    assertThat(reply.status()).isEqualTo(200);
    List<JsonNode> organizations = StreamSupport.stream(reply.json().get("organizations").spliterator(), false).toList();
    JsonNode counted = organizations.stream().filter(o -> o.get("id").asText().equals(organization.get("id").asText()))
        .findFirst().orElseThrow();
    assertThat(counted.get("accounts").asInt()).isEqualTo(2);
    assertThat(counted.get("name").asText()).isEqualTo("株式会社かぞえ");
    List<String> prefectures = organizations.stream().map(o -> o.get("prefecture").asText()).toList();
    assertThat(prefectures.indexOf("東京都")).as("Tokyo (the first admin's) after Gunma").isGreaterThan(prefectures.lastIndexOf("群馬県"));
    assertThat(api.get("/api/v1/organizations", first.token()).status()).isEqualTo(403);
  }

  private static ObjectNode withoutPassword(String email) {
    ObjectNode body = Json.object().put("email", email).put("displayName", "招待 太郎").put("role", "company");
    body.putObject("organization").put("name", "株式会社しょうたい").put("kind", "company").put("prefecture", "群馬県");
    return body;
  }

  private static List<JsonNode> accounts(Api.Reply list) {
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return StreamSupport.stream(list.json().get("accounts").spliterator(), false).toList();
  }
}
