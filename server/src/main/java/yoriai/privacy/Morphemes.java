package yoriai.privacy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * What Kuromoji's part-of-speech tags say about people in a text: where a surname or given name
 * (名詞-固有名詞-人名-姓/名) ends, where a person-name suffix (名詞-接尾-人名: さん, さま) starts, and
 * which surname + given name pairs form a full name. Kuromoji's lattice search is linear in the
 * text; a tokenizer is made per text because it is not thread-safe.
 */
final class Morphemes {

  private record Token(int start, int end, String partOfSpeech) {}

  private static final String SURNAME = "名詞-固有名詞-人名-姓";
  private static final String GIVEN_NAME = "名詞-固有名詞-人名-名";
  private static final String PERSON_NAME = "名詞-固有名詞-人名";
  private static final String PROPER_NOUN = "名詞-固有名詞";
  private static final String NAME_SUFFIX = "名詞-接尾-人名";
  private static final String SPACE = "記号-空白";
  /** Things named after a person or tagged as one: 山田錦 is a rice, not a Mr 山田. */
  private static final Set<String> NOT_PEOPLE = Set.of("山田錦");

  private final List<Token> tokens;
  private final BitSet nameEnds = new BitSet();
  private final BitSet suffixStarts = new BitSet();

  private Morphemes(List<Token> tokens) {
    this.tokens = tokens;
    for (Token token : tokens) {
      if (token.partOfSpeech().startsWith(PERSON_NAME)) {
        nameEnds.set(token.end());
      }
      if (token.partOfSpeech().startsWith(NAME_SUFFIX)) {
        suffixStarts.set(token.start());
      }
    }
  }

  static Morphemes of(String text) {
    List<Token> tokens = new ArrayList<>();
    if (text.codePoints().noneMatch(Morphemes::isJapanese)) {
      return new Morphemes(tokens);
    }
    try (JapaneseTokenizer tokenizer = new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.NORMAL)) {
      OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
      PartOfSpeechAttribute partOfSpeech = tokenizer.addAttribute(PartOfSpeechAttribute.class);
      tokenizer.setReader(new StringReader(text));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        String tag = partOfSpeech.getPartOfSpeech();
        tokens.add(new Token(offset.startOffset(), offset.endOffset(), tag == null ? "" : tag));
      }
      tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Morphemes(tokens);
  }

  private static boolean isJapanese(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
  }

  boolean personNameEndsAt(int offset) {
    return nameEnds.get(offset);
  }

  boolean nameSuffixStartsAt(int offset) {
    return suffixStarts.get(offset);
  }

  /**
   * A surname followed by a given name (山田太郎, 渡辺 健二). Written with a space between, the two
   * proper nouns are a name when either is tagged as one: Kuromoji reads 幸子 in 小林　幸子 and 岡本
   * in 岡本 由美子 as place names.
   */
  List<Span> fullNames(String text) {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token family = tokens.get(i);
      boolean spaced = tokens.get(i + 1).partOfSpeech().equals(SPACE) && i + 2 < tokens.size();
      Token given = tokens.get(spaced ? i + 2 : i + 1);
      boolean surname = family.partOfSpeech().equals(SURNAME);
      boolean givenName = given.partOfSpeech().equals(GIVEN_NAME);
      boolean name = (surname && givenName) || (spaced && (surname || givenName)
          && family.partOfSpeech().startsWith(PROPER_NOUN) && given.partOfSpeech().startsWith(PROPER_NOUN));
      Span span = new Span(family.start(), given.end(), PiiKind.PERSON_NAME);
      if (name && !NOT_PEOPLE.contains(text.substring(span.start(), span.end()))) {
        spans.add(span);
      }
    }
    return spans;
  }
}
