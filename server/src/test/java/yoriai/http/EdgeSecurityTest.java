package yoriai.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.TestServer;

class EdgeSecurityTest {
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

  private static int accountCount() {
    return api.get("/api/v1/accounts", server.adminToken()).json().get("accounts").size();
  }

  @Test
  void an_operator_object_where_a_string_is_expected_is_refused_with_400_before_any_query() {
    int before = accountCount();

    Api.Reply login = api.post("/api/v1/auth/login", null, "{\"email\":{\"$ne\":null},\"password\":\"x\"}");
    Api.Reply create = api.post("/api/v1/accounts", server.adminToken(),
        "{\"email\":{\"$gt\":\"\"},\"password\":\"kawa-no-nagare-7\",\"displayName\":\"x\",\"role\":\"company\","
            + "\"organization\":{\"name\":\"株式会社A\",\"kind\":\"company\",\"prefecture\":\"群馬県\"}}");

    assertThat(login.status()).isEqualTo(400);
    assertThat(login.errorCode()).isEqualTo("invalid_request");
    assertThat(login.json().at("/error/details/0/field").asText()).isEqualTo("email");
    assertThat(create.status()).isEqualTo(400);
    assertThat(accountCount()).isEqualTo(before);
  }

  @Test
  void malformed_json_is_400_malformed_json_and_creates_nothing() {
    int before = accountCount();

    Api.Reply reply = api.post("/api/v1/accounts", server.adminToken(), "{\"email\": \"a@b.jp\", ");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("malformed_json");
    assertThat(accountCount()).isEqualTo(before);
  }

  @Test
  void a_body_over_the_limit_is_413_payload_too_large() {
    String huge = "{\"email\":\"" + "a".repeat(300 * 1024) + "@b.jp\",\"password\":\"x\"}";

    Api.Reply reply = api.post("/api/v1/auth/login", null, huge);

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.errorCode()).isEqualTo("payload_too_large");
  }

  @Test
  void a_request_without_token_is_401_and_a_wrong_role_is_403() {
    var professional = server.professional("理学 太郎", "理学療法士");
    String body = "{\"email\":\"x@y.jp\",\"password\":\"kawa-no-nagare-7\",\"displayName\":\"x\",\"role\":\"admin\","
        + "\"organization\":{\"name\":\"Y\",\"kind\":\"npo\",\"prefecture\":\"東京都\"}}";
    int before = accountCount();

    Api.Reply anonymous = api.post("/api/v1/accounts", null, body);
    Api.Reply wrongRole = api.post("/api/v1/accounts", professional.token(), body);
    Api.Reply badToken = api.get("/api/v1/auth/me", "not-a-token");

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.errorCode()).isEqualTo("unauthenticated");
    assertThat(wrongRole.status()).isEqualTo(403);
    assertThat(wrongRole.errorCode()).isEqualTo("forbidden");
    assertThat(badToken.status()).isEqualTo(401);
    assertThat(badToken.errorCode()).isEqualTo("invalid_token");
    assertThat(accountCount()).isEqualTo(before);
  }

  @Test
  void unknown_fields_and_wrong_enumerations_are_named_in_the_error_details() {
    Api.Reply unknown = api.post("/api/v1/auth/login", null, "{\"email\":\"a@b.jp\",\"password\":\"x\",\"admin\":true}");
    Api.Reply badRole = api.post("/api/v1/accounts", server.adminToken(),
        "{\"email\":\"r@b.jp\",\"password\":\"kawa-no-nagare-7\",\"displayName\":\"x\",\"role\":\"superuser\","
            + "\"organization\":{\"name\":\"Y\",\"kind\":\"npo\",\"prefecture\":\"東京都\"}}");

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().at("/error/details/0/field").asText()).isEqualTo("admin");
    assertThat(badRole.status()).isEqualTo(400);
    assertThat(badRole.json().at("/error/details/0/field").asText()).isEqualTo("role");
  }

  @Test
  void a_body_that_is_not_json_is_415() {
    Api.Reply reply = api.send(api.request("/api/v1/auth/login", null)
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("email=a")).build());

    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.errorCode()).isEqualTo("unsupported_media_type");
  }

  @Test
  void unknown_api_paths_answer_404_in_the_error_format() {
    Api.Reply reply = api.get("/api/v1/nothing-here", null);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo("not_found");
  }

  @Test
  void every_response_carries_the_security_headers_and_no_cors_by_default() {
    Api.Reply page = api.send(api.request("/", null).header("Origin", "https://evil.example").GET().build());
    Api.Reply apiReply = api.send(api.request("/api/v1/auth/me", null).header("Origin", "https://evil.example").GET().build());

    for (Api.Reply reply : new Api.Reply[] {page, apiReply}) {
      assertThat(reply.header("Content-Security-Policy"))
          .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
      assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
      assertThat(reply.header("X-Request-Id")).isNotBlank();
    }
  }

  @Test
  void cors_is_answered_only_for_configured_origins() {
    try (TestServer withCors = TestServer.start(java.util.Map.of("YORIAI_ALLOWED_ORIGINS", "https://care.example.jp"))) {
      Api corsApi = withCors.api();
      Api.Reply allowed = corsApi.send(corsApi.request("/api/v1/auth/me", null)
          .header("Origin", "https://care.example.jp").GET().build());
      Api.Reply other = corsApi.send(corsApi.request("/api/v1/auth/me", null)
          .header("Origin", "https://evil.example").GET().build());

      assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://care.example.jp");
      assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }
  }

  @Test
  void the_login_page_is_served_at_the_root_and_for_app_permalinks() {
    Api.Reply root = api.get("/", null);
    Api.Reply permalink = api.get("/archive/some-entry", null);

    assertThat(root.status()).isEqualTo(200);
    assertThat(root.header("Content-Type")).startsWith("text/html");
    assertThat(root.body()).contains("<html lang=\"ja\"");
    assertThat(permalink.status()).isEqualTo(200);
    assertThat(permalink.body()).isEqualTo(root.body());
    assertThat(URI.create(api.baseUrl()).getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void errors_have_the_contract_shape() {
    Api.Reply reply = api.post("/api/v1/auth/login", null, Json.object().put("email", "nobody@x.jp").put("password", "wrong-pass").toString());

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().get("error").has("code")).isTrue();
    assertThat(reply.json().get("error").has("message")).isTrue();
    assertThat(reply.json().get("error").get("details").isArray()).isTrue();
  }
}
