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
import yoriai.testing.Meetings;
import yoriai.testing.ServerProcess;
import yoriai.testing.StallingProxy;
import yoriai.testing.TestServer;
import yoriai.testing.WsClient;

/**
 * A MongoDB that stops answering on open connections (not one that is gone, see
 * {@link StorageUnavailableTest}): a request or command that reaches it ends with
 * {@code storage_unavailable} once the socket timeout passes, instead of waiting forever, and
 * writes work again once the store answers. The URI sets the timeout short for the test; without
 * one the server uses {@code Storage.SOCKET_TIMEOUT_MS}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StalledStoreTest {

  @Test
  void requests_to_a_store_that_stops_answering_end_with_storage_unavailable_and_work_again_when_it_answers() throws Exception {
    Path mongoDir = Files.createTempDirectory("yoriai-mongo-");
    MongoServer mongo = new MongoServer(new H2Backend(mongoDir.resolve("mongo.mv.db").toString()));
    mongo.bind("127.0.0.1", 0);
    try (StallingProxy proxy = StallingProxy.to(mongo.getLocalAddress().getPort());
        TestServer server = TestServer.start(Map.of("YORIAI_MONGO_URI",
            "mongodb://127.0.0.1:" + proxy.port() + "/yoriai_stalled?directConnection=true&socketTimeoutMS=1500"))) {
      Api api = server.api();
      TestServer.SignedIn host = server.municipality("host");
      String admin = server.adminToken();
      String meetingId = Meetings.open(api, host.token());
      try (WsClient socket = WsClient.joined(server.baseUrl(), meetingId, host.token(), null)) {
        socket.awaitFrame(f -> f.path("kind").asText().equals("participant.joined"), "own presence stored");
        proxy.stall();

        Api.Reply refused = api.post("/api/v1/accounts", admin, ServerProcess.municipalityAccount("stalled@yoriai.test").toString());
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.errorCode()).isEqualTo("storage_unavailable");

        JsonNode reply = socket.reply(socket.command("post", Json.object().put("text", "止まった店へ")));
        assertThat(reply.get("type").asText()).as(reply.toString()).isEqualTo("error");
        assertThat(reply.get("code").asText()).isEqualTo("storage_unavailable");
      }

      proxy.resume();
      Api.Reply written = null;
      for (int i = 0; i < 100 && (written == null || written.status() != 201); i++) {
        Thread.sleep(200);
        written = api.post("/api/v1/accounts", admin, ServerProcess.municipalityAccount("answering-" + i + "@yoriai.test").toString());
      }
      assertThat(written.status()).as(written.body()).isEqualTo(201);
      try (WsClient socket = WsClient.joined(server.baseUrl(), meetingId, host.token(), null)) {
        String id = socket.command("post", Json.object().put("text", "また届く"));
        assertThat(socket.reply(id).get("type").asText()).isEqualTo("ack");
      }
    } finally {
      mongo.shutdownNow();
      TestServer.deleteTree(mongoDir);
    }
  }
}
