package yoriai.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToDoubleFunction;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;
import yoriai.testing.UniqueWord;

/**
 * Not a test: how much one flooding connection raises everyone else's post-to-delivery latency.
 * Each run starts a server in this JVM; ten listeners measure the p99 of paced posts (20 a second
 * from three posters), first quiet, then next to a {@link RawFlooder} (frames written by hand on
 * a plain socket, so that what is measured is the server's isolation and not the CPU a JDK
 * WebSocket client in this JVM spends encoding the flood). Both phases run on one server, so each
 * run's figure is a ratio; on two shared cores it moves a lot between runs, hence N runs and their
 * spread. The target: p99 under the flood at most 2 × max(quiet p99, 20 ms). What stays true on
 * any machine (rate_limited, 1008, every other post delivered in order) is
 * {@code FloodingClientTest}. {@code scripts/bench} runs it; by hand, from the repository root
 * after {@code scripts/bench} (or any build that wrote {@code server/target/bench-cp.txt}):
 *
 * <pre>
 * java -cp server/target/test-classes:server/target/classes:$(cat server/target/bench-cp.txt) \
 *     yoriai.fault.FloodingClientBench 9 120
 * </pre>
 */
public final class FloodingClientBench {
  private static final int POSTERS = 3;
  private static final int LISTENERS = 10;
  private static final Duration INTERVAL = Duration.ofMillis(50);
  private static final long FLOOR_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);

  private record Run(long quietP99, long floodP99, long flooderFrames, long rateLimited, int closeCode) {
    double ratio() {
      return (double) floodP99 / quietP99;
    }

    boolean withinTarget() {
      return floodP99 <= 2 * Math.max(quietP99, FLOOR_NANOS);
    }
  }

  private FloodingClientBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int postsPerPhase = args.length > 1 ? Integer.parseInt(args[1]) : 120;
    System.out.printf(Locale.ROOT, "%n| run | quiet p99 ms | under flood p99 ms | ratio | flooder frames | rate_limited | close |%n"
        + "|---|---|---|---|---|---|---|%n");
    List<Run> all = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      Run run;
      try {
        run = run(postsPerPhase);
      } catch (RuntimeException e) {
        System.out.printf(Locale.ROOT, "| %d | failed: %s | | | | | |%n", i, e.getMessage());
        continue;
      }
      all.add(run);
      System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.2f | %d | %d | %d |%n", i, ms(run.quietP99()), ms(run.floodP99()), run.ratio(),
          run.flooderFrames(), run.rateLimited(), run.closeCode());
    }
    System.out.println();
    if (all.isEmpty()) {
      System.out.println("flooding client: no run finished");
      System.exit(1);
    }
    System.out.printf(Locale.ROOT, "flooding client, %d runs of %d posts a phase (min / median / max): quiet p99 %s ms, under flood p99 %s ms,"
            + " ratio %s; within 2 × max(quiet p99, 20 ms) in %d of %d%n",
        all.size(), postsPerPhase, spread(all, r -> ms(r.quietP99()), "%.1f"), spread(all, r -> ms(r.floodP99()), "%.1f"),
        spread(all, Run::ratio, "%.2f"), all.stream().filter(Run::withinTarget).count(), all.size());
    System.exit(0); // the JDK WebSocket clients' selector threads would keep the JVM alive
  }

  private static Run run(int postsPerPhase) throws Exception {
    try (TestServer server = TestServer.start()) {
      SignedIn host = server.municipality("司会");
      String meetingId = Meetings.open(server.api(), host.token());
      List<TimedSocket> posters = new ArrayList<>();
      List<TimedSocket> listeners = new ArrayList<>();
      try {
        for (int i = 0; i < POSTERS; i++) {
          posters.add(TimedSocket.joined(server.baseUrl(), meetingId, server.professional("投稿" + i, "看護師").token(), null));
        }
        for (int i = 0; i < LISTENERS; i++) {
          listeners.add(TimedSocket.joined(server.baseUrl(), meetingId, server.professional("聞き手" + i, "理学療法士").token(), null));
        }
        String flooderToken = server.company("大量 送信", "株式会社あふれ").token();
        p99("warmup", posters, listeners, postsPerPhase / 2);
        long quiet = p99("quiet", posters, listeners, postsPerPhase);
        AtomicBoolean stop = new AtomicBoolean();
        try (RawFlooder flooder = RawFlooder.joined(server.baseUrl(), meetingId, flooderToken)) {
          Thread flood = new Thread(() -> flooder.flood(stop, System.nanoTime() + TimeUnit.SECONDS.toNanos(60)), "flooder");
          flood.start();
          long loud;
          try {
            loud = p99("flood", posters, listeners, postsPerPhase);
          } finally {
            stop.set(true);
            flood.join(TimeUnit.SECONDS.toMillis(20));
          }
          int closeCode = flooder.awaitCloseCode(15);
          return new Run(quiet, loud, flooder.sent(), flooder.rateLimited(), closeCode);
        }
      } finally {
        posters.forEach(TimedSocket::close);
        listeners.forEach(TimedSocket::close);
      }
    }
  }

  /** Posts {@code count} paced posts round-robin from the posters; the p99 latency over all listeners. */
  private static long p99(String phase, List<TimedSocket> posters, List<TimedSocket> listeners, int count) {
    Map<String, Long> sentAt = new HashMap<>();
    long start = System.nanoTime();
    long last = start - INTERVAL.toNanos();
    for (int i = 0; i < count; i++) {
      // never catch up in a burst after a stall: a poster over its own limit would lose posts
      long wait = Math.max(start + i * INTERVAL.toNanos(), last + INTERVAL.toNanos()) - System.nanoTime();
      if (wait > 0) {
        sleepNanos(wait);
      }
      last = System.nanoTime();
      String text = phase + " " + UniqueWord.lettersFor(UUID.randomUUID().toString());
      sentAt.put(text, System.nanoTime());
      posters.get(i % posters.size()).sendText(Json.object().put("type", "post").put("id", UUID.randomUUID().toString())
          .put("text", text).toString());
    }
    List<Long> latencies = new ArrayList<>();
    for (TimedSocket listener : listeners) {
      long deadline = System.nanoTime() + DELIVERY_WAIT.toNanos();
      Map<String, Long> arrived = new HashMap<>();
      while (arrived.size() < count && System.nanoTime() < deadline) {
        for (TimedSocket.Received r : listener.received()) {
          if (r.type().equals("event") && sentAt.containsKey(r.frame().at("/data/text").asText())) {
            arrived.putIfAbsent(r.frame().at("/data/text").asText(), r.nanos());
          }
        }
        sleepNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
      if (arrived.size() < count) {
        List<String> refusals = posters.stream().flatMap(p -> p.received().stream())
            .filter(r -> r.type().equals("error")).map(r -> r.frame().path("code").asText()).toList();
        throw new IllegalStateException(phase + ": " + arrived.size() + " of " + count + " posts delivered; posters' errors " + refusals);
      }
      arrived.forEach((text, at) -> latencies.add(at - sentAt.get(text)));
    }
    latencies.sort(null);
    return latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);
  }

  private static String spread(List<Run> runs, ToDoubleFunction<Run> figure, String format) {
    List<Double> sorted = runs.stream().map(figure::applyAsDouble).sorted(Comparator.naturalOrder()).toList();
    double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    return String.format(Locale.ROOT, format + " / " + format + " / " + format, sorted.get(0), median, sorted.get(sorted.size() - 1));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static void sleepNanos(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
