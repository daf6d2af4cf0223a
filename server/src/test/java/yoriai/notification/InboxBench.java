package yoriai.notification;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import yoriai.storage.Documents;
import yoriai.storage.Storage;
import yoriai.testing.TestServer;

/**
 * Not a test: what an account's notification list costs as every account's notifications grow.
 * Stores {@code total} notifications spread over {@code accounts} accounts in the embedded store,
 * then reads the first page and the unread count of one account after another, as the web client
 * does on every route change, and reports the median and p95 wall time of {@code reads} such reads.
 * By hand, after any build that wrote {@code server/target/bench-cp.txt}:
 *
 * <pre>
 * java -cp server/target/test-classes:server/target/classes:$(cat server/target/bench-cp.txt) \
 *     yoriai.notification.InboxBench 100000 1000 200
 * </pre>
 */
public final class InboxBench {
  private InboxBench() {}

  public static void main(String[] args) throws Exception {
    int total = Integer.parseInt(args[0]);
    int accounts = Integer.parseInt(args[1]);
    int reads = Integer.parseInt(args[2]);
    Vertx vertx = Vertx.vertx();
    Path dir = Files.createTempDirectory("yoriai-inbox-bench-");
    Storage storage = Storage.open(vertx, Optional.empty(), dir, new SimpleMeterRegistry()).await();
    NotificationStore store = MongoNotificationStore.create(storage).await();
    Random random = new Random(18);
    for (int written = 0; written < total; written += 1000) {
      List<BulkOperation> inserts = new ArrayList<>();
      for (int i = written; i < Math.min(total, written + 1000); i++) {
        StoredNotification entry = new StoredNotification("n-" + i, "account-" + random.nextInt(accounts),
            NoticeKind.values()[i % NoticeKind.values().length], "会議のお知らせ", "明日 10 時から会議があります。", "/meetings/m-" + i,
            1_800_000_000_000L + i, random.nextInt(3) == 0 ? null : 1_800_000_000_000L + i + 1);
        inserts.add(BulkOperation.createInsert(Documents.toDocument(entry)));
      }
      storage.mongo().bulkWrite("notifications", inserts).compose(done -> storage.durable()).await();
    }
    double[] millis = new double[reads];
    for (int read = 0; read < reads; read++) {
      String accountId = "account-" + random.nextInt(accounts);
      long before = System.nanoTime();
      store.page(accountId, null, 20).compose(page -> store.unread(accountId)).await();
      millis[read] = (System.nanoTime() - before) / 1e6;
    }
    double[] steady = Arrays.copyOfRange(millis, reads / 4, reads);
    Arrays.sort(steady);
    System.out.printf(Locale.ROOT, "%d notifications over %d accounts: page and unread count, median %.2f ms, p95 %.2f ms"
            + " (the last %d of %d reads)%n",
        total, accounts, steady[steady.length / 2], steady[(int) (steady.length * 0.95)], steady.length, reads);
    storage.close(vertx).await();
    TestServer.deleteTree(dir);
    // the driver's and the embedded server's threads would keep the JVM alive after the report
    System.exit(0);
  }
}
