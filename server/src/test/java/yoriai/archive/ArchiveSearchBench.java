package yoriai.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Not a test: indexes generated entries into an on-disk temp folder and reports the indexing rate
 * and query latency (including snippets and facets), once over the labelled word queries and once
 * over situational sentences as coordinators type them: in steady state after
 * {@value #WARM_UP_PASSES} warm-up passes over both, and for the first of those passes, right after
 * the start, apart (decision 131). {@code scripts/bench} runs it and parses the {@code queries=}
 * and {@code first=} lines; by hand, from the repository root after {@code scripts/bench} (or
 * any build that wrote {@code server/target/bench-cp.txt}):
 *
 * <pre>
 * java -cp server/target/test-classes:server/target/classes:$(cat server/target/bench-cp.txt) \
 *     yoriai.archive.ArchiveSearchBench 10000 100000
 * </pre>
 */
public final class ArchiveSearchBench {
  private static final int REPETITIONS = 20;
  private static final int WARM_UP_PASSES = 5;
  private static final int ONE_BY_ONE = 300;

  /** Written for the benchmark: the situation, not a keyword; many share no word with any entry. */
  static final List<String> SENTENCES = List.of(
      "布団の上げ下ろしがつらくなった",
      "銀行まで行けず年金を下ろせない",
      "庭の草むしりができず近所の目が気になる",
      "重い荷物を持って帰れないので買い物に行かなくなった",
      "浴槽をまたぐのが怖くてお風呂に入れない",
      "火の始末が心配で料理をしなくなった",
      "ごみを集積所まで運べず家にたまっている",
      "足が弱ってサロンに通えなくなった",
      "一人暮らしで薬を飲み忘れることが増えた",
      "坂道が多くてバスの乗り降りが不安",
      "通帳の管理ができなくなり家族が心配している",
      "洗濯物を干すのが大変になってきた",
      "夫婦とも高齢で食事の支度が負担になっている",
      "物忘れが増えて一人で出かけるのが心配",
      "転んで骨折してから外に出るのが怖くなった",
      "近くに店がなく移動販売が来てくれると助かる",
      "デイサービスに行きたがらず日中ずっと家にいる",
      "夕方に使える移動手段がなく通院が続けられない",
      "浴室の掃除が難しく風呂場が汚れたままになっている",
      "ヘルパーが来ない日は食事をとらないことがある",
      "配食サービスを頼みたいが申し込み方法が分からない");

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
      System.out.printf(Locale.ROOT, "entries=%d rebuild=%.0f entries/s (%.1f s) index()+commit=%.0f entries/s index size=%.1f MB%n",
          size, size / bulkSeconds, bulkSeconds, ONE_BY_ONE / singleSeconds, folderBytes(folder) / 1e6);

      List<String> words = LabelledQueries.ALL.stream().map(LabelledQueries.Labelled::query).toList();
      print("first", "words", size, timed(index, words, 1));
      print("first", "sentences", size, timed(index, SENTENCES, 1));
      for (int pass = 1; pass < WARM_UP_PASSES; pass++) {
        timed(index, words, 1);
        timed(index, SENTENCES, 1);
      }
      print("queries", "words", size, timed(index, words, REPETITIONS));
      print("queries", "sentences", size, timed(index, SENTENCES, REPETITIONS));
    } finally {
      deleteRecursively(folder);
    }
  }

  /** The time of each search, in microseconds and sorted, over {@code passes} passes over the queries. */
  private static List<Long> timed(ArchiveIndex index, List<String> queries, int passes) throws IOException {
    List<Long> micros = new ArrayList<>();
    for (int r = 0; r < passes; r++) {
      for (String query : queries) {
        long t = System.nanoTime();
        index.search(SearchQuery.text(query));
        micros.add((System.nanoTime() - t) / 1000);
      }
    }
    micros.sort(Comparator.naturalOrder());
    return micros;
  }

  private static void print(String label, String kind, int size, List<Long> micros) {
    System.out.printf(Locale.ROOT, "%s=%s entries=%d count=%d p50=%.2f ms p95=%.2f ms max=%.2f ms%n", label, kind, size,
        micros.size(), percentile(micros, 50) / 1000.0, percentile(micros, 95) / 1000.0,
        micros.get(micros.size() - 1) / 1000.0);
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
