package yoriai.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns what a person types into a Lucene query. The text is cut into its content words (Kuromoji
 * drops particles, auxiliaries, symbols and filler verbs such as する, なる, いる, ある; a care phrase
 * of the synonym list stays one word). Words as typed (up to {@value #ALL_REQUIRED_UP_TO}) need
 * every word; a sentence needs a share of its words that are not complaints ({@link #required}),
 * so the entry sharing the most and the rarest words ranks first. Each word
 * matches as words (with synonyms) or as a run of characters. Field boosts and the proximity of
 * neighbouring words add score on top (decision "Sentence search").
 */
final class ArchiveQueries {
  /** Queries of up to this many content words need all of them, as before sentences were read. */
  static final int ALL_REQUIRED_UP_TO = 3;

  /** The weights the labelled sentences were tuned with: a boost per field and for neighbours. */
  record Weights(Map<String, Float> fields, float proximity, int slop, float requiredShare, float paraphrase) {
    static final Weights ARCHIVE = new Weights(Map.of(ArchiveDocuments.TITLE, 2f, ArchiveDocuments.ACTIVITIES, 2f,
        ArchiveDocuments.PROPOSALS, 1f, ArchiveDocuments.SUMMARY, 1f), 1f, 3, 0.34f, 0.5f);
  }

  private final Weights weights;
  private final Analyzer wordAnalyzer;
  private final QueryBuilder words;
  private final QueryBuilder bigrams;
  private final CareParaphrases paraphrases;

  ArchiveQueries(Analyzer wordQueryAnalyzer, Analyzer bigramAnalyzer, CareParaphrases paraphrases) {
    this(wordQueryAnalyzer, bigramAnalyzer, paraphrases, Weights.ARCHIVE);
  }

  ArchiveQueries(Analyzer wordQueryAnalyzer, Analyzer bigramAnalyzer, CareParaphrases paraphrases, Weights weights) {
    this.weights = weights;
    this.paraphrases = paraphrases;
    wordAnalyzer = wordQueryAnalyzer;
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

  /**
   * How many of {@code n} content words an entry must share: all of a short query, then the
   * given share of a sentence's words, never fewer than {@value #ALL_REQUIRED_UP_TO}.
   */
  static int required(int n, float share) {
    return n <= ALL_REQUIRED_UP_TO ? n : Math.max(ALL_REQUIRED_UP_TO, (int) Math.ceil(n * share));
  }

  /**
   * How many of {@code units} an entry must share. Words as typed (every term one compound or
   * kana) keep {@link #required(int, float)}; a sentence (a term from which particles or
   * auxiliaries were dropped) needs the share of its words that are not complaints, at least one:
   * つらい, 困る, 心配 say how the person feels, not what the case is about, so they only rank.
   */
  static int required(List<String> units, boolean sentence, float share) {
    if (!sentence) {
      return required(units.size(), share);
    }
    long topical = units.stream().filter(unit -> !isComplaint(unit)).count();
    return Math.max(1, (int) Math.ceil(topical * share));
  }

  /** Stems of the words a coordinator uses for any difficulty (つらくなった, 困っている, 気になる). */
  private static final List<String> COMPLAINTS = List.of("つら", "辛", "困", "不安", "大変", "難し", "むずかし",
      "心配", "苦労", "きつ", "しんど", "無理", "気が", "気に");

  static boolean isComplaint(String unit) {
    return unit.equals("気") || COMPLAINTS.stream().anyMatch(unit::startsWith);
  }

  /**
   * The content words of {@code text} as typed, each once: what one clause of the query matches.
   * A term that is one compound (nothing dropped between its words) stays whole, as does a term
   * written only in kana (Kuromoji cannot cut a reading such as へるぱー); words
   * a synonym phrase of the care vocabulary spans (食事の宅配) stay together. When the text has no
   * content word at all (only particles), its terms are its words.
   */
  List<String> contentWords(String text) {
    return read(text).units();
  }

  /**
   * The content words, whether it is a sentence (a term lost words), and the everyday expressions
   * found among the words: each groups the words it spans with the care terms it names.
   */
  record Reading(List<String> units, boolean sentence, List<Expression> expressions) {
    /** The care terms named by the expression {@code unit} is part of, if any: what a snippet marks. */
    Set<String> careTermsOf(String unit) {
      return expressionOf(unit).map(Expression::careTerms).orElse(Set.of());
    }

    private Optional<Expression> expressionOf(String unit) {
      return expressions.stream().filter(e -> e.words().contains(unit)).findFirst();
    }

    /**
     * What the share threshold counts: each word outside an expression, and each expression once,
     * matched by any of its words or a care term it names. So one mention of a care term is one
     * of the words a sentence needs, however many words its expression has.
     */
    List<Expression> counted() {
      List<Expression> counted = new ArrayList<>();
      for (String unit : units) {
        Expression in = expressionOf(unit).orElse(new Expression(Set.of(unit), Set.of()));
        if (!counted.contains(in)) {
          counted.add(in);
        }
      }
      return counted;
    }
  }

  /** Everyday expressions found in a text that share a word or name the same care term, as one: their words and care terms. */
  record Expression(Set<String> words, Set<String> careTerms) {
    /** How the threshold's complaint rule reads it: a word alone is itself, an expression its words. */
    String text() {
      return String.join(" ", words);
    }
  }

  /** {@link #contentWords} and whether the text is a sentence, from one analysis of each term. */
  private Reading read(String text) {
    List<String> units = new ArrayList<>();
    boolean sentence = false;
    List<Expression> expressions = new ArrayList<>();
    List<String> terms = terms(text);
    for (String term : terms) {
      List<int[]> spans = isKana(term) ? List.of() : spans(term);
      List<CareParaphrases.Found> found = paraphrases.find(term);
      if (isKana(term) || isOneCompound(term, spans)) {
        addOnce(units, term);
        found.forEach(f -> expressions.add(new Expression(Set.of(term), Set.copyOf(f.careTerms()))));
      } else {
        sentence = true;
        spans.forEach(span -> addOnce(units, term.substring(span[0], span[1])));
        for (CareParaphrases.Found f : found) {
          Set<String> words = new LinkedHashSet<>();
          spans.stream().filter(span -> !CareParaphrases.careTermsAt(List.of(f), span[0], span[1]).isEmpty())
              .forEach(span -> words.add(term.substring(span[0], span[1])));
          if (!words.isEmpty()) {
            expressions.add(new Expression(words, Set.copyOf(f.careTerms())));
          }
        }
      }
    }
    return new Reading(units.isEmpty() ? terms : units, sentence, merged(expressions));
  }

  /** Expressions sharing a word or a care term become one: a word, and a care term's mention, count once. */
  private static List<Expression> merged(List<Expression> expressions) {
    List<Expression> merged = new ArrayList<>();
    for (Expression next : expressions) {
      Set<String> words = new LinkedHashSet<>(next.words());
      Set<String> careTerms = new LinkedHashSet<>(next.careTerms());
      for (Iterator<Expression> it = merged.iterator(); it.hasNext(); ) {
        Expression earlier = it.next();
        if (!Collections.disjoint(earlier.words(), words) || !Collections.disjoint(earlier.careTerms(), careTerms)) {
          words.addAll(earlier.words());
          careTerms.addAll(earlier.careTerms());
          it.remove();
        }
      }
      merged.add(new Expression(words, careTerms));
    }
    return merged;
  }

  /**
   * True when the words of {@code term} follow each other with nothing dropped between them
   * (要介護2, 宅配弁当, ゴミ出し): one compound, matched as a whole as before sentences were read.
   */
  private static boolean isOneCompound(String term, List<int[]> spans) {
    if (spans.isEmpty() || spans.get(0)[0] != 0 || spans.get(spans.size() - 1)[1] != term.length()) {
      return false;
    }
    for (int i = 1; i < spans.size(); i++) {
      if (spans.get(i)[0] != spans.get(i - 1)[1]) {
        return false;
      }
    }
    return true;
  }

  /** The offsets in {@code term} of each position of the analyzed words, or of a synonym graph's span. */
  private List<int[]> spans(String term) {
    List<int[]> spans = new ArrayList<>();
    try (TokenStream stream = wordAnalyzer.tokenStream("", term)) {
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
      stream.reset();
      int position = -1;
      int spanEnd = -1;
      int start = 0;
      int end = 0;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        if (position >= spanEnd) {
          if (spanEnd >= 0) {
            spans.add(new int[] {start, end});
          }
          start = offset.startOffset();
          end = offset.endOffset();
        }
        start = Math.min(start, offset.startOffset());
        end = Math.max(end, offset.endOffset());
        spanEnd = Math.max(spanEnd, position + length.getPositionLength());
      }
      if (spanEnd >= 0) {
        spans.add(new int[] {start, end});
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analyzing a string does not fail", e);
    }
    return spans;
  }

  /**
   * What decides whether an entry is found, and what only ranks the entries found: scoring the
   * second costs most (every field, every synonym, side by side), so a search scores it for the
   * best-matching entries only ({@link Rescoring}).
   */
  record Ranked(Query matching, Query boosts) {
    /** Both in one query: matching decides, boosts add to the score of every entry found. */
    Query combined() {
      BooleanQuery.Builder query = new BooleanQuery.Builder().add(matching, Occur.MUST);
      ((BooleanQuery) boosts).clauses().forEach(query::add);
      return query.build();
    }
  }

  /** Returns null for a blank text: the caller lists everything instead. */
  Ranked parse(String text, boolean relaxed) {
    return ranked(text, ArchiveDocuments.ALL, weights, relaxed);
  }

  /**
   * Entries whose {@code field} shares enough content words of {@code text} (any one when
   * {@code relaxed}), scored by those words there, in the boosted fields and side by side. Null
   * for a blank text.
   */
  Query query(String text, String field, Weights weights, boolean relaxed) {
    Ranked ranked = ranked(text, field, weights, relaxed);
    return ranked == null ? null : ranked.combined();
  }

  private Ranked ranked(String text, String field, Weights weights, boolean relaxed) {
    Reading reading = read(text);
    List<String> units = reading.units();
    if (units.isEmpty()) {
      return null;
    }
    List<Expression> counted = reading.counted();
    Query shared = new SharedWords(counted.stream().map(each -> matchOrParaphrase(field, each, weights.paraphrase())).toList(),
        relaxed ? 1 : required(counted.stream().map(Expression::text).toList(), reading.sentence(), weights.requiredShare()));
    BooleanQuery.Builder boosts = new BooleanQuery.Builder();
    for (Map.Entry<String, Float> boosted : weights.fields().entrySet()) {
      for (Expression each : counted) {
        boosts.add(new BoostQuery(matchOrParaphrase(boosted.getKey(), each, weights.paraphrase()), boosted.getValue()),
            Occur.SHOULD);
      }
    }
    if (weights.proximity() > 0) {
      for (int i = 1; i < units.size(); i++) {
        Query pair = words.createPhraseQuery(field + FieldAnalyzer.WORDS,
            units.get(i - 1) + " " + units.get(i), weights.slop());
        if (pair != null) {
          boosts.add(new BoostQuery(pair, weights.proximity()), Occur.SHOULD);
        }
      }
    }
    return new Ranked(shared, boosts.build());
  }

  /** The same words as {@link #query} against one field pair, any of them, each with its care terms, for highlighting. */
  Query forField(String field, String text) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    Reading reading = read(text);
    reading.units().forEach(unit -> query.add(matchOrParaphrase(field, new Expression(Set.of(unit),
        reading.careTermsOf(unit)), 1f, Phrases.AS_PHRASES), Occur.SHOULD));
    return query.build();
  }

  /** How a word of several tokens is looked up: in the field's pairs, or as a phrase (the snippet fields have no pairs). */
  enum Phrases { AS_PAIRS, AS_PHRASES }

  /**
   * A content word, or an everyday expression: any of its words, or a care term it names at
   * {@code weight} (below 1, so the words typed rank first; an entry with more of them ranks higher).
   */
  private Query matchOrParaphrase(String field, Expression expression, float weight) {
    return matchOrParaphrase(field, expression, weight, Phrases.AS_PAIRS);
  }

  private Query matchOrParaphrase(String field, Expression expression, float weight, Phrases phrases) {
    BooleanQuery.Builder either = new BooleanQuery.Builder();
    expression.words().forEach(word -> either.add(match(field, word, phrases), Occur.SHOULD));
    expression.careTerms().forEach(careTerm ->
        either.add(new BoostQuery(match(field, careTerm, phrases), weight), Occur.SHOULD));
    BooleanQuery built = either.build();
    return built.clauses().size() == 1 ? built.clauses().get(0).getQuery() : built;
  }

  /**
   * One word against one field pair: as words (with synonyms, and read as katakana when typed in
   * hiragana) or as characters. A word of several tokens is looked up in the fields' pairs.
   */
  Query match(String field, String term) {
    return match(field, term, Phrases.AS_PAIRS);
  }

  Query match(String field, String term, Phrases phrases) {
    BooleanQuery.Builder either = new BooleanQuery.Builder();
    addIfPresent(either, words.createBooleanQuery(field + FieldAnalyzer.WORDS, term, Occur.MUST));
    String katakana = hiraganaToKatakana(term);
    if (!katakana.equals(term)) {
      addIfPresent(either, words.createBooleanQuery(field + FieldAnalyzer.WORDS, katakana, Occur.MUST));
    }
    addIfPresent(either, bigrams.createPhraseQuery(field + FieldAnalyzer.BIGRAMS, term));
    BooleanQuery built = either.build();
    if (built.clauses().isEmpty()) {
      return new MatchNoDocsQuery();
    }
    return phrases == Phrases.AS_PAIRS ? PairedPhrases.of(built) : built;
  }

  private static void addIfPresent(BooleanQuery.Builder query, Query clause) {
    if (clause != null) {
      query.add(clause, Occur.SHOULD);
    }
  }

  private static void addOnce(List<String> words, String word) {
    if (!words.contains(word)) {
      words.add(word);
    }
  }

  static boolean isKana(String term) {
    return !hiraganaToKatakana(term).equals(term) || term.chars().allMatch(c -> (c >= 'ァ' && c <= 'ヶ') || c == 'ー');
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
