package yoriai.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.TestServer;

/** A fresh instance with no account and no configured admin: a one-time setup link in the log makes the first admin. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FirstRunSetupTest {
  /** What {@code ./scripts/run} on a fresh machine gives the server: no YORIAI_ADMIN_*. */
  private static final Map<String, String> NO_ADMIN = Map.of("YORIAI_ADMIN_EMAIL", "", "YORIAI_ADMIN_PASSWORD", "");

  @Test
  void the_logged_setup_link_creates_the_first_admin_signed_in_and_then_setup_is_closed() {
    try (TestServer server = TestServer.start(NO_ADMIN)) {
      Api api = server.api();
      String link = server.setupLink().orElseThrow();
      String token = link.substring(link.indexOf("token=") + "token=".length());

      assertThat(link).startsWith("http://localhost:" + server.port() + "/setup?token=");
      assertThat(api.get("/api/v1/setup", null).json().get("needed").asBoolean()).isTrue();
      HttpResponse<String> page = api.get("/setup?token=" + token, null).response();
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");

      Api.Reply wrongToken = api.post("/api/v1/setup", null, setup("not-the-token", "kaigi-no-hajimari-3Kd").toString());
      Api.Reply weak = api.post("/api/v1/setup", null, setup(token, "password1234").toString());
      Api.Reply created = api.post("/api/v1/setup", null, setup(token, "kaigi-no-hajimari-3Kd").toString());

      assertThat(wrongToken.status()).isEqualTo(403);
      assertThat(wrongToken.errorCode()).isEqualTo("setup_closed");
      assertThat(weak.status()).as("a refused form does not spend the link").isEqualTo(422);
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      assertThat(created.json().at("/user/role").asText()).isEqualTo("admin");
      assertThat(created.json().at("/user/organization/name").asText()).isEqualTo("前橋市");
      Api.Reply me = api.get("/api/v1/auth/me", created.json().get("token").asText());
      assertThat(me.status()).isEqualTo(200);
      assertThat(me.json().get("email").asText()).isEqualTo("first@city.example.jp");

      Api.Reply second = api.post("/api/v1/setup", null, setup(token, "kaigi-no-hajimari-3Kd").put("email", "x@example.jp").toString());
      assertThat(second.status()).isEqualTo(403);
      assertThat(second.errorCode()).isEqualTo("setup_closed");
      assertThat(api.get("/api/v1/setup", null).json().get("needed").asBoolean()).isFalse();
    }
  }

  @Test
  void a_server_with_an_account_logs_no_setup_link_and_refuses_setup() {
    try (TestServer server = TestServer.start()) {
      assertThat(server.setupLink()).isEmpty();
      assertThat(server.api().get("/api/v1/setup", null).json().get("needed").asBoolean()).isFalse();
      assertThat(server.api().post("/api/v1/setup", null, setup("guess", "kaigi-no-hajimari-3Kd").toString()).errorCode())
          .isEqualTo("setup_closed");
    }
  }

  private static ObjectNode setup(String token, String password) {
    ObjectNode body = Json.object().put("token", token).put("email", "first@city.example.jp").put("password", password)
        .put("displayName", "前橋 管理者");
    body.putObject("organization").put("name", "前橋市").put("kind", "municipality").put("prefecture", "群馬県");
    return body;
  }
}
