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
      StoreOutage outage = StoreOutage.prepared(server);
      try (WsClient socket = outage.hostJoined(server)) {
        proxy.stall();

        Api.Reply refused = outage.createAccount("stalled@yoriai.test");
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.errorCode()).isEqualTo("storage_unavailable");

        JsonNode reply = socket.reply(socket.command("post", Json.object().put("text", "止まった店へ")));
        assertThat(reply.get("type").asText()).as(reply.toString()).isEqualTo("error");
        assertThat(reply.get("code").asText()).isEqualTo("storage_unavailable");
      }

      proxy.resume();
      Api.Reply written = outage.accountCreatedOnceWritable("answering-");
      assertThat(written.status()).as(written.body()).isEqualTo(201);
      assertThat(outage.hostPostReply(server, "また届く").get("type").asText()).isEqualTo("ack");
    } finally {
      mongo.shutdownNow();
      TestServer.deleteTree(mongoDir);
    }
  }
}
