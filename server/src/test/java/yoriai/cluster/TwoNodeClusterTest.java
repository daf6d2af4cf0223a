package yoriai.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.Ports;
import yoriai.testing.ServerProcess;
import yoriai.testing.TestServer;
import yoriai.testing.WsClient;

/**
 * Two server processes on loopback form a Hazelcast cluster and share one store, here a MongoDB
 * wire-compatible server run by the test. Clients on both nodes see one ordered stream; when
 * node B is killed with SIGKILL mid-stream, its clients rejoin on A and miss nothing.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TwoNodeClusterTest {
  /** Polls 100 ms apart for what the other node learns over the event bus: 30 s, for a busy two-core machine. */
  private static final int PROPAGATION_POLLS = 300;

  @Test
  void clients_on_two_nodes_see_one_stream_and_survive_the_sigkill_of_their_node() throws Exception {
    MongoServer store = new MongoServer(H2Backend.inMemory());
    store.bind("127.0.0.1", 0);
    Path root = Files.createTempDirectory("yoriai-cluster-");
    int hazelcastA = Ports.unused();
    int hazelcastB = Ports.unused();
    String members = "127.0.0.1:" + hazelcastA + ",127.0.0.1:" + hazelcastB;
    Map<String, String> shared = Map.of(
        "YORIAI_MONGO_URI", "mongodb://127.0.0.1:" + store.getLocalAddress().getPort() + "/yoriai_cluster?directConnection=true",
        "YORIAI_CLUSTER_MEMBERS", members,
        "YORIAI_WS_COMMANDS_PER_SECOND", "1000",
        "YORIAI_WS_COMMAND_BURST", "1000");
    try (ServerProcess a = ServerProcess.start(dir(root, "a"), with(shared, "YORIAI_CLUSTER_PORT", hazelcastA));
         ServerProcess b = ServerProcess.start(dir(root, "b"), with(shared, "YORIAI_CLUSTER_PORT", hazelcastB))) {
      Api apiA = a.api();
      String admin = a.adminToken();
      String host = account(apiA, admin, "municipality", "municipality", null);
      String pt = account(apiA, admin, "professional", "support_center", "理学療法士");
      String nurse = account(apiA, admin, "professional", "support_center", "看護師");
      String meetingId = Meetings.open(apiA, host);

      WsClient onA = WsClient.joined(a.baseUrl(), meetingId, host, 0L);
      WsClient watcherOnA = WsClient.joined(a.baseUrl(), meetingId, nurse, 0L);
      WsClient onB = WsClient.joined(b.baseUrl(), meetingId, pt, 0L);
      WsClient watcherOnB = WsClient.joined(b.baseUrl(), meetingId, nurse, 0L);
      awaitClusterFormed(onA, onB);
      String publishedOnA = publishQuickMeeting(apiA, host, a.baseUrl());
      assertThat(awaitSearchHit(b.api(), publishedOnA)).as("a publish on A updates B's search index").isTrue();
      String company = account(apiA, admin, "company", "company", null);
      String serviceOnA = registerShoppingService(apiA, company);
      assertThat(awaitCatalogHit(b.api(), serviceOnA, true)).as("a service registered on A is found on B").isTrue();
      assertThat(apiA.send(apiA.request("/api/v1/catalog/services/" + serviceOnA, company).DELETE().build()).status())
          .isEqualTo(204);
      assertThat(awaitCatalogHit(b.api(), serviceOnA, false)).as("a service deleted on A is gone on B").isTrue();

      List<String> fromA = new ArrayList<>();
      List<String> fromB = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        fromA.add(onA.command("post", Json.object().put("text", "A-" + i)));
        fromB.add(onB.command("post", Json.object().put("text", "B-" + i)));
      }
      fromA.forEach(id -> awaitAck(onA, id));
      fromB.forEach(id -> awaitAck(onB, id));
      long last = Math.max(maxAckedSeq(onA), maxAckedSeq(onB));
      assertThat(stream(watcherOnA.eventsUpTo(last), last)).isEqualTo(stream(watcherOnB.eventsUpTo(last), last));
      assertThat(stream(onA.eventsUpTo(last), last)).isEqualTo(stream(onB.eventsUpTo(last), last));

      List<String> sentFromB = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        sentFromB.add(onB.command("post", Json.object().put("text", "late-B-" + i)));
      }
      awaitAck(onB, sentFromB.get(10));
      b.kill9();
      Set<String> ackedTexts = new HashSet<>();
      for (int i = 0; i < sentFromB.size(); i++) {
        String id = sentFromB.get(i);
        if (onB.history().stream().anyMatch(f -> "ack".equals(f.path("type").asText()) && id.equals(f.path("id").asText()))) {
          ackedTexts.add("late-B-" + i);
        }
      }
      long lastSeenOnB = lastSeq(watcherOnB);
      WsClient rejoined = WsClient.joined(a.baseUrl(), meetingId, pt, lastSeenOnB);
      String afterFailover = onA.command("post", Json.object().put("text", "after the failover"));
      long finalSeq = awaitAck(onA, afterFailover);
      List<JsonNode> combined = new ArrayList<>(watcherOnB.events().stream().filter(e -> e.get("seq").asLong() <= lastSeenOnB).toList());
      combined.addAll(rejoined.eventsUpTo(finalSeq));

      List<Long> seqs = combined.stream().map(e -> e.get("seq").asLong()).toList();
      assertThat(seqs).as("gapless, each event once").isEqualTo(java.util.stream.LongStream.rangeClosed(1, finalSeq).boxed().toList());
      List<String> texts = combined.stream().filter(e -> e.get("kind").asText().equals("message.posted"))
          .map(e -> e.at("/data/text").asText()).toList();
      assertThat(ackedTexts).isNotEmpty();
      assertThat(texts).containsAll(ackedTexts);
      assertThat(texts).doesNotHaveDuplicates();
      for (WsClient client : List.of(onA, watcherOnA, onB, watcherOnB, rejoined)) {
        client.abort();
      }
    } finally {
      store.shutdownNow();
      TestServer.deleteTree(root);
    }
  }

  /** Opens, closes and publishes a one-case meeting on a node; returns the archive entry id. */
  private static String publishQuickMeeting(Api api, String host, String baseUrl) {
    String meetingId = Meetings.open(api, host);
    try (WsClient socket = WsClient.joined(baseUrl, meetingId, host, 0L)) {
      awaitAck(socket, socket.command("phase", Json.object().put("to", "presentation")));
      awaitAck(socket, socket.command("post", Json.object().put("text", "クラスタ公開の確認")));
      awaitAck(socket, socket.command("phase", Json.object().put("to", "closed")));
    }
    Api.Reply published = api.post("/api/v1/meetings/" + meetingId + "/publish", host, "{}");
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    return published.json().at("/entries/0/id").asText();
  }

  private static boolean awaitSearchHit(Api api, String entryId) throws InterruptedException {
    for (int i = 0; i < PROPAGATION_POLLS; i++) {
      if (api.get("/api/v1/archive/search?size=50", null).body().contains(entryId)) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static String registerShoppingService(Api api, String company) {
    var body = Json.object().put("name", "ゆっくりレジ").put("category", "買い物支援");
    body.putArray("areas").addObject().put("prefectureCode", "10").put("name", "群馬県");
    Api.Reply registered = api.post("/api/v1/catalog/services", company, body.toString());
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    return registered.json().get("id").asText();
  }

  /** Waits until B's catalog search for 買い物支援 lists (or no longer lists) the service. */
  private static boolean awaitCatalogHit(Api api, String serviceId, boolean listed) throws InterruptedException {
    String path = "/api/v1/catalog/services?q=" + java.net.URLEncoder.encode("買い物支援", java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < PROPAGATION_POLLS; i++) {
      Api.Reply reply = api.get(path, null);
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      if (reply.body().contains(serviceId) == listed) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static void awaitClusterFormed(WsClient onA, WsClient onB) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    int probe = 0;
    while (System.nanoTime() < deadline) {
      String text = "probe-" + probe++;
      onA.command("post", Json.object().put("text", text));
      long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (System.nanoTime() < waitUntil) {
        if (onB.events().stream().anyMatch(e -> text.equals(e.at("/data/text").asText()))) {
          return;
        }
        Thread.sleep(20);
      }
    }
    throw new AssertionError("the two nodes never formed a cluster");
  }

  private static long awaitAck(WsClient client, String id) {
    return client.awaitFrame(f -> "ack".equals(f.path("type").asText()) && id.equals(f.path("id").asText()), "ack " + id)
        .get("seq").asLong();
  }

  private static long maxAckedSeq(WsClient client) {
    return client.history().stream().filter(f -> "ack".equals(f.path("type").asText()))
        .mapToLong(f -> f.get("seq").asLong()).max().orElse(0);
  }

  private static long lastSeq(WsClient client) {
    return client.events().stream().mapToLong(e -> e.get("seq").asLong()).max().orElse(0);
  }

  /** seq → kind and message text: what a participant saw, up to {@code last}. */
  private static List<String> stream(List<JsonNode> events, long last) {
    return events.stream().filter(e -> e.get("seq").asLong() <= last)
        .map(e -> e.get("seq").asLong() + " " + e.get("kind").asText() + " " + e.at("/data/text").asText()).toList();
  }

  private static Path dir(Path root, String name) throws java.io.IOException {
    return Files.createDirectories(root.resolve(name));
  }

  private static Map<String, String> with(Map<String, String> env, String key, int value) {
    Map<String, String> copy = new HashMap<>(env);
    copy.put(key, String.valueOf(value));
    return copy;
  }

  private static String account(Api api, String admin, String role, String kind, String profession) {
    String email = role + "-" + System.nanoTime() + "@cluster.test";
    var body = Json.object().put("email", email).put("password", "cluster-node-pair-5Jw").put("displayName", "参加者").put("role", role);
    body.putObject("organization").put("name", "高崎市").put("kind", kind).put("prefecture", "群馬県");
    if (profession != null) {
      body.put("profession", profession);
    }
    api.post("/api/v1/accounts", admin, body.toString());
    return api.post("/api/v1/auth/login", null, Json.object().put("email", email).put("password", "cluster-node-pair-5Jw").toString())
        .json().get("token").asText();
  }
}
