package yoriai.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.TestServer;
import yoriai.testing.WsClient;

/**
 * With MongoDB unreachable (no primary), every write is refused the same way on both transports:
 * REST answers 503 {@code storage_unavailable} with Retry-After, a socket command gets
 * {@code error storage_unavailable} and no ack; readiness is 503 and liveness 200. When the
 * server is back, writes work again without a restart.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StorageUnavailableTest {

  @Test
  void without_a_primary_writes_are_refused_with_503_and_an_error_frame_and_work_again_when_it_returns() throws Exception {
    Path mongoDir = Files.createTempDirectory("yoriai-mongo-");
    String file = mongoDir.resolve("mongo.mv.db").toString();
    MongoServer mongo = new MongoServer(new H2Backend(file));
    mongo.bind("127.0.0.1", 0);
    int port = mongo.getLocalAddress().getPort();
    try (TestServer server = TestServer.start(Map.of(
        "YORIAI_MONGO_URI", "mongodb://127.0.0.1:" + port + "/yoriai_unavailable?directConnection=true"))) {
      StoreOutage outage = StoreOutage.prepared(server);
      Api api = outage.api;
      try (WsClient socket = outage.hostJoined(server)) {
        mongo.shutdownNow();

        Api.Reply refused = outage.createAccount("refused@yoriai.test");
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.errorCode()).isEqualTo("storage_unavailable");
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(refused.json().at("/error/details/0/retryAfterSeconds").asInt()).isEqualTo(5);

        String id = socket.command("post", Json.object().put("text", "誰にも届かない"));
        JsonNode reply = socket.reply(id);
        assertThat(reply.get("type").asText()).as(reply.toString()).isEqualTo("error");
        assertThat(reply.get("code").asText()).isEqualTo("storage_unavailable");
        assertThat(socket.history()).noneMatch(f -> f.path("type").asText().equals("ack"));
      }
      assertThat(api.get("/health/ready", null).status()).isEqualTo(503);
      assertThat(api.get("/health", null).json().at("/checks/storage").asText()).isEqualTo("unwritable");
      assertThat(api.get("/health/live", null).status()).isEqualTo(200);
      assertThat(api.get("/metrics", null).body()).contains("yoriai_storage_writable 0.0")
          .containsPattern("yoriai_storage_refused_writes_total [1-9]");

      mongo = new MongoServer(new H2Backend(file));
      mongo.bind("127.0.0.1", port);
      Api.Reply written = outage.accountCreatedOnceWritable("back-");
      assertThat(written.status()).as(written.body()).isEqualTo(201);
      assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
      assertThat(outage.hostPostReply(server, "戻った").get("type").asText()).isEqualTo("ack");
    } finally {
      mongo.shutdownNow();
      TestServer.deleteTree(mongoDir);
    }
  }
}
