package yoriai.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import yoriai.testing.Api;
import yoriai.testing.Discussion;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.WsClient;

class InsightOverHttpTest {

  @Test
  void one_published_case_is_suppressed_and_its_gap_closes_when_a_service_covers_the_area() {
    try (TestServer server = TestServer.start()) {
      Api api = server.api();
      var host = server.municipality("高崎 司会");
      var pt = server.professional("理学 花子", "理学療法士");
      try (Discussion meeting = new Discussion(server, host, Meetings.open(api, host.token())); WsClient p = meeting.join(pt)) {
        meeting.phase("proposals");
        String proposal = meeting.propose(p, "買い物", "mutual", "近所の買い物同行", "歩く力を保てる");
        meeting.summarizeAndClose("互助で買い物を続ける", proposal);
        assertThat(meeting.publish().status()).isEqualTo(200);
      }

      JsonNode before = api.get("/api/v1/insights/needs", null).json();
      Api.Reply csv = api.get("/api/v1/insights/needs.csv", null);
      var company = server.company("販売 一郎", "株式会社みらい商店");
      ObjectNode service = Json.object().put("name", "みらい号 移動販売").put("category", "移動販売")
          .put("description", "週2回、集会所の前に停車します");
      service.putArray("areas").addObject().put("prefectureCode", "10").put("name", "群馬県");
      assertThat(api.post("/api/v1/catalog/services", company.token(), service.toString()).status()).isEqualTo(201);
      JsonNode after = api.get("/api/v1/insights/needs", null).json();

      assertThat(before.toString()).doesNotContain("\"cases\":1");
      assertThat(before.at("/cells/0/suppressed").asBoolean()).isTrue();
      assertThat(before.get("publishedCases").asInt()).isEqualTo(1);
      assertThat(before.at("/totals/0/shownCases").asInt()).isZero();
      assertThat(before.get("gaps").toString()).contains("買い物").contains("群馬県");
      assertThat(csv.body()).startsWith("\uFEFF生活行為・ニーズ,都道府県,要介護度,件数").contains("買い物,群馬県,要支援2,3件未満");
      assertThat(after.get("gaps").toString()).doesNotContain("\"need\":\"買い物\"");
    }
  }
}
