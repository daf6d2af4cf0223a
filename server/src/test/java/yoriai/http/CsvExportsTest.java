package yoriai.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
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

  private static TestServer server;
  private static Api api;
  private static String caseId;

  @BeforeAll
  static void publishHostileTexts() {
    server = TestServer.start();
    api = server.api();
    var host = server.municipality("高崎 司会");
    var pt = server.professional("理学 花子", "理学療法士");
    ObjectNode sheet = Meetings.sheet().put("title", FORMULA_TITLE).put("wishes", MULTI_LINE_WISHES);
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

  @Test
  void the_archive_export_neutralizes_formulas_and_keeps_quotes_commas_and_line_breaks() {
    List<CSVRecord> records = read("/api/v1/archive/export.csv");
    List<String> header = records.get(0).toList();
    CSVRecord row = records.stream().filter(r -> r.get(0).equals(caseId)).findFirst().orElseThrow();

    assertThat(row.size()).isEqualTo(header.size());
    assertThat(row.get(header.indexOf("title"))).isEqualTo("'" + FORMULA_TITLE);
    assertThat(row.get(header.indexOf("wishes"))).isEqualTo(MULTI_LINE_WISHES);
    assertThat(row.get(header.indexOf("adoptedProposals"))).isEqualTo("'" + TAB_DESCRIPTION);
    assertThat(row.get(header.indexOf("direction"))).isEqualTo("'" + PLUS_DIRECTION);
    assertThat(row.get(header.indexOf("regionalIssues"))).isEqualTo("'" + MINUS_ISSUE);
    assertThat(row.get(header.indexOf("missingResources"))).isEqualTo("'" + CR_RESOURCE);
  }

  @Test
  void the_needs_insight_export_neutralizes_a_need_named_like_a_formula() {
    List<CSVRecord> records = read("/api/v1/insights/needs.csv");

    assertThat(records.get(0).toList()).containsExactly("need", "prefecture", "careLevel", "cases");
    assertThat(records).anySatisfy(r -> assertThat(r.toList()).containsExactly("'" + AT_NEED, "群馬県", "要支援2", "3件未満"));
    assertThat(records).allSatisfy(r -> assertThat(r.get(0)).doesNotStartWith("@"));
  }
}
