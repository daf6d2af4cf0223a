package yoriai.archive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Every two tokens at neighbouring positions as one token, at the first one's position, so an exact
 * phrase of two words is one term and a phrase of n words a phrase of n - 1 pairs (decision 119).
 * Tokens stacked at one position (Kuromoji's compound and its parts) pair with every token before
 * and after them, so the pairs find exactly the entries the phrase finds.
 */
final class AdjacentPairsFilter extends TokenFilter {
  private static final char SEPARATOR = '\u001f';

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private Iterator<Pair> pairs;
  private int lastPosition;

  AdjacentPairsFilter(TokenStream input) {
    super(input);
  }

  /** The token a pair field holds for {@code first} followed by {@code second}. */
  static String pair(String first, String second) {
    return first + SEPARATOR + second;
  }

  private record Pair(String text, int position) {}

  @Override
  public boolean incrementToken() throws IOException {
    if (pairs == null) {
      pairs = readPairs().iterator();
    }
    if (!pairs.hasNext()) {
      return false;
    }
    Pair next = pairs.next();
    clearAttributes();
    term.setEmpty().append(next.text());
    increment.setPositionIncrement(next.position() - lastPosition);
    lastPosition = next.position();
    return true;
  }

  private List<Pair> readPairs() throws IOException {
    TreeMap<Integer, List<String>> byPosition = new TreeMap<>();
    int position = -1;
    while (input.incrementToken()) {
      position += increment.getPositionIncrement();
      byPosition.computeIfAbsent(position, p -> new ArrayList<>()).add(term.toString());
    }
    List<Pair> out = new ArrayList<>();
    for (Map.Entry<Integer, List<String>> at : byPosition.entrySet()) {
      List<String> before = byPosition.get(at.getKey() - 1);
      if (before != null) {
        for (String first : before) {
          for (String second : at.getValue()) {
            out.add(new Pair(pair(first, second), at.getKey() - 1));
          }
        }
      }
    }
    return out;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pairs = null;
    lastPosition = -1;
  }
}
