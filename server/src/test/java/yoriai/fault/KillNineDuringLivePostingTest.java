package yoriai.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.ServerProcess;
import yoriai.testing.TestServer;

/**
 * SIGKILL of the server while several WebSocket clients post as fast as their acks come back:
 * every {@code ack {id, seq}} a client received before the kill names an event that is in the log
 * after a restart on the same data directory, with that text and that author, and the log is
 * gapless 1..N with no command stored twice.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class KillNineDuringLivePostingTest {
  private static final int CLIENTS = 5;
  /** Unacked posts a client keeps in flight, so the kill lands in the middle of batched appends. */
  private static final int WINDOW = 16;
  private static final int MAX_POSTS_PER_CLIENT = 5_000;
  /** Kill once this many acks arrived, however long a busy machine takes to get there. */
  private static final int ACKS_BEFORE_KILL = 300;
  /** Not a speed requirement: only how long to wait before calling the posting stuck. */
  private static final Duration STUCK_AFTER = Duration.ofSeconds(90);
  /** The limiter is not under test here; it would only slow the posting down. */
  private static final Map<String, String> UNLIMITED = Map.of(
      "YORIAI_WS_COMMANDS_PER_SECOND", "100000", "YORIAI_WS_COMMAND_BURST", "100000");

  private record Sent(String accountId, String text) {}

  @Test
  void every_acknowledged_post_survives_kill_9_mid_stream_in_a_gapless_log_without_duplicates() throws Exception {
    Path dataDir = Files.createTempDirectory("yoriai-fault-kill9-");
    Map<String, Sent> sent = new ConcurrentHashMap<>();
    Map<String, Long> acked = new HashMap<>();
    String meetingId;
    String hostToken;
    List<String> accountIds = new ArrayList<>();
    try {
      try (ServerProcess first = ServerProcess.start(dataDir, UNLIMITED)) {
        Api api = first.api();
        String admin = login(api, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        hostToken = account(api, admin, "municipality", "host").token;
        meetingId = Meetings.open(api, hostToken);
        List<TimedSocket> sockets = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          Account person = account(api, admin, "professional", "poster-" + c);
          accountIds.add(person.id);
          sockets.add(TimedSocket.joined(first.baseUrl(), meetingId, person.token, null));
        }

        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> posters = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          TimedSocket socket = sockets.get(c);
          String accountId = accountIds.get(c);
          int n = c;
          Thread poster = new Thread(() -> post(socket, accountId, n, sent, stop), "poster-" + c);
          poster.start();
          posters.add(poster);
        }
        long deadline = System.nanoTime() + STUCK_AFTER.toNanos();
        while (sockets.stream().mapToLong(s -> s.count("ack")).sum() < ACKS_BEFORE_KILL) {
          assertThat(System.nanoTime()).as("posting stuck before %d acks", ACKS_BEFORE_KILL).isLessThan(deadline);
          Thread.sleep(20);
        }

        first.kill9();
        stop.set(true);
        for (Thread poster : posters) {
          poster.join(TimeUnit.SECONDS.toMillis(20));
          assertThat(poster.isAlive()).as("poster stopped after the kill").isFalse();
        }
        for (TimedSocket socket : sockets) {
          for (JsonNode ack : socket.frames("ack")) {
            assertThat(acked.put(ack.get("id").asText(), ack.get("seq").asLong())).as("one ack per command").isNull();
          }
          assertThat(socket.frames("error")).as("errors before the kill").isEmpty();
          socket.close();
        }
      }
      System.out.printf("kill -9 after %d acks of %d posts sent%n", acked.size(), sent.size());
      assertThat(acked).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
      assertThat(sent.keySet()).containsAll(acked.keySet());
      assertThat(new HashSet<>(acked.values())).as("distinct acked seqs").hasSize(acked.size());

      try (ServerProcess second = ServerProcess.start(dataDir, UNLIMITED)) {
        Api api = second.api();
        List<JsonNode> log = allEvents(api, hostToken, meetingId);
        long n = log.size();

        assertThat(log).extracting(e -> e.get("seq").asLong())
            .as("gapless 1..N").containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
        Map<Long, JsonNode> bySeq = new HashMap<>();
        log.forEach(e -> bySeq.put(e.get("seq").asLong(), e));
        acked.forEach((id, seq) -> {
          JsonNode event = bySeq.get(seq);
          assertThat(event).as("acked seq %d of command %s", seq, id).isNotNull();
          assertThat(event.get("kind").asText()).isEqualTo("message.posted");
          assertThat(event.at("/data/text").asText()).isEqualTo(sent.get(id).text());
          assertThat(event.at("/actor/accountId").asText()).isEqualTo(sent.get(id).accountId());
        });
        List<String> storedTexts = log.stream().filter(e -> e.get("kind").asText().equals("message.posted"))
            .map(e -> e.at("/data/text").asText()).toList();
        assertThat(storedTexts).as("no post stored twice").doesNotHaveDuplicates();
        Set<String> sentTexts = new HashSet<>();
        sent.values().forEach(s -> sentTexts.add(s.text()));
        assertThat(sentTexts).as("only posts that were sent are stored").containsAll(storedTexts);
        System.out.printf("after restart: %d events, %d posts stored (%d acked, %d unacked but stored)%n",
            n, storedTexts.size(), acked.size(), storedTexts.size() - acked.size());

        // a client resuming from 0 gets the same log, and the meeting goes on after it
        try (TimedSocket reader = TimedSocket.joined(second.baseUrl(), meetingId, hostToken, 0L)) {
          reader.await(r -> r.type().equals("event") && r.frame().get("seq").asLong() >= n, Duration.ofSeconds(30),
              "replay up to " + n);
          List<String> replayed = reader.frames("event").stream().filter(e -> e.get("seq").asLong() <= n)
              .map(KillNineDuringLivePostingTest::withoutType).toList();
          assertThat(replayed).isEqualTo(log.stream().map(KillNineDuringLivePostingTest::withoutType).toList());

          String id = UUID.randomUUID().toString();
          reader.sendText(Json.object().put("type", "post").put("id", id).put("text", "再起動後").toString());
          JsonNode ack = reader.await(r -> id.equals(r.frame().path("id").asText()), Duration.ofSeconds(20), "ack").frame();
          assertThat(ack.get("type").asText()).isEqualTo("ack");
          assertThat(ack.get("seq").asLong()).isGreaterThan(n);
          List<JsonNode> after = allEvents(api, hostToken, meetingId);
          assertThat(after).extracting(e -> e.get("seq").asLong())
              .containsExactlyElementsOf(LongStream.rangeClosed(1, after.size()).boxed().toList());
        }
      }
    } finally {
      TestServer.deleteTree(dataDir);
      try (var logs = Files.list(dataDir.getParent())) {
        logs.filter(p -> p.getFileName().toString().startsWith(dataDir.getFileName() + "-")).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Posts with at most WINDOW unacked until stopped, the socket dies or the count runs out. */
  private static void post(TimedSocket socket, String accountId, int client, Map<String, Sent> sent, AtomicBoolean stop) {
    long giveUp = System.nanoTime() + STUCK_AFTER.toNanos() + TimeUnit.SECONDS.toNanos(30);
    for (int i = 0; i < MAX_POSTS_PER_CLIENT && !stop.get() && System.nanoTime() < giveUp; i++) {
      while (i - socket.count("ack") - socket.count("error:internal_error") >= WINDOW && !stop.get()
          && !socket.isClosed() && System.nanoTime() < giveUp) {
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          return;
        }
      }
      String id = UUID.randomUUID().toString();
      String text = "client " + client + " post " + i + " " + id.substring(0, 8);
      sent.put(id, new Sent(accountId, text));
      if (stop.get() || !socket.sendText(Json.object().put("type", "post").put("id", id).put("text", text).toString())) {
        return;
      }
    }
  }

  static List<JsonNode> allEvents(Api api, String token, String meetingId) {
    List<JsonNode> all = new ArrayList<>();
    for (int page = 0; page < 1000; page++) {
      Api.Reply reply = api.get("/api/v1/meetings/" + meetingId + "/events?after=" + all.size() + "&limit=1000", token);
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      JsonNode events = reply.json().get("events");
      if (events.isEmpty()) {
        return all;
      }
      events.forEach(all::add);
      if (all.get(all.size() - 1).get("seq").asLong() != all.size()) {
        return all; // a gap; the caller's gapless assertion reports it
      }
    }
    throw new AssertionError("more than 1000 pages of events");
  }

  private static String withoutType(JsonNode event) {
    ObjectNode copy = event.deepCopy();
    copy.remove("type");
    return copy.toString();
  }

  private record Account(String id, String token) {}

  private static String login(Api api, String email, String password) {
    Api.Reply reply = api.post("/api/v1/auth/login", null, Json.object().put("email", email).put("password", password).toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().get("token").asText();
  }

  private static Account account(Api api, String adminToken, String role, String name) {
    String email = name + "-" + System.nanoTime() + "@yoriai.test";
    ObjectNode body = Json.object().put("email", email).put("password", "fault-kill-nine-7Rt").put("displayName", name).put("role", role);
    body.putObject("organization").put("name", "高崎市").put("kind", "municipality").put("prefecture", "群馬県");
    if (role.equals("professional")) {
      body.put("profession", "看護師");
    }
    Api.Reply created = api.post("/api/v1/accounts", adminToken, body.toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return new Account(created.json().get("id").asText(), login(api, email, "fault-kill-nine-7Rt"));
  }
}
