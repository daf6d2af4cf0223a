package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yoriai.shared.PublicTexts;
import yoriai.storage.Storage;

/** Exports read the entries from MongoDB: a redaction an index has not caught up with is never handed out. */
class ExportAfterRedactionTest {
  private static final Instant NOW = Instant.parse("2026-12-01T01:00:00Z");
  private static final String WORD = "青瓦荘";

  private Vertx vertx;
  private Storage storage;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    storage = await(Storage.open(vertx, Optional.empty(), Files.createTempDirectory("yoriai-export-"), new SimpleMeterRegistry()));
  }

  @AfterEach
  void stop() throws Exception {
    await(storage.close(vertx));
    await(vertx.close());
  }

  @Test
  void an_export_after_a_redaction_the_index_has_not_seen_has_the_marker_not_the_text_in_the_search_order() throws Exception {
    ArchiveStore store = await(MongoArchiveStore.create(storage));
    await(store.insertOnce(Entries.entry("older").publishedAt("2024-04-01T00:00:00Z").build(), "host-1"));
    await(store.insertOnce(Entries.entry("newer").publishedAt("2024-05-01T00:00:00Z")
        .remark("毎週火曜に" + WORD + "の前の坂で休んでいる方です").build(), "host-1"));
    Path indexDir = Files.createTempDirectory("yoriai-export-index-");
    ArchiveService archive = await(ArchiveService.create(vertx, storage, indexDir,
        new ArchiveService.Dependencies(null, null, null, null, null, Clock.fixed(NOW, ZoneOffset.UTC))));
    assertThat(texts(await(archive.export(SearchQuery.text(""), ArchiveService.EXPORT_LIMIT)))).anyMatch(text -> text.contains(WORD));

    // As a redaction on another node, whose message this node's index has not handled yet.
    ArchiveStore.Stored stored = await(store.findStored("newer")).orElseThrow();
    String path = "discussion[seq=1].text";
    await(store.redact(stored, PublicTexts.replace(stored.entry(), path, ArchiveService.REDACTED),
        new Redaction("newer", path, "admin-1", "ご本人が特定されるとの申し出", NOW)));
    List<ArchiveEntry> exported = await(archive.export(SearchQuery.text(""), ArchiveService.EXPORT_LIMIT));

    assertThat(exported).extracting(ArchiveEntry::id).containsExactly("newer", "older");
    assertThat(texts(exported)).noneMatch(text -> text.contains(WORD)).contains(ArchiveService.REDACTED);
    await(archive.close());
  }

  private static List<String> texts(List<ArchiveEntry> entries) {
    return entries.stream().flatMap(entry -> PublicTexts.of(entry).values().stream()).toList();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
