package yoriai.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import yoriai.testing.TestServer;

class DemoSeedTest {

  @Test
  void the_demo_publishes_the_shopping_case_with_its_catalog_and_loads_only_once() {
    try (TestServer server = TestServer.start()) {
      DemoSeed.load(server.baseUrl(), TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
      DemoSeed.load(server.baseUrl(), TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);

      JsonNode hits = server.api().get("/api/v1/archive/search?q=" + URLEncoder.encode("買物", StandardCharsets.UTF_8), null).json();
      JsonNode services = server.api().get("/api/v1/catalog/services?size=50", null).json();
      String entryId = hits.at("/hits/0/id").asText();
      JsonNode entry = server.api().get("/api/v1/archive/cases/" + entryId, null).json();

      assertThat(hits.get("total").asInt()).isEqualTo(1);
      assertThat(hits.at("/hits/0/title").asText()).isEqualTo("買い物に行けなくなった独居の女性");
      assertThat(services.get("total").asInt()).isEqualTo(5);
      assertThat(services.toString()).contains("ゆっくりレジ").contains("移動スーパー").contains("見守り協定");
      assertThat(entry.get("activities")).hasSize(3);
      assertThat(entry.at("/activities/0/canDo").asText()).isNotBlank();
      assertThat(entry.get("proposals").toString()).contains("\"adopted\":true");
      assertThat(entry.get("discussion").toString()).contains("理学療法士A").doesNotContain("小林 彩");
      assertThat(entry.at("/proposals/0/proposedBy").asText()).isEqualTo("株式会社みらいマート");
      assertThat(server.api().get("/api/v1/catalog/services?q=" + URLEncoder.encode("みらい号", StandardCharsets.UTF_8), null)
          .json().at("/services/0/proposedCount").asInt()).isEqualTo(1);
    }
  }
}
