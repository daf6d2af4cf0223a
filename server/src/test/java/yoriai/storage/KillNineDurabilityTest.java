package yoriai.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import yoriai.testing.Api;
import yoriai.testing.ServerProcess;
import yoriai.testing.TestServer;

/** An acknowledged write survives SIGKILL of the server process, with the embedded store. */
class KillNineDurabilityTest {
  private static final int WRITES = 60;

  @Test
  void every_acknowledged_write_is_there_after_kill_9_and_restart() throws Exception {
    Path dataDir = Files.createTempDirectory("yoriai-kill9-");
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    try (ServerProcess first = ServerProcess.start(dataDir, Map.of())) {
      Api api = first.api();
      String admin = first.adminToken();
      ExecutorService clients = Executors.newFixedThreadPool(6);
      List<Future<?>> writes = IntStream.range(0, WRITES).<Future<?>>mapToObj(i -> clients.submit(() -> {
        String email = "durable-" + i + "@example.jp";
        Api.Reply reply = api.post("/api/v1/accounts", admin, ServerProcess.municipalityAccount(email).toString());
        if (reply.status() == 201) {
          acknowledged.add(email);
        }
      })).toList();
      for (Future<?> write : writes) {
        write.get();
      }
      clients.shutdown();

      first.kill9();
    }
    assertThat(acknowledged).hasSize(WRITES);

    try (ServerProcess second = ServerProcess.start(dataDir, Map.of())) {
      Api api = second.api();
      JsonNode accounts = api.get("/api/v1/accounts", second.adminToken()).json().get("accounts");
      Set<String> stored = new HashSet<>();
      accounts.forEach(a -> stored.add(a.get("email").asText()));

      assertThat(stored).containsAll(acknowledged);
    } finally {
      TestServer.deleteTree(dataDir);
    }
  }
}
