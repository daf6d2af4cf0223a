package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import yoriai.testing.Api;
import yoriai.testing.Discussion;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.UniqueWord;
import yoriai.testing.WsClient;

/** A unique token put where the public must never see it appears in no public answer, API or page. */
class NothingUnpublishedLeaksTest {

  @Test
  void hidden_messages_redacted_texts_unpublished_cases_and_drafts_appear_in_no_search_export_feed_or_page() {
    try (TestServer server = TestServer.start()) {
      Api api = server.api();
      var host = server.municipality("高崎 司会");
      var pt = server.professional("理学 花子", "理学療法士");
      String token = UniqueWord.after("ゆうれいごまめ");

      ObjectNode draft = draftSheet("下書きの事例 " + token);
      String draftId = api.post("/api/v1/cases", host.token(), draft.toString()).json().get("id").asText();
      String unpublishedMeeting = Meetings.open(api, host.token());
      Meetings.create(api, host.token(), Meetings.request(api, host.token(), "invite").put("title", "招待制の会議 " + token));
      try (Discussion meeting = new Discussion(server, host, unpublishedMeeting); WsClient p = meeting.join(pt)) {
        meeting.post(p, "公開前の議論 " + token);
      }
      String publishedMeeting = Meetings.open(api, host.token());
      String publishedId;
      try (Discussion meeting = new Discussion(server, host, publishedMeeting); WsClient p = meeting.join(pt)) {
        meeting.phase("presentation");
        meeting.hide(meeting.post(p, "非表示にされた発言 " + token));
        meeting.post(p, "公開される発言");
        meeting.post(p, "公開後に削除される発言 " + token);
        meeting.phase("proposals");
        String proposal = meeting.propose(p, "買い物", "mutual", "買い物同行", "歩く力を保てる");
        meeting.summarizeAndClose("互助で買い物を続ける", proposal);
        publishedId = meeting.publish().json().at("/entries/0/id").asText();
      }
      redactTheRemarkWith(api, host.token(), publishedId, token);

      for (String path : publicAddresses(token, publishedId, draftId)) {
        Api.Reply reply = api.get(path, null);
        assertThat(reply.status()).as(path).isIn(200, 404);
        assertThat(reply.body()).as(path).doesNotContain(token);
      }
      assertThat(api.get("/api/v1/archive/search", null).json().get("total").asInt()).isEqualTo(1);
      assertThat(api.get("/api/v1/archive/cases/" + draftId, null).status()).isEqualTo(404);
      assertThat(api.get("/archive/cases/" + draftId, null).status()).isEqualTo(404);
      assertThat(api.get("/archive/cases/" + publishedId, null).body()).contains("公開される発言", ArchiveService.REDACTED);
    }
  }

  /**
   * Every address anyone may read without signing in, in one list: the API's public reads, the
   * web client's shell and the server-rendered pages. Add each new public address here.
   */
  private static List<String> publicAddresses(String token, String publishedId, String draftId) {
    String byToken = URLEncoder.encode(token, StandardCharsets.UTF_8);
    String byWord = URLEncoder.encode("ゆうれいごまめ", StandardCharsets.UTF_8);
    return List.of(
        "/api/v1/archive/search?q=" + byToken,
        "/api/v1/archive/search?q=" + byWord,
        "/api/v1/archive/search",
        "/api/v1/archive/export.json",
        "/api/v1/archive/export.csv",
        "/api/v1/archive/feed.atom",
        "/api/v1/archive/cases/" + publishedId,
        "/api/v1/archive/cases/" + publishedId + "/similar",
        "/api/v1/archive/cases/" + draftId,
        "/api/v1/meetings/upcoming",
        "/api/v1/insights/needs",
        "/",
        "/archive",
        // a page shows its query back (the search box, the title), so it searches by the token's word only
        "/archive?q=" + byWord,
        "/archive/cases/" + publishedId,
        "/archive/cases/" + draftId,
        "/catalog",
        "/insights",
        "/sitemap.xml",
        "/robots.txt",
        "/api/v1/archive/feed.atom?prefecture=" + URLEncoder.encode("群馬県", StandardCharsets.UTF_8));
  }

  /** The host redacts the published remark that carries {@code token}, as after a complaint. */
  private static void redactTheRemarkWith(Api api, String hostToken, String entryId, String token) {
    JsonNode remarks = api.get("/api/v1/archive/cases/" + entryId, null).json().get("discussion");
    long seq = StreamSupport.stream(remarks.spliterator(), false)
        .filter(remark -> remark.get("text").asText().contains(token)).findFirst().orElseThrow().get("seq").asLong();
    Api.Reply redacted = api.post("/api/v1/archive/cases/" + entryId + "/redactions", hostToken,
        Json.object().put("path", "discussion[seq=" + seq + "].text").put("reason", "再特定のおそれ").toString());
    assertThat(redacted.status()).as(redacted.body()).isEqualTo(200);
  }

  private static ObjectNode draftSheet(String title) {
    ObjectNode sheet = Json.object().put("title", title).put("prefecture", "群馬県");
    sheet.putObject("person").put("ageBand", "85-89").put("careLevel", "要介護1").put("household", "独居");
    return sheet;
  }
}
