package yoriai.meeting;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import yoriai.meeting.MeetingStore.StoredEvent;
import yoriai.storage.Storage;
import yoriai.testing.TestServer;

/**
 * Not a test: the embedded store's cost of a durable append, without sockets or rooms. Appends
 * posted messages over 50 meetings through the meeting store, {@code batch} to an append, each
 * awaited durable (committed) before the next, as one room's append queue does; reports the process
 * CPU and wall time per event for each round of {@code perRound} events (the first rounds carry the
 * JIT's warm-up). With a fourth argument {@code n}, it then redacts {@code n} posts of one meeting
 * one at a time, as hiding a message does, and reports each one's wall time. By hand, after any
 * build that wrote {@code server/target/bench-cp.txt}:
 *
 * <pre>
 * java -cp server/target/test-classes:server/target/classes:$(cat server/target/bench-cp.txt) \
 *     yoriai.meeting.StoreAppendBench 1 3000 10
 * java … yoriai.meeting.StoreAppendBench 200 10000 10 5
 * </pre>
 */
public final class StoreAppendBench {
  private static final int MEETINGS = 50;

  private StoreAppendBench() {}

  public static void main(String[] args) throws Exception {
    int batch = Integer.parseInt(args[0]);
    int perRound = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    int redactions = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    Vertx vertx = Vertx.vertx();
    Path dir = Files.createTempDirectory("yoriai-append-bench-");
    Storage storage = Storage.open(vertx, Optional.empty(), dir, new SimpleMeterRegistry()).await();
    MeetingStore store = MongoMeetingStore.create(storage).await();
    long[] seqs = new long[MEETINGS];
    for (int round = 1; round <= rounds; round++) {
      long cpuBefore = processCpuNanos();
      long wallBefore = System.nanoTime();
      for (int written = 0; written < perRound; written += batch) {
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
          int meeting = (written + i) % MEETINGS;
          events.add(posted("m-" + meeting, ++seqs[meeting], (round - 1) * perRound + written + i));
        }
        store.append(events).compose(done -> storage.durable()).await();
      }
      System.out.printf(Locale.ROOT, "round %d: batch %d, %.0f us CPU and %.0f us wall per document%n", round, batch,
          (processCpuNanos() - cpuBefore) / 1000.0 / perRound, (System.nanoTime() - wallBefore) / 1000.0 / perRound);
    }
    for (long seq = 1; seq <= Math.min(redactions, seqs[7]); seq++) {
      long wallBefore = System.nanoTime();
      store.redactMessages("m-7", List.of(seq)).compose(done -> storage.durable()).await();
      System.out.printf(Locale.ROOT, "redaction %d of a post among %d events: %.1f ms wall%n", seq, perRound * rounds,
          (System.nanoTime() - wallBefore) / 1e6);
    }
    storage.close(vertx).await();
    TestServer.deleteTree(dir);
    // the driver's and the embedded server's threads would keep the JVM alive after the report
    System.exit(0);
  }

  private static StoredEvent posted(String meetingId, long seq, int n) {
    Actor actor = new Actor("account-" + n % 10, "ベンチ 太郎", null, null, null);
    EventData data = new EventData.MessagePosted("message-" + n, "bench text of a post", null, null, null, null);
    return new StoredEvent(new MeetingEvent(seq, meetingId, Instant.parse("2026-12-04T07:00:00Z"), actor, data), "command-" + n);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
