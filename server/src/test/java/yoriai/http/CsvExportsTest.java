package yoriai.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import yoriai.testing.Api;
import yoriai.testing.Discussion;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.WsClient;

/**
 * Both CSV exports, read back with Commons CSV's own parser: text that a spreadsheet would run as a
 * formula arrives with a leading {@code '}, and quotes, commas and line breaks survive intact.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CsvExportsTest {
  private static final String FORMULA_TITLE = "=HYPERLINK(\"https://example.jp/\",\"詳細はこちら\")";
  private static final String MULTI_LINE_WISHES = "一行目の希望\r\n二行目は \"引用\" と, カンマ";
  private static final String AT_NEED = "@SUM(1+1)*cmd|' /C calc'!A0";
  private static final String TAB_DESCRIPTION = "\t=1+2 移動販売車の停留所";
  private static final String PLUS_DIRECTION = "+1 週に一度は自分で買い物に行く";
  private static final String MINUS_ISSUE = "-2 移動手段の不足";
  private static final String CR_RESOURCE = "\r=3 週末の移動販売";

  private static final String MEALS_TITLE = "配食を続けたい高齢夫婦";

  private static TestServer server;
  private static Api api;
  private static String caseId;
  private static String mealsCaseId;
  private static Instant mealsPublishedAt;

  @BeforeAll
  static void publishHostileTexts() {
    server = TestServer.start();
    api = server.api();
    var host = server.municipality("高崎 司会");
    var pt = server.professional("理学 花子", "理学療法士");
    ObjectNode sheet = Meetings.sheet().put("title", FORMULA_TITLE).put("wishes", MULTI_LINE_WISHES);
    ((ObjectNode) sheet.get("person")).put("gender", "female");
    String meetingId = Meetings.open(api, host.token(), sheet);
    try (Discussion meeting = new Discussion(server, host, meetingId); WsClient p = meeting.join(pt)) {
      meeting.phase("proposals");
      String proposal = meeting.propose(p, AT_NEED, "market", TAB_DESCRIPTION, "自分で選んで買える");
      meeting.phase("summary");
      ObjectNode summary = Json.object().put("direction", PLUS_DIRECTION);
      summary.putArray("adoptedProposalIds").add(proposal);
      summary.putArray("regionalIssues").addObject().put("text", MINUS_ISSUE).putArray("tags").add("移動");
      summary.putArray("missingResources").add(CR_RESOURCE);
      Api.Reply written = api.put("/api/v1/meetings/" + meetingId + "/summary", host.token(), summary.toString());
      assertThat(written.status()).as(written.body()).isEqualTo(200);
      meeting.phase("closed");
      Api.Reply published = meeting.publish();
      assertThat(published.status()).as(published.body()).isEqualTo(200);
      caseId = published.json().at("/entries/0/id").asText();
    }
    ObjectNode meals = Meetings.sheet().put("title", MEALS_TITLE).put("wishes", "夕食の配食を続けて夫婦で暮らしたい");
    ((ObjectNode) meals.get("person")).put("gender", "male").put("careLevel", "要介護1").put("household", "高齢夫婦");
    String mealsMeeting = Meetings.open(api, host.token(), meals);
    try (Discussion meeting = new Discussion(server, host, mealsMeeting); WsClient p = meeting.join(pt)) {
      meeting.phase("proposals");
      String proposal = meeting.propose(p, "食事", "market", "配食サービスを週3回", "自分で温められる");
      meeting.summarizeAndClose("配食で食事を支える", proposal);
      Api.Reply published = meeting.publish();
      assertThat(published.status()).as(published.body()).isEqualTo(200);
      mealsCaseId = published.json().at("/entries/0/id").asText();
      mealsPublishedAt = Instant.parse(published.json().at("/entries/0/publishedAt").asText());
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The export's records after its byte order mark, header first. */
  private static List<CSVRecord> read(String path) {
    Api.Reply reply = api.get(path, null);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(reply.body()).startsWith("\uFEFF");
    try (CSVParser parser = CSVParser.parse(new StringReader(reply.body().substring(1)), CSVFormat.RFC4180)) {
      return parser.getRecords();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The row of entry {@code id} as column → cell. */
  private static Map<String, String> row(List<CSVRecord> records, String id) {
    List<String> header = records.get(0).toList();
    CSVRecord row = records.stream().filter(r -> r.get(0).equals(id)).findFirst().orElseThrow();
    assertThat(row.size()).isEqualTo(header.size());
    Map<String, String> cells = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      cells.put(header.get(i), row.get(i));
    }
    return cells;
  }

  private static List<String> ids(List<CSVRecord> records) {
    return records.stream().skip(1).map(r -> r.get(0)).toList();
  }

  @Test
  void the_archive_export_neutralizes_formulas_and_keeps_quotes_commas_and_line_breaks() {
    Map<String, String> row = row(read("/api/v1/archive/export.csv?format=machine"), caseId);

    assertThat(row.get("title")).isEqualTo("'" + FORMULA_TITLE);
    assertThat(row.get("wishes")).isEqualTo(MULTI_LINE_WISHES);
    assertThat(row.get("adopted_proposals")).isEqualTo("'" + TAB_DESCRIPTION);
    assertThat(row.get("direction")).isEqualTo("'" + PLUS_DIRECTION);
    assertThat(row.get("regional_issues")).isEqualTo("'" + MINUS_ISSUE);
    assertThat(row.get("missing_resources")).isEqualTo("'" + CR_RESOURCE);
  }

  @Test
  void the_archive_export_is_for_people_by_default_japanese_headers_labels_and_japan_time() {
    List<CSVRecord> records = read("/api/v1/archive/export.csv");
    Map<String, String> row = row(records, mealsCaseId);

    assertThat(records.get(0).toList()).startsWith("ID", "タイトル", "都道府県", "提供機関", "公開日時", "年齢層", "性別", "要介護度", "世帯");
    assertThat(row.get("タイトル")).isEqualTo(MEALS_TITLE);
    assertThat(row.get("性別")).isEqualTo("男性");
    assertThat(row(records, caseId).get("性別")).isEqualTo("女性");
    assertThat(row.get("年齢層")).isEqualTo("80〜84歳");
    assertThat(row.get("要介護度")).isEqualTo("要介護1");
    assertThat(row.get("公開日時")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}")
        .isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(mealsPublishedAt.atZone(ZoneId.of("Asia/Tokyo"))));
  }

  @Test
  void the_machine_export_has_snake_case_headers_codes_and_iso_instants() {
    Map<String, String> row = row(read("/api/v1/archive/export.csv?format=machine"), mealsCaseId);

    assertThat(row.keySet()).startsWith("id", "title", "prefecture", "provider", "published_at", "age_band", "gender", "care_level");
    assertThat(row.get("gender")).isEqualTo("male");
    assertThat(row.get("age_band")).isEqualTo("80-84");
    assertThat(Instant.parse(row.get("published_at"))).isEqualTo(mealsPublishedAt);
  }

  @Test
  void the_exports_hold_exactly_what_the_search_with_the_same_parameters_finds() {
    String query = "?q=" + URLEncoder.encode("配食", StandardCharsets.UTF_8);
    long everything = api.get("/api/v1/archive/search?size=1", null).json().get("total").asLong();

    assertThat(ids(read("/api/v1/archive/export.csv"))).hasSize((int) everything).contains(caseId, mealsCaseId);
    assertThat(ids(read("/api/v1/archive/export.csv" + query))).containsExactly(mealsCaseId);
    assertThat(ids(read("/api/v1/archive/export.csv?careLevel=" + URLEncoder.encode("要支援2", StandardCharsets.UTF_8))))
        .containsExactly(caseId);
    assertThat(api.get("/api/v1/archive/export.json" + query, null).json().get("entries"))
        .extracting(e -> e.get("id").asText()).containsExactly(mealsCaseId);
    assertThat(api.get("/api/v1/archive/export.csv?format=excel", null).status()).isEqualTo(400);
  }

  @Test
  void the_needs_insight_export_neutralizes_a_need_named_like_a_formula() {
    List<CSVRecord> records = read("/api/v1/insights/needs.csv?format=machine");

    assertThat(records.get(0).toList()).containsExactly("need", "prefecture", "care_level", "cases");
    assertThat(records).anySatisfy(r -> assertThat(r.toList()).containsExactly("'" + AT_NEED, "群馬県", "要支援2", "<3"));
    assertThat(records).allSatisfy(r -> assertThat(r.get(0)).doesNotStartWith("@"));
  }

  @Test
  void the_needs_insight_export_for_people_says_a_suppressed_count_in_words() {
    List<CSVRecord> records = read("/api/v1/insights/needs.csv");

    assertThat(records.get(0).toList()).containsExactly("生活行為・ニーズ", "都道府県", "要介護度", "件数");
    assertThat(records).anySatisfy(r -> assertThat(r.toList()).containsExactly("'" + AT_NEED, "群馬県", "要支援2", "3件未満"));
  }
}
