package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labelled sentences of {@link SentenceCases} over the synthetic archive with the hand-written
 * cases mixed in: top-1 (the intended case first), MRR and recall@10 (the intended case on the
 * first page).
 */
class SentenceSearchTest {
  static final int SYNTHETIC = 400;
  private static ArchiveIndex index;

  @BeforeAll
  static void indexCorpus() throws IOException {
    index = ArchiveIndex.inMemory();
    index.rebuild(ArchiveCorpus.withHandWritten(SYNTHETIC, 20250501L).stream());
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  /** Top-1, MRR and recall@10 of {@code queries} over {@code index}, printed with every miss. */
  static double[] measure(ArchiveIndex index, List<SentenceCases.Labelled> queries) throws IOException {
    int top1 = 0;
    int inTop10 = 0;
    double reciprocalRanks = 0;
    List<String> misses = new ArrayList<>();
    for (SentenceCases.Labelled labelled : queries) {
      List<String> top = index.search(SearchQuery.text(labelled.query())).hits().stream()
          .map(SearchResult.Hit::id).toList();
      int rank = top.indexOf(labelled.caseId()) + 1;
      top1 += rank == 1 ? 1 : 0;
      inTop10 += rank >= 1 ? 1 : 0;
      reciprocalRanks += rank >= 1 ? 1.0 / rank : 0;
      if (rank != 1) {
        misses.add(labelled.query() + " → rank " + rank + " " + top.stream().limit(3).toList());
      }
    }
    int n = queries.size();
    double[] figures = {(double) top1 / n, reciprocalRanks / n, (double) inTop10 / n};
    System.out.printf("SENTENCE SEARCH n=%d queries: top-1=%.3f MRR=%.3f recall@10=%.3f%n", n,
        figures[0], figures[1], figures[2]);
    misses.forEach(miss -> System.out.println("  miss: " + miss));
    return figures;
  }

  @Test
  void a_coordinators_sentence_finds_its_case_first() throws IOException {
    assertThat(SentenceCases.QUERIES).hasSizeGreaterThanOrEqualTo(60);
    assertThat(SentenceCases.QUERIES).allSatisfy(labelled -> assertThat(SentenceCases.ENTRIES)
        .anyMatch(entry -> entry.id().equals(labelled.caseId())));

    double[] figures = measure(index, SentenceCases.QUERIES);

    assertThat(figures[0]).as("top-1").isGreaterThanOrEqualTo(0.8);
    assertThat(figures[1]).as("MRR").isGreaterThanOrEqualTo(0.85);
  }
}
