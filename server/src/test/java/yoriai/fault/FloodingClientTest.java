package yoriai.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;

/**
 * One connection floods the server with posts while others post and listen: the flooder is told
 * {@code rate_limited} and, as it keeps flooding, closed with 1008; every other participant's post
 * is acked and delivered to everyone, in order, exactly once, and no one else gets an error or
 * loses the connection.
 *
 * <p>Nothing here depends on how fast the machine is. The flood lasts until the server closes the
 * flooder (the flooder never slows down, so that always comes); each poster sends its next post
 * only after the ack of the previous one and a pause, so that even after a stall it never bunches
 * posts over its own limit. How much the flood raises others' latency is a benchmark, not a test:
 * {@link FloodingClientBench}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FloodingClientTest {
  private static final int POSTERS = 3;
  private static final int LISTENERS = 5;
  /** Posts each poster sends at least, however early the flooder is closed. */
  private static final int MIN_POSTS = 10;
  /** Between an ack and the next post: under the default 10 commands a second with room to spare. */
  private static final long PAUSE_MILLIS = 150;
  private static final Duration WAIT = Duration.ofSeconds(30);

  private record Acked(String text, long seq) {}

  @Test
  void a_flooder_is_rate_limited_and_closed_while_every_other_post_is_acked_and_delivered_in_order_exactly_once()
      throws Exception {
    try (TestServer server = TestServer.start()) {
      SignedIn host = server.municipality("司会");
      String meetingId = Meetings.open(server.api(), host.token());
      List<TimedSocket> posters = new ArrayList<>();
      List<TimedSocket> others = new ArrayList<>();
      try {
        for (int i = 0; i < POSTERS; i++) {
          posters.add(TimedSocket.joined(server.baseUrl(), meetingId, server.professional("投稿" + i, "看護師").token(), null));
        }
        others.addAll(posters);
        for (int i = 0; i < LISTENERS; i++) {
          others.add(TimedSocket.joined(server.baseUrl(), meetingId, server.professional("聞き手" + i, "理学療法士").token(), null));
        }
        String flooderToken = server.company("大量 送信", "株式会社あふれ").token();

        Map<Integer, List<Acked>> acked = new ConcurrentHashMap<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        int closeCode;
        long limited;
        try (RawFlooder flooder = RawFlooder.joined(server.baseUrl(), meetingId, flooderToken)) {
          AtomicBoolean flooding = new AtomicBoolean(true);
          Thread flood = new Thread(() -> {
            flooder.flood(new AtomicBoolean(), System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
            flooding.set(false);
          }, "flooder");
          flood.start();
          List<Thread> posting = new ArrayList<>();
          for (int p = 0; p < POSTERS; p++) {
            int n = p;
            Thread thread = new Thread(() -> {
              try {
                acked.put(n, post(posters.get(n), n, flooding));
              } catch (Throwable e) {
                failures.add(e);
              }
            }, "poster-" + p);
            thread.start();
            posting.add(thread);
          }
          flood.join(TimeUnit.SECONDS.toMillis(90));
          assertThat(flood.isAlive()).as("the flood ended").isFalse();
          for (Thread thread : posting) {
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).as("%s finished", thread.getName()).isFalse();
          }
          closeCode = flooder.awaitCloseCode(15);
          limited = flooder.rateLimited();
          System.out.printf("flooder wrote %d frames, got %d rate_limited errors, close code %d; others posted %d%n",
              flooder.sent(), limited, closeCode, acked.values().stream().mapToInt(List::size).sum());
        }

        assertThat(failures).as("posters").isEmpty();
        assertThat(limited).as("the flooder is told to slow down").isPositive();
        assertThat(closeCode).as("a connection that keeps flooding is closed as a policy violation").isEqualTo(1008);

        List<Acked> all = acked.values().stream().flatMap(List::stream).sorted(Comparator.comparingLong(Acked::seq)).toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(POSTERS * MIN_POSTS);
        List<String> inAckOrder = all.stream().map(Acked::text).toList();
        long last = all.get(all.size() - 1).seq();
        for (TimedSocket other : others) {
          other.await(r -> r.type().equals("event") && r.frame().get("seq").asLong() >= last, WAIT, "event " + last);
          List<JsonNode> events = other.frames("event");
          long first = events.get(0).get("seq").asLong();
          assertThat(events).extracting(e -> e.get("seq").asLong()).as("gapless, each once")
              .containsExactlyElementsOf(LongStream.range(first, first + events.size()).boxed().toList());
          assertThat(events.stream().map(e -> e.at("/data/text").asText()).filter(inAckOrder::contains).toList())
              .as("every other post, in the order of its seq, exactly once").isEqualTo(inAckOrder);
          assertThat(other.frames("error")).as("errors for a well-behaved client").isEmpty();
          assertThat(other.isClosed()).as("a well-behaved client stays connected").isFalse();
        }
      } finally {
        others.forEach(TimedSocket::close);
      }
    }
  }

  /** Posts one at a time, each after the previous one's ack and a pause, until the flood is over and MIN_POSTS are in. */
  private static List<Acked> post(TimedSocket poster, int n, AtomicBoolean flooding) throws InterruptedException {
    List<Acked> acked = new ArrayList<>();
    for (int i = 0; i < MIN_POSTS || flooding.get(); i++) {
      String id = UUID.randomUUID().toString();
      String text = "poster " + n + " post " + i;
      assertThat(poster.sendText(Json.object().put("type", "post").put("id", id).put("text", text).toString()))
          .as("sent %s", text).isTrue();
      JsonNode reply = poster.await(r -> id.equals(r.frame().path("id").asText()), WAIT, "reply to " + text).frame();
      assertThat(reply.get("type").asText()).as("reply to %s: %s", text, reply).isEqualTo("ack");
      acked.add(new Acked(text, reply.get("seq").asLong()));
      Thread.sleep(PAUSE_MILLIS);
    }
    return acked;
  }
}
