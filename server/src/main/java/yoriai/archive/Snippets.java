package yoriai.archive;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Cuts up to two matching sentences out of an entry and marks the matched words. The highlighter
 * re-analyzes the stored text, so marks follow the same normalization and synonyms as matching.
 * Words are tried first because they mark whole words; characters catch what words missed.
 */
final class Snippets {
  static final String FIELD = "hl";
  private static final int PASSAGES = 2;
  private static final int FALLBACK_CHARS = 120;

  private final UnifiedHighlighter highlighter;
  private final ArchiveQueries queries;

  Snippets(Analyzer indexAnalyzer, ArchiveQueries queries) {
    this.queries = queries;
    this.highlighter = UnifiedHighlighter.builderWithoutSearcher(indexAnalyzer)
        .withBreakIterator(() -> new CustomSeparatorBreakIterator('\n'))
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
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
    String start = source.length() <= FALLBACK_CHARS ? source : source.substring(0, FALLBACK_CHARS) + "…";
    return escape(start.replace('\n', ' '));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#x27;");
  }
}
