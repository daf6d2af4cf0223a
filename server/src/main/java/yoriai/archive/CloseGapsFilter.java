package yoriai.archive;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Closes the holes left by removed particles, on the index and the query side alike, so 通いの場
 * is the two adjacent words 通い 場. Synonym rules may then contain particles (a synonym graph
 * cannot have holes), and phrases still match exactly.
 */
final class CloseGapsFilter extends TokenFilter {
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

  CloseGapsFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (increment.getPositionIncrement() > 1) {
      increment.setPositionIncrement(1);
    }
    return true;
  }
}
