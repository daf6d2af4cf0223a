package yoriai.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yoriai.shared.Failure;
import yoriai.testing.TestServer;

/** Records in the embedded store's own map: ordered puts of free keys, reads by key, updates, and the store's guard. */
class RecordMapTest {
  private Vertx vertx;
  private Path dir;
  private EmbeddedStore store;
  private Writability writability;
  private RecordMap records;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    dir = Files.createTempDirectory("yoriai-records-");
    store = EmbeddedStore.start(dir);
    writability = new Writability(new SimpleMeterRegistry());
    records = new RecordMap(vertx, store, writability, "log");
  }

  @AfterEach
  void stop() throws Exception {
    store.close();
    await(vertx.close());
    TestServer.deleteTree(dir);
  }

  @Test
  void a_taken_key_fails_the_put_keeps_the_entries_before_it_and_stores_none_after_it() throws Exception {
    await(records.putNew(List.of(entry("a", "一"))));

    assertThatThrownBy(() -> await(records.putNew(List.of(entry("c", "三"), entry("a", "別"), entry("d", "四")))))
        .cause().isInstanceOf(RecordMap.KeyTaken.class);

    assertThat(texts(await(records.get(List.of("a", "b", "c", "d"))))).containsExactly("一", "三");
    assertThat(writability.writable()).isTrue();
  }

  @Test
  void putting_what_is_missing_stores_the_free_keys_and_leaves_the_taken_ones() throws Exception {
    await(records.putNew(List.of(entry("a", "先"))));

    assertThat(await(records.putMissing(List.of(entry("a", "後"), entry("b", "二"))))).isEqualTo(1);

    assertThat(texts(await(records.get(List.of("a", "b"))))).containsExactly("先", "二");
  }

  @Test
  void an_update_replaces_what_the_change_returns_and_leaves_a_null_or_a_missing_key_alone() throws Exception {
    await(records.putNew(List.of(entry("a", "変える"), entry("b", "残す"))));

    await(records.update(List.of("a", "b", "none"), value ->
        text(value).equals("変える") ? "変えた".getBytes(StandardCharsets.UTF_8) : null));

    assertThat(texts(await(records.get(List.of("a", "b", "none"))))).containsExactly("変えた", "残す");
  }

  @Test
  void what_was_committed_is_read_again_after_the_store_is_reopened() throws Exception {
    await(records.putNew(List.of(entry("m1/1", "発言"))));
    store.commit();

    store.reopen();

    assertThat(texts(await(records.get(List.of("m1/1"))))).containsExactly("発言");
  }

  @Test
  void while_the_store_is_known_unwritable_a_put_is_refused_and_nothing_is_stored() throws Exception {
    writability.failed(new IllegalStateException("disk full"));

    assertThatThrownBy(() -> await(records.putNew(List.of(entry("refused", "x")))))
        .cause().isInstanceOf(Failure.class).hasMessageContaining("unavailable");

    assertThat(await(records.get(List.of("refused")))).isEmpty();
  }

  @Test
  void a_put_into_a_store_that_cannot_write_is_refused_and_marks_the_store_unwritable() throws Exception {
    await(records.putNew(List.of(entry("kept", "読める"))));
    store.commit();
    store.openReadOnly();

    assertThatThrownBy(() -> await(records.putNew(List.of(entry("refused", "x")))))
        .cause().isInstanceOf(Failure.class).hasMessageContaining("unavailable");

    assertThat(writability.writable()).isFalse();
    assertThat(texts(await(records.get(List.of("kept", "refused"))))).containsExactly("読める");
  }

  @Test
  void a_write_into_a_store_replaced_meanwhile_is_refused_and_the_record_is_as_last_committed() throws Exception {
    await(records.putNew(List.of(entry("a", "確定"))));
    store.commit();

    assertThatThrownBy(() -> await(records.update(List.of("a"), value -> {
      store.reopen();
      return "消える".getBytes(StandardCharsets.UTF_8);
    }))).cause().isInstanceOf(Failure.class).hasMessageContaining("unavailable");

    assertThat(texts(await(records.get(List.of("a"))))).containsExactly("確定");
  }

  private static RecordMap.Entry entry(String key, String text) {
    return new RecordMap.Entry(key, text.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }

  private static List<String> texts(List<byte[]> values) {
    return values.stream().map(RecordMapTest::text).toList();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
