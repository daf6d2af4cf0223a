package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import yoriai.testing.Api;
import yoriai.testing.Discussion;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.WsClient;

/** A unique token put where the public must never see it appears in no public answer. */
class NothingUnpublishedLeaksTest {

  @Test
  void hidden_messages_unpublished_cases_and_drafts_appear_in_no_search_export_feed_or_page() {
    try (TestServer server = TestServer.start()) {
      Api api = server.api();
      var host = server.municipality("高崎 司会");
      var pt = server.professional("理学 花子", "理学療法士");
      String token = "ゆうれいごまめ" + Long.toString(System.nanoTime(), 36);

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
        meeting.phase("proposals");
        String proposal = meeting.propose(p, "買い物", "mutual", "買い物同行", "歩く力を保てる");
        meeting.summarizeAndClose("互助で買い物を続ける", proposal);
        publishedId = meeting.publish().json().at("/entries/0/id").asText();
      }

      List<Api.Reply> publicAnswers = List.of(
          api.get("/api/v1/archive/search?q=" + URLEncoder.encode(token, StandardCharsets.UTF_8), null),
          api.get("/api/v1/archive/search?q=" + URLEncoder.encode("ゆうれいごまめ", StandardCharsets.UTF_8), null),
          api.get("/api/v1/archive/search", null),
          api.get("/api/v1/archive/export.json", null),
          api.get("/api/v1/archive/export.csv", null),
          api.get("/api/v1/archive/feed.atom", null),
          api.get("/api/v1/archive/cases/" + publishedId, null),
          api.get("/api/v1/archive/cases/" + publishedId + "/similar", null),
          api.get("/api/v1/meetings/upcoming", null),
          api.get("/", null));

      assertThat(publicAnswers).allSatisfy(reply -> assertThat(reply.body()).doesNotContain(token));
      assertThat(api.get("/api/v1/archive/search", null).json().get("total").asInt()).isEqualTo(1);
      assertThat(api.get("/api/v1/archive/cases/" + draftId, null).status()).isEqualTo(404);
      assertThat(api.get("/api/v1/archive/cases/" + draftId, null).body()).doesNotContain(token);
    }
  }

  private static ObjectNode draftSheet(String title) {
    ObjectNode sheet = Json.object().put("title", title).put("prefecture", "群馬県");
    sheet.putObject("person").put("ageBand", "85-89").put("careLevel", "要介護1").put("household", "独居");
    return sheet;
  }
}
