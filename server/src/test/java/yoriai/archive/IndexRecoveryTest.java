package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexRecoveryTest {
  private static final List<ArchiveEntry> ENTRIES = ArchiveCorpus.generate(60, 7L).stream()
      .map(ArchiveCorpus.Generated::entry).toList();
  private static final List<SearchQuery> PROBES = List.of(SearchQuery.text(""),
      SearchQuery.text("買い物"), SearchQuery.text("独居 ごみ出し"),
      SearchQuery.text("").careLevel("要介護2"), SearchQuery.text("ヘルパー").page(2, 5));

  @TempDir
  Path dir;

  @Test
  void rebuilding_from_a_stream_reproduces_the_search_results_of_one_by_one_indexing()
      throws IOException {
    try (ArchiveIndex oneByOne = ArchiveIndex.inMemory(); ArchiveIndex rebuilt = ArchiveIndex.inMemory()) {
      for (ArchiveEntry entry : ENTRIES) {
        oneByOne.index(entry);
      }
      rebuilt.index(Entries.entry("stale").title("買い物").build());
      assertThat(rebuilt.rebuild(ENTRIES.stream())).isEqualTo(ENTRIES.size());

      for (SearchQuery probe : PROBES) {
        assertThat(rebuilt.search(probe)).as(probe.toString()).isEqualTo(oneByOne.search(probe));
      }
      assertThat(rebuilt.needsRebuild()).isFalse();
    }
  }

  @Test
  void entries_published_one_at_a_time_are_merged_into_a_few_segments() throws IOException {
    Path folder = dir.resolve("index");
    try (ArchiveIndex index = ArchiveIndex.open(folder)) {
      for (ArchiveEntry entry : ENTRIES) {
        index.index(entry);
      }
    }
    try (Directory directory = FSDirectory.open(folder); DirectoryReader reader = DirectoryReader.open(directory)) {
      assertThat(reader.numDocs()).isEqualTo(ENTRIES.size());
      assertThat(reader.leaves()).hasSizeLessThanOrEqualTo(4);
    }
  }

  @Test
  void a_rebuild_that_fails_part_way_loses_no_indexed_entry_when_the_next_one_is_published() throws IOException {
    try (ArchiveIndex index = ArchiveIndex.inMemory()) {
      index.rebuild(ENTRIES.stream());
      Stream<ArchiveEntry> failsAfterTen = Stream.concat(ENTRIES.stream().limit(10),
          Stream.generate(() -> {
            throw new IllegalStateException("store went away");
          }));

      assertThatThrownBy(() -> index.rebuild(failsAfterTen)).hasMessage("store went away");
      assertThat(index.needsRebuild()).isTrue();
      assertThat(index.search(SearchQuery.text("")).total()).isEqualTo(ENTRIES.size());

      index.index(Entries.entry("published-after").title("買い物").build());
      assertThat(index.search(SearchQuery.text("")).total()).isEqualTo(ENTRIES.size() + 1);
      for (SearchQuery probe : PROBES.subList(1, PROBES.size())) {
        assertThat(index.search(probe).total()).as(probe.toString()).isPositive();
      }
    }
  }

  @Test
  void an_entry_indexed_once_a_full_disk_has_space_again_is_found_and_nothing_committed_before_is_lost() throws IOException {
    FillingDisk disk = new FillingDisk(new ByteBuffersDirectory());
    try (ArchiveIndex index = ArchiveIndex.over(disk)) {
      index.rebuild(ENTRIES.stream());
      disk.full = true;
      assertThatThrownBy(() -> index.index(Entries.entry("while-full").title("囲碁会の送迎").build()))
          .isInstanceOf(IOException.class).hasMessageContaining("No space left");
      assertThat(index.search(SearchQuery.text("")).total()).isEqualTo(ENTRIES.size());

      disk.full = false;
      index.index(Entries.entry("after").title("囲碁会に通う").build());

      assertThat(index.search(SearchQuery.text("囲碁会")).hits()).extracting(SearchResult.Hit::id).containsExactly("after");
      assertThat(index.search(SearchQuery.text("")).total()).isEqualTo(ENTRIES.size() + 1);
      for (SearchQuery probe : PROBES.subList(1, PROBES.size())) {
        assertThat(index.search(probe).total()).as(probe.toString()).isPositive();
      }
    }
  }

  /** A directory whose new files fail as on a full disk while {@link #full} is set. */
  private static final class FillingDisk extends FilterDirectory {
    volatile boolean full;

    FillingDisk(Directory in) {
      super(in);
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
      if (full) {
        throw new IOException("No space left on device: " + name);
      }
      return super.createOutput(name, context);
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
      if (full) {
        throw new IOException("No space left on device: " + prefix);
      }
      return super.createTempOutput(prefix, suffix, context);
    }
  }

  @Test
  void a_missing_index_needs_a_rebuild_and_a_rebuilt_one_survives_reopening() throws IOException {
    Path folder = dir.resolve("archive-index");
    try (ArchiveIndex index = ArchiveIndex.open(folder)) {
      assertThat(index.needsRebuild()).isTrue();
      index.rebuild(ENTRIES.stream());
    }
    try (ArchiveIndex index = ArchiveIndex.open(folder)) {
      assertThat(index.needsRebuild()).isFalse();
      assertThat(index.search(SearchQuery.text("")).total()).isEqualTo(ENTRIES.size());
    }
  }

  @Test
  void a_damaged_index_is_detected_wiped_and_rebuilt() throws IOException {
    SearchResult before;
    try (ArchiveIndex index = ArchiveIndex.open(dir)) {
      index.rebuild(ENTRIES.stream());
      before = index.search(SearchQuery.text("買い物"));
    }
    flipBytesIn(largestFile(dir));

    try (ArchiveIndex index = ArchiveIndex.open(dir)) {
      assertThat(index.needsRebuild()).isTrue();
      assertThat(index.search(SearchQuery.text("")).total()).isZero();
      index.rebuild(ENTRIES.stream());
      assertThat(index.search(SearchQuery.text("買い物"))).isEqualTo(before);
    }
  }

  @Test
  void a_lost_commit_point_is_detected() throws IOException {
    try (ArchiveIndex index = ArchiveIndex.open(dir)) {
      index.rebuild(ENTRIES.stream());
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.write(file, new byte[] {1, 2, 3});
      }
    }
    try (ArchiveIndex index = ArchiveIndex.open(dir)) {
      assertThat(index.needsRebuild()).isTrue();
    }
  }

  private static Path largestFile(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> !f.getFileName().toString().equals("write.lock"))
          .max(Comparator.comparingLong(IndexRecoveryTest::size)).orElseThrow();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void flipBytesIn(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      long middle = raf.length() / 2;
      for (long at = middle; at < middle + 16; at++) {
        raf.seek(at);
        int b = raf.read();
        raf.seek(at);
        raf.write(b ^ 0xFF);
      }
    }
  }
}
