package yoriai.archive;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Cuts up to two passages of about {@value #PASSAGE_CHARS} characters out of an entry, each
 * centred on a hit so the words around it show, and marks the matched words. The highlighter
 * re-analyzes the stored text, so marks follow the same normalization and synonyms as matching.
 * Words are tried first because they mark whole words; characters catch what words missed.
 */
final class Snippets {
  static final String FIELD = "hl";
  static final int PASSAGE_CHARS = 80;
  private static final int PASSAGES = 2;
  private static final int FALLBACK_CHARS = 120;
  private static final String LINE_BREAK = " / ";
  private static final String CUT = "…";

  private final UnifiedHighlighter highlighter;
  private final ArchiveQueries queries;

  Snippets(Analyzer indexAnalyzer, ArchiveQueries queries) {
    this.queries = queries;
    this.highlighter = UnifiedHighlighter.builderWithoutSearcher(indexAnalyzer)
        .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
            BreakIterator.getCharacterInstance(Locale.JAPANESE), PASSAGE_CHARS, 0.5f))
        .withFormatter(new Marked())
        .withMaxNoHighlightPassages(0)
        .withMaxLength(Integer.MAX_VALUE - 1)
        .build();
  }

  String snippet(ArchiveEntry entry, String text) throws IOException {
    String source = ArchiveDocuments.snippetSource(entry);
    if (!ArchiveQueries.terms(text).isEmpty()) {
      for (String suffix : new String[] {FieldAnalyzer.WORDS, FieldAnalyzer.BIGRAMS}) {
        String field = FIELD + suffix;
        Object marked = highlighter.highlightWithoutSearcher(
            field, queries.forField(FIELD, text), source, PASSAGES);
        if (marked != null && marked.toString().contains("<mark>")) {
          return marked.toString();
        }
      }
    }
    String start = source.length() <= FALLBACK_CHARS ? source : source.substring(0, FALLBACK_CHARS) + CUT;
    return escape(start.replace("\n", LINE_BREAK));
  }

  /**
   * Escaped text with {@code <mark>} around each hit, the entry's lines joined by
   * {@value #LINE_BREAK}, and {@value #CUT} where a passage cuts into the text.
   */
  private static final class Marked extends PassageFormatter {
    @Override
    public String format(Passage[] passages, String content) {
      StringBuilder out = new StringBuilder();
      int end = 0;
      for (Passage passage : passages) {
        if (passage.getStartOffset() > end || (out.isEmpty() && passage.getStartOffset() > 0)) {
          out.append(out.isEmpty() ? CUT : " " + CUT + " ");
        }
        int at = passage.getStartOffset();
        for (int i = 0; i < passage.getNumMatches(); i++) {
          int matchStart = Math.max(at, passage.getMatchStarts()[i]);
          int matchEnd = Math.min(passage.getEndOffset(), passage.getMatchEnds()[i]);
          if (matchEnd <= matchStart) {
            continue;
          }
          out.append(plain(content, at, matchStart)).append("<mark>").append(plain(content, matchStart, matchEnd))
              .append("</mark>");
          at = matchEnd;
        }
        out.append(plain(content, at, passage.getEndOffset()));
        end = passage.getEndOffset();
      }
      if (end < content.length()) {
        out.append(CUT);
      }
      return out.toString().replace("</mark><mark>", "");
    }

    private static String plain(String content, int start, int end) {
      return escape(content.substring(start, end).replace("\n", LINE_BREAK));
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#x27;");
  }
}
