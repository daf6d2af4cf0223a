package yoriai.mail;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.mongo.BulkOperation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import yoriai.storage.Documents;
import yoriai.storage.Storage;
import yoriai.testing.TestServer;

/**
 * Not a test: what the mailer's look for due mail (every five seconds on every node) costs as sent
 * mail accumulates. Stores {@code sent} sent mails and ten queued ones not yet due in the embedded
 * store, then asks for a due mail {@code claims} times and reports the median and p95 wall time of
 * the last three quarters. By hand, after any build that wrote {@code server/target/bench-cp.txt}:
 *
 * <pre>
 * java -cp server/target/test-classes:server/target/classes:$(cat server/target/bench-cp.txt) \
 *     yoriai.mail.OutboxClaimBench 100000 200
 * </pre>
 */
public final class OutboxClaimBench {
  private static final long NOW = 1_800_000_000_000L;

  private OutboxClaimBench() {}

  public static void main(String[] args) throws Exception {
    int sent = Integer.parseInt(args[0]);
    int claims = Integer.parseInt(args[1]);
    Vertx vertx = Vertx.vertx();
    Path dir = Files.createTempDirectory("yoriai-outbox-bench-");
    Storage storage = Storage.open(vertx, Optional.empty(), dir, new SimpleMeterRegistry()).await();
    Outbox outbox = MongoOutbox.create(storage).await();
    for (int written = 0; written < sent + 10; written += 1000) {
      List<BulkOperation> inserts = new ArrayList<>();
      for (int i = written; i < Math.min(sent + 10, written + 1000); i++) {
        boolean queued = i >= sent;
        OutboxMail mail = new OutboxMail("mail-" + i, "person-" + i + "@example.jp", "会議のご案内", "明日 10 時から会議があります。",
            List.of(), queued ? OutboxMail.QUEUED : OutboxMail.SENT, 1, queued ? NOW + 60_000 : NOW - 1, 0,
            null, queued ? null : Instant.ofEpochMilli(NOW - 1), NOW - sent + i);
        inserts.add(BulkOperation.createInsert(Documents.toDocument(mail)));
      }
      storage.mongo().bulkWrite("outbox", inserts).compose(done -> storage.durable()).await();
    }
    double[] millis = new double[claims];
    for (int claim = 0; claim < claims; claim++) {
      long before = System.nanoTime();
      if (outbox.claimDue(NOW, NOW + 60_000).await().isPresent()) {
        throw new IllegalStateException("no mail is due");
      }
      millis[claim] = (System.nanoTime() - before) / 1e6;
    }
    double[] steady = Arrays.copyOfRange(millis, claims / 4, claims);
    Arrays.sort(steady);
    System.out.printf(Locale.ROOT, "%d sent and 10 queued mails: a look for due mail, median %.2f ms, p95 %.2f ms"
        + " (the last %d of %d)%n", sent, steady[steady.length / 2], steady[(int) (steady.length * 0.95)], steady.length, claims);
    storage.close(vertx).await();
    TestServer.deleteTree(dir);
    // the driver's and the embedded server's threads would keep the JVM alive after the report
    System.exit(0);
  }
}
