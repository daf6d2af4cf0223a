package yoriai.archive;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns what a person types into a Lucene query. Whitespace separates terms and every term must
 * match somewhere in the entry, either as words (with synonyms) or as a run of characters. The
 * title and the case sheet add score on top, so a hit in the title ranks above one in the case
 * sheet, which ranks above one only in the discussion.
 */
final class ArchiveQueries {
  private static final float TITLE_BOOST = 4f;
  private static final float BODY_BOOST = 2f;

  private final QueryBuilder words;
  private final QueryBuilder bigrams;

  ArchiveQueries(Analyzer wordQueryAnalyzer, Analyzer bigramAnalyzer) {
    words = new QueryBuilder(wordQueryAnalyzer);
    words.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    bigrams = new QueryBuilder(bigramAnalyzer);
  }

  static List<String> terms(String text) {
    if (text == null) {
      return List.of();
    }
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split("\\s+"));
  }

  /** Returns null for a blank text: the caller lists everything instead. */
  Query parse(String text) {
    List<String> terms = terms(text);
    if (terms.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String term : terms) {
      query.add(match(ArchiveDocuments.ALL, term), Occur.MUST);
      query.add(new BoostQuery(match(ArchiveDocuments.TITLE, term), TITLE_BOOST), Occur.SHOULD);
      query.add(new BoostQuery(match(ArchiveDocuments.BODY, term), BODY_BOOST), Occur.SHOULD);
    }
    return query.build();
  }

  /** The same matching as {@link #parse} against one field pair, for highlighting. */
  Query forField(String field, String text) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    terms(text).forEach(term -> query.add(match(field, term), Occur.SHOULD));
    return query.build();
  }

  /** One term against one field pair: its words (with synonyms, and read as katakana when typed in hiragana) or its characters. */
  Query match(String field, String term) {
    BooleanQuery.Builder either = new BooleanQuery.Builder();
    addIfPresent(either, words.createBooleanQuery(field + FieldAnalyzer.WORDS, term, Occur.MUST));
    String katakana = hiraganaToKatakana(term);
    if (!katakana.equals(term)) {
      addIfPresent(either, words.createBooleanQuery(field + FieldAnalyzer.WORDS, katakana, Occur.MUST));
    }
    addIfPresent(either, bigrams.createPhraseQuery(field + FieldAnalyzer.BIGRAMS, term));
    BooleanQuery built = either.build();
    return built.clauses().isEmpty() ? new MatchNoDocsQuery() : built;
  }

  private static void addIfPresent(BooleanQuery.Builder query, Query clause) {
    if (clause != null) {
      query.add(clause, Occur.SHOULD);
    }
  }

  /**
   * Kuromoji cuts a word typed all in hiragana (へるぱー, ごみ) into meaningless pieces; read as
   * katakana it becomes one word that then folds back to the indexed form.
   */
  static String hiraganaToKatakana(String term) {
    StringBuilder out = new StringBuilder(term.length());
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (c >= 'ぁ' && c <= 'ゖ') {
        out.append((char) (c + 0x60));
      } else if (c == 'ー') {
        out.append(c);
      } else {
        return term;
      }
    }
    return out.toString();
  }
}
