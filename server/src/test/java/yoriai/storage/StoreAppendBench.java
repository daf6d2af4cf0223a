package yoriai.storage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import yoriai.testing.TestServer;

/**
 * Not a test: the embedded store's cost of a durable append, without sockets or rooms. Writes
 * meeting-event-shaped documents over 50 meetings into a collection with the event log's unique
 * index, {@code batch} to an ordered bulk write, each write awaited durable (committed) before the
 * next, as one room's append queue does; reports the process CPU and wall time per document for
 * each round of {@code perRound} documents (the first rounds carry the JIT's warm-up). By hand,
 * after any build that wrote {@code server/target/bench-cp.txt}:
 *
 * <pre>
 * java -cp server/target/test-classes:server/target/classes:$(cat server/target/bench-cp.txt) \
 *     yoriai.storage.StoreAppendBench 1 3000 10
 * </pre>
 */
public final class StoreAppendBench {
  private static final int MEETINGS = 50;

  private StoreAppendBench() {}

  public static void main(String[] args) throws Exception {
    int batch = Integer.parseInt(args[0]);
    int perRound = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    Vertx vertx = Vertx.vertx();
    Path dir = Files.createTempDirectory("yoriai-append-bench-");
    Storage storage = Storage.open(vertx, Optional.empty(), dir, new SimpleMeterRegistry()).await();
    MongoClient mongo = storage.mongo();
    mongo.createIndexWithOptions("events", new JsonObject().put("meetingId", 1).put("seq", 1),
        new IndexOptions().unique(true)).await();
    long[] seqs = new long[MEETINGS];
    for (int round = 1; round <= rounds; round++) {
      long cpuBefore = processCpuNanos();
      long wallBefore = System.nanoTime();
      for (int written = 0; written < perRound; written += batch) {
        List<BulkOperation> inserts = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
          int meeting = (written + i) % MEETINGS;
          inserts.add(BulkOperation.createInsert(event("m-" + meeting, ++seqs[meeting], written + i)));
        }
        mongo.bulkWriteWithOptions("events", inserts, new BulkWriteOptions(true)).compose(done -> storage.durable()).await();
      }
      System.out.printf(Locale.ROOT, "round %d: batch %d, %.0f us CPU and %.0f us wall per document%n", round, batch,
          (processCpuNanos() - cpuBefore) / 1000.0 / perRound, (System.nanoTime() - wallBefore) / 1000.0 / perRound);
    }
    storage.close(vertx).await();
    TestServer.deleteTree(dir);
    // the driver's and the embedded server's threads would keep the JVM alive after the report
    System.exit(0);
  }

  private static JsonObject event(String meetingId, long seq, int n) {
    return new JsonObject().put("meetingId", meetingId).put("seq", seq).put("kind", "message.posted")
        .put("at", new JsonObject().put("$date", "2026-12-04T07:00:00Z"))
        .put("actor", new JsonObject().put("accountId", "account-" + n % 10).put("name", "ベンチ 太郎").put("role", "care"))
        .put("data", new JsonObject().put("messageId", "message-" + n).put("text", "bench text of a post"))
        .put("actorId", "account-" + n % 10).put("commandId", "command-" + n);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
