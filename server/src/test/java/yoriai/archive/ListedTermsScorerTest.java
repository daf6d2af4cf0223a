package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

class ListedTermsScorerTest {
  private static final List<String> WORDS = List.of("買物", "掃除", "通院", "家族", "ごみ");

  /** One hit of a passage: which word, how often the entry holds it, where in the passage. */
  record Hit(int word, int inEntry, int at) {}

  @Provide
  Arbitrary<List<Hit>> hits() {
    return Combinators.combine(Arbitraries.integers().between(0, WORDS.size() - 1),
            Arbitraries.integers().between(1, 30), Arbitraries.integers().between(0, 100))
        .as(Hit::new).list().ofMaxSize(12);
  }

  @Property
  void scores_every_passage_exactly_as_lucenes_own_scorer(@ForAll("hits") List<Hit> hits,
      @ForAll @IntRange(max = 2000) int start, @ForAll @IntRange(min = 101, max = 400) int length,
      @ForAll @IntRange(max = 5000) int after) {
    Passage passage = new Passage();
    passage.setStartOffset(start);
    passage.setEndOffset(start + length);
    hits.stream().sorted((a, b) -> Integer.compare(a.at(), b.at())).forEach(hit ->
        passage.addMatch(start + hit.at(), start + hit.at() + 1, new BytesRef(WORDS.get(hit.word())), hit.inEntry()));
    int contentLength = start + length + after;

    assertThat(new ListedTermsScorer().score(passage, contentLength))
        .isEqualTo(new PassageScorer().score(passage, contentLength));
  }
}
