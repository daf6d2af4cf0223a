package yoriai.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;

/**
 * While normal participants post, other connections send invalid JSON, unknown types, frames
 * missing fields, binary garbage and frames over 64 KiB. The server answers each with its error
 * (closing with 1009 after too_large), keeps running, acks and delivers every normal post in
 * order, and stores nothing the malformed frames carried.
 *
 * <p>Each abuser sends every kind of frame it has at least once (the oversized one whole and
 * fragmented) before it heeds {@code stop}, so what is asserted does not depend on how much abuse a
 * busy machine fits into the posting time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MalformedFramesUnderLoadTest {
  private static final int POSTERS = 3;
  private static final int POSTS_EACH = 60;
  private static final long PACE_MILLIS = 40;
  private static final String MARK = "MALFORMED";
  /** Malformed frames should reach the decoder, not stop at the rate limiter. */
  private static final Map<String, String> ROOMY_LIMIT = Map.of(
      "YORIAI_WS_COMMANDS_PER_SECOND", "5000", "YORIAI_WS_COMMAND_BURST", "5000");

  @Test
  void malformed_and_oversized_frames_under_load_neither_stop_the_server_nor_disturb_posts_nor_get_stored() throws Exception {
    FAILURES.clear();
    try (TestServer server = TestServer.start(ROOMY_LIMIT)) {
      SignedIn host = server.municipality("司会");
      String meetingId = Meetings.open(server.api(), host.token());
      List<TimedSocket> posters = new ArrayList<>();
      for (int i = 0; i < POSTERS; i++) {
        posters.add(TimedSocket.joined(server.baseUrl(), meetingId, server.professional("投稿" + i, "看護師").token(), null));
      }
      TimedSocket watcher = TimedSocket.joined(server.baseUrl(), meetingId, host.token(), null);
      SignedIn abuser = server.company("不正 送信", "株式会社こわれ");
      AtomicBoolean stop = new AtomicBoolean();
      Map<String, AtomicInteger> expectedErrors = new ConcurrentHashMap<>();
      List<Integer> oversizeCloses = new CopyOnWriteArrayList<>();
      List<TimedSocket> abusers = new CopyOnWriteArrayList<>();
      List<Thread> threads = new ArrayList<>();
      try {
        threads.add(start("garbage-text", () -> garbageText(server.baseUrl(), meetingId, abuser.token(), stop, expectedErrors, abusers)));
        threads.add(start("garbage-binary", () -> garbageBinary(server.baseUrl(), meetingId, abuser.token(), stop, expectedErrors, abusers)));
        threads.add(start("oversized", () -> oversized(server.baseUrl(), meetingId, abuser.token(), stop, oversizeCloses, abusers)));

        Map<TimedSocket, List<String[]>> sent = new ConcurrentHashMap<>();
        List<Thread> postThreads = new ArrayList<>();
        for (int p = 0; p < POSTERS; p++) {
          TimedSocket poster = posters.get(p);
          int n = p;
          postThreads.add(start("poster-" + p, () -> {
            List<String[]> mine = new ArrayList<>();
            for (int i = 0; i < POSTS_EACH; i++) {
              String id = UUID.randomUUID().toString();
              String text = "poster " + n + " post " + i;
              mine.add(new String[] {id, text});
              poster.sendText(Json.object().put("type", "post").put("id", id).put("text", text).toString());
              sleep(PACE_MILLIS);
            }
            sent.put(poster, mine);
          }));
        }
        for (Thread t : postThreads) {
          t.join(TimeUnit.SECONDS.toMillis(60));
          assertThat(t.isAlive()).isFalse();
        }
        stop.set(true);
        for (Thread t : threads) {
          t.join(TimeUnit.SECONDS.toMillis(30));
          assertThat(t.isAlive()).as("abuser %s stopped", t.getName()).isFalse();
        }

        assertThat(FAILURES).as("failures in client threads").isEmpty();

        // every normal post acked, no errors
        List<Long> ackedSeqs = new ArrayList<>();
        Map<Long, String> textBySeq = new ConcurrentHashMap<>();
        for (TimedSocket poster : posters) {
          for (String[] post : sent.get(poster)) {
            JsonNode reply = poster.await(r -> post[0].equals(r.frame().path("id").asText()), Duration.ofSeconds(20),
                "reply to " + post[1]).frame();
            assertThat(reply.get("type").asText()).as("reply %s", reply).isEqualTo("ack");
            ackedSeqs.add(reply.get("seq").asLong());
            textBySeq.put(reply.get("seq").asLong(), post[1]);
          }
          assertThat(poster.frames("error")).isEmpty();
          assertThat(poster.isClosed()).isFalse();
        }
        long last = ackedSeqs.stream().mapToLong(Long::longValue).max().orElseThrow();

        // delivered to everyone in order, gapless, with the acked texts
        for (TimedSocket reader : concat(posters, watcher)) {
          reader.await(r -> r.type().equals("event") && r.frame().get("seq").asLong() >= last, Duration.ofSeconds(20), "event " + last);
          List<JsonNode> events = reader.frames("event");
          long first = events.get(0).get("seq").asLong();
          assertThat(events).extracting(e -> e.get("seq").asLong())
              .containsExactlyElementsOf(LongStream.range(first, first + events.size()).boxed().toList());
          events.stream().filter(e -> textBySeq.containsKey(e.get("seq").asLong())).forEach(e ->
              assertThat(e.at("/data/text").asText()).isEqualTo(textBySeq.get(e.get("seq").asLong())));
          assertThat(events.stream().filter(e -> textBySeq.containsKey(e.get("seq").asLong()))).hasSize(POSTERS * POSTS_EACH);
        }

        // the abusers got their errors and were never acked
        long oversizedSent = oversizeCloses.size();
        System.out.printf("malformed frames answered: %s; oversized frames: %d (closes %s); %d normal posts acked%n",
            expectedErrors, oversizedSent, oversizeCloses, ackedSeqs.size());
        assertThat(oversizeCloses).isNotEmpty().allMatch(code -> code == 1009);
        for (TimedSocket a : abusers) {
          assertThat(a.frames("ack")).isEmpty();
          assertThat(a.frames("error")).extracting(e -> e.get("code").asText())
              .doesNotContain("internal_error", "rate_limited");
        }
        expectedErrors.forEach((code, n) -> assertThat(n.get()).as(code).isPositive());
        assertThat(expectedErrors.keySet()).contains("invalid_json", "invalid_message", "unknown_type");

        // healthy, and nothing malformed stored
        assertThat(server.api().get("/health", null).status()).isEqualTo(200);
        List<JsonNode> log = KillNineDuringLivePostingTest.allEvents(server.api(), host.token(), meetingId);
        assertThat(log).extracting(e -> e.get("seq").asLong())
            .containsExactlyElementsOf(LongStream.rangeClosed(1, log.size()).boxed().toList());
        assertThat(log).extracting(e -> e.get("kind").asText())
            .allMatch(kind -> kind.equals("message.posted") || kind.startsWith("participant."));
        assertThat(log).noneMatch(e -> e.toString().contains(MARK));
        assertThat(log.stream().filter(e -> e.get("kind").asText().equals("message.posted"))).hasSize(POSTERS * POSTS_EACH);
        try (TimedSocket fresh = TimedSocket.connect(server.baseUrl())) {
          fresh.sendText("{\"type\":\"ping\",\"id\":\"after\"}");
          fresh.await(r -> r.type().equals("pong"), Duration.ofSeconds(10), "pong after the abuse");
        }
      } finally {
        stop.set(true);
        for (Thread t : threads) {
          t.join(TimeUnit.SECONDS.toMillis(30));
        }
        posters.forEach(TimedSocket::close);
        watcher.close();
        abusers.forEach(TimedSocket::close);
      }
    }
  }

  /** Text frames that are wrong in every way the decoder knows, each answered by an error. */
  private static void garbageText(String baseUrl, String meetingId, String token, AtomicBoolean stop,
      Map<String, AtomicInteger> errors, List<TimedSocket> abusers) {
    String[][] frames = {
        {"{\"type\": \"post\", \"text\": \"" + MARK, "invalid_json"},
        {"not json at all " + MARK, "invalid_json"},
        {"[1, 2, \"" + MARK + "\"]", "invalid_message"},
        {"{\"text\":\"" + MARK + "\"}", "invalid_message"},
        {"{\"type\":\"dance\",\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"" + MARK + "\"}", "unknown_type"},
        {"{\"type\":\"post\",\"id\":\"" + UUID.randomUUID() + "\"}", "invalid_message"},
        {"{\"type\":\"post\",\"text\":\"" + MARK + "\"}", "invalid_message"},
        {"{\"type\":\"post\",\"id\":\"42\",\"text\":\"" + MARK + "\"}", "invalid_message"},
        {"{\"type\":\"post\",\"id\":\"" + UUID.randomUUID() + "\",\"text\":{\"$ne\":\"" + MARK + "\"}}", "invalid_message"},
        {"{\"type\":\"post\",\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"" + MARK + "x".repeat(4001) + "\"}", "invalid_message"},
        {"{\"type\":\"hand\",\"id\":\"" + UUID.randomUUID() + "\",\"raised\":\"" + MARK + "\"}", "invalid_message"},
        {"{\"type\":\"propose\",\"id\":\"" + UUID.randomUUID() + "\",\"proposal\":{\"type\":\"" + MARK + "\"}}", "invalid_message"},
        {"{\"type\":\"join\",\"meetingId\":\"" + meetingId + "\",\"token\":\"" + token + "\"}", "invalid_message"},
        {"{\"type\":\"post\",\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"" + MARK + "\",\"text\":\"" + MARK + "\"", "invalid_json"},
    };
    TimedSocket socket = TimedSocket.joined(baseUrl, meetingId, token, null);
    abusers.add(socket);
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (int i = 0; i < 100_000 && (i < frames.length || !stop.get()) && System.nanoTime() < giveUp; i++) {
      String[] frame = frames[i % frames.length];
      int before = socket.frames("error").size();
      if (!socket.sendText(frame[0])) {
        throw new AssertionError("server closed the socket after " + frame[0]);
      }
      JsonNode error = nextError(socket, before, frame[0]);
      assertThat(error.get("code").asText()).as("answer to %s", frame[0]).isEqualTo(frame[1]);
      errors.computeIfAbsent(frame[1], k -> new AtomicInteger()).incrementAndGet();
    }
  }

  /** The error after the first {@code before} ones, waiting at most 20 s. */
  private static JsonNode nextError(TimedSocket socket, int before, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      List<JsonNode> now = socket.frames("error");
      if (now.size() > before) {
        return now.get(before);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no error for " + what);
      }
      sleep(1);
    }
  }

  /** Binary frames of random bytes; §7 frames are JSON text, so each is refused as invalid_json. */
  private static void garbageBinary(String baseUrl, String meetingId, String token, AtomicBoolean stop,
      Map<String, AtomicInteger> errors, List<TimedSocket> abusers) {
    Random random = new Random(7);
    TimedSocket socket = TimedSocket.joined(baseUrl, meetingId, token, null);
    abusers.add(socket);
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (int i = 0; i < 100_000 && (i == 0 || !stop.get()) && System.nanoTime() < giveUp; i++) {
      byte[] bytes = new byte[1 + random.nextInt(2048)];
      random.nextBytes(bytes);
      int before = socket.frames("error").size();
      if (!socket.sendBinary(bytes)) {
        throw new AssertionError("server closed the socket after binary garbage");
      }
      assertThat(nextError(socket, before, "binary").get("code").asText()).isEqualTo("invalid_json");
      errors.computeIfAbsent("invalid_json", k -> new AtomicInteger()).incrementAndGet();
      sleep(5);
    }
  }

  /** Joins, sends a frame over 64 KiB (whole or fragmented), expects too_large then 1009; again. */
  private static void oversized(String baseUrl, String meetingId, String token, AtomicBoolean stop,
      List<Integer> closes, List<TimedSocket> abusers) {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (int i = 0; i < 200 && (i < 2 || !stop.get()) && System.nanoTime() < giveUp; i++) {
      TimedSocket socket = TimedSocket.joined(baseUrl, meetingId, token, null);
      abusers.add(socket);
      String big = "{\"type\":\"post\",\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"" + MARK + "x".repeat(70 * 1024 + i) + "\"}";
      if (i % 2 == 0) {
        socket.sendText(big);
      } else {
        socket.sendFragmented(big, 16 * 1024);
      }
      socket.await(r -> r.type().equals("error") && r.frame().get("code").asText().equals("too_large"), Duration.ofSeconds(20),
          "too_large");
      closes.add(socket.awaitClose(Duration.ofSeconds(20)));
      socket.close();
      sleep(50);
    }
  }

  private static List<TimedSocket> concat(List<TimedSocket> list, TimedSocket one) {
    List<TimedSocket> all = new ArrayList<>(list);
    all.add(one);
    return all;
  }

  private static Thread start(String name, Runnable body) {
    Thread thread = new Thread(() -> {
      try {
        body.run();
      } catch (Throwable e) {
        FAILURES.add(new AssertionError(name + " failed", e));
      }
    }, name);
    thread.start();
    return thread;
  }

  static final List<Throwable> FAILURES = new CopyOnWriteArrayList<>();

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
