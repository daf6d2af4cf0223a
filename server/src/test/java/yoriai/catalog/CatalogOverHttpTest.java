package yoriai.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.TestServer;

/**
 * The catalog over real HTTP. Tests share one server, so each listing test works in a prefecture
 * no other test registers services in.
 */
class CatalogOverHttpTest {
  private static final String SERVICES = "/api/v1/catalog/services";
  private static TestServer server;
  private static Api api;
  private static TestServer.SignedIn companyA;
  private static TestServer.SignedIn companyB;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    api = server.api();
    companyA = server.company("営業 一郎", "株式会社たかさき商店");
    companyB = server.company("営業 二郎", "株式会社ぐんま配食");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ObjectNode service(String name, String category, ObjectNode... areas) {
    ObjectNode body = Json.object()
        .put("name", name)
        .put("category", category)
        .put("description", "週2回、自宅の前まで来ます")
        .put("price", "月額3,000円")
        .put("howToUse", "電話で申し込み")
        .put("contactUrl", "https://example.jp/service");
    ArrayNode list = body.putArray("areas");
    for (ObjectNode area : areas) {
      list.add(area);
    }
    return body;
  }

  private static ObjectNode municipalityArea(String prefectureCode, String municipalityCode, String name) {
    return Json.object().put("prefectureCode", prefectureCode).put("municipalityCode", municipalityCode).put("name", name);
  }

  private static ObjectNode prefectureArea(String prefectureCode, String name) {
    return Json.object().put("prefectureCode", prefectureCode).put("name", name);
  }

  private static JsonNode register(String token, ObjectNode body) {
    Api.Reply reply = api.post(SERVICES, token, body.toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json();
  }

  private static Api.Reply delete(String path, String token) {
    return api.send(api.request(path, token).DELETE().build());
  }

  private static JsonNode list(String query) {
    Api.Reply reply = api.get(SERVICES + "?" + query, null);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static List<String> names(JsonNode page) {
    return StreamSupport.stream(page.get("services").spliterator(), false).map(s -> s.get("name").asText()).toList();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Nested
  class Registering {
    @Test
    void a_company_registers_a_service_and_anyone_reads_it_without_signing_in() {
      JsonNode created = register(companyA.token(),
          service("買い物同行サービス", "買い物支援", municipalityArea("10", "10202", "高崎市")));

      Api.Reply read = api.get(SERVICES + "/" + created.get("id").asText(), null);

      assertThat(created.get("id").asText()).isNotBlank();
      assertThat(created.get("provider").asText()).isEqualTo("株式会社たかさき商店");
      assertThat(created.at("/ownerOrganization/name").asText()).isEqualTo("株式会社たかさき商店");
      assertThat(created.has("createdBy")).isFalse();
      assertThat(created.get("proposedCount").asLong()).isZero();
      assertThat(created.get("adoptedCount").asLong()).isZero();
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.json()).isEqualTo(created);
      assertThat(read.json().at("/areas/0/municipalityCode").asText()).isEqualTo("10202");
      assertThat(read.json().get("price").asText()).isEqualTo("月額3,000円");
    }

    @Test
    void only_companies_municipalities_and_admins_register_services() {
      var professional = server.professional("理学 花子", "理学療法士");
      String body = service("見守り電話", "見守り", prefectureArea("10", "群馬県")).toString();

      Api.Reply anonymous = api.post(SERVICES, null, body);
      Api.Reply wrongRole = api.post(SERVICES, professional.token(), body);
      Api.Reply municipality = api.post(SERVICES, server.municipality("市 職員").token(), body);
      Api.Reply admin = api.post(SERVICES, server.adminToken(), body);

      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(wrongRole.status()).isEqualTo(403);
      assertThat(wrongRole.errorCode()).isEqualTo("forbidden");
      assertThat(municipality.status()).isEqualTo(201);
      assertThat(admin.status()).isEqualTo(201);
    }

    @Test
    void an_unknown_service_is_404_not_found() {
      Api.Reply read = api.get(SERVICES + "/no-such-service", null);
      Api.Reply edit = api.put(SERVICES + "/no-such-service", companyA.token(),
          service("x", "配食", prefectureArea("10", "群馬県")).toString());

      assertThat(read.status()).isEqualTo(404);
      assertThat(read.errorCode()).isEqualTo("not_found");
      assertThat(edit.status()).isEqualTo(404);
    }
  }

  @Nested
  class Ownership {
    @Test
    void a_company_cannot_edit_or_delete_another_companys_service_and_it_stays_unchanged() {
      JsonNode original = register(companyA.token(), service("配食たかさき", "配食", municipalityArea("10", "10202", "高崎市")));
      String path = SERVICES + "/" + original.get("id").asText();

      Api.Reply edit = api.put(path, companyB.token(), service("乗っ取り", "配食", prefectureArea("13", "東京都")).toString());
      Api.Reply remove = delete(path, companyB.token());

      assertThat(edit.status()).isEqualTo(403);
      assertThat(edit.errorCode()).isEqualTo("forbidden");
      assertThat(remove.status()).isEqualTo(403);
      assertThat(remove.errorCode()).isEqualTo("forbidden");
      assertThat(api.get(path, null).json()).isEqualTo(original);
    }

    @Test
    void a_municipality_edits_and_deletes_its_own_service() {
      String token = server.municipality("高崎 職員").token();
      JsonNode original = register(token, service("ふれあいサロン", "通いの場", municipalityArea("10", "10202", "高崎市")));
      String path = SERVICES + "/" + original.get("id").asText();

      Api.Reply edit = api.put(path, token,
          service("ふれあいサロン 中央", "通いの場", municipalityArea("10", "10202", "高崎市")).put("price", "無料").toString());

      assertThat(edit.status()).as(edit.body()).isEqualTo(200);
      assertThat(edit.json().get("name").asText()).isEqualTo("ふれあいサロン 中央");
      assertThat(edit.json().get("price").asText()).isEqualTo("無料");
      assertThat(edit.json().get("createdAt")).isEqualTo(original.get("createdAt"));
      assertThat(edit.json().get("ownerOrganization")).isEqualTo(original.get("ownerOrganization"));
      assertThat(api.get(path, null).json()).isEqualTo(edit.json());

      Api.Reply remove = delete(path, token);

      assertThat(remove.status()).isEqualTo(204);
      assertThat(api.get(path, null).status()).isEqualTo(404);
    }

    @Test
    void a_look_alike_organization_with_the_same_name_kind_and_prefecture_cannot_edit_or_delete() {
      JsonNode original = register(companyA.token(), service("たかさき見守り", "見守り", municipalityArea("10", "10202", "高崎市")));
      String path = SERVICES + "/" + original.get("id").asText();
      var lookAlike = server.company("偽 一郎", "株式会社たかさき商店");

      Api.Reply edit = api.put(path, lookAlike.token(), service("乗っ取り", "見守り", prefectureArea("13", "東京都")).toString());
      Api.Reply remove = delete(path, lookAlike.token());

      assertThat(api.get("/api/v1/auth/me", lookAlike.token()).json().at("/organization/name").asText())
          .isEqualTo(original.at("/ownerOrganization/name").asText());
      assertThat(edit.status()).isEqualTo(403);
      assertThat(edit.errorCode()).isEqualTo("forbidden");
      assertThat(remove.status()).isEqualTo(403);
      assertThat(api.get(path, null).json()).isEqualTo(original);
    }

    @Test
    void a_colleague_added_to_the_same_organization_by_its_id_edits_its_service() {
      JsonNode original = register(companyA.token(), service("たかさき配達", "配食", municipalityArea("10", "10202", "高崎市")));
      String organizationId = original.at("/ownerOrganization/id").asText();
      ObjectNode colleague = Json.object().put("email", "colleague-" + System.nanoTime() + "@yoriai.test")
          .put("password", "Vq7!colleague-Tor8#").put("displayName", "営業 三郎").put("role", "company");
      colleague.putObject("organization").put("id", organizationId).put("name", "株式会社たかさき商店")
          .put("kind", "company").put("prefecture", "群馬県");
      Api.Reply created = api.post("/api/v1/accounts", server.adminToken(), colleague.toString());
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String token = server.login(colleague.get("email").asText(), "Vq7!colleague-Tor8#");

      Api.Reply edit = api.put(SERVICES + "/" + original.get("id").asText(), token,
          service("たかさき配達 夕方便", "配食", municipalityArea("10", "10202", "高崎市")).toString());

      assertThat(created.json().at("/organization/id").asText()).isEqualTo(organizationId);
      assertThat(edit.status()).as(edit.body()).isEqualTo(200);
      assertThat(edit.json().get("name").asText()).isEqualTo("たかさき配達 夕方便");
    }

    @Test
    void an_admin_edits_any_organizations_service() {
      JsonNode original = register(companyA.token(), service("家事代行", "家事支援", municipalityArea("10", "10202", "高崎市")));

      Api.Reply edit = api.put(SERVICES + "/" + original.get("id").asText(), server.adminToken(),
          service("家事代行（訂正）", "家事支援", municipalityArea("10", "10202", "高崎市")).toString());

      assertThat(edit.status()).isEqualTo(200);
      assertThat(edit.json().at("/ownerOrganization/name").asText()).isEqualTo("株式会社たかさき商店");
    }
  }

  @Nested
  class PublicView {
    @Test
    void the_public_catalog_shows_no_account_id_or_personal_data_of_whoever_registered_a_service() {
      var registrar = server.company("登録 花子", "株式会社みえない商会");
      JsonNode created = register(registrar.token(), service("みえない見守り", "見守り", prefectureArea("32", "島根県")));

      String one = api.get(SERVICES + "/" + created.get("id").asText(), null).body();
      String listed = api.get(SERVICES + "?prefecture=32", null).body();

      for (String json : List.of(created.toString(), one, listed)) {
        assertThat(json).contains("みえない見守り").contains("株式会社みえない商会")
            .doesNotContain("createdBy").doesNotContain(registrar.id())
            .doesNotContain("登録 花子").doesNotContain(registrar.email());
      }
    }
  }

  @Nested
  class Validation {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "category not in the list      | {\"category\":\"宇宙旅行\"}                                                 | category",
        "prefecture code out of range  | {\"areas\":[{\"prefectureCode\":\"48\",\"name\":\"どこか\"}]}               | areas[0].prefectureCode",
        "municipality code shape       | {\"areas\":[{\"prefectureCode\":\"10\",\"municipalityCode\":\"1020\",\"name\":\"高崎市\"}]} | areas[0].municipalityCode",
        "municipality in another pref. | {\"areas\":[{\"prefectureCode\":\"10\",\"municipalityCode\":\"13101\",\"name\":\"千代田区\"}]} | areas[0].municipalityCode",
        "no areas                      | {\"areas\":[]}                                                             | areas",
        "unknown field in an area      | {\"areas\":[{\"prefectureCode\":\"10\",\"name\":\"群馬県\",\"city\":\"x\"}]} | areas[0].city",
        "javascript contact url        | {\"contactUrl\":\"javascript:alert(1)\"}                                  | contactUrl",
        "unknown field                 | {\"owner\":\"someone else\"}                                               | owner",
        "a number as the name          | {\"name\":42}                                                              | name",
    })
    void invalid_input_is_400_naming_the_field_and_stores_nothing(String why, String override, String field) {
      long before = list("").get("total").asLong();
      ObjectNode body = service("正しい名前", "配食", prefectureArea("10", "群馬県"));
      body.setAll((ObjectNode) Json.parse(override));

      Api.Reply reply = api.post(SERVICES, companyA.token(), body.toString());

      assertThat(reply.status()).as(reply.body()).isEqualTo(400);
      assertThat(reply.errorCode()).isEqualTo("invalid_request");
      assertThat(reply.json().at("/error/details").findValuesAsText("field")).contains(field);
      assertThat(list("").get("total").asLong()).isEqualTo(before);
    }

    @Test
    void too_long_texts_and_too_many_areas_are_refused() {
      long before = list("").get("total").asLong();
      ObjectNode body = service("あ".repeat(101), "配食", prefectureArea("10", "群馬県"))
          .put("description", "い".repeat(2001))
          .put("price", "う".repeat(201))
          .put("contactUrl", "https://example.jp/" + "a".repeat(500));
      ArrayNode areas = body.putArray("areas");
      for (int i = 0; i < 201; i++) {
        areas.add(prefectureArea("10", "群馬県"));
      }

      Api.Reply reply = api.post(SERVICES, companyA.token(), body.toString());

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().at("/error/details").findValuesAsText("field"))
          .contains("name", "description", "price", "contactUrl", "areas");
      assertThat(list("").get("total").asLong()).isEqualTo(before);
    }

    @Test
    void an_invalid_edit_leaves_the_stored_service_unchanged() {
      JsonNode original = register(companyA.token(), service("配達", "配食", prefectureArea("10", "群馬県")));
      String path = SERVICES + "/" + original.get("id").asText();

      Api.Reply edit = api.put(path, companyA.token(), service("配達", "配食", prefectureArea("99", "どこか")).toString());

      assertThat(edit.status()).isEqualTo(400);
      assertThat(api.get(path, null).json()).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "page=0, page",
        "size=101, size",
        "page=abc, page",
        "prefecture=火星, prefecture",
        "prefecture=48, prefecture",
        "municipality=abc, municipality",
        "municipality=14100&prefecture=22, municipality",
        "category=宇宙旅行, category",
    })
    void bad_listing_parameters_are_400_naming_the_parameter(String query, String field) {
      Api.Reply reply = api.get(SERVICES + "?" + query.replace("火星", encode("火星")).replace("宇宙旅行", encode("宇宙旅行")), null);

      assertThat(reply.status()).as(reply.body()).isEqualTo(400);
      assertThat(reply.json().at("/error/details/0/field").asText()).isEqualTo(field);
    }
  }

  @Nested
  class Listing {
    @Test
    void filters_by_category_prefecture_name_or_code_and_municipality_including_whole_prefecture_services() {
      String token = companyB.token();
      register(token, service("静岡 見守り全県", "見守り", prefectureArea("22", "静岡県")));
      register(token, service("静岡市 配食", "配食", municipalityArea("22", "221007", "静岡市")));
      register(token, service("浜松市 配食", "配食", municipalityArea("22", "22130", "浜松市")));
      register(token, service("沼津と県外", "移送",
          municipalityArea("22", "22203", "沼津市"), municipalityArea("14", "14100", "横浜市")));

      assertThat(names(list("prefecture=" + encode("静岡県"))))
          .containsExactlyInAnyOrder("静岡 見守り全県", "静岡市 配食", "浜松市 配食", "沼津と県外");
      assertThat(names(list("prefecture=22"))).hasSize(4);
      assertThat(names(list("prefecture=22&category=" + encode("配食"))))
          .containsExactlyInAnyOrder("静岡市 配食", "浜松市 配食");
      assertThat(names(list("municipality=22100")))
          .containsExactlyInAnyOrder("静岡 見守り全県", "静岡市 配食");
      assertThat(names(list("municipality=221309")))
          .containsExactlyInAnyOrder("静岡 見守り全県", "浜松市 配食");
      assertThat(names(list("municipality=22100&prefecture=" + encode("静岡県")))).hasSize(2);
      assertThat(list("prefecture=22").get("total").asLong()).isEqualTo(4);
    }

    @Test
    void q_matches_full_width_and_half_width_variants_case_insensitively() {
      String token = companyA.token();
      register(token, service("ﾊﾟﾝの移動販売 ＡＢＣ号", "移動販売", prefectureArea("31", "鳥取県")));
      register(token, service("お弁当の宅配", "配食", prefectureArea("31", "鳥取県"))
          .put("description", "パンとおにぎりも届けます"));
      register(token, service("庭の手入れ", "家事支援", prefectureArea("31", "鳥取県")));

      assertThat(names(list("prefecture=31&q=" + encode("パン"))))
          .containsExactly("ﾊﾟﾝの移動販売 ＡＢＣ号", "お弁当の宅配");
      assertThat(names(list("prefecture=31&q=abc"))).containsExactly("ﾊﾟﾝの移動販売 ＡＢＣ号");
      assertThat(names(list("prefecture=31&q=" + encode("ＡＢＣ号")))).containsExactly("ﾊﾟﾝの移動販売 ＡＢＣ号");
      assertThat(names(list("prefecture=31&q=" + encode("パン　おにぎり")))).containsExactly("お弁当の宅配");
      assertThat(list("prefecture=31&q=" + encode("温泉")).get("total").asLong()).isZero();
    }

    @Test
    void q_finds_a_service_by_its_category_until_it_is_changed_or_deleted() {
      String token = companyA.token();
      String lane = register(token, service("ゆっくりレジ", "買い物支援", prefectureArea("33", "岡山県"))).get("id").asText();
      String other = register(token, service("夕食便", "配食", prefectureArea("33", "岡山県"))).get("id").asText();

      assertThat(names(list("prefecture=33&q=" + encode("買い物支援")))).containsExactly("ゆっくりレジ");
      assertThat(names(list("prefecture=33&q=" + encode("かいもの")))).containsExactly("ゆっくりレジ");

      Api.Reply changed = api.put(SERVICES + "/" + other, token,
          service("夕食便", "買い物支援", prefectureArea("33", "岡山県")).toString());
      assertThat(changed.status()).as(changed.body()).isEqualTo(200);
      assertThat(names(list("prefecture=33&q=" + encode("買い物支援")))).containsExactlyInAnyOrder("ゆっくりレジ", "夕食便");
      assertThat(list("prefecture=33&q=" + encode("配食")).get("total").asLong()).isZero();

      assertThat(delete(SERVICES + "/" + lane, token).status()).isEqualTo(204);
      assertThat(names(list("prefecture=33&q=" + encode("買い物支援")))).containsExactly("夕食便");
    }

    @Test
    void after_edits_of_one_service_at_the_same_moment_search_finds_only_the_text_stored_last() {
      String token = companyA.token();
      String id = register(token, service("高知 元の名前", "配食", prefectureArea("39", "高知県"))).get("id").asText();
      List<String> names = List.of("高知 朝市便", "高知 夕市便", "高知 昼市便", "高知 夜市便");

      names.parallelStream().forEach(name -> assertThat(
          api.put(SERVICES + "/" + id, token, service(name, "配食", prefectureArea("39", "高知県")).toString()).status())
          .isEqualTo(200));

      String stored = api.get(SERVICES + "/" + id, null).json().get("name").asText();
      for (String name : names) {
        assertThat(names(list("prefecture=39&q=" + encode(name.substring(3)))))
            .as("searching %s after %s was stored last", name, stored)
            .isEqualTo(name.equals(stored) ? List.of(stored) : List.of());
      }
    }

    @Test
    void pages_through_the_services_newest_first_without_overlap() throws InterruptedException {
      List<String> registered = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        registered.add(register(companyA.token(), service("沖縄サービス" + i, "その他", prefectureArea("47", "沖縄県")))
            .get("name").asText());
        Thread.sleep(5);
      }

      JsonNode first = list("prefecture=47&size=2");
      JsonNode second = list("prefecture=47&size=2&page=2");
      JsonNode third = list("prefecture=47&size=2&page=3");
      JsonNode beyond = list("prefecture=47&size=2&page=4");

      assertThat(first.get("total").asLong()).isEqualTo(5);
      assertThat(first.get("page").asInt()).isEqualTo(1);
      assertThat(first.get("size").asInt()).isEqualTo(2);
      List<String> all = new ArrayList<>(names(first));
      all.addAll(names(second));
      all.addAll(names(third));
      Collections.reverse(registered);
      assertThat(all).containsExactlyElementsOf(registered);
      assertThat(names(beyond)).isEmpty();
      assertThat(beyond.get("total").asLong()).isEqualTo(5);
    }
  }

  @Nested
  class UsageCounts {
    @Test
    void published_cases_count_proposals_and_adoptions_once_per_case() throws Exception {
      String a = register(companyA.token(), service("移動スーパー", "移動販売", prefectureArea("10", "群馬県"))).get("id").asText();
      String b = register(companyB.token(), service("見守り弁当", "配食", prefectureArea("10", "群馬県"))).get("id").asText();

      publish(server.catalog(), "case-1", Set.of(a, b), Set.of(a));
      publish(server.catalog(), "case-1", Set.of(a, b), Set.of(a));
      publish(server.catalog(), "case-2", Set.of(a), Set.of());

      assertThat(api.get(SERVICES + "/" + a, null).json().get("proposedCount").asLong()).isEqualTo(2);
      assertThat(api.get(SERVICES + "/" + a, null).json().get("adoptedCount").asLong()).isEqualTo(1);
      assertThat(api.get(SERVICES + "/" + b, null).json().get("proposedCount").asLong()).isEqualTo(1);
      assertThat(api.get(SERVICES + "/" + b, null).json().get("adoptedCount").asLong()).isZero();

      publish(server.catalog(), "case-1", Set.of(b), Set.of());

      JsonNode listed = list("q=" + encode("移動スーパー"));
      assertThat(listed.at("/services/0/proposedCount").asLong()).isEqualTo(1);
      assertThat(listed.at("/services/0/adoptedCount").asLong()).isZero();
      assertThat(server.catalog().find(b).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
          .hasValueSatisfying(service -> assertThat(service.proposedCount()).isEqualTo(1));
    }

    private static void publish(CatalogService catalog, String caseId, Set<String> proposed, Set<String> adopted)
        throws Exception {
      catalog.recordPublishedCase(caseId, proposed, adopted).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
