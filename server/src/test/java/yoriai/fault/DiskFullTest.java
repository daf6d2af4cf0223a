package yoriai.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.ServerProcess;
import yoriai.testing.TestServer;
import yoriai.testing.WsClient;

/**
 * The embedded store's data directory on a 40 MB tmpfs that a ballast file fills: writes are
 * refused with 503 {@code storage_unavailable} (never 500, never acked), readiness turns 503 while
 * liveness stays 200, reads keep working, writes work again within 10 s of freeing the space
 * without a restart, and after SIGKILL nothing acknowledged is missing from a gapless log.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DiskFullTest {
  private static final int POSTS_BEFORE = 30;
  /** A functional deadline: the server reopens its store once a second. */
  private static final Duration RECOVERS_WITHIN = Duration.ofSeconds(10);
  /** The socket limiter is not under test; posting back to back would trip it. */
  private static final Map<String, String> UNLIMITED = Map.of(
      "YORIAI_WS_COMMANDS_PER_SECOND", "100000", "YORIAI_WS_COMMAND_BURST", "100000");

  private Path parent;
  private Path dataDir;
  private SmallDisk disk;
  /** Acked post command id → its text, and the seq the ack named. */
  private final Map<String, String> ackedTexts = new LinkedHashMap<>();
  private final Map<String, Long> ackedSeqs = new HashMap<>();
  private final Set<String> ackedAccounts = new HashSet<>();
  private String hostToken;
  private String adminToken;
  private String meetingId;

  @BeforeEach
  void mountSmallDisk() throws Exception {
    parent = Files.createTempDirectory("yoriai-diskfull-");
    dataDir = parent.resolve("data");
    disk = SmallDisk.mount(dataDir, "40m");
    assumeTrue(disk != null, "mounting a tmpfs needs root (mount -t tmpfs); skipped");
  }

  @AfterEach
  void unmount() throws Exception {
    if (disk != null) {
      disk.close();
    }
    TestServer.deleteTree(parent);
  }

  @Test
  void a_full_disk_refuses_writes_with_503_and_writes_work_again_once_space_is_freed_without_a_restart() throws Exception {
    try (ServerProcess server = ServerProcess.start(dataDir, UNLIMITED)) {
      Api api = server.api();
      openMeetingWithPosts(server);

      fillAndSeeWritesRefused(server);

      disk.free();
      long freed = System.nanoTime();
      Api.Reply written = awaitStatus(() -> createAccount(api, "after-free"), 201, RECOVERS_WITHIN, "a write after freeing space");
      System.out.printf("first successful write %.2f s after freeing space%n", (System.nanoTime() - freed) / 1e9);
      assertThat(written.status()).isEqualTo(201);
      assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
      assertThat(api.get("/health", null).status()).isEqualTo(200);
      assertThat(api.get("/metrics", null).body()).contains("yoriai_storage_writable 1.0");
      assertThat(login(api, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
      postAcked(server, 10, "after");

      server.kill9();
    }
    assertNothingAckedIsLost();
  }

  @Test
  void kill_9_while_the_disk_is_full_loses_nothing_acknowledged() throws Exception {
    try (ServerProcess server = ServerProcess.start(dataDir, UNLIMITED)) {
      openMeetingWithPosts(server);
      fillAndSeeWritesRefused(server);

      server.kill9();
    }
    disk.free();
    assertNothingAckedIsLost();
  }

  @Test
  void a_store_that_cannot_be_reopened_for_a_reason_other_than_space_makes_the_node_exit_75_for_its_supervisor() throws Exception {
    try (ServerProcess server = ServerProcess.start(dataDir, UNLIMITED)) {
      openMeetingWithPosts(server);
      fillAndSeeWritesRefused(server);
      try (FileChannel file = FileChannel.open(dataDir.resolve("yoriai.mv.db"), StandardOpenOption.WRITE)) {
        file.write(ByteBuffer.allocate(8192), 0); // both MVStore headers: the file can no longer be opened
      }
      disk.free();

      assertThat(server.awaitExit(Duration.ofSeconds(60))).as("exit code").isEqualTo(75);
      assertThat(Files.readString(server.log())).contains("could not be reopened", "exiting so the supervisor restarts the node");
    }
  }

  private void openMeetingWithPosts(ServerProcess server) {
    Api api = server.api();
    adminToken = server.adminToken();
    String email = "host-" + System.nanoTime() + "@yoriai.test";
    assertThat(api.post("/api/v1/accounts", adminToken, ServerProcess.municipalityAccount(email).toString()).status()).isEqualTo(201);
    ackedAccounts.add(email);
    hostToken = login(api, email, ServerProcess.ACCOUNT_PASSWORD).json().get("token").asText();
    meetingId = Meetings.open(api, hostToken);
    postAcked(server, POSTS_BEFORE, "before");
  }

  private void postAcked(ServerProcess server, int count, String label) {
    try (WsClient client = WsClient.joined(server.baseUrl(), meetingId, hostToken, null)) {
      for (int i = 0; i < count; i++) {
        String text = label + " " + i;
        String id = client.command("post", Json.object().put("text", text));
        JsonNode reply = client.reply(id);
        assertThat(reply.path("type").asText()).as(reply.toString()).isEqualTo("ack");
        ackedTexts.put(id, text);
        ackedSeqs.put(id, reply.get("seq").asLong());
      }
    }
  }

  /** Fills the disk, then checks every way a client can write is refused and the node reports it. */
  private void fillAndSeeWritesRefused(ServerProcess server) throws Exception {
    Api api = server.api();
    try (WsClient socket = WsClient.joined(server.baseUrl(), meetingId, hostToken, null)) {
      long ballast = disk.fill();
      System.out.printf("ballast %d MiB, %d bytes left%n", ballast >> 20, disk.usableBytes());

      // MVStore may still find room inside its file for a few writes; those are acked and must survive
      Api.Reply refused = null;
      for (int i = 0; i < 200 && refused == null; i++) {
        Api.Reply reply = createAccount(api, "while-full-" + i);
        assertThat(reply.status()).as(reply.body()).isIn(201, 503);
        if (reply.status() == 503) {
          refused = reply;
        }
      }
      assertThat(refused).as("a write refused once the disk is full").isNotNull();
      assertThat(refused.errorCode()).isEqualTo("storage_unavailable");
      assertThat(refused.header("Retry-After")).isNotBlank();

      JsonNode reply = postWhileFull(socket);
      if (reply != null) {
        assertThat(reply.path("type").asText()).as(reply.toString()).isEqualTo("error");
        assertThat(reply.path("code").asText()).isEqualTo("storage_unavailable");
      }
    }

    Api.Reply signIn = login(api, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    assertThat(signIn.status()).as(signIn.body()).isEqualTo(503);
    assertThat(signIn.errorCode()).isEqualTo("storage_unavailable");
    assertThat(createAccount(api, "refused-again").status()).isEqualTo(503);

    assertThat(api.get("/health/ready", null).status()).isEqualTo(503);
    assertThat(api.get("/health", null).status()).isEqualTo(503);
    assertThat(api.get("/health/live", null).status()).isEqualTo(200);
    String metrics = api.get("/metrics", null).body();
    assertThat(metrics).contains("yoriai_storage_writable 0.0").containsPattern("yoriai_storage_refused_writes_total [1-9]");

    Api.Reply read = awaitStatus(() -> api.get("/api/v1/meetings/" + meetingId + "/events?after=0&limit=1000", hostToken),
        200, RECOVERS_WITHIN, "reading the log while the disk is full");
    assertThat(read.json().get("events").size()).isGreaterThanOrEqualTo(ackedTexts.size());
  }

  private void assertNothingAckedIsLost() {
    try (ServerProcess restarted = ServerProcess.start(dataDir, UNLIMITED)) {
      Api api = restarted.api();
      List<JsonNode> log = KillNineDuringLivePostingTest.allEvents(api, hostToken, meetingId);
      assertThat(log).extracting(e -> e.get("seq").asLong())
          .as("gapless 1..N").containsExactlyElementsOf(LongStream.rangeClosed(1, log.size()).boxed().toList());
      Map<Long, JsonNode> bySeq = new HashMap<>();
      log.forEach(e -> bySeq.put(e.get("seq").asLong(), e));
      ackedSeqs.forEach((id, seq) -> {
        JsonNode event = bySeq.get(seq);
        assertThat(event).as("acked seq %d", seq).isNotNull();
        assertThat(event.at("/data/text").asText()).isEqualTo(ackedTexts.get(id));
      });
      List<String> posted = log.stream().filter(e -> e.get("kind").asText().equals("message.posted"))
          .map(e -> e.at("/data/text").asText()).toList();
      assertThat(posted).as("no post stored twice").doesNotHaveDuplicates().doesNotContain("while full");

      Set<String> stored = new HashSet<>();
      api.get("/api/v1/accounts", restarted.adminToken()).json().get("accounts").forEach(a -> stored.add(a.get("email").asText()));
      assertThat(stored).containsAll(ackedAccounts);
      System.out.printf("after restart: %d events, %d acked posts and %d acked accounts all present%n",
          log.size(), ackedSeqs.size(), ackedAccounts.size());
    }
  }

  private Api.Reply createAccount(Api api, String name) {
    String email = name + "-" + System.nanoTime() + "@yoriai.test";
    Api.Reply reply = api.post("/api/v1/accounts", adminToken, ServerProcess.municipalityAccount(email).toString());
    if (reply.status() == 201) {
      ackedAccounts.add(email);
    }
    return reply;
  }

  private static Api.Reply login(Api api, String email, String password) {
    return api.post("/api/v1/auth/login", null, Json.object().put("email", email).put("password", password).toString());
  }

  /**
   * A post while the disk is full is never acked: the socket answers {@code error storage_unavailable},
   * or, when the room could not re-read its log at the moment the store failed, the room has closed
   * its sockets (1011) and the post never reached it. Returns the error frame, or null when closed.
   */
  private static JsonNode postWhileFull(WsClient socket) {
    try {
      return socket.reply(socket.command("post", Json.object().put("text", "while full")));
    } catch (RuntimeException | AssertionError closed) {
      assertThat(socket.awaitClose()).as("the socket was closed by the room, not left hanging").isEqualTo(1011);
      return null;
    }
  }

  private static Api.Reply awaitStatus(Supplier<Api.Reply> request, int status, Duration within, String what) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    Api.Reply last = request.get();
    while (last.status() != status && System.nanoTime() < deadline) {
      Thread.sleep(100);
      last = request.get();
    }
    assertThat(last.status()).as(what + " within " + within + ": " + last.body()).isEqualTo(status);
    return last;
  }
}
