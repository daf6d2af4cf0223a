package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recall@10 and MRR of the labelled queries over the synthetic archive. Recall@10 of a query is
 * relevant-in-top-10 / min(10, |relevant|), so for a broad query the whole first page must be
 * relevant.
 */
class SearchQualityTest {
  static final int ENTRIES = 400;
  private static List<ArchiveCorpus.Generated> corpus;
  private static ArchiveIndex index;

  @BeforeAll
  static void indexCorpus() throws IOException {
    corpus = ArchiveCorpus.generate(ENTRIES, 20250501L);
    index = ArchiveIndex.inMemory();
    index.rebuild(corpus.stream().map(ArchiveCorpus.Generated::entry));
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  @Test
  void labelled_queries_reach_recall_at_10_of_at_least_0_9() throws IOException {
    assertThat(measure(index, corpus)[0]).isGreaterThanOrEqualTo(0.9);
  }

  /** Recall@10 and MRR of the labelled queries over {@code index}, which holds {@code corpus}; printed. */
  static double[] measure(ArchiveIndex index, List<ArchiveCorpus.Generated> corpus) throws IOException {
    double recallSum = 0;
    double reciprocalRankSum = 0;
    List<String> weak = new ArrayList<>();
    for (LabelledQueries.Labelled labelled : LabelledQueries.ALL) {
      Set<String> relevant = corpus.stream().filter(g -> g.about().containsAll(labelled.about()))
          .map(g -> g.entry().id()).collect(Collectors.toSet());
      assertThat(relevant).as("relevant entries for %s", labelled.query()).isNotEmpty();
      List<String> top = index.search(SearchQuery.text(labelled.query())).hits().stream()
          .map(SearchResult.Hit::id).toList();
      long found = top.stream().filter(relevant::contains).count();
      double recall = (double) found / Math.min(10, relevant.size());
      int firstRelevant = 0;
      for (int rank = 0; rank < top.size() && firstRelevant == 0; rank++) {
        firstRelevant = relevant.contains(top.get(rank)) ? rank + 1 : 0;
      }
      recallSum += recall;
      reciprocalRankSum += firstRelevant == 0 ? 0 : 1.0 / firstRelevant;
      System.out.printf("%-16s relevant=%3d recall@10=%.2f firstRelevant=%d%n",
          labelled.query(), relevant.size(), recall, firstRelevant);
      if (recall < 0.9) {
        weak.add(labelled.query() + "=" + recall);
      }
    }
    int n = LabelledQueries.ALL.size();
    double recallAt10 = recallSum / n;
    double mrr = reciprocalRankSum / n;
    System.out.printf("SEARCH QUALITY over %d entries, n=%d queries: recall@10=%.3f MRR=%.3f weak=%s%n",
        corpus.size(), n, recallAt10, mrr, weak);
    return new double[] {recallAt10, mrr};
  }
}
