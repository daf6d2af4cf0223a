package yoriai.archive;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not part of the suite: ranks both tuning sets (the TUNING sentences and the word variants) under each
 * candidate weighting and prints one line per candidate, which is how the weights of
 * {@link ArchiveQueries.Weights#ARCHIVE} were chosen (decision "Sentence search"). Run with
 * {@code mvn -o -q -pl server test -Dtest=RankingTuning -Dtune=true}.
 */
@EnabledIfSystemProperty(named = "tune", matches = "true")
class RankingTuning {
  private static final String T = ArchiveDocuments.TITLE;
  private static final String B = ArchiveDocuments.BODY;
  private static final String A = ArchiveDocuments.ACTIVITIES;
  private static final String P = ArchiveDocuments.PROPOSALS;
  private static final String S = ArchiveDocuments.SUMMARY;
  private static final String D = ArchiveDocuments.DISCUSSION;

  @Test
  void print_the_figures_of_each_candidate_weighting() throws IOException {
    List<ArchiveCorpus.Generated> variants = ArchiveCorpus.generate(SearchQualityTest.ENTRIES, 20250501L);
    List<ArchiveEntry> sentences = ArchiveCorpus.withHandWritten(SentenceSearchTest.SYNTHETIC, 20250501L);
    Map<String, ArchiveQueries.Weights> candidates = new LinkedHashMap<>();
    candidates.put("no boosts, no proximity", w(Map.of(), 0, 0, 0.5f));
    candidates.put("title 4 body 2 (before)", w(Map.of(T, 4f, B, 2f), 0, 0, 0.5f));
    candidates.put("title 4 body 2 prox 1/3", w(Map.of(T, 4f, B, 2f), 1, 3, 0.5f));
    candidates.put("title 2 body 1 prox 1/3", w(Map.of(T, 2f, B, 1f), 1, 3, 0.5f));
    candidates.put("title 4 act 2 prop 1 sum 1 disc 0.5 prox 1/3", w(Map.of(T, 4f, A, 2f, P, 1f, S, 1f, D, 0.5f), 1, 3, 0.5f));
    candidates.put("title 2 act 2 prop 1 sum 1 prox 1/3", w(Map.of(T, 2f, A, 2f, P, 1f, S, 1f), 1, 3, 0.5f));
    candidates.put("title 2 act 3 prop 1 sum 0.5 prox 1/3", w(Map.of(T, 2f, A, 3f, P, 1f, S, 0.5f), 1, 3, 0.5f));
    candidates.put("title 2 act 2 prop 1 sum 1 prox 2/3", w(Map.of(T, 2f, A, 2f, P, 1f, S, 1f), 2, 3, 0.5f));
    candidates.put("title 2 act 2 prop 1 sum 1 prox 1/0", w(Map.of(T, 2f, A, 2f, P, 1f, S, 1f), 1, 0, 0.5f));
    candidates.put("title 2 act 2 prop 1 sum 1 prox 1/3 share 0.4", w(Map.of(T, 2f, A, 2f, P, 1f, S, 1f), 1, 3, 0.4f));
    candidates.put("title 2 act 2 prop 1 sum 1 prox 1/3 share 0.6", w(Map.of(T, 2f, A, 2f, P, 1f, S, 1f), 1, 3, 0.6f));
    candidates.put("title 2 act 2 prop 1 sum 1 prox 1/3 share 0.7", w(Map.of(T, 2f, A, 2f, P, 1f, S, 1f), 1, 3, 0.7f));
    candidates.put("title 4 body 2 act 2 prop 1 sum 1 prox 1/3", w(Map.of(T, 4f, B, 2f, A, 2f, P, 1f, S, 1f), 1, 3, 0.5f));
    candidates.put("title 4 body 2 prox 1/3 share 0.6", w(Map.of(T, 4f, B, 2f), 1, 3, 0.6f));
    candidates.put("title 2 body 1 prox 1/3 share 0.6", w(Map.of(T, 2f, B, 1f), 1, 3, 0.6f));
    candidates.put("title 2 act 2 prop 1 sum 1 share 0.6 no prox", w(Map.of(T, 2f, A, 2f, P, 1f, S, 1f), 0, 0, 0.6f));
    candidates.put("no boosts prox 1/3 share 0.6", w(Map.of(), 1, 3, 0.6f));
    candidates.put("title 2 act 2 prop 1 sum 1 prox 1/3 share 0.5", w(Map.of(T, 2f, A, 2f, P, 1f, S, 1f), 1, 3, 0.5f));
    candidates.put("title 2 act 2 prop 1 sum 1 prox 1/3 share 0.34", w(Map.of(T, 2f, A, 2f, P, 1f, S, 1f), 1, 3, 0.34f));
    candidates.put("title 2 act 2 prop 1 sum 1 prox 1/3 share 0.2", w(Map.of(T, 2f, A, 2f, P, 1f, S, 1f), 1, 3, 0.2f));
    for (float paraphrase : new float[] {0.25f, 0.5f, 0.75f, 1f}) {
      candidates.put("title 2 act 2 prop 1 sum 1 prox 1/3 share 0.34 paraphrase " + paraphrase,
          new ArchiveQueries.Weights(Map.of(T, 2f, A, 2f, P, 1f, S, 1f), 1, 3, 0.34f, paraphrase));
    }
    StringBuilder table = new StringBuilder();
    for (Map.Entry<String, ArchiveQueries.Weights> candidate : candidates.entrySet()) {
      double[] sentence;
      double[] variant;
      try (ArchiveIndex index = ArchiveIndex.inMemory(candidate.getValue())) {
        index.rebuild(sentences.stream());
        sentence = SentenceSearchTest.measure(index, "TUNING", SentenceCases.TUNING);
      }
      try (ArchiveIndex index = ArchiveIndex.inMemory(candidate.getValue())) {
        index.rebuild(variants.stream().map(ArchiveCorpus.Generated::entry));
        variant = SearchQualityTest.measure(index, variants);
      }
      table.append(String.format("| %s | %.3f | %.3f | %.3f | %.3f | %.3f |%n", candidate.getKey(),
          sentence[0], sentence[1], sentence[2], variant[0], variant[1]));
    }
    System.out.println("TUNING | weights | top-1 | MRR | recall@10 | variants recall@10 | variants MRR |\n" + table);
  }

  private static ArchiveQueries.Weights w(Map<String, Float> fields, float proximity, int slop, float share) {
    return new ArchiveQueries.Weights(fields, proximity, slop, share, ArchiveQueries.Weights.ARCHIVE.paraphrase());
  }
}
