package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class AdjacentPairsFilterTest {

  @Test
  void a_token_stacked_on_another_pairs_with_each_neighbour_at_the_first_ones_position() throws IOException {
    List<String> pairs = pairs(new Given("一人", 1), new Given("暮らし", 1), new Given("くらし", 0), new Given("支援", 1));

    assertThat(pairs).containsExactly(
        "0 " + AdjacentPairsFilter.pair("一人", "暮らし"), "0 " + AdjacentPairsFilter.pair("一人", "くらし"),
        "1 " + AdjacentPairsFilter.pair("暮らし", "支援"), "1 " + AdjacentPairsFilter.pair("くらし", "支援"));
  }

  @Test
  void tokens_apart_are_not_paired_and_a_pair_keeps_its_place() throws IOException {
    List<String> pairs = pairs(new Given("布団", 1), new Given("上げ", 2), new Given("下ろし", 1));

    assertThat(pairs).containsExactly("2 " + AdjacentPairsFilter.pair("上げ", "下ろし"));
  }

  @Test
  void one_token_has_no_pair() throws IOException {
    assertThat(pairs(new Given("独居", 1))).isEmpty();
  }

  private record Given(String text, int increment) {}

  /** Each pair as "position text", the filter read twice to show it starts over on reset. */
  private static List<String> pairs(Given... tokens) throws IOException {
    AdjacentPairsFilter filter = new AdjacentPairsFilter(new Canned(tokens));
    List<String> first = read(filter);
    assertThat(read(filter)).isEqualTo(first);
    return first;
  }

  private static List<String> read(TokenStream stream) throws IOException {
    List<String> out = new ArrayList<>();
    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
    PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
    stream.reset();
    int position = -1;
    while (stream.incrementToken()) {
      position += increment.getPositionIncrement();
      out.add(position + " " + term);
    }
    stream.end();
    stream.close();
    return out;
  }

  private static final class Canned extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final Given[] tokens;
    private int next;

    Canned(Given... tokens) {
      this.tokens = tokens;
    }

    @Override
    public boolean incrementToken() {
      if (next == tokens.length) {
        return false;
      }
      clearAttributes();
      term.append(tokens[next].text());
      increment.setPositionIncrement(tokens[next].increment());
      next++;
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }
  }
}
