package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import yoriai.testing.Api;
import yoriai.testing.Discussion;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.UniqueWord;

/**
 * {@code GET /api/v1/cases/{id}/similar}: the published entries like a case sheet, for whoever may
 * read the case, and nothing else.
 */
class SimilarCasesOverHttpTest {
  private static final String UNPUBLISHED_TOKEN = UniqueWord.after("ひみつのよくそう");
  private static TestServer server;
  private static Api api;
  private static TestServer.SignedIn host;
  private static String bathEntry;
  private static String shoppingEntry;
  private static String unpublishedCase;

  @BeforeAll
  static void publishTwoCases() {
    server = TestServer.start();
    api = server.api();
    host = server.municipality("高崎 司会");
    bathEntry = Discussion.publishedEntry(server, host, sheet("お風呂に入れなくなった独居の男性", "入浴", "浴槽をまたぐのが怖く、お風呂に入れない"));
    shoppingEntry = Discussion.publishedEntry(server, host, Meetings.sheet());
    unpublishedCase = Meetings.submittedCase(api, host.token(),
        sheet("公開されていない事例 " + UNPUBLISHED_TOKEN, "入浴", "浴槽をまたぐのが怖い " + UNPUBLISHED_TOKEN));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void a_draft_finds_the_published_entry_sharing_its_difficult_activity_first_with_its_public_fields() {
    String draft = draft(sheet("下書き 入浴が心配", "入浴", "浴槽をまたげず、お風呂が怖いと話す"));

    JsonNode hits = similar(draft, host.token()).json().get("hits");

    assertThat(ids(hits)).first().isEqualTo(bathEntry);
    assertThat(ids(hits)).doesNotContain(shoppingEntry);
    JsonNode first = hits.get(0);
    assertThat(first.get("title").asText()).isEqualTo("お風呂に入れなくなった独居の男性");
    assertThat(first.get("prefecture").asText()).isEqualTo("群馬県");
    assertThat(first.get("careLevel").asText()).isEqualTo("要支援2");
    assertThat(first.get("snippet").asText()).contains("<mark>");
  }

  @Test
  void only_published_entries_are_answered_and_the_draft_s_own_text_never_is() {
    String token = UniqueWord.after("したがきだけのことば");
    String draft = draft(sheet("下書き " + token, "入浴", "浴槽が怖い " + token));

    Api.Reply reply = similar(draft, host.token());

    assertThat(ids(reply.json().get("hits"))).isNotEmpty().allMatch(id -> List.of(bathEntry, shoppingEntry).contains(id));
    assertThat(reply.body()).doesNotContain(token).doesNotContain(UNPUBLISHED_TOKEN).doesNotContain(unpublishedCase);
  }

  @Test
  void a_published_case_is_never_its_own_similar_case() {
    assertThat(ids(similar(bathEntry, host.token()).json().get("hits"))).doesNotContain(bathEntry);
  }

  @Test
  void a_draft_with_nothing_filled_in_answers_an_empty_list() {
    ObjectNode empty = Json.object().put("title", "まだ何も書いていない").put("prefecture", "群馬県");
    empty.putObject("person").put("ageBand", "80-84").put("careLevel", "要支援2").put("household", "独居");

    Api.Reply reply = similar(draft(empty), host.token());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("hits").size()).isZero();
  }

  @Test
  void only_those_who_may_read_the_case_get_its_similar_cases_others_are_told_it_does_not_exist() {
    String draft = draft(sheet("下書き 権限", "入浴", "浴槽が怖い"));
    TestServer.SignedIn colleague = server.municipality("高崎 同僚");
    TestServer.SignedIn otherCity = server.signUp("municipality", "前橋 職員", "前橋市", "municipality", null);
    TestServer.SignedIn professional = server.professional("理学 花子", "理学療法士");

    assertThat(similar(draft, colleague.token()).status()).isEqualTo(200);
    assertThat(similar(draft, server.adminToken()).status()).isEqualTo(200);
    assertThat(similar(draft, otherCity.token()).status()).isEqualTo(404);
    assertThat(similar(draft, professional.token()).status()).isEqualTo(404);
    assertThat(similar(draft, otherCity.token()).json().at("/error/code").asText()).isEqualTo("not_found");
    assertThat(similar(draft, null).status()).isEqualTo(401);
    assertThat(similar("no-such-case", host.token()).status()).isEqualTo(404);
  }

  private static Api.Reply similar(String caseId, String token) {
    return api.get("/api/v1/cases/" + caseId + "/similar", token);
  }

  private static List<String> ids(JsonNode hits) {
    return StreamSupport.stream(hits.spliterator(), false).map(hit -> hit.get("id").asText()).toList();
  }

  private static String draft(ObjectNode sheet) {
    Api.Reply created = api.post("/api/v1/cases", host.token(), sheet.toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private static ObjectNode sheet(String title, String activity, String difficulty) {
    ObjectNode sheet = Meetings.sheet().put("title", title);
    sheet.putArray("activities").addObject().put("activity", activity).put("level", "一部介助")
        .put("canDo", "手すりがあれば立ち上がれる").put("difficulty", difficulty);
    return sheet;
  }
}
