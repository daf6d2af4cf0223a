package yoriai.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.TestServer;

class OperationsTest {

  @Test
  void health_is_ready_with_a_storage_round_trip_and_503_when_mongodb_is_gone() throws Exception {
    MongoServer mongo = new MongoServer(H2Backend.inMemory());
    mongo.bind("127.0.0.1", 0);
    InetSocketAddress address = mongo.getLocalAddress();
    try (TestServer server = TestServer.start(Map.of(
        "YORIAI_MONGO_URI", "mongodb://127.0.0.1:" + address.getPort() + "/yoriai_ops?directConnection=true"))) {
      Api.Reply up = server.api().get("/health", null);

      mongo.shutdownNow();
      Api.Reply down = server.api().get("/health", null);

      assertThat(up.status()).isEqualTo(200);
      assertThat(up.json().at("/checks/storage").asText()).isEqualTo("ok");
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.json().at("/checks/storage").asText()).isEqualTo("down");
    } finally {
      mongo.shutdownNow();
    }
  }

  @Test
  void metrics_expose_http_jvm_event_loop_and_login_counters_as_prometheus_text() {
    try (TestServer server = TestServer.start()) {
      server.adminToken();
      server.api().post("/api/v1/auth/login", null, Json.object().put("email", "x@example.jp").put("password", "nope-nope").toString());

      Api.Reply metrics = server.api().get("/metrics", null);

      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.header("Content-Type")).startsWith("text/plain");
      assertThat(metrics.body())
          .contains("vertx_http_server_requests_total")
          .contains("jvm_memory_used_bytes")
          .contains("yoriai_event_loop_lag_seconds_count")
          .contains("yoriai_logins_total{outcome=\"success\"} 1.0")
          .contains("yoriai_logins_total{outcome=\"invalid_credentials\"} 1.0");
    }
  }

  @Test
  void each_request_writes_one_json_log_line_with_its_request_id() throws InterruptedException {
    List<LogRecord> lines = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public synchronized void publish(LogRecord record) {
        lines.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger requestLogger = Logger.getLogger("yoriai.request");
    requestLogger.addHandler(capture);
    try (TestServer server = TestServer.start()) {
      Api.Reply reply = server.api().send(server.api().request("/health", null).header("X-Request-Id", "trace-12345678").GET().build());

      assertThat(reply.header("X-Request-Id")).isEqualTo("trace-12345678");
      List<String> matching = List.of();
      // the line is written when the response has ended, which a busy machine may do a while after the client read it
      for (int wait = 0; wait < 500 && matching.isEmpty(); wait++) {
        Thread.sleep(20);
        synchronized (capture) {
          matching = lines.stream().map(LogRecord::getMessage).filter(m -> m.contains("trace-12345678")).toList();
        }
      }
      assertThat(matching).hasSize(1);
      var line = Json.parse(matching.get(0));
      assertThat(line.get("method").asText()).isEqualTo("GET");
      assertThat(line.get("path").asText()).isEqualTo("/health");
      assertThat(line.get("status").asInt()).isEqualTo(200);
      assertThat(line.has("ms")).isTrue();
    } finally {
      requestLogger.removeHandler(capture);
    }
  }
}
