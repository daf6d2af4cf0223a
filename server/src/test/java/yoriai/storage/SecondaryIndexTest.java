package yoriai.storage;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import io.vertx.ext.mongo.IndexOptions;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yoriai.testing.TestServer;

/** The embedded store's non-unique indexes answer exactly as a scan of every document does. */
class SecondaryIndexTest {
  private static final String INDEXED = "indexed";
  private static final String SCANNED = "scanned";
  private static final String PAIR_INDEX = "t." + INDEXED + "._index_pair";
  private static final List<Object> VALUES = List.of(
      "a", "b", "a\u0001", "a\u0002b", "", "相談", 1, 1L, 1.0, 2, -0.0, 0, 3_000_000_000L, true, false,
      new JsonObject().put("x", 1), new JsonArray().add("a").add(2), new JsonArray(), new JsonArray().add(new JsonArray().add("a")));

  private Vertx vertx;
  private Path dir;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    dir = Files.createTempDirectory("yoriai-secondary-");
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
    TestServer.deleteTree(dir);
  }

  @Test
  void finds_what_a_scan_finds_through_inserts_updates_and_deletes() throws Exception {
    Path file = dir.resolve("store.mv");
    withServer(file, KeyOrderedBackend::new, (client, store) -> {
      createIndexes(client);
      Random random = new Random(138);
      for (int round = 0; round < 12; round++) {
        for (int i = 0; i < 40; i++) {
          JsonObject doc = randomDocument(random).put("_id", "d" + round + "-" + i);
          await(client.insert(INDEXED, doc.copy()));
          await(client.insert(SCANNED, doc));
        }
        for (int i = 0; i < 6; i++) {
          JsonObject query = randomQuery(random);
          JsonObject set = new JsonObject().put("$set", new JsonObject().put(random.nextBoolean() ? "a" : "tags", value(random)));
          await(client.updateCollectionWithOptions(INDEXED, query, set, new UpdateOptions().setMulti(true)));
          await(client.updateCollectionWithOptions(SCANNED, query, set, new UpdateOptions().setMulti(true)));
        }
        JsonObject unset = new JsonObject().put("$unset", new JsonObject().put("b", ""));
        JsonObject unsetQuery = randomQuery(random);
        await(client.updateCollectionWithOptions(INDEXED, unsetQuery, unset, new UpdateOptions().setMulti(true)));
        await(client.updateCollectionWithOptions(SCANNED, unsetQuery, unset, new UpdateOptions().setMulti(true)));
        JsonObject gone = randomQuery(random);
        await(client.removeDocuments(INDEXED, gone));
        await(client.removeDocuments(SCANNED, gone));
        for (int q = 0; q < 40; q++) {
          assertSameAnswers(client, randomQuery(random));
        }
      }
      assertThat(store.<String, Object>openMap(PAIR_INDEX).sizeAsLong()).isPositive();
    });
  }

  @Test
  void an_index_kept_on_disk_answers_after_a_reopen_and_one_the_plain_backend_ignored_is_built_on_open() throws Exception {
    Path file = dir.resolve("store.mv");
    List<JsonObject> queries = new ArrayList<>();
    Random random = new Random(7);
    for (int q = 0; q < 60; q++) {
      queries.add(randomQuery(random));
    }
    withServer(file, H2Backend::new, (client, store) -> {
      createIndexes(client);
      for (int i = 0; i < 200; i++) {
        JsonObject doc = randomDocument(random).put("_id", "d" + i);
        await(client.insert(INDEXED, doc.copy()));
        await(client.insert(SCANNED, doc));
      }
      assertThat(store.hasMap(PAIR_INDEX)).isFalse();
    });
    withServer(file, KeyOrderedBackend::new, (client, store) -> {
      assertThat(store.<String, Object>openMap(PAIR_INDEX).sizeAsLong()).isPositive();
      for (JsonObject query : queries) {
        assertSameAnswers(client, query);
      }
      await(client.insert(INDEXED, new JsonObject().put("_id", "late").put("a", "a").put("b", "b")));
      await(client.insert(SCANNED, new JsonObject().put("_id", "late").put("a", "a").put("b", "b")));
    });
    withServer(file, KeyOrderedBackend::new, (client, store) -> {
      for (JsonObject query : queries) {
        assertSameAnswers(client, query);
      }
      assertThat(ids(client, INDEXED, new JsonObject().put("a", "a").put("b", "b"))).contains("late");
    });
  }

  @Test
  void a_document_whose_id_was_replaced_by_an_equal_one_of_another_type_is_still_found_and_removed() throws Exception {
    withServer(dir.resolve("ids.mv"), KeyOrderedBackend::new, (client, store) -> {
      createIndexes(client);
      await(client.insert(INDEXED, new JsonObject().put("_id", 1).put("a", "x")));
      await(client.insert(INDEXED, new JsonObject().put("_id", 2L).put("a", "x")));
      await(client.replaceDocuments(INDEXED, new JsonObject().put("_id", 1), new JsonObject().put("_id", 1.0).put("a", "y")));

      assertThat(await(client.find(INDEXED, new JsonObject().put("a", "y")))).hasSize(1);
      await(client.removeDocuments(INDEXED, new JsonObject().put("a", "y")));

      assertThat(await(client.find(INDEXED, new JsonObject().put("a", "y")))).isEmpty();
      assertThat(await(client.find(INDEXED, new JsonObject()))).hasSize(1);
      assertThat(await(client.find(INDEXED, new JsonObject().put("a", "x")))).hasSize(1);
    });
  }

  @Test
  void answers_only_queries_that_name_its_first_key_by_equality() {
    SecondaryIndex index = new SecondaryIndex(new MVStore.Builder().open().openMap("i"), "pair",
        List.of(new IndexKey("a", true), new IndexKey("b", true)));
    assertThat(index.canHandle(new Document("a", "x"))).isTrue();
    assertThat(index.canHandle(new Document("a", "x").append("b", new Document("$gt", 1)))).isTrue();
    assertThat(index.canHandle(new Document("a", null))).isTrue();
    assertThat(index.canHandle(new Document("a", new Document("$in", List.of("x", 2))))).isTrue();
    assertThat(index.canHandle(new Document("b", "x"))).isFalse();
    assertThat(index.canHandle(new Document("a", new Document("$gt", 1)))).isFalse();
    assertThat(index.canHandle(new Document("a", new Document("x", 1)))).isFalse();
    assertThat(index.canHandle(new Document("a", List.of("x")))).isFalse();
    assertThat(index.canHandle(new Document())).isFalse();
  }

  private void createIndexes(MongoClient client) throws Exception {
    await(client.createIndexWithOptions(INDEXED, new JsonObject().put("a", 1).put("b", -1),
        new IndexOptions().name("pair")));
    await(client.createIndexWithOptions(INDEXED, new JsonObject().put("tags", 1), new IndexOptions().name("tags")));
    await(client.createIndexWithOptions(INDEXED, new JsonObject().put("o.b", 1).put("o.c", 1), new IndexOptions().name("nested")));
    await(client.createIndexWithOptions(INDEXED, new JsonObject().put("o.0", 1), new IndexOptions().name("first")));
  }

  private void assertSameAnswers(MongoClient client, JsonObject query) throws Exception {
    Set<String> scanned = ids(client, SCANNED, query);
    Set<String> missed = new TreeSet<>(scanned);
    missed.removeAll(ids(client, INDEXED, query));
    List<JsonObject> missedDocs = await(client.find(SCANNED, new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(List.copyOf(missed))))));
    assertThat(ids(client, INDEXED, query)).as("%s, missed %s", query, missedDocs).isEqualTo(scanned);
  }

  private static Set<String> ids(MongoClient client, String collection, JsonObject query) throws Exception {
    return await(client.findWithOptions(collection, query, new FindOptions().setFields(new JsonObject().put("_id", 1))))
        .stream().map(doc -> doc.getString("_id")).collect(Collectors.toCollection(TreeSet::new));
  }

  private static JsonObject randomDocument(Random random) {
    JsonObject doc = new JsonObject();
    if (random.nextInt(8) > 0) {
      doc.put("a", value(random));
    }
    if (random.nextInt(4) > 0) {
      doc.put("b", random.nextInt(6) == 0 ? null : value(random));
    }
    if (random.nextBoolean()) {
      doc.put("o", nested(random));
    }
    if (random.nextBoolean()) {
      JsonArray tags = new JsonArray();
      for (int i = random.nextInt(4); i > 0; i--) {
        tags.add(value(random));
      }
      doc.put("tags", tags);
    }
    return doc;
  }

  /** An embedded document, an array of them, an array of arrays of them, or a plain array, for paths like {@code o.b}. */
  private static Object nested(Random random) {
    JsonObject one = new JsonObject().put("b", value(random)).put("c", value(random));
    JsonObject other = new JsonObject().put("b", scalar(random)).put("c", scalar(random));
    return switch (random.nextInt(5)) {
      case 0 -> one;
      case 1 -> new JsonArray().add(one).add(other);
      case 2 -> new JsonArray().add(new JsonArray().add(other));
      case 3 -> new JsonArray().add(other).add(new JsonArray().add(one));
      default -> new JsonArray().add(scalar(random));
    };
  }

  private static JsonObject randomQuery(Random random) {
    JsonObject query = new JsonObject();
    switch (random.nextInt(10)) {
      case 7 -> query.put("o.b", scalar(random)).put("o.c", scalar(random));
      case 8 -> query.put("o.b", scalar(random));
      case 9 -> query.put("o.0", scalar(random));
      case 0 -> query.put("a", scalar(random));
      case 1 -> query.put("a", scalar(random)).put("b", scalar(random));
      case 2 -> query.put("a", new JsonObject().put("$in", new JsonArray().add(scalar(random)).add(scalar(random))));
      case 3 -> query.put("a", scalar(random)).put("b", new JsonObject().put("$exists", random.nextBoolean()));
      case 4 -> query.put("tags", scalar(random));
      case 5 -> query.putNull("a");
      default -> query.put("a", scalar(random)).put("$or", new JsonArray()
          .add(new JsonObject().put("b", scalar(random))).add(new JsonObject().put("tags", scalar(random))));
    }
    return query;
  }

  private static Object value(Random random) {
    Object value = VALUES.get(random.nextInt(VALUES.size()));
    return value instanceof JsonObject object ? object.copy() : value instanceof JsonArray array ? array.copy() : value;
  }

  private static Object scalar(Random random) {
    Object value;
    do {
      value = value(random);
    } while (value instanceof JsonObject || value instanceof JsonArray);
    return value;
  }

  private interface StoreWork {
    void run(MongoClient client, MVStore store) throws Exception;
  }

  private void withServer(Path file, Function<MVStore, H2Backend> backend, StoreWork work) throws Exception {
    MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    H2Backend h2 = backend.apply(store);
    MongoServer server = new MongoServer(h2);
    var address = server.bind();
    MongoClient client = MongoClient.create(vertx, new JsonObject()
        .put("connection_string", "mongodb://127.0.0.1:" + address.getPort() + "/?directConnection=true").put("db_name", "t"));
    try {
      work.run(client, store);
    } finally {
      await(client.close());
      server.shutdownNow();
      h2.commit();
      store.close();
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
