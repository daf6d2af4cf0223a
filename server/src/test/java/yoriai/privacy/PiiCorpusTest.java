package yoriai.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the detector on privacy/pii-corpus.tsv: care-meeting sentences written for the project,
 * each labelled with one kind of personal data and the exact text of it, or CLEAN. A labelled
 * sentence is recalled when a finding of its kind overlaps the labelled text; a clean sentence is a
 * false positive when anything at all is found (per kind: when a finding of that kind is found).
 * The figures printed here are the ones in docs/privacy.md.
 */
class PiiCorpusTest {

  private record Labelled(Optional<PiiKind> kind, String sentence, int start, int end) {}

  private static final PiiDetector DETECTOR = new PiiDetector();
  private static List<Labelled> corpus;

  @BeforeAll
  static void readCorpus() throws IOException {
    try (InputStream in = PiiCorpusTest.class.getResourceAsStream("/privacy/pii-corpus.tsv")) {
      assertThat(in).as("privacy/pii-corpus.tsv on the test class path").isNotNull();
      corpus = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .skip(1)
          .filter(line -> !line.isBlank())
          .map(PiiCorpusTest::parse)
          .toList();
    }
  }

  @Test
  void the_corpus_has_at_least_200_labelled_sentences_with_15_of_each_kind_and_100_clean_ones() {
    assertThat(corpus.stream().filter(s -> s.kind().isPresent())).hasSizeGreaterThanOrEqualTo(200);
    assertThat(corpus.stream().filter(s -> s.kind().isEmpty())).hasSizeGreaterThanOrEqualTo(100);
    for (PiiKind kind : PiiKind.values()) {
      assertThat(corpus.stream().filter(s -> s.kind().equals(Optional.of(kind)))).as(kind.code()).hasSizeGreaterThanOrEqualTo(15);
    }
  }

  @Test
  void recall_is_at_least_98_percent_overall_and_95_percent_per_kind_with_at_most_2_percent_false_positives() {
    Map<PiiKind, int[]> hitsAndTotals = new EnumMap<>(PiiKind.class);
    Map<PiiKind, Integer> falsePositivesByKind = new EnumMap<>(PiiKind.class);
    int hits = 0;
    int labelled = 0;
    int clean = 0;
    int falsePositives = 0;
    for (Labelled s : corpus) {
      List<PiiFinding> findings = DETECTOR.scan("s", s.sentence(), Set.of());
      if (s.kind().isPresent()) {
        PiiKind kind = s.kind().get();
        boolean hit = findings.stream().anyMatch(f -> f.kind() == kind && f.start() < s.end() && s.start() < f.end());
        int[] counts = hitsAndTotals.computeIfAbsent(kind, k -> new int[2]);
        counts[0] += hit ? 1 : 0;
        counts[1]++;
        hits += hit ? 1 : 0;
        labelled++;
        if (!hit) {
          System.out.println("missed " + kind.code() + ": " + s.sentence() + " found " + describe(s.sentence(), findings));
        }
      } else {
        clean++;
        if (!findings.isEmpty()) {
          falsePositives++;
          findings.stream().map(PiiFinding::kind).distinct().forEach(k -> falsePositivesByKind.merge(k, 1, Integer::sum));
          System.out.println("false positive: " + s.sentence() + " found " + describe(s.sentence(), findings));
        }
      }
    }
    for (PiiKind kind : PiiKind.values()) {
      int[] counts = hitsAndTotals.getOrDefault(kind, new int[2]);
      System.out.printf(Locale.ROOT, "%-22s recall %.3f (%d/%d)  false positives %.3f (%d/%d)%n", kind.code(),
          ratio(counts[0], counts[1]), counts[0], counts[1],
          ratio(falsePositivesByKind.getOrDefault(kind, 0), clean), falsePositivesByKind.getOrDefault(kind, 0), clean);
    }
    double recall = ratio(hits, labelled);
    double falsePositiveRate = ratio(falsePositives, clean);
    System.out.printf(Locale.ROOT, "%-22s recall %.3f (%d/%d)  false positives %.3f (%d/%d)%n",
        "overall", recall, hits, labelled, falsePositiveRate, falsePositives, clean);

    assertThat(recall).isGreaterThanOrEqualTo(0.98);
    hitsAndTotals.forEach((kind, counts) ->
        assertThat(ratio(counts[0], counts[1])).as("recall of " + kind.code()).isGreaterThanOrEqualTo(0.95));
    assertThat(falsePositiveRate).isLessThanOrEqualTo(0.02);
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  private static List<String> describe(String sentence, List<PiiFinding> findings) {
    return findings.stream().map(f -> f.kind().code() + "=" + sentence.substring(f.start(), f.end())).toList();
  }

  private static Labelled parse(String line) {
    String[] columns = line.split("\t", -1);
    if (columns[0].equals("CLEAN")) {
      return new Labelled(Optional.empty(), columns[1], 0, 0);
    }
    int start = columns[1].indexOf(columns[2]);
    assertThat(start).as("labelled text %s occurs in %s", columns[2], columns[1]).isNotNegative();
    return new Labelled(Optional.of(PiiKind.valueOf(columns[0].toUpperCase(Locale.ROOT))), columns[1],
        start, start + columns[2].length());
  }
}
