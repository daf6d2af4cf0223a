package yoriai.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.TestServer;

class AccountsOverHttpTest {
  private static TestServer server;
  private static Api api;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    api = server.api();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ObjectNode account(String email, String role, String kind) {
    ObjectNode body = Json.object().put("email", email).put("password", "kawa-no-nagare-7")
        .put("displayName", "佐藤").put("role", role);
    body.putObject("organization").put("name", "八王子市").put("kind", kind).put("prefecture", "東京都");
    return body;
  }

  @Nested
  class Creating {
    @Test
    void admin_creates_a_professional_with_profession_and_the_reply_echoes_it_without_the_password() {
      ObjectNode body = account("pt@example.jp", "professional", "care_provider").put("profession", "理学療法士");

      Api.Reply reply = api.post("/api/v1/accounts", server.adminToken(), body.toString());

      assertThat(reply.status()).isEqualTo(201);
      assertThat(reply.json().get("id").asText()).isNotBlank();
      assertThat(reply.json().get("role").asText()).isEqualTo("professional");
      assertThat(reply.json().get("profession").asText()).isEqualTo("理学療法士");
      assertThat(reply.json().at("/organization/prefecture").asText()).isEqualTo("東京都");
      assertThat(reply.body()).doesNotContain("password").doesNotContain("kawa-no-nagare-7");
    }

    @Test
    void the_same_email_twice_is_409_email_taken_and_keeps_the_first_account() {
      api.post("/api/v1/accounts", server.adminToken(), account("Twice@Example.jp", "municipality", "municipality").toString());

      Api.Reply again = api.post("/api/v1/accounts", server.adminToken(),
          account("twice@example.jp", "municipality", "municipality").put("password", "yama-no-ue-no-kumo-3").toString());

      assertThat(again.status()).isEqualTo(409);
      assertThat(again.errorCode()).isEqualTo("email_taken");
      assertThat(server.login("twice@example.jp", "kawa-no-nagare-7")).isNotBlank();
    }

    @Test
    void invalid_accounts_are_refused_with_every_problem_named() {
      ObjectNode body = account("not-an-email", "professional", "municipality").put("password", "short");
      ((ObjectNode) body.get("organization")).put("prefecture", "東京");

      Api.Reply reply = api.post("/api/v1/accounts", server.adminToken(), body.toString());

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().at("/error/details").findValuesAsText("field"))
          .contains("email", "password", "organization.prefecture", "profession");
    }

    @Test
    void each_new_organization_gets_its_own_id_and_a_colleague_joins_one_by_naming_it() {
      Api.Reply first = api.post("/api/v1/accounts", server.adminToken(),
          account("org-first@example.jp", "municipality", "municipality").toString());
      Api.Reply lookAlike = api.post("/api/v1/accounts", server.adminToken(),
          account("org-look-alike@example.jp", "municipality", "municipality").toString());
      String organizationId = first.json().at("/organization/id").asText();
      ObjectNode colleague = account("org-colleague@example.jp", "municipality", "municipality");
      ((ObjectNode) colleague.get("organization")).put("id", organizationId);
      ObjectNode unknown = account("org-unknown@example.jp", "municipality", "municipality");
      ((ObjectNode) unknown.get("organization")).put("id", "no-such-organization");
      ObjectNode mismatched = account("org-mismatch@example.jp", "municipality", "municipality");
      ((ObjectNode) mismatched.get("organization")).put("id", organizationId).put("name", "立川市");

      Api.Reply joined = api.post("/api/v1/accounts", server.adminToken(), colleague.toString());
      Api.Reply refusedUnknown = api.post("/api/v1/accounts", server.adminToken(), unknown.toString());
      Api.Reply refusedMismatch = api.post("/api/v1/accounts", server.adminToken(), mismatched.toString());

      assertThat(organizationId).isNotBlank();
      assertThat(lookAlike.json().at("/organization/id").asText()).isNotEqualTo(organizationId);
      assertThat(joined.status()).as(joined.body()).isEqualTo(201);
      assertThat(joined.json().at("/organization/id").asText()).isEqualTo(organizationId);
      assertThat(refusedUnknown.status()).isEqualTo(400);
      assertThat(refusedUnknown.json().at("/error/details/0/field").asText()).isEqualTo("organization.id");
      assertThat(refusedMismatch.status()).isEqualTo(400);
      assertThat(refusedMismatch.json().at("/error/details/0/problem").asText()).contains("八王子市");
    }

    @Test
    void a_trivial_password_is_refused_with_422_weak_password_saying_why_in_english_and_japanese() {
      Api.Reply reply = api.post("/api/v1/accounts", server.adminToken(),
          account("weak@example.jp", "municipality", "municipality").put("password", "password1234").toString());

      assertThat(reply.status()).isEqualTo(422);
      assertThat(reply.errorCode()).isEqualTo("weak_password");
      assertThat(reply.json().at("/error/message").asText()).contains("common password");
      assertThat(reply.json().at("/error/details/0/field").asText()).isEqualTo("password");
      assertThat(reply.json().at("/error/details/0/problemJa").asText()).contains("よく使われるパスワード");
      assertThat(api.get("/api/v1/accounts", server.adminToken()).body()).doesNotContain("weak@example.jp");
    }

    @Test
    void a_random_password_under_twelve_characters_is_weak_too() {
      Api.Reply reply = api.post("/api/v1/accounts", server.adminToken(),
          account("short@example.jp", "municipality", "municipality").put("password", "Kx9#mQ2$vL").toString());

      assertThat(reply.status()).isEqualTo(422);
      assertThat(reply.errorCode()).isEqualTo("weak_password");
      assertThat(reply.json().at("/error/details/0/problem").asText()).contains("12 characters");
      assertThat(reply.json().at("/error/details/0/problemJa").asText()).contains("12文字以上");
    }

    @Test
    void a_keyboard_row_or_a_repeat_is_weak_however_long() {
      for (String guessable : new String[] {"qwertyuiopasdfgh", "aaaaaaaaaaaaaaaa", "abcdefghijklmnop"}) {
        Api.Reply reply = api.post("/api/v1/accounts", server.adminToken(),
            account("row@example.jp", "municipality", "municipality").put("password", guessable).toString());

        assertThat(reply.errorCode()).as(guessable).isEqualTo("weak_password");
      }
    }

    @Test
    void a_company_account_must_belong_to_a_company() {
      Api.Reply reply = api.post("/api/v1/accounts", server.adminToken(), account("c@example.jp", "company", "municipality").toString());

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().at("/error/details/0/field").asText()).isEqualTo("organization.kind");
    }
  }

  @Nested
  class Sessions {
    @Test
    void login_returns_a_token_that_identifies_the_user_until_logout_revokes_it() {
      var user = server.municipality("高橋");

      Api.Reply me = api.get("/api/v1/auth/me", user.token());
      Api.Reply logout = api.post("/api/v1/auth/logout", user.token(), "{}");
      Api.Reply afterLogout = api.get("/api/v1/auth/me", user.token());

      assertThat(me.status()).isEqualTo(200);
      assertThat(me.json().get("displayName").asText()).isEqualTo("高橋");
      assertThat(me.json().get("role").asText()).isEqualTo("municipality");
      assertThat(logout.status()).isEqualTo(204);
      assertThat(afterLogout.status()).isEqualTo(401);
      assertThat(afterLogout.errorCode()).isEqualTo("invalid_token");
    }

    @Test
    void a_wrong_password_is_401_invalid_credentials_like_an_unknown_email() {
      var user = server.municipality("田中");

      Api.Reply wrong = api.post("/api/v1/auth/login", null,
          Json.object().put("email", user.email()).put("password", "not-the-password").toString());
      Api.Reply unknown = api.post("/api/v1/auth/login", null,
          Json.object().put("email", "nobody@example.jp").put("password", "not-the-password").toString());

      assertThat(wrong.status()).isEqualTo(401);
      assertThat(wrong.errorCode()).isEqualTo("invalid_credentials");
      assertThat(unknown.status()).isEqualTo(401);
      assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    @Test
    void repeated_failures_for_one_account_are_throttled_with_429_even_for_the_right_password() {
      var user = server.company("営業 一郎", "株式会社みらい商店");
      String wrong = Json.object().put("email", user.email()).put("password", "guess-guess").toString();
      for (int i = 0; i < 5; i++) {
        assertThat(api.post("/api/v1/auth/login", null, wrong).status()).isEqualTo(401);
      }

      Api.Reply throttled = api.post("/api/v1/auth/login", null,
          Json.object().put("email", user.email()).put("password", user.password()).toString());

      assertThat(throttled.status()).isEqualTo(429);
      assertThat(throttled.errorCode()).isEqualTo("rate_limited");
      assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
      assertThat(api.get("/api/v1/auth/me", user.token()).status()).as("existing sessions keep working").isEqualTo(200);
    }
  }
}
