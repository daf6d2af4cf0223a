package yoriai.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Not a test: indexes generated entries into an on-disk temp folder and reports the indexing rate
 * and query latency (including snippets and facets) over the labelled queries. Run from the
 * repository root:
 *
 * <pre>
 * mvn -q -o -pl server test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp server/target/test-classes:server/target/classes:$(cat server/target/cp.txt) \
 *     yoriai.archive.ArchiveSearchBench 10000 100000
 * </pre>
 */
public final class ArchiveSearchBench {
  private static final int REPETITIONS = 20;
  private static final int ONE_BY_ONE = 300;

  private ArchiveSearchBench() {}

  public static void main(String[] args) throws IOException {
    int[] sizes = args.length == 0 ? new int[] {10_000}
        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    for (int size : sizes) {
      run(size);
    }
  }

  private static void run(int size) throws IOException {
    List<ArchiveEntry> entries = ArchiveCorpus.generate(size, 42L).stream()
        .map(ArchiveCorpus.Generated::entry).toList();
    Path folder = Files.createTempDirectory("archive-bench");
    try (ArchiveIndex index = ArchiveIndex.open(folder)) {
      long start = System.nanoTime();
      index.rebuild(entries.stream());
      double bulkSeconds = (System.nanoTime() - start) / 1e9;

      start = System.nanoTime();
      for (ArchiveEntry entry : entries.subList(0, ONE_BY_ONE)) {
        index.index(entry);
      }
      double singleSeconds = (System.nanoTime() - start) / 1e9;

      for (LabelledQueries.Labelled warmUp : LabelledQueries.ALL) {
        index.search(SearchQuery.text(warmUp.query()));
      }
      List<Long> micros = new ArrayList<>();
      for (int r = 0; r < REPETITIONS; r++) {
        for (LabelledQueries.Labelled labelled : LabelledQueries.ALL) {
          long t = System.nanoTime();
          index.search(SearchQuery.text(labelled.query()));
          micros.add((System.nanoTime() - t) / 1000);
        }
      }
      micros.sort(Comparator.naturalOrder());
      System.out.printf(
          "entries=%d rebuild=%.0f entries/s (%.1f s) index()+commit=%.0f entries/s "
              + "queries=%d p50=%.2f ms p95=%.2f ms max=%.2f ms index size=%.1f MB%n",
          size, size / bulkSeconds, bulkSeconds, ONE_BY_ONE / singleSeconds, micros.size(),
          percentile(micros, 50) / 1000.0, percentile(micros, 95) / 1000.0,
          micros.get(micros.size() - 1) / 1000.0, folderBytes(folder) / 1e6);
    } finally {
      deleteRecursively(folder);
    }
  }

  private static long percentile(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static long folderBytes(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
