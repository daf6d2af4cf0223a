package yoriai.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import yoriai.testing.Json;
import yoriai.testing.Ports;
import yoriai.testing.ServerProcess;
import yoriai.testing.ServerProcess.Exit;
import yoriai.testing.TestServer;

/**
 * A server that cannot start says why in one line on stderr (and as a JSON log line on stdout),
 * naming the cause and what to do, and exits non-zero: 2 for a setting it cannot use, 1 for
 * something in its way. Each case is a real server process.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FailedStartTest {
  private static final Duration EXIT_WITHIN = Duration.ofSeconds(120);
  private Path parent;
  private Path dataDir;

  @BeforeEach
  void folders() throws IOException {
    parent = Files.createTempDirectory("yoriai-failed-start-");
    dataDir = parent.resolve("data");
  }

  @AfterEach
  void cleanUp() {
    TestServer.deleteTree(parent);
  }

  @Test
  void a_setting_that_is_not_a_number_is_named_and_the_exit_code_is_2() {
    Exit exit = ServerProcess.runUntilExit(dataDir, Map.of("YORIAI_PORT", "abc"), EXIT_WITHIN);

    assertThat(exit.code()).isEqualTo(2);
    assertThat(reason(exit)).isEqualTo("yoriai: cannot start: YORIAI_PORT must be a whole number, got 'abc'. "
        + "Correct that environment variable (the README lists them all) and start again");
  }

  @Test
  void a_mongo_uri_that_is_not_a_connection_string_is_named() {
    Exit exit = ServerProcess.runUntilExit(dataDir, Map.of("YORIAI_MONGO_URI", "db.example.jp:27017"), EXIT_WITHIN);

    assertThat(exit.code()).isEqualTo(2);
    assertThat(reason(exit)).startsWith("yoriai: cannot start: YORIAI_MONGO_URI is not a MongoDB connection string");
  }

  @Test
  void a_first_admin_password_that_is_refused_is_named() {
    Exit exit = ServerProcess.runUntilExit(dataDir, Map.of("YORIAI_ADMIN_PASSWORD", "short"), EXIT_WITHIN);

    assertThat(exit.code()).isEqualTo(2);
    assertThat(reason(exit)).startsWith("yoriai: cannot start: the first admin was refused: YORIAI_ADMIN_PASSWORD: Use at least 12 characters. Correct")
        .endsWith("Correct YORIAI_ADMIN_EMAIL or YORIAI_ADMIN_PASSWORD and start again");
  }

  @Test
  void a_second_process_on_the_same_data_folder_says_the_folder_is_in_use() throws Exception {
    try (ServerProcess first = ServerProcess.start(dataDir, Map.of())) {
      Exit second = ServerProcess.runUntilExit(dataDir, Map.of(), EXIT_WITHIN);

      assertThat(second.code()).isEqualTo(1);
      assertThat(reason(second)).isEqualTo("yoriai: cannot start: the data folder " + dataDir.toAbsolutePath().normalize()
          + " is in use by another Yoriai process (its store file is locked). Stop that process, or give each node its own YORIAI_DATA_DIR");
      assertThat(first.api().get("/health", null).status()).as("the first one runs on").isEqualTo(200);
    }
  }

  /**
   * Two nodes on one MongoDB but one data folder, as when two nodes are started from one folder
   * without their own YORIAI_DATA_DIR (without the cluster, whose ports other tests share; the
   * index lock is the same).
   */
  @Test
  void a_second_node_on_the_same_search_index_says_to_give_each_node_its_own_data_dir() throws Exception {
    MongoServer mongo = new MongoServer(H2Backend.inMemory());
    mongo.bind("127.0.0.1", 0);
    Map<String, String> shared = Map.of("YORIAI_MONGO_URI",
        "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/yoriai_two_nodes?directConnection=true");
    try (ServerProcess first = ServerProcess.start(dataDir, shared)) {
      Exit second = ServerProcess.runUntilExit(dataDir, shared, EXIT_WITHIN);

      assertThat(second.code()).isEqualTo(1);
      assertThat(reason(second)).isEqualTo("yoriai: cannot start: the search index in "
          + dataDir.toAbsolutePath().normalize().resolve("archive-index") + " is in use by another Yoriai node. "
          + "Give each node its own YORIAI_DATA_DIR (the search index is per node, docs/deployment.md)");
      assertThat(first.api().get("/api/v1/archive/search", null).status()).as("the first one still searches").isEqualTo(200);
    } finally {
      mongo.shutdownNow();
    }
  }

  @Test
  void a_store_that_does_not_answer_is_named_by_its_host_without_the_password() throws Exception {
    int closed = Ports.unused();
    Exit exit = ServerProcess.runUntilExit(dataDir,
        Map.of("YORIAI_MONGO_URI", "mongodb://yoriai:s3cret-pass@127.0.0.1:" + closed + "/yoriai"), EXIT_WITHIN);

    assertThat(exit.code()).isEqualTo(1);
    assertThat(reason(exit)).isEqualTo("yoriai: cannot start: the store at 127.0.0.1:" + closed
        + " (YORIAI_MONGO_URI) could not be reached: connection refused. "
        + "Check that MongoDB is running and that YORIAI_MONGO_URI names its host and port");
    assertThat(String.join("\n", exit.stdout()) + String.join("\n", exit.stderr())).doesNotContain("s3cret-pass");
  }

  @Test
  void a_port_in_use_is_named() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Exit exit = ServerProcess.runUntilExit(dataDir, Map.of("YORIAI_PORT", String.valueOf(taken.getLocalPort())), EXIT_WITHIN);

      assertThat(exit.code()).isEqualTo(1);
      assertThat(reason(exit)).isEqualTo("yoriai: cannot start: port " + taken.getLocalPort()
          + " on 127.0.0.1 is already in use. Stop the program that holds it, or set YORIAI_PORT to a free port");
    }
  }

  /** A cluster of one on a free port that this test holds: no other node is ever contacted. */
  @Test
  void a_cluster_port_in_use_is_named() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      String port = String.valueOf(taken.getLocalPort());
      Exit exit = ServerProcess.runUntilExit(dataDir, Map.of("YORIAI_CLUSTER_MEMBERS", "127.0.0.1:" + port,
          "YORIAI_CLUSTER_HOST", "127.0.0.1", "YORIAI_CLUSTER_PORT", port), EXIT_WITHIN);

      assertThat(exit.code()).isEqualTo(1);
      assertThat(reason(exit)).isEqualTo("yoriai: cannot start: the cluster port 127.0.0.1:" + port
          + " (YORIAI_CLUSTER_PORT) is already in use. Stop the program that holds it, or give this node other ports;"
          + " nodes on one machine each need their own");
    }
  }

  @Test
  void a_data_folder_that_cannot_be_created_is_named() throws Exception {
    Path file = Files.writeString(parent.resolve("a-file"), "not a folder");
    Path inside = file.resolve("data");
    Exit exit = ServerProcess.runUntilExit(dataDir, Map.of("YORIAI_DATA_DIR", inside.toString()), EXIT_WITHIN);

    assertThat(exit.code()).isEqualTo(1);
    assertThat(reason(exit)).startsWith("yoriai: cannot start: the data folder " + inside + " cannot be written (")
        .endsWith("Set YORIAI_DATA_DIR to a folder this user can create and write");
  }

  /**
   * The one line on stderr (besides SLF4J's notice that it has no provider, which a library
   * prints before our code runs), after checking that the JSON log on stdout carries the same.
   */
  private static String reason(Exit exit) {
    List<String> lines = exit.stderr().stream().filter(line -> !line.startsWith("SLF4J")).toList();
    assertThat(lines).as("stderr").hasSize(1);
    List<JsonNode> severe = exit.stdout().stream().filter(line -> line.startsWith("{")).map(Json::parse)
        .filter(line -> line.path("logger").asText().equals(Main.class.getName())).toList();
    assertThat(severe).as("the JSON log line on stdout").hasSize(1);
    assertThat(severe.get(0).get("level").asText()).isEqualTo("SEVERE");
    assertThat(severe.get(0).get("message").asText()).isEqualTo(lines.get(0));
    return lines.get(0);
  }
}
