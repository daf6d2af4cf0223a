package yoriai.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yoriai.shared.Failure;
import yoriai.testing.TestServer;

/** Inserts handed to the embedded store without the wire read back, through the driver, as inserts sent over it. */
class EmbeddedInsertsTest {
  private static final String[] WORDS = {"", "花子", "買い物", "a.b", "$x", "\u0000", "😀", "line\nbreak", "m1/10", "null"};

  private Vertx vertx;
  private Path dir;
  private EmbeddedStore store;
  private MongoClient client;
  private Writability writability;
  private final AtomicInteger sentThroughDriver = new AtomicInteger();
  private OrderedInserts inserts;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    dir = Files.createTempDirectory("yoriai-inserts-");
    store = EmbeddedStore.start(dir);
    client = MongoClient.create(vertx, new JsonObject().put("connection_string", store.connectionString()).put("db_name", "t"));
    writability = new Writability(new SimpleMeterRegistry());
    OrderedInserts driver = Storage.throughDriver(GuardedMongo.guard(client, writability, store::generation, store::cannotWrite));
    inserts = new EmbeddedInserts(vertx, store, writability, "t", (collection, documents) -> {
      sentThroughDriver.incrementAndGet();
      return driver.insert(collection, documents);
    });
    await(client.createCollection("log"));
  }

  @AfterEach
  void stop() throws Exception {
    await(client.close());
    store.close();
    await(vertx.close());
    TestServer.deleteTree(dir);
  }

  @Test
  void random_documents_taken_without_the_wire_read_back_with_the_same_fields_order_and_number_types() throws Exception {
    Random random = new Random(20261205);
    for (int round = 0; round < 40; round++) {
      List<JsonObject> direct = new ArrayList<>();
      List<JsonObject> sent = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(5); i++) {
        JsonObject document = randomDocument(random, 0);
        direct.add(document.copy().put("_id", "direct/" + round + "/" + i));
        sent.add(document.copy().put("_id", "sent/" + round + "/" + i));
      }
      await(inserts.insert("log", direct));
      await(Storage.throughDriver(client).insert("log", sent));

      for (int i = 0; i < direct.size(); i++) {
        JsonObject readDirect = await(client.findOne("log", new JsonObject().put("_id", "direct/" + round + "/" + i), null));
        JsonObject readSent = await(client.findOne("log", new JsonObject().put("_id", "sent/" + round + "/" + i), null));
        assertThat(typed(readDirect.copy().put("_id", "x"))).isEqualTo(typed(readSent.copy().put("_id", "x")));
        assertThat(readDirect.fieldNames().iterator().next()).isEqualTo("_id");
      }
    }
    assertThat(sentThroughDriver).as("none went the driver's way").hasValue(0);
  }

  @Test
  void a_value_the_wire_would_change_sends_the_whole_batch_through_the_driver() throws Exception {
    JsonObject dated = new JsonObject().put("at", new JsonObject().put("$date", "2026-12-05T10:00:00Z"));
    JsonObject plain = new JsonObject().put("text", "普通");

    await(inserts.insert("log", List.of(plain.copy().put("_id", "p"), dated.copy().put("_id", "d"))));
    await(Storage.throughDriver(client).insert("log", List.of(dated.copy().put("_id", "d2"))));

    assertThat(sentThroughDriver).hasValue(1);
    JsonObject read = await(client.findOne("log", new JsonObject().put("_id", "d"), null));
    JsonObject readSent = await(client.findOne("log", new JsonObject().put("_id", "d2"), null));
    assertThat(typed(read.put("_id", "x"))).isEqualTo(typed(readSent.put("_id", "x")));
    assertThat(await(client.findOne("log", new JsonObject().put("_id", "p"), null)).getString("text")).isEqualTo("普通");
  }

  @Test
  void a_taken_id_fails_as_a_duplicate_key_keeps_the_documents_before_it_and_stores_none_after_it() throws Exception {
    await(inserts.insert("log", List.of(new JsonObject().put("_id", "a").put("v", 1))));

    Future<Void> again = inserts.insert("log", List.of(new JsonObject().put("_id", "c"), new JsonObject().put("_id", "a").put("v", 2),
        new JsonObject().put("_id", "d")));

    assertThatThrownBy(() -> await(again)).isInstanceOf(ExecutionException.class)
        .satisfies(e -> assertThat(StoreErrors.isDuplicateKey(e.getCause())).isTrue());
    assertThat(await(client.findOne("log", new JsonObject().put("_id", "a"), null)).getInteger("v")).isEqualTo(1);
    assertThat(await(client.findOne("log", new JsonObject().put("_id", "c"), null))).isNotNull();
    assertThat(await(client.findOne("log", new JsonObject().put("_id", "d"), null))).isNull();
    assertThat(writability.writable()).isTrue();
    assertThat(sentThroughDriver).hasValue(0);
  }

  @Test
  void while_the_store_is_known_unwritable_an_insert_is_refused_and_nothing_is_stored() throws Exception {
    writability.failed(new IllegalStateException("disk full"));

    assertThatThrownBy(() -> await(inserts.insert("log", List.of(new JsonObject().put("_id", "refused")))))
        .cause().isInstanceOf(Failure.class).hasMessageContaining("unavailable");

    assertThat(await(client.findOne("log", new JsonObject().put("_id", "refused"), null))).isNull();
  }

  @Test
  void a_write_into_a_store_that_cannot_write_is_never_reported_durable() throws Exception {
    store.commit();
    store.openReadOnly();
    GroupCommit barrier = new GroupCommit(vertx, store, writability);

    assertThatThrownBy(() -> await(inserts.insert("log", List.of(new JsonObject().put("_id", "refused"))).compose(v -> barrier.await())))
        .cause().isInstanceOf(Failure.class).hasMessageContaining("unavailable");

    assertThat(writability.writable()).isFalse();
    assertThat(sentThroughDriver).hasValue(0);
  }

  private static JsonObject randomDocument(Random random, int depth) {
    JsonObject document = new JsonObject();
    for (int i = 0; i < random.nextInt(6); i++) {
      document.put("k" + random.nextInt(4) + WORDS[random.nextInt(3)], randomValue(random, depth));
    }
    return document;
  }

  private static Object randomValue(Random random, int depth) {
    return switch (random.nextInt(depth < 3 ? 11 : 8)) {
      case 0 -> null;
      case 1 -> WORDS[random.nextInt(WORDS.length)];
      case 2 -> random.nextInt();
      case 3 -> random.nextLong();
      case 4 -> random.nextBoolean();
      case 5 -> new double[] {0.5, -0.0, 1e300, Double.MIN_VALUE, 3.0}[random.nextInt(5)];
      case 6 -> (long) random.nextInt(100);
      case 7 -> "日本語の文 " + random.nextInt(1000);
      case 8, 9 -> randomDocument(random, depth + 1);
      default -> {
        JsonArray array = new JsonArray();
        for (int i = 0; i < random.nextInt(4); i++) {
          array.add(randomValue(random, depth + 1));
        }
        yield array;
      }
    };
  }

  /** The value with each leaf's Java type beside it, and each document's fields in their order. */
  private static String typed(Object value) {
    if (value instanceof JsonObject object) {
      StringBuilder out = new StringBuilder("{");
      for (Map.Entry<String, Object> e : object) {
        out.append(e.getKey()).append('=').append(typed(e.getValue())).append(',');
      }
      return out.append('}').toString();
    }
    if (value instanceof JsonArray array) {
      StringBuilder out = new StringBuilder("[");
      array.forEach(item -> out.append(typed(item)).append(','));
      return out.append(']').toString();
    }
    return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
