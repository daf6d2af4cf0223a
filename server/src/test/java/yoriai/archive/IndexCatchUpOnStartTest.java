package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yoriai.shared.PublicTexts;
import yoriai.storage.Storage;

/**
 * A node's index on disk can miss what other nodes changed while it was down, or an announcement
 * that never arrived; on start, and every few minutes, it is brought up to MongoDB entry by entry,
 * so a redaction made meanwhile is not served from it.
 */
class IndexCatchUpOnStartTest {
  private static final Instant NOW = Instant.parse("2026-12-03T01:00:00Z");
  private static final String WORD = "青瓦荘";
  private static final String PATH = "discussion[seq=1].text";

  private Vertx vertx;
  private Storage storage;
  private ArchiveStore store;
  private Path indexDir;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    storage = await(Storage.open(vertx, Optional.empty(), Files.createTempDirectory("yoriai-catch-up-"), new SimpleMeterRegistry()));
    store = await(MongoArchiveStore.create(storage));
    indexDir = Files.createTempDirectory("yoriai-catch-up-index-");
    await(store.insertOnce(Entries.entry("other").publishedAt("2024-04-01T00:00:00Z").build(), "host-1"));
    await(store.insertOnce(Entries.entry("told").publishedAt("2024-05-01T00:00:00Z")
        .remark("毎週火曜に" + WORD + "の前の坂で休んでいる方です").build(), "host-1"));
  }

  @AfterEach
  void stop() throws Exception {
    await(storage.close(vertx));
    await(vertx.close());
  }

  @Test
  void a_redaction_made_elsewhere_while_the_node_was_down_is_gone_from_its_index_when_it_starts() throws Exception {
    ArchiveService before = startNode();
    assertThat(await(before.search(SearchQuery.text(WORD))).total()).isEqualTo(1);
    await(before.close());

    ArchiveStore.Stored stored = await(store.findStored("told")).orElseThrow();
    await(store.redact(stored, PublicTexts.replace(stored.entry(), PATH, ArchiveService.REDACTED),
        new Redaction("told", PATH, "admin-1", "ご本人が特定されるとの申し出", NOW)));

    ArchiveService after = startNode();
    assertThat(await(after.search(SearchQuery.text(WORD))).total()).isZero();
    assertThat(await(after.search(SearchQuery.text("坂で休んでいる"))).hits()).isEmpty();
    assertThat(await(after.search(SearchQuery.text(""))).total()).isEqualTo(2);
    await(after.close());
  }

  @Test
  void a_redaction_whose_announcement_never_arrived_is_gone_after_the_periodic_recheck() throws Exception {
    ArchiveService running = startNode();
    ArchiveStore.Stored stored = await(store.findStored("told")).orElseThrow();
    await(store.redact(stored, PublicTexts.replace(stored.entry(), PATH, ArchiveService.REDACTED),
        new Redaction("told", PATH, "admin-1", "ご本人が特定されるとの申し出", NOW)));
    assertThat(await(running.search(SearchQuery.text(WORD))).total()).as("no announcement reached this node").isEqualTo(1);

    await(running.recheckIndex());

    assertThat(await(running.search(SearchQuery.text(WORD))).total()).isZero();
    assertThat(await(running.search(SearchQuery.text(""))).total()).isEqualTo(2);
    await(running.close());
  }

  @Test
  void an_entry_published_elsewhere_whose_announcement_never_arrived_is_found_after_the_periodic_recheck() throws Exception {
    ArchiveService running = startNode();
    await(store.insertOnce(Entries.entry("new").publishedAt("2024-06-01T00:00:00Z").wishes("囲碁会に通い続けたい").build(), "host-2"));
    assertThat(await(running.search(SearchQuery.text("囲碁会"))).total()).as("no announcement reached this node").isZero();

    await(running.recheckIndex());

    assertThat(await(running.search(SearchQuery.text("囲碁会"))).hits()).extracting(SearchResult.Hit::id).containsExactly("new");
    assertThat(await(running.search(SearchQuery.text(""))).total()).isEqualTo(3);
    await(running.close());
  }

  @Test
  void an_entry_that_cannot_be_read_does_not_keep_the_recheck_from_the_entries_after_it() throws Exception {
    ArchiveService running = startNode();
    // a stored entry that changed and no longer reads as an entry comes first in the re-check
    await(storage.mongo().updateCollection("archive", new JsonObject().put("_id", "told"),
        new JsonObject().put("$set", new JsonObject().put("person", "not a person").put("revision", 7L))));
    await(store.insertOnce(Entries.entry("new").publishedAt("2024-06-01T00:00:00Z").wishes("囲碁会に通い続けたい").build(), "host-2"));

    assertThatThrownBy(() -> await(running.recheckIndex())).hasMessageContaining("1 of 2 archive entries could not be indexed: [told]");

    assertThat(await(running.search(SearchQuery.text("囲碁会"))).hits()).extracting(SearchResult.Hit::id).containsExactly("new");
    assertThat(await(running.search(SearchQuery.text(WORD))).total()).as("what it held before the change it cannot read").isZero();
    await(running.close());
  }

  @Test
  void a_node_starts_without_an_entry_it_cannot_read_and_finds_it_again_once_it_is_repaired() throws Exception {
    await(startNode().close());
    JsonObject told = await(storage.mongo().findOne("archive", new JsonObject().put("_id", "told"), null));
    await(storage.mongo().updateCollection("archive", new JsonObject().put("_id", "told"),
        new JsonObject().put("$set", new JsonObject().put("person", "not a person").put("revision", 7L))));

    ArchiveService after = startNode();
    assertThat(await(after.search(SearchQuery.text(WORD))).total()).as("what it held before the change it cannot read").isZero();
    assertThat(await(after.search(SearchQuery.text(""))).hits()).extracting(SearchResult.Hit::id).containsExactly("other");

    await(storage.mongo().updateCollection("archive", new JsonObject().put("_id", "told"),
        new JsonObject().put("$set", new JsonObject().put("person", told.getJsonObject("person")).put("revision", 8L))));
    await(after.recheckIndex());

    assertThat(await(after.search(SearchQuery.text(WORD))).hits()).extracting(SearchResult.Hit::id).containsExactly("told");
    await(after.close());
  }

  @Test
  void an_entry_published_elsewhere_while_the_node_was_down_is_found_when_it_starts() throws Exception {
    await(startNode().close());
    await(store.insertOnce(Entries.entry("new").publishedAt("2024-06-01T00:00:00Z").wishes("囲碁会に通い続けたい").build(), "host-2"));

    ArchiveService after = startNode();
    assertThat(await(after.search(SearchQuery.text("囲碁会"))).hits()).extracting(SearchResult.Hit::id).containsExactly("new");
    await(after.close());
  }

  private ArchiveService startNode() throws Exception {
    return await(ArchiveService.create(vertx, storage, indexDir,
        new ArchiveService.Dependencies(null, null, null, null, null, Clock.fixed(NOW, ZoneOffset.UTC))));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
