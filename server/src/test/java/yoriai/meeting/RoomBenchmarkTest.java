package yoriai.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.UniqueWord;

/**
 * Throughput and post-to-delivery latency of one room with 50 participants, clients in the same
 * JVM as the server. Run: mvn -pl server test -Dtest=RoomBenchmarkTest -Dyoriai.bench=true
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "yoriai.bench", matches = "true")
class RoomBenchmarkTest {
  private static final int PARTICIPANTS = 50;
  private static final int SENDERS = 10;

  @Test
  void one_room_with_fifty_participants() throws Exception {
    try (TestServer server = TestServer.start(Map.of("YORIAI_WS_COMMANDS_PER_SECOND", "100000", "YORIAI_WS_COMMAND_BURST", "100000"))) {
      var host = server.municipality("計測 司会");
      String meetingId = Meetings.open(server.api(), host.token());
      List<Participant> participants = new ArrayList<>();
      for (int i = 0; i < PARTICIPANTS; i++) {
        participants.add(new Participant(server.baseUrl(), meetingId, server.professional("参加者" + i, "看護師").token()));
      }
      for (Participant p : participants) {
        p.joined.get(10, TimeUnit.SECONDS);
      }
      run("saturated, 20 in flight per sender", participants, 5000, 20, 0);
      run("paced at 200 posts/s", participants, 2000, 20, 200);
      run("paced at 1000 posts/s", participants, 5000, 20, 1000);
      participants.forEach(Participant::close);
    }
  }

  private static void run(String label, List<Participant> participants, int posts, int window, int perSecond) throws Exception {
    participants.forEach(Participant::reset);
    CountDownLatch delivered = new CountDownLatch(posts * participants.size());
    participants.forEach(p -> p.expect(delivered));
    long started = System.nanoTime();
    List<Thread> senders = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      Participant sender = participants.get(s);
      int share = posts / SENDERS;
      Thread t = new Thread(() -> {
        Semaphore inFlight = sender.window(window);
        for (int i = 0; i < share; i++) {
          if (perSecond > 0) {
            long due = started + (long) ((double) (i * SENDERS) / perSecond * 1e9);
            while (System.nanoTime() < due) {
              Thread.onSpinWait();
            }
          }
          inFlight.acquireUninterruptibly();
          sender.post(UniqueWord.after("t"));
        }
      });
      senders.add(t);
      t.start();
    }
    for (Thread t : senders) {
      t.join();
    }
    if (!delivered.await(120, TimeUnit.SECONDS)) {
      throw new AssertionError("not all deliveries arrived: " + delivered.getCount() + " missing");
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long[] latencies = participants.stream().flatMap(p -> p.latencies.stream()).mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("BENCH %s: %d posts in %.2f s = %.0f posts/s, %.0f deliveries/s; post-to-delivery p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        label, posts, seconds, posts / seconds, posts * participants.size() / seconds,
        latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6, latencies[latencies.length - 1] / 1e6);
  }

  private static final class Participant implements WebSocket.Listener {
    final CompletableFuture<Void> joined = new CompletableFuture<>();
    final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    private volatile CountDownLatch delivered;
    private volatile Semaphore window = new Semaphore(Integer.MAX_VALUE);
    private final AtomicLong acks = new AtomicLong();

    Participant(String baseUrl, String meetingId, String token) {
      socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws"), this).join();
      socket.sendText(Json.object().put("type", "join").put("meetingId", meetingId).put("token", token).toString(), true).join();
    }

    void reset() {
      latencies.clear();
    }

    void expect(CountDownLatch latch) {
      delivered = latch;
    }

    Semaphore window(int size) {
      window = new Semaphore(size);
      return window;
    }

    synchronized void post(String text) {
      socket.sendText(Json.object().put("type", "post").put("id", UUID.randomUUID().toString()).put("text", text).toString(), true).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        long now = System.nanoTime();
        JsonNode frame = Json.parse(partial.toString());
        partial.setLength(0);
        switch (frame.path("type").asText()) {
          case "joined" -> joined.complete(null);
          case "ack", "error" -> {
            acks.incrementAndGet();
            window.release();
          }
          case "event" -> {
            String text = frame.at("/data/text").asText();
            if (text.startsWith("t") && delivered != null) {
              latencies.add(now - Long.parseLong(text.substring(1)));
              delivered.countDown();
            }
          }
          default -> { }
        }
      }
      webSocket.request(1);
      return null;
    }

    void close() {
      socket.abort();
    }
  }
}
