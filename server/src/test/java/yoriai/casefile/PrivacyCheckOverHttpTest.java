package yoriai.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;

class PrivacyCheckOverHttpTest {
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

  @Test
  void a_partial_sheet_is_checked_field_by_field_and_nothing_is_stored() {
    SignedIn staff = server.municipality("高崎 確認");
    var partial = Json.object();
    partial.putObject("person").put("housing", Sheets.POSTAL_CODE + "の団地");
    partial.putArray("supports").addObject().put("description", "連絡先 " + Sheets.PHONE);

    Api.Reply reply = api.post("/api/v1/privacy/check", staff.token(), partial.toString());

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode findings = reply.json().get("findings");
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.get("field").asText()).isEqualTo("person.housing");
      assertThat(f.get("kind").asText()).isEqualTo("postal_code");
      assertThat(f.get("start").asInt()).isZero();
    });
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.get("field").asText()).isEqualTo("supports[0].description");
      assertThat(f.get("kind").asText()).isEqualTo("phone");
    });
    assertThat(api.get("/api/v1/cases", staff.token()).json().get("cases")).isEmpty();
  }

  /** The まとめ editor checks its texts by path as they are typed (CaseApi.checkTexts). */
  @Test
  void texts_named_by_path_are_each_checked_and_their_findings_keep_the_path() {
    SignedIn staff = server.municipality("高崎 まとめ");
    var body = Json.object();
    body.putObject("texts").put("direction", "見守りを続ける").put("regionalIssues[0].text", "長男に連絡 " + Sheets.PHONE);

    Api.Reply reply = api.post("/api/v1/privacy/check-texts", staff.token(), body.toString());

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("findings")).singleElement().satisfies(f -> {
      assertThat(f.get("field").asText()).isEqualTo("regionalIssues[0].text");
      assertThat(f.get("kind").asText()).isEqualTo("phone");
      assertThat(f.get("start").asInt()).isEqualTo("長男に連絡 ".length());
    });
  }

  @Test
  void texts_to_check_must_be_an_object_of_strings_and_need_a_token() {
    SignedIn staff = server.municipality("高崎 検証");

    Api.Reply missing = api.post("/api/v1/privacy/check-texts", staff.token(), "{}");
    Api.Reply notText = api.post("/api/v1/privacy/check-texts", staff.token(), "{\"texts\":{\"direction\":[1]}}");
    Api.Reply anonymous = api.post("/api/v1/privacy/check-texts", null, "{\"texts\":{}}");

    assertThat(missing.status()).as(missing.body()).isEqualTo(400);
    assertThat(missing.body()).contains("texts");
    assertThat(notText.status()).as(notText.body()).isEqualTo(400);
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  void a_clean_or_empty_sheet_has_no_findings_and_any_signed_in_role_may_check() {
    SignedIn professional = server.professional("看護 師子", "看護師");

    Api.Reply empty = api.post("/api/v1/privacy/check", professional.token(), "{}");
    Api.Reply clean = api.post("/api/v1/privacy/check", professional.token(), Sheets.clean().toString());

    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.json().get("findings")).isEmpty();
    assertThat(clean.status()).isEqualTo(200);
    assertThat(clean.json().get("findings")).isEmpty();
  }

  @Test
  void the_check_needs_a_token_and_a_well_typed_sheet() {
    SignedIn staff = server.municipality("高崎 点検");

    Api.Reply anonymous = api.post("/api/v1/privacy/check", null, "{}");
    Api.Reply unknown = api.post("/api/v1/privacy/check", staff.token(), "{\"notes\":\"x\"}");
    Api.Reply badEnum = api.post("/api/v1/privacy/check", staff.token(), "{\"supports\":[{\"kind\":\"family\"}]}");

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().at("/error/details/0/field").asText()).isEqualTo("notes");
    assertThat(badEnum.status()).isEqualTo(400);
    assertThat(badEnum.json().at("/error/details/0/field").asText()).isEqualTo("supports[0].kind");
  }
}
