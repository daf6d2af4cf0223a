package yoriai.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import yoriai.shared.Json;
import yoriai.shared.PublicPages;
import yoriai.testing.Api;
import yoriai.testing.Discussion;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.WsClient;

/**
 * The public pages read as a crawler, a link preview or a person without JavaScript reads them:
 * plain HTTP, no script run.
 */
class PublicPagesTest {
  private static final String TITLE = "<script>alert(1)</script>買い物に行けなくなった独居の女性";
  private static TestServer server;
  private static Api api;
  private static String entryId;
  private static String serviceId;

  @BeforeAll
  static void publishOneCaseAndRegisterOneService() {
    server = TestServer.start();
    api = server.api();
    TestServer.SignedIn host = server.municipality("高崎 司会");
    TestServer.SignedIn therapist = server.professional("理学 花子", "理学療法士");
    TestServer.SignedIn shop = server.company("販売 一郎", "株式会社みらいマート");
    ObjectNode service = Json.mapper().createObjectNode().put("name", "ゆっくりレジ").put("category", "買い物支援")
        .put("provider", "みらいマート").put("description", "高齢のお客様が急がずに会計できる専用レジ")
        .put("contactUrl", "https://mirai.example.jp/reji");
    service.putArray("areas").addObject().put("prefectureCode", "10").put("municipalityCode", "10202").put("name", "高崎市");
    Api.Reply registered = api.post("/api/v1/catalog/services", shop.token(), service.toString());
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    serviceId = registered.json().get("id").asText();

    String meetingId = Meetings.open(api, host.token(), Meetings.sheet().put("title", TITLE));
    try (Discussion meeting = new Discussion(server, host, meetingId); WsClient pt = meeting.join(therapist);
         WsClient hostAgain = meeting.join(host)) {
      meeting.phase("presentation");
      meeting.post(pt, "近所の店までは自分で歩けています");
      meeting.phase("proposals");
      String proposal = meeting.propose(pt, "買い物", "mutual", "近所の方と週1回の買い物同行", "店まで自分で歩く");
      meeting.endorse(hostAgain, proposal);
      meeting.summarizeAndClose("互助で買い物を続ける", proposal);
      Api.Reply published = meeting.publish();
      assertThat(published.status()).as(published.body()).isEqualTo(200);
      entryId = published.json().at("/entries/0/id").asText();
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void an_entry_page_without_javascript_shows_the_title_the_activity_table_the_discussion_and_a_proposal() {
    Api.Reply page = api.get("/archive/cases/" + entryId, null);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.response().headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    String html = page.body();
    assertThat(html).startsWith("<!doctype html>").contains("<html lang=\"ja\">")
        .contains("買い物に行けなくなった独居の女性")
        .contains("<table id=\"sp-activities\"", "<caption>", "<th scope=\"col\">できること</th>",
            "<th scope=\"row\">買い物</th>", "重い荷物を持ち帰れない")
        .contains("事例説明", "理学療法士", "近所の店までは自分で歩けています")
        .contains("近所の方と週1回の買い物同行", "採用", "賛同 1")
        .contains("互助で買い物を続ける", "移動手段の不足");
    assertThat(Pattern.compile("<h1[ >]").matcher(html).results().count()).isEqualTo(1);
    assertThat(html).contains("<header", "<nav", "<main", "<footer", "href=\"/#/\">ログイン</a>");
    assertThat(html).containsPattern("(?s)<body>\\s*<div id=\"server-page\"[^>]*>.*</div><yoriai-app></yoriai-app>\\s*</body>");
  }

  @Test
  void a_title_with_a_script_tag_shows_as_text() {
    String html = api.get("/archive/cases/" + entryId, null).body();

    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;買い物").doesNotContain("<script>alert(1)");
    assertThat(api.get("/archive", null).body()).contains("&lt;script&gt;alert(1)").doesNotContain("<script>alert(1)");
  }

  @Test
  void the_head_has_an_absolute_canonical_url_open_graph_and_parseable_json_ld() throws IOException {
    String html = api.get("/archive/cases/" + entryId, null).body();
    String canonical = server.baseUrl() + "/archive/cases/" + entryId;

    assertThat(attribute(html, "link", "rel=\"canonical\"", "href")).isEqualTo(canonical);
    assertThat(meta(html, "og:url")).isEqualTo(canonical);
    assertThat(meta(html, "og:title")).isEqualTo(TITLE);
    assertThat(meta(html, "og:type")).isEqualTo("article");
    assertThat(meta(html, "og:site_name")).isEqualTo("寄り合い Yoriai");
    assertThat(meta(html, "og:locale")).isEqualTo("ja_JP");
    assertThat(meta(html, "og:description")).contains("群馬県").contains("互助で買い物を続ける");
    assertThat(attribute(html, "meta", "name=\"description\"", "content")).isEqualTo(meta(html, "og:description"));
    assertThat(html).containsPattern("<title>[^<]*買い物に行けなくなった独居の女性 \\| 寄り合い Yoriai</title>");

    String block = jsonLd(html);
    assertThat(block).doesNotContain("<").contains("\\u003cscript");
    JsonNode data = Json.mapper().readTree(block);
    assertThat(data.get("@context").asText()).isEqualTo("https://schema.org");
    assertThat(data.get("@type").asText()).isEqualTo("Article");
    assertThat(data.get("headline").asText()).isEqualTo(TITLE);
    assertThat(data.get("url").asText()).isEqualTo(canonical);
    assertThat(data.get("inLanguage").asText()).isEqualTo("ja");
    assertThat(data.get("datePublished").asText()).isNotBlank();
  }

  @Test
  void every_page_has_the_same_content_security_policy_and_no_inline_script_or_style() {
    for (String path : List.of("/archive", "/archive?q=" + enc("買い物"), "/archive/cases/" + entryId, "/catalog",
        "/catalog/services/" + serviceId, "/insights", "/archive/cases/no-such-entry")) {
      Api.Reply page = api.get(path, null);
      assertThat(page.response().headers().firstValue("Content-Security-Policy")).as(path)
          .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
      assertThat(page.body()).as(path).doesNotContain("<style", " style=", " onclick=", " onload=");
      assertThat(Pattern.compile("<script(?![^>]*(type=\"application/ld\\+json\"|src=))").matcher(page.body()).find())
          .as(path + " has only scripts with src and JSON-LD data blocks").isFalse();
    }
  }

  @Test
  void the_stylesheet_linked_from_every_page_is_served_and_cached() {
    String href = attribute(api.get("/insights", null).body(), "link", "rel=\"stylesheet\" href=\"/pages.css", "href");
    Api.Reply css = api.get(href, null);

    assertThat(css.status()).isEqualTo(200);
    assertThat(css.response().headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    assertThat(css.response().headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    assertThat(css.body()).contains(".sp-header");
  }

  @Test
  void an_unknown_id_answers_a_404_page() {
    for (String path : List.of("/archive/cases/no-such-entry", "/catalog/services/no-such-service")) {
      Api.Reply page = api.get(path, null);
      assertThat(page.status()).as(path).isEqualTo(404);
      assertThat(page.response().headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(page.body()).contains("<h1 class=\"sp-title\">ページが見つかりません</h1>")
          .contains("<meta name=\"robots\" content=\"noindex\">").doesNotContain("rel=\"canonical\"");
    }
  }

  @Test
  void a_bad_parameter_answers_a_400_page_naming_it() {
    Map<String, String> refused = Map.of("/archive?page=0", "page", "/archive?year=abc", "year",
        "/archive?size=500", "size", "/catalog?category=" + enc("宇宙旅行"), "category", "/catalog?prefecture=" + enc("東京"),
        "prefecture", "/archive?prefecture=" + enc("東京"), "prefecture", "/archive?activity=" + enc("散歩"), "activity");
    refused.forEach((path, parameter) -> {
      Api.Reply page = api.get(path, null);
      assertThat(page.status()).as(path).isEqualTo(400);
      assertThat(page.body()).as(path).contains("検索条件が正しくありません").contains("パラメータ「" + parameter + "」");
    });
    Api.Reply lenient = api.get("/api/v1/archive/search?prefecture=" + enc("東京"), null);
    assertThat(lenient.status()).as("the API takes any text there, as before (PRODUCT §7)").isEqualTo(200);
    assertThat(lenient.json().get("total").asInt()).isZero();
    assertThat(api.get("/archive?activity=" + enc("服薬管理"), null).status())
        .as("older entries keep 服薬管理").isEqualTo(200);
  }

  @Test
  void a_page_past_the_last_answers_a_404_page() {
    for (String path : List.of("/archive?page=150", "/archive?q=" + enc("買い物") + "&page=2", "/catalog?page=2")) {
      Api.Reply page = api.get(path, null);
      assertThat(page.status()).as(path).isEqualTo(404);
      assertThat(page.response().headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(page.body()).as(path).contains("ページが見つかりません").doesNotContain("rel=\"canonical\"");
    }
    assertThat(api.get("/archive?q=" + enc("ゆうれいごまめ") + "&page=2", null).status())
        .as("an empty list has no last page to be past").isEqualTo(200);
  }

  @Test
  void a_search_a_filter_or_a_page_is_not_indexed_apart_and_names_the_bare_list_as_canonical() {
    for (String path : List.of("/archive?q=" + enc("買い物"), "/archive?prefecture=" + enc("群馬県"), "/archive?page=1&size=5",
        "/catalog?category=" + enc("買い物支援"))) {
      String html = api.get(path, null).body();
      String list = path.substring(0, path.indexOf('?'));
      assertThat(attribute(html, "link", "rel=\"canonical\"", "href")).as(path).isEqualTo(server.baseUrl() + list);
      assertThat(attribute(html, "meta", "name=\"robots\"", "content")).as(path).isEqualTo("noindex, follow");
    }
    for (String path : List.of("/archive", "/catalog")) {
      String html = api.get(path, null).body();
      assertThat(attribute(html, "link", "rel=\"canonical\"", "href")).isEqualTo(server.baseUrl() + path);
      assertThat(html).as(path).doesNotContain("name=\"robots\"");
    }
  }

  @Test
  void a_search_that_finds_only_near_cases_says_so_above_them() {
    String relaxed = api.get("/archive?q=" + enc("買い物と雪かきと草むしりと犬の散歩"), null).body();
    assertThat(relaxed).contains("条件に合う事例がないため、近い事例を表示しています")
        .contains("href=\"/archive/cases/" + entryId + "\"");
    assertThat(relaxed.indexOf("近い事例を表示しています")).isLessThan(relaxed.indexOf("<ol class=\"sp-hits\">"));
    assertThat(api.get("/archive?q=" + enc("買い物"), null).body()).doesNotContain("近い事例を表示しています");
  }

  @Test
  void the_public_paths_encode_an_id() {
    assertThat(PublicPages.archiveEntry("a b/c")).isEqualTo("/archive/cases/a%20b%2Fc");
    assertThat(PublicPages.catalogService("ゆ")).isEqualTo("/catalog/services/%E3%82%86");
  }

  @Test
  void the_search_page_finds_the_entry_with_facet_links_and_keeps_the_filters_in_its_form() {
    String html = api.get("/archive?q=" + enc("買い物"), null).body();

    assertThat(html).contains("href=\"/archive/cases/" + entryId + "\"").contains("1件の事例");
    assertThat(html).contains("href=\"/archive?q=" + enc("買い物") + "&amp;prefecture=" + enc("群馬県") + "\"");
    assertThat(attribute(html, "link", "rel=\"canonical\"", "href")).isEqualTo(server.baseUrl() + "/archive");

    String filtered = api.get("/archive?q=" + enc("買い物") + "&prefecture=" + enc("群馬県"), null).body();
    assertThat(filtered).contains("href=\"/archive/cases/" + entryId + "\"")
        .contains("<input type=\"hidden\" name=\"prefecture\" value=\"群馬県\">")
        .contains("都道府県: 群馬県");
    assertThat(api.get("/archive?q=" + enc("ゆうれいごまめ"), null).body()).contains("条件に合う事例はありませんでした");
  }

  @Test
  void the_catalog_pages_list_and_show_a_service_with_its_json_ld() throws IOException {
    String list = api.get("/catalog?category=" + enc("買い物支援"), null).body();
    assertThat(list).contains("href=\"/catalog/services/" + serviceId + "\"").contains("ゆっくりレジ")
        .contains("<option value=\"買い物支援\" selected>");

    String page = api.get("/catalog/services/" + serviceId, null).body();
    assertThat(page).contains("<h1 id=\"sp-service-title\" class=\"sp-title\">ゆっくりレジ</h1>", "高崎市", "みらいマート",
        "href=\"https://mirai.example.jp/reji\" rel=\"nofollow ugc noopener noreferrer\"");
    JsonNode data = Json.mapper().readTree(jsonLd(page));
    assertThat(data.get("@type").asText()).isEqualTo("Service");
    assertThat(data.get("name").asText()).isEqualTo("ゆっくりレジ");
    assertThat(data.at("/areaServed/0/name").asText()).isEqualTo("高崎市");
    assertThat(meta(page, "og:url")).isEqualTo(server.baseUrl() + "/catalog/services/" + serviceId);
  }

  @Test
  void the_insights_page_shows_the_aggregates_with_small_counts_suppressed() {
    String html = api.get("/insights", null).body();

    assertThat(html).contains("<h1 class=\"sp-title\">地域の傾向（ニーズ分析）</h1>").contains("公開事例 1件を集計")
        .contains("<table id=\"sp-cells\"").contains("<th scope=\"row\">買い物</th><td>群馬県</td><td>要支援2</td><td>3件未満</td>");
    assertThat(html).doesNotContain("<td>1件</td>");
  }

  @Test
  void the_public_url_is_the_base_of_canonical_and_open_graph_links() {
    try (TestServer published = TestServer.start(Map.of("YORIAI_PUBLIC_URL", "https://yoriai.example.jp/"))) {
      String html = published.api().get("/insights", null).body();
      assertThat(attribute(html, "link", "rel=\"canonical\"", "href")).isEqualTo("https://yoriai.example.jp/insights");
      assertThat(meta(html, "og:url")).isEqualTo("https://yoriai.example.jp/insights");
    }
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The unescaped value of {@code name} on the first {@code tag} element containing {@code marker}. */
  private static String attribute(String html, String tag, String marker, String name) {
    String element = Pattern.compile("<" + tag + "\\s(?:[^>\"]|\"[^\"]*\")*>").matcher(html).results()
        .map(MatchResult::group).filter(e -> e.contains(marker)).findFirst()
        .orElseThrow(() -> new AssertionError("no <" + tag + " … " + marker + ">"));
    Matcher value = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(element);
    assertThat(value.find()).as(name + " of " + element).isTrue();
    return value.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
  }

  private static String meta(String html, String property) {
    return attribute(html, "meta", "property=\"" + property + "\"", "content");
  }

  private static String jsonLd(String html) {
    Matcher block = Pattern.compile("(?s)<script type=\"application/ld\\+json\">(.*?)</script>").matcher(html);
    assertThat(block.find()).as("a JSON-LD block").isTrue();
    return block.group(1);
  }
}
