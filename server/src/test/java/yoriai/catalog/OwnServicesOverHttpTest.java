package yoriai.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.TestServer;
import yoriai.testing.TestSite;

/** {@code GET /api/v1/catalog/services/mine}: a company's home page lists its own services with their proposal counts. */
class OwnServicesOverHttpTest {
  private static final String SERVICES = "/api/v1/catalog/services";
  @RegisterExtension
  static final TestSite site = new TestSite();

  private static String register(TestServer.SignedIn company, String name) {
    ObjectNode body = Json.object().put("name", name).put("category", "移動販売").put("description", "週2回来ます")
        .put("price", "無料").put("howToUse", "電話で申し込み").put("contactUrl", "https://example.jp/service");
    body.putArray("areas").addObject().put("prefectureCode", "10").put("name", "群馬県");
    Api.Reply reply = site.api().post(SERVICES, company.token(), body.toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().get("id").asText();
  }

  @Test
  void a_company_reads_only_its_own_services_with_how_often_they_were_proposed_and_adopted() throws Exception {
    TestServer.SignedIn mine = site.server().company("営業 一郎", "株式会社たかさき商店");
    TestServer.SignedIn other = site.server().company("営業 二郎", "株式会社ぐんま配食");
    String own = register(mine, "移動スーパーたかさき");
    String theirs = register(other, "見守り弁当");
    site.server().catalog().recordPublishedCase("case-1", Set.of(own, theirs), Set.of(own))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    JsonNode services = site.api().get(SERVICES + "/mine", mine.token()).json().get("services");

    assertThat(services).hasSize(1);
    assertThat(services.at("/0/id").asText()).isEqualTo(own);
    assertThat(services.at("/0/proposedCount").asLong()).isEqualTo(1);
    assertThat(services.at("/0/adoptedCount").asLong()).isEqualTo(1);
  }

  @Test
  void it_needs_a_role_that_registers_services() {
    TestServer.SignedIn therapist = site.server().professional("理学 花子", "理学療法士");

    assertThat(site.api().get(SERVICES + "/mine", null).status()).isEqualTo(401);
    assertThat(site.api().get(SERVICES + "/mine", therapist.token()).status()).isEqualTo(403);
  }
}
