package yoriai.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yoriai.testing.TestServer;

/** Unique-index keys keep H2's order and on-disk form, and documents H2's on-disk form, so a store written before is read as it was. */
class KeyOrderedBackendTest {
  private static final int EVENTS = 600;

  private Vertx vertx;
  private Path dir;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    dir = Files.createTempDirectory("yoriai-key-order-");
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
    TestServer.deleteTree(dir);
  }

  @Test
  void keys_are_ordered_as_h2_orders_them_also_when_their_bytes_are_remembered() {
    Random random = new Random(18);
    List<KeyValue> keys = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      keys.add(switch (i % 3) {
        case 0 -> new KeyValue("m-" + random.nextInt(40));
        case 1 -> new KeyValue(List.of("m-" + random.nextInt(40), (long) random.nextInt(1000)));
        default -> new KeyValue(List.of(random.nextInt(300), "x" + random.nextInt(9)));
      });
    }
    ObjectDataType plain = new ObjectDataType();
    SerializedKeyOrder remembered = new SerializedKeyOrder();
    for (int round = 0; round < 2; round++) {
      for (KeyValue a : keys) {
        for (KeyValue b : keys) {
          assertThat(Integer.signum(remembered.compare(a, b))).as("%s vs %s", a, b).isEqualTo(Integer.signum(plain.compare(a, b)));
        }
      }
    }
  }

  @Test
  void keys_are_written_in_the_bytes_h2_writes_also_when_their_bytes_are_remembered() {
    SerializedKeyOrder remembered = new SerializedKeyOrder();
    List<KeyValue> keys = List.of(new KeyValue("m-1"), new KeyValue(List.of("m-2", 7L)),
        new KeyValue(List.of(300, "x", 2.5)), new KeyValue(List.of("会議", 123_456_789_012L)));
    for (KeyValue key : keys) {
      remembered.compare(key, keys.get(0));
      assertWrittenAsH2WritesTwice(remembered, key);
    }
  }

  @Test
  void documents_are_written_in_the_bytes_h2_writes_and_other_values_as_h2_writes_them() {
    DocumentValues documents = new DocumentValues(new SerializedBytes(16));
    List<Object> values = List.of(
        new Document("_id", "e-1").append("meetingId", "m-1").append("seq", 7L)
            .append("actor", new Document("name", "ベンチ 太郎").append("role", "care"))
            .append("at", new java.util.Date(1_796_000_000_000L)).append("tags", List.of("a", "b")),
        new Document("_id", 3).append("empty", new Document()),
        "a string", 42L);
    for (Object value : values) {
      assertWrittenAsH2WritesTwice(documents, value);
    }
  }

  /** Twice, so the second write may come from what the first remembered: the bytes of H2's own type, read back as the value. */
  private static void assertWrittenAsH2WritesTwice(ObjectDataType type, Object value) {
    ObjectDataType plain = new ObjectDataType();
    for (int round = 0; round < 2; round++) {
      WriteBuffer expected = new WriteBuffer();
      plain.write(expected, value);
      WriteBuffer actual = new WriteBuffer();
      type.write(actual, value);
      assertThat(bytes(actual)).as("%s, round %d", value, round).isEqualTo(bytes(expected));
      assertThat(type.read(ByteBuffer.wrap(bytes(actual)))).isEqualTo(value);
    }
  }

  @Test
  void a_unique_index_written_with_remembered_keys_is_read_by_the_plain_backend() throws Exception {
    assertIndexWrittenByOneIsReadByTheOther(KeyOrderedBackend::new, H2Backend::new);
  }

  @Test
  void a_unique_index_written_by_the_plain_backend_still_finds_and_refuses_its_keys() throws Exception {
    assertIndexWrittenByOneIsReadByTheOther(H2Backend::new, KeyOrderedBackend::new);
  }

  /** The reader finds the documents and keys the writer stored, refuses the keys again, and takes a new one. */
  private void assertIndexWrittenByOneIsReadByTheOther(Function<MVStore, H2Backend> writer, Function<MVStore, H2Backend> reader)
      throws Exception {
    Path file = dir.resolve("store.mv.db");
    withServer(file, writer, (client, h2) -> {
      await(client.createIndexWithOptions("events", new JsonObject().put("meetingId", 1).put("seq", 1),
          new IndexOptions().unique(true).name("meeting_seq_unique")));
      for (int seq = 1; seq <= EVENTS; seq++) {
        await(client.insert("events", event(seq)));
      }
    });

    withServer(file, reader, (client, h2) -> {
      for (int seq = 1; seq <= EVENTS; seq += 37) {
        JsonObject found = await(client.findOne("events", key(seq), null));
        assertThat(found).as("seq %d", seq).isNotNull();
        assertThat(found.copy().put("_id", (Object) null)).isEqualTo(event(seq).put("_id", (Object) null));
      }
      for (int seq = 1; seq <= EVENTS; seq += 53) {
        JsonObject again = event(seq);
        assertThatThrownBy(() -> await(client.insert("events", again))).hasMessageContaining("duplicate key");
      }
      await(client.insert("events", event(EVENTS + 1)));
    });
  }

  /** A commit remembers a document's bytes; mongo-java-server updates a stored document in place. */
  @Test
  void a_document_updated_after_a_commit_is_written_as_updated() throws Exception {
    Path file = dir.resolve("store.mv.db");
    withServer(file, KeyOrderedBackend::new, (client, h2) -> {
      await(client.insert("meetings", new JsonObject().put("_id", "m-1").put("phase", "discussion")
          .put("host", new JsonObject().put("name", "ベンチ 太郎"))));
      await(client.insert("meetings", new JsonObject().put("_id", "m-2").put("phase", "discussion")));
      h2.commit();
      await(client.updateCollection("meetings", new JsonObject().put("_id", "m-1"),
          new JsonObject().put("$set", new JsonObject().put("phase", "published").put("host.name", "ベンチ 花子"))));
      await(client.findOneAndReplace("meetings", new JsonObject().put("_id", "m-2"), new JsonObject().put("phase", "closed")));
    });

    withServer(file, H2Backend::new, (reader, h2) -> {
      assertThat(await(reader.findOne("meetings", new JsonObject().put("_id", "m-1"), null))).isEqualTo(new JsonObject()
          .put("_id", "m-1").put("phase", "published").put("host", new JsonObject().put("name", "ベンチ 花子")));
      assertThat(await(reader.findOne("meetings", new JsonObject().put("_id", "m-2"), null)))
          .isEqualTo(new JsonObject().put("_id", "m-2").put("phase", "closed"));
    });
  }

  @Test
  void every_unique_index_map_and_document_map_has_its_type_when_created_and_when_reopened() throws Exception {
    Path file = dir.resolve("store.mv.db");
    withServer(file, KeyOrderedBackend::new, (client, h2) -> {
      await(client.createIndexWithOptions("events", new JsonObject().put("meetingId", 1).put("seq", 1),
          new IndexOptions().unique(true).name("meeting_seq_unique")));
      await(client.insert("events", event(1)));
    });
    assertIndexMapsOrdered(file, true);
    assertIndexMapsOrdered(file, false);
  }

  /** Opens the store with the backend; with a write, one index map is created while it runs (a new collection), else all are reopened. */
  private void assertIndexMapsOrdered(Path file, boolean afterWrite) throws Exception {
    MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    MongoServer server = new MongoServer(new KeyOrderedBackend(store));
    MongoClient client = client(server);
    try {
      if (afterWrite) {
        await(client.insert("others", new JsonObject().put("_id", "new")));
      }
      List<String> indexMaps = store.getMapNames().stream().filter(name -> name.contains("._index_")).toList();
      assertThat(indexMaps).hasSize(3);
      for (String name : indexMaps) {
        assertThat(store.openMap(name).getKeyType()).as(name).isInstanceOf(SerializedKeyOrder.class);
      }
      List<String> documentMaps = store.getMapNames().stream().filter(name -> name.startsWith("databases.")).toList();
      assertThat(documentMaps).hasSize(4);
      for (String name : documentMaps) {
        assertThat(store.openMap(name).getValueType()).as(name).isInstanceOf(DocumentValues.class);
      }
    } finally {
      await(client.close());
      server.shutdownNow();
    }
  }

  private interface ClientWork {
    void run(MongoClient client, H2Backend backend) throws Exception;
  }

  private void withServer(Path file, Function<MVStore, H2Backend> backend, ClientWork work) throws Exception {
    MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    H2Backend h2 = backend.apply(store);
    MongoServer server = new MongoServer(h2);
    MongoClient client = client(server);
    try {
      work.run(client, h2);
    } finally {
      await(client.close());
      server.shutdownNow();
      h2.commit();
      store.close();
    }
  }

  private MongoClient client(MongoServer server) {
    var address = server.bind();
    return MongoClient.create(vertx, new JsonObject()
        .put("connection_string", "mongodb://127.0.0.1:" + address.getPort() + "/?directConnection=true").put("db_name", "t"));
  }

  private static byte[] bytes(WriteBuffer buffer) {
    ByteBuffer written = buffer.getBuffer();
    written.flip();
    byte[] bytes = new byte[written.remaining()];
    written.get(bytes);
    return bytes;
  }

  private static JsonObject key(int seq) {
    return new JsonObject().put("meetingId", "m-" + seq % 7).put("seq", (long) seq);
  }

  private static JsonObject event(int seq) {
    return key(seq).put("text", "投稿 " + seq).put("actor", new JsonObject().put("name", "ベンチ 太郎").put("role", "care"));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
