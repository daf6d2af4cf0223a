package yoriai.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Measures the detector against privacy/corpus.tsv, a hand-written, labelled set of care-meeting
 * sentences. A PII sentence is detected when every expected kind is found; a clean sentence is a
 * false positive when anything at all is found.
 */
class PiiDetectorAccuracyTest {

  private record LabelledSentence(boolean pii, Set<PiiKind> kinds, String sentence) {}

  private final PiiDetector detector = new PiiDetector();

  @Test
  void recall_is_at_least_98_percent_and_false_positives_at_most_5_percent_on_the_corpus() throws IOException {
    List<LabelledSentence> corpus = readCorpus();
    List<LabelledSentence> pii = corpus.stream().filter(LabelledSentence::pii).toList();
    List<LabelledSentence> clean = corpus.stream().filter(s -> !s.pii()).toList();

    List<LabelledSentence> missed = pii.stream().filter(s -> !kindsFound(s.sentence()).containsAll(s.kinds())).toList();
    List<LabelledSentence> flagged = clean.stream().filter(s -> !detector.scan("s", s.sentence(), Set.of()).isEmpty()).toList();
    double recall = 1.0 - (double) missed.size() / pii.size();
    double falsePositiveRate = (double) flagged.size() / clean.size();

    System.out.printf(Locale.ROOT, "PII recall %.3f (n=%d), clean false-positive rate %.3f (n=%d)%n",
        recall, pii.size(), falsePositiveRate, clean.size());
    missed.forEach(s -> System.out.println("missed: " + s.sentence() + " expected " + s.kinds() + " found " + kindsFound(s.sentence())));
    flagged.forEach(s -> System.out.println("false positive: " + s.sentence() + " " + detector.scan("s", s.sentence(), Set.of())));

    assertThat(pii).hasSizeGreaterThanOrEqualTo(120);
    assertThat(clean).hasSizeGreaterThanOrEqualTo(120);
    assertThat(recall).isGreaterThanOrEqualTo(0.98);
    assertThat(falsePositiveRate).isLessThanOrEqualTo(0.05);
  }

  private Set<PiiKind> kindsFound(String sentence) {
    return detector.scan("s", sentence, Set.of()).stream().map(PiiFinding::kind).collect(Collectors.toSet());
  }

  private static List<LabelledSentence> readCorpus() throws IOException {
    try (InputStream in = PiiDetectorAccuracyTest.class.getResourceAsStream("/privacy/corpus.tsv")) {
      assertThat(in).as("privacy/corpus.tsv on the test class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .skip(1)
          .filter(line -> !line.isBlank())
          .map(PiiDetectorAccuracyTest::parse)
          .toList();
    }
  }

  private static LabelledSentence parse(String line) {
    String[] columns = line.split("\t", 3);
    Set<PiiKind> kinds = Arrays.stream(columns[1].split(","))
        .filter(code -> !code.isBlank())
        .map(code -> PiiKind.valueOf(code.trim().toUpperCase(Locale.ROOT)))
        .collect(Collectors.toSet());
    return new LabelledSentence(columns[0].equals("pii"), kinds, columns[2]);
  }
}
