package yoriai.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import yoriai.testing.Api;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;

class CasesOverHttpTest {
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

  private static String create(SignedIn owner, ObjectNode sheet) {
    Api.Reply reply = api.post("/api/v1/cases", owner.token(), sheet.toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().get("id").asText();
  }

  private static SignedIn municipalityOf(String organization) {
    return server.signUp("municipality", "職員", organization, "municipality", null);
  }

  /** The cases' own ids (each case also carries its organization's id). */
  private static List<String> ids(JsonNode cases) {
    List<String> ids = new ArrayList<>();
    cases.forEach(c -> ids.add(c.get("id").asText()));
    return ids;
  }

  private static int caseCount(SignedIn account) {
    return api.get("/api/v1/cases", account.token()).json().get("cases").size();
  }

  private static void assertFound(JsonNode findings, ObjectNode sheet, String field, String planted, String kind) {
    String text = sheet.at("/" + field.replace("[", "/").replace("]", "").replace(".", "/")).asText();
    int plantedStart = text.indexOf(planted);
    int plantedEnd = plantedStart + planted.length();
    assertThat(findings).as("%s in %s", kind, field).anySatisfy(f -> {
      assertThat(f.get("field").asText()).isEqualTo(field);
      assertThat(f.get("kind").asText()).isEqualTo(kind);
      int start = f.get("start").asInt();
      int end = f.get("end").asInt();
      assertThat(start).isGreaterThanOrEqualTo(0).isLessThan(end);
      assertThat(end).isLessThanOrEqualTo(text.length());
      assertThat(start).isLessThan(plantedEnd);
      assertThat(end).isGreaterThan(plantedStart);
    });
  }

  @Nested
  class Creating {
    @Test
    void a_municipality_creates_a_draft_owned_by_its_organization_with_the_sheet_echoed() {
      SignedIn staff = server.municipality("高崎 一郎");

      Api.Reply reply = api.post("/api/v1/cases", staff.token(), Sheets.clean().toString());

      assertThat(reply.status()).isEqualTo(201);
      JsonNode created = reply.json();
      assertThat(reply.header("Location")).isEqualTo("/api/v1/cases/" + created.get("id").asText());
      assertThat(created.get("state").asText()).isEqualTo("draft");
      assertThat(created.at("/organization/name").asText()).isEqualTo("高崎市");
      assertThat(created.get("createdBy").asText()).isEqualTo(staff.id());
      assertThat(created.get("createdAt").asText()).isEqualTo(created.get("updatedAt").asText());
      assertThat(created.at("/person/careLevel").asText()).isEqualTo("要支援2");
      assertThat(created.at("/activities/0/level").asText()).isEqualTo("一部介助");
      assertThat(created.at("/supports/0/kind").asText()).isEqualTo("informal");
      assertThat(created.get("history")).hasSize(1);
      assertThat(created.at("/history/0/to").asText()).isEqualTo("draft");
      assertThat(created.at("/history/0/by").asText()).isEqualTo(staff.id());
      assertThat(created.at("/history/0/byName").asText()).isEqualTo("高崎 一郎");
    }

    @Test
    void the_optional_assessment_and_checklist_are_stored_and_echoed() {
      SignedIn staff = server.municipality("高崎 二郎");
      ObjectNode sheet = Sheets.clean();
      sheet.putObject("assessment").putObject("movement").put("intention", "散歩を続けたい").put("issue", "膝の痛み");
      var checklist = sheet.putArray("checklist");
      for (int i = 0; i < 25; i++) {
        checklist.add(i % 2);
      }

      String id = create(staff, sheet);
      JsonNode stored = api.get("/api/v1/cases/" + id, staff.token()).json();

      assertThat(stored.at("/assessment/movement/issue").asText()).isEqualTo("膝の痛み");
      assertThat(stored.get("checklist")).hasSize(25);
      assertThat(stored.at("/checklist/1").asInt()).isEqualTo(1);
    }

    @Test
    void an_unknown_field_is_400_naming_it_and_stores_nothing() {
      SignedIn staff = municipalityOf("藤岡市");

      Api.Reply topLevel = api.post("/api/v1/cases", staff.token(), Sheets.clean().put("state", "published").toString());
      ObjectNode nested = Sheets.clean();
      ((ObjectNode) nested.get("person")).put("name", "山田");
      Api.Reply inPerson = api.post("/api/v1/cases", staff.token(), nested.toString());

      assertThat(topLevel.status()).isEqualTo(400);
      assertThat(topLevel.errorCode()).isEqualTo("invalid_request");
      assertThat(topLevel.json().at("/error/details/0/field").asText()).isEqualTo("state");
      assertThat(inPerson.status()).isEqualTo(400);
      assertThat(inPerson.json().at("/error/details/0/field").asText()).isEqualTo("person.name");
      assertThat(caseCount(staff)).isZero();
    }

    @Test
    void a_value_outside_an_enumeration_is_400_naming_the_field() {
      SignedIn staff = municipalityOf("沼田市");
      ObjectNode badCareLevel = Sheets.clean();
      ((ObjectNode) badCareLevel.get("person")).put("careLevel", "要介護9");
      ObjectNode badLevel = Sheets.clean();
      ((ObjectNode) badLevel.get("activities").get(0)).put("level", "ほぼ自立");
      ObjectNode badPrefecture = Sheets.clean().put("prefecture", "群馬");
      ObjectNode badAgeBand = Sheets.clean();
      ((ObjectNode) badAgeBand.get("person")).put("ageBand", "83");

      List<Api.Reply> replies = new ArrayList<>();
      for (ObjectNode sheet : List.of(badCareLevel, badLevel, badPrefecture, badAgeBand)) {
        replies.add(api.post("/api/v1/cases", staff.token(), sheet.toString()));
      }

      assertThat(replies).allSatisfy(r -> {
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("invalid_request");
      });
      assertThat(replies).extracting(r -> r.json().at("/error/details/0/field").asText())
          .containsExactly("person.careLevel", "activities[0].level", "prefecture", "person.ageBand");
      assertThat(caseCount(staff)).isZero();
    }

    @Test
    void text_over_its_limit_and_missing_required_fields_are_400_listing_every_field() {
      SignedIn staff = municipalityOf("館林市");
      ObjectNode tooLong = Sheets.clean().put("title", "あ".repeat(121)).put("questions", "い".repeat(4001));
      ObjectNode missing = Sheets.clean();
      missing.remove(List.of("title", "prefecture", "person"));

      Api.Reply longReply = api.post("/api/v1/cases", staff.token(), tooLong.toString());
      Api.Reply missingReply = api.post("/api/v1/cases", staff.token(), missing.toString());

      assertThat(longReply.status()).isEqualTo(400);
      assertThat(longReply.json().at("/error/details").findValuesAsText("field")).containsExactly("title", "questions");
      assertThat(missingReply.status()).isEqualTo(400);
      assertThat(missingReply.json().at("/error/details").findValuesAsText("field"))
          .containsExactly("title", "prefecture", "person");
      assertThat(caseCount(staff)).isZero();
    }

    @Test
    void more_than_thirty_activities_or_a_short_checklist_is_400() {
      SignedIn staff = municipalityOf("渋川市");
      ObjectNode sheet = Sheets.clean();
      for (int i = 0; i < 30; i++) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) sheet.get("activities")).add(sheet.get("activities").get(0));
      }
      sheet.putArray("checklist").add(1).add(0);

      Api.Reply reply = api.post("/api/v1/cases", staff.token(), sheet.toString());

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().at("/error/details").findValuesAsText("field")).containsExactly("activities", "checklist");
    }

    @Test
    void professionals_and_companies_may_not_create_cases_and_anonymous_callers_must_sign_in() {
      SignedIn professional = server.professional("理学 太郎", "理学療法士");
      SignedIn company = server.company("営業 花子", "株式会社よりあい配達");

      Api.Reply byProfessional = api.post("/api/v1/cases", professional.token(), Sheets.clean().toString());
      Api.Reply byCompany = api.post("/api/v1/cases", company.token(), Sheets.clean().toString());
      Api.Reply anonymous = api.post("/api/v1/cases", null, Sheets.clean().toString());

      assertThat(byProfessional.status()).isEqualTo(403);
      assertThat(byProfessional.errorCode()).isEqualTo("forbidden");
      assertThat(byCompany.status()).isEqualTo(403);
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.errorCode()).isEqualTo("unauthenticated");
      assertThat(caseCount(professional)).isZero();
      assertThat(caseCount(company)).isZero();
    }
  }

  @Nested
  class Reading {
    @Test
    void another_organization_gets_404_on_get_and_put_and_the_case_stays_as_it_was() {
      SignedIn owner = server.municipality("高崎 三郎");
      SignedIn stranger = municipalityOf("前橋市");
      String id = create(owner, Sheets.clean());
      String before = api.get("/api/v1/cases/" + id, owner.token()).body();

      Api.Reply get = api.get("/api/v1/cases/" + id, stranger.token());
      Api.Reply put = api.put("/api/v1/cases/" + id, stranger.token(), Sheets.clean().put("title", "書き換え").toString());
      Api.Reply submit = api.post("/api/v1/cases/" + id + "/submit", stranger.token(), "");
      Api.Reply missing = api.get("/api/v1/cases/no-such-case", owner.token());

      assertThat(List.of(get, put, submit, missing)).allSatisfy(r -> {
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("not_found");
      });
      assertThat(api.get("/api/v1/cases/" + id, owner.token()).body()).isEqualTo(before);
    }

    @Test
    void an_admin_may_read_any_case_but_not_change_it() {
      SignedIn owner = server.municipality("高崎 四郎");
      String id = create(owner, Sheets.clean());

      Api.Reply read = api.get("/api/v1/cases/" + id, server.adminToken());
      Api.Reply put = api.put("/api/v1/cases/" + id, server.adminToken(), Sheets.clean().put("title", "管理者の編集").toString());

      assertThat(read.status()).isEqualTo(200);
      assertThat(put.status()).isEqualTo(403);
      assertThat(api.get("/api/v1/cases/" + id, owner.token()).json().get("title").asText())
          .isEqualTo(Sheets.clean().get("title").asText());
    }

    @Test
    void the_list_holds_only_the_callers_organization_and_filters_by_state() {
      SignedIn staff = municipalityOf("桐生市");
      SignedIn colleague = municipalityOf("桐生市");
      SignedIn other = municipalityOf("太田市");
      String first = create(staff, Sheets.clean());
      String second = create(colleague, Sheets.clean());
      create(other, Sheets.clean());
      api.post("/api/v1/cases/" + second + "/submit", colleague.token(), "");

      JsonNode all = api.get("/api/v1/cases?state=", staff.token()).json().get("cases");
      JsonNode submitted = api.get("/api/v1/cases?state=submitted", staff.token()).json().get("cases");
      Api.Reply badState = api.get("/api/v1/cases?state=lost", staff.token());

      assertThat(ids(all)).containsExactly(second, first);
      assertThat(ids(submitted)).containsExactly(second);
      assertThat(badState.status()).isEqualTo(400);
      assertThat(badState.json().at("/error/details/0/field").asText()).isEqualTo("state");
    }

    @Test
    void reading_needs_a_token() {
      Api.Reply list = api.get("/api/v1/cases", null);
      Api.Reply one = api.get("/api/v1/cases/anything", null);

      assertThat(list.status()).isEqualTo(401);
      assertThat(one.status()).isEqualTo(401);
    }
  }

  @Nested
  class Editing {
    @Test
    void the_owner_replaces_a_draft_sheet() {
      SignedIn staff = server.municipality("高崎 五郎");
      SignedIn colleague = server.municipality("高崎 六郎");
      String id = create(staff, Sheets.clean());

      Api.Reply put = api.put("/api/v1/cases/" + id, colleague.token(), Sheets.clean().put("title", "調理が難しくなった男性").toString());

      assertThat(put.status()).isEqualTo(200);
      assertThat(put.json().get("title").asText()).isEqualTo("調理が難しくなった男性");
      assertThat(put.json().get("state").asText()).isEqualTo("draft");
      assertThat(put.json().get("createdBy").asText()).isEqualTo(staff.id());
      assertThat(api.get("/api/v1/cases/" + id, staff.token()).json().get("title").asText()).isEqualTo("調理が難しくなった男性");
    }

    @Test
    void a_withdrawn_case_cannot_be_edited_409_invalid_state() {
      SignedIn staff = server.municipality("高崎 七郎");
      String id = create(staff, Sheets.clean());
      api.post("/api/v1/cases/" + id + "/withdraw", staff.token(), "");
      String before = api.get("/api/v1/cases/" + id, staff.token()).body();

      Api.Reply put = api.put("/api/v1/cases/" + id, staff.token(), Sheets.clean().put("title", "遅すぎた編集").toString());

      assertThat(put.status()).isEqualTo(409);
      assertThat(put.errorCode()).isEqualTo("invalid_state");
      assertThat(api.get("/api/v1/cases/" + id, staff.token()).body()).isEqualTo(before);
    }

    @Test
    void an_invalid_replacement_is_400_and_leaves_the_draft_unchanged() {
      SignedIn staff = server.municipality("高崎 八郎");
      String id = create(staff, Sheets.clean());
      String before = api.get("/api/v1/cases/" + id, staff.token()).body();

      Api.Reply unknown = api.put("/api/v1/cases/" + id, staff.token(), Sheets.clean().put("id", "other").toString());
      Api.Reply blankTitle = api.put("/api/v1/cases/" + id, staff.token(), Sheets.clean().put("title", " ").toString());

      assertThat(unknown.status()).isEqualTo(400);
      assertThat(unknown.json().at("/error/details/0/field").asText()).isEqualTo("id");
      assertThat(blankTitle.status()).isEqualTo(400);
      assertThat(blankTitle.json().at("/error/details/0/field").asText()).isEqualTo("title");
      assertThat(api.get("/api/v1/cases/" + id, staff.token()).body()).isEqualTo(before);
    }

    @Test
    void a_submitted_case_cannot_be_edited_409_invalid_state_naming_its_state_and_stays_as_it_was() {
      SignedIn staff = server.municipality("高崎 九郎");
      String id = create(staff, Sheets.clean());
      api.post("/api/v1/cases/" + id + "/submit", staff.token(), "");
      String before = api.get("/api/v1/cases/" + id, staff.token()).body();

      Api.Reply put = api.put("/api/v1/cases/" + id, staff.token(), Sheets.clean().put("title", "言い換えた題").toString());
      Api.Reply invalidPut = api.put("/api/v1/cases/" + id, staff.token(), Sheets.clean().put("title", " ").toString());

      assertThat(put.status()).isEqualTo(409);
      assertThat(put.errorCode()).isEqualTo("invalid_state");
      assertThat(put.json().at("/error/details/0/state").asText()).isEqualTo("submitted");
      assertThat(invalidPut.status()).as("the state is checked before the sheet").isEqualTo(409);
      assertThat(invalidPut.errorCode()).isEqualTo("invalid_state");
      assertThat(api.get("/api/v1/cases/" + id, staff.token()).body()).isEqualTo(before);
    }
  }

  /** Text with personal information is never stored: the request that carries it is refused whole. */
  @Nested
  class RefusingPersonalData {
    @Test
    void creating_a_draft_with_personal_information_is_422_listing_each_finding_and_stores_nothing() {
      SignedIn staff = municipalityOf("安中市");
      ObjectNode sheet = Sheets.withPii();

      Api.Reply reply = api.post("/api/v1/cases", staff.token(), sheet.toString());

      assertThat(reply.status()).isEqualTo(422);
      assertThat(reply.errorCode()).isEqualTo("pii_found");
      JsonNode findings = reply.json().at("/error/details");
      assertFound(findings, sheet, "activities[0].difficulty", Sheets.NAME, "person_name");
      assertFound(findings, sheet, "supports[0].description", Sheets.PHONE, "phone");
      assertFound(findings, sheet, "person.housing", Sheets.POSTAL_CODE, "postal_code");
      assertFound(findings, sheet, "person.housing", Sheets.ADDRESS, "address");
      assertFound(findings, sheet, "person.health", Sheets.BIRTH_DATE, "birth_date");
      assertThat(caseCount(staff)).isZero();
    }

    @Test
    void saving_a_phone_number_into_a_draft_is_422_and_the_stored_draft_is_unchanged() {
      SignedIn staff = server.municipality("高崎 十郎");
      String id = create(staff, Sheets.clean());
      String before = api.get("/api/v1/cases/" + id, staff.token()).body();
      ObjectNode withPhone = Sheets.clean().put("wishes", "連絡は " + Sheets.PHONE + " へ");

      Api.Reply put = api.put("/api/v1/cases/" + id, staff.token(), withPhone.toString());

      assertThat(put.status()).isEqualTo(422);
      assertThat(put.errorCode()).isEqualTo("pii_found");
      assertFound(put.json().at("/error/details"), withPhone, "wishes", Sheets.PHONE, "phone");
      assertThat(api.get("/api/v1/cases/" + id, staff.token()).body()).isEqualTo(before);
    }

    @Test
    void saving_then_submitting_a_name_and_phone_number_stores_neither_and_the_case_submits_only_once_cleaned() {
      SignedIn author = server.municipality("高崎 花子");
      SignedIn submitter = server.municipality("高崎 桜");
      String id = create(author, Sheets.clean());
      String before = api.get("/api/v1/cases/" + id, author.token()).body();

      Api.Reply save = api.put("/api/v1/cases/" + id, author.token(), Sheets.withPii().toString());
      String afterRefusal = api.get("/api/v1/cases/" + id, author.token()).body();
      Api.Reply cleaned = api.put("/api/v1/cases/" + id, author.token(), Sheets.clean().put("title", "言い換えた題").toString());
      Api.Reply submit = api.post("/api/v1/cases/" + id + "/submit", submitter.token(), "");

      assertThat(save.status()).isEqualTo(422);
      assertThat(save.errorCode()).isEqualTo("pii_found");
      assertThat(afterRefusal).isEqualTo(before).doesNotContain(Sheets.PHONE).doesNotContain("山田花子");
      assertThat(cleaned.status()).isEqualTo(200);
      assertThat(submit.status()).as(submit.body()).isEqualTo(200);
      JsonNode submitted = submit.json();
      assertThat(submitted.get("state").asText()).isEqualTo("submitted");
      assertThat(submitted.get("title").asText()).isEqualTo("言い換えた題");
      JsonNode history = submitted.get("history");
      assertThat(history).hasSize(2);
      assertThat(history.get(0).get("by").asText()).isEqualTo(author.id());
      assertThat(history.get(1).get("from").asText()).isEqualTo("draft");
      assertThat(history.get(1).get("to").asText()).isEqualTo("submitted");
      assertThat(history.get(1).get("by").asText()).isEqualTo(submitter.id());
      assertThat(history.get(1).get("byName").asText()).isEqualTo("高崎 桜");
      assertThat(history.get(1).get("at").asText()).isEqualTo(submitted.get("updatedAt").asText());
      assertThat(api.get("/api/v1/cases/" + id, author.token()).body()).isEqualTo(submit.body());
    }

    @Test
    void a_provider_naming_a_person_is_a_finding_and_allows_that_text_nowhere_else() {
      SignedIn staff = municipalityOf("富岡市");
      String person = Sheets.NAME + " " + Sheets.PHONE;
      ObjectNode sheet = Sheets.clean().put("provider", person).put("wishes", person + "に相談しながら暮らしたい");

      Api.Reply create = api.post("/api/v1/cases", staff.token(), sheet.toString());
      Api.Reply check = api.post("/api/v1/privacy/check", staff.token(), sheet.toString());

      assertThat(create.status()).as(create.body()).isEqualTo(422);
      assertThat(create.errorCode()).isEqualTo("pii_found");
      List<String> fields = new ArrayList<>();
      create.json().at("/error/details").forEach(f -> fields.add(f.get("field").asText()));
      assertThat(fields).contains("provider", "wishes");
      assertThat(check.json().get("findings").toString()).contains("\"provider\"").contains("\"wishes\"");
      assertThat(caseCount(staff)).isZero();
    }
  }

  @Nested
  class Submitting {
    @Test
    void a_registered_name_is_allowed_only_as_a_whole() {
      SignedIn staff = server.municipality("高崎 六郎");
      server.company("配達 太郎", "株式会社山田様商店");
      ObjectNode whole = Sheets.clean().put("wishes", "株式会社山田様商店の配達を使い続けたい");
      ObjectNode part = Sheets.clean().put("wishes", "山田様商店の人に相談したい");

      Api.Reply allowed = api.post("/api/v1/privacy/check", staff.token(), whole.toString());
      Api.Reply partial = api.post("/api/v1/privacy/check", staff.token(), part.toString());

      assertThat(allowed.json().get("findings")).as(allowed.body()).isEmpty();
      assertThat(partial.json().get("findings")).as(partial.body()).isNotEmpty();
    }

    @Test
    void a_catalog_provider_typed_by_a_company_allows_nothing() {
      SignedIn staff = server.municipality("高崎 七郎");
      SignedIn company = server.company("販売 八郎", "株式会社ななつぼし");
      ObjectNode service = yoriai.testing.Json.object().put("name", "買い物同行").put("category", "買い物支援")
          .put("provider", "山田花子").put("description", "週2回、自宅の前まで来ます").put("price", "月額3,000円")
          .put("howToUse", "電話で申し込み").put("contactUrl", "https://example.jp/service");
      service.putArray("areas").addObject().put("prefectureCode", "10").put("name", "群馬県");
      Api.Reply registered = api.post("/api/v1/catalog/services", company.token(), service.toString());
      ObjectNode sheet = Sheets.clean().put("wishes", "山田花子に買い物を頼みたい");

      Api.Reply checked = api.post("/api/v1/privacy/check", staff.token(), sheet.toString());

      assertThat(registered.status()).as(registered.body()).isEqualTo(201);
      assertThat(checked.json().get("findings")).as(checked.body()).isNotEmpty();
    }

    @Test
    void the_owners_organization_and_registered_organization_names_are_never_findings() {
      SignedIn staff = server.municipality("高崎 次郎");
      server.professional("包括 職員", "社会福祉士");
      ObjectNode sheet = Sheets.clean().put("provider", "高崎市地域包括支援センター")
          .put("wishes", "高崎市地域包括支援センターと高崎市の窓口に相談しながら暮らしたい");

      String id = create(staff, sheet);
      Api.Reply reply = api.post("/api/v1/cases/" + id + "/submit", staff.token(), "");

      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void submitting_twice_is_409_invalid_state() {
      SignedIn staff = server.municipality("高崎 三子");
      String id = create(staff, Sheets.clean());
      api.post("/api/v1/cases/" + id + "/submit", staff.token(), "");
      String before = api.get("/api/v1/cases/" + id, staff.token()).body();

      Api.Reply again = api.post("/api/v1/cases/" + id + "/submit", staff.token(), "");

      assertThat(again.status()).isEqualTo(409);
      assertThat(again.errorCode()).isEqualTo("invalid_state");
      assertThat(api.get("/api/v1/cases/" + id, staff.token()).body()).isEqualTo(before);
    }

    @Test
    void a_professional_cannot_submit_or_withdraw_403_and_the_case_stays_a_draft() {
      SignedIn staff = server.municipality("高崎 四子");
      SignedIn professional = server.professional("作業 療子", "作業療法士");
      String id = create(staff, Sheets.clean());

      Api.Reply submit = api.post("/api/v1/cases/" + id + "/submit", professional.token(), "");
      Api.Reply withdraw = api.post("/api/v1/cases/" + id + "/withdraw", professional.token(), "");
      Api.Reply anonymous = api.post("/api/v1/cases/" + id + "/submit", null, "");

      assertThat(submit.status()).isEqualTo(403);
      assertThat(submit.errorCode()).isEqualTo("forbidden");
      assertThat(withdraw.status()).isEqualTo(403);
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(api.get("/api/v1/cases/" + id, staff.token()).json().get("state").asText()).isEqualTo("draft");
    }
  }

  @Nested
  class Withdrawing {
    @Test
    void the_owner_withdraws_a_draft_once_and_the_history_says_so() {
      SignedIn staff = server.municipality("高崎 五子");
      String id = create(staff, Sheets.clean());

      Api.Reply withdrawn = api.post("/api/v1/cases/" + id + "/withdraw", staff.token(), "");
      Api.Reply again = api.post("/api/v1/cases/" + id + "/withdraw", staff.token(), "");
      Api.Reply submit = api.post("/api/v1/cases/" + id + "/submit", staff.token(), "");

      assertThat(withdrawn.status()).isEqualTo(200);
      assertThat(withdrawn.json().get("state").asText()).isEqualTo("withdrawn");
      assertThat(withdrawn.json().at("/history/1/to").asText()).isEqualTo("withdrawn");
      assertThat(withdrawn.json().at("/history/1/by").asText()).isEqualTo(staff.id());
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.errorCode()).isEqualTo("invalid_state");
      assertThat(submit.status()).isEqualTo(409);
    }
  }
}
