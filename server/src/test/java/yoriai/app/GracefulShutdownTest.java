package yoriai.app;

import static org.assertj.core.api.Assertions.assertThat;

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

class GracefulShutdownTest {

  @Test
  void sigterm_during_writes_exits_cleanly_and_keeps_every_acknowledged_write() throws Exception {
    Path dataDir = Files.createTempDirectory("yoriai-sigterm-");
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    int exitCode;
    try (ServerProcess server = ServerProcess.start(dataDir, Map.of())) {
      Api api = server.api();
      String admin = server.adminToken();
      ExecutorService clients = Executors.newFixedThreadPool(4);
      List<Future<?>> writes = IntStream.range(0, 400).<Future<?>>mapToObj(i -> clients.submit(() -> {
        try {
          Api.Reply reply = api.post("/api/v1/accounts", admin, ServerProcess.municipalityAccount("term-" + i + "@example.jp").toString());
          if (reply.status() == 201) {
            acknowledged.add("term-" + i + "@example.jp");
          }
        } catch (RuntimeException refusedWhileStopping) {
          // the server stopped accepting; such a write was never acknowledged
        }
      })).toList();
      while (acknowledged.size() < 20) {
        Thread.sleep(10);
      }

      exitCode = server.terminate();
      for (Future<?> write : writes) {
        write.get();
      }
      clients.shutdown();
    }

    assertThat(exitCode).as("a JVM ended by SIGTERM after its hooks ran exits 143").isEqualTo(143);
    try (ServerProcess again = ServerProcess.start(dataDir, Map.of())) {
      Set<String> stored = new HashSet<>();
      again.api().get("/api/v1/accounts", again.adminToken()).json().get("accounts")
          .forEach(a -> stored.add(a.get("email").asText()));
      assertThat(stored).containsAll(acknowledged);
    } finally {
      TestServer.deleteTree(dataDir);
    }
  }
}
