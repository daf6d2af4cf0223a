package yoriai.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Personal names: a name followed by an honorific (山田花子様, 佐藤 さん, タナカさん, ｽｽﾞｷさん,
 * たなかさん, 伊藤先生, 鈴木氏, 翔太くん, さくらちゃん), and a bare full name that Kuromoji tags as
 * surname + given name (山田太郎). The finding covers the name and the honorific. Not names: role
 * words ({@link NotANameWords}) and anonymization placeholders (Aさん, 〇〇さん, ●●様), which are
 * neither kanji nor kana.
 */
final class PersonNameDetector implements KindDetector {

  /**
   * {@code hiraganaName}: whether a hiragana word before it is taken as a name without Kuromoji
   * tagging the honorific as a person-name suffix; {@code taggedNameOnly}: whether the word before
   * must be tagged 人名 (先生 follows 書道 and 学校 as often as a name).
   */
  private record Honorific(String text, String notFollowedBy, boolean hiraganaName, boolean taggedNameOnly) {}

  private static final String HALF_WIDTH_KATAKANA = halfWidthKatakana();

  private static final List<Honorific> HONORIFICS = List.of(
      // after hiragana, ちゃんと is the adverb "properly" far more often than a name followed by と
      new Honorific("ちゃん", "と", true, false),
      // くんせい (smoked) is a word
      new Honorific("くん", "せ", true, false),
      // さんぽ, さんま and さんざん are words, not 〜さん
      new Honorific("さん", "ぽまざ", false, false),
      new Honorific("さま", "ざ", false, false),
      // 様子, 様々, 様式, 様相, 様態
      new Honorific("様", "子々式相態", false, false),
      // 氏名, 氏族
      new Honorific("氏", "名族", false, false),
      new Honorific("君", "", false, false),
      // 殿堂, 殿様
      new Honorific("殿", "堂様", false, false),
      // 先生方 are several teachers, not a name
      new Honorific("先生", "方", false, true),
      new Honorific("ｻﾝ", HALF_WIDTH_KATAKANA, true, false),
      new Honorific("ｻﾏ", HALF_WIDTH_KATAKANA, true, false),
      new Honorific("ﾁｬﾝ", HALF_WIDTH_KATAKANA, true, false),
      new Honorific("ｸﾝ", HALF_WIDTH_KATAKANA, true, false));

  private static final String HONORIFIC_FIRST_CHARS = HONORIFICS.stream()
      .map(honorific -> honorific.text().substring(0, 1)).distinct().reduce("", String::concat);
  private static final String KANJI_HONORIFICS = "様氏君殿";
  private static final int MAX_KANJI_NAME = 8;
  private static final int MAX_KATAKANA_NAME = 12;
  private static final int MIN_KATAKANA_NAME = 2;
  private static final int MIN_HIRAGANA_NAME = 2;
  private static final int MAX_HIRAGANA_NAME = 5;
  private static final String PARTICLES = "のはがをにともへ";

  @Override
  public List<Span> find(String folded) {
    Morphemes morphemes = Morphemes.of(folded);
    List<Span> spans = new ArrayList<>(morphemes.fullNames(folded));
    for (int i = 1; i < folded.length(); i++) {
      if (HONORIFIC_FIRST_CHARS.indexOf(folded.charAt(i)) < 0) {
        continue;
      }
      for (Honorific honorific : HONORIFICS) {
        if (folded.startsWith(honorific.text(), i) && !followedByWordEnding(folded, i, honorific)) {
          int end = i + honorific.text().length();
          int nameEnd = folded.charAt(i - 1) == ' ' ? i - 1 : i;
          if (nameEnd > 0) {
            nameStart(folded, nameEnd, i, honorific, morphemes)
                .ifPresent(start -> spans.add(new Span(start, end, PiiKind.PERSON_NAME)));
          }
        }
      }
    }
    return spans;
  }

  private static boolean followedByWordEnding(String folded, int at, Honorific honorific) {
    int next = at + honorific.text().length();
    boolean wordEnding = next < folded.length() && honorific.notFollowedBy().indexOf(folded.charAt(next)) >= 0;
    // after a kanji or katakana name (ミキちゃんと), ちゃんと is the name and the particle と
    boolean adverbOnlyAfterHiragana = honorific.text().equals("ちゃん");
    return wordEnding && !(adverbOnlyAfterHiragana && !JapaneseText.isHiragana(folded.codePointBefore(at)));
  }

  private static Optional<Integer> nameStart(String folded, int nameEnd, int honorificStart, Honorific honorific,
      Morphemes morphemes) {
    int before = folded.codePointBefore(nameEnd);
    boolean tagged = morphemes.personNameEndsAt(nameEnd);
    if (honorific.taggedNameOnly() && !tagged && !isKatakana(before)) {
      return Optional.empty();
    }
    if (isKanjiOfName(before)) {
      int start = JapaneseText.runStart(folded, nameEnd, MAX_KANJI_NAME, PersonNameDetector::isKanjiOfName);
      return NotANameWords.kanjiWord(folded.substring(start, nameEnd)) ? Optional.empty() : Optional.of(start);
    }
    if (isKatakana(before)) {
      int start = JapaneseText.runStart(folded, nameEnd, MAX_KATAKANA_NAME, PersonNameDetector::isKatakana);
      String word = folded.substring(start, nameEnd);
      boolean name = word.length() >= MIN_KATAKANA_NAME && word.charAt(0) != 'ー' && !NotANameWords.katakanaWord(word);
      return name ? Optional.of(start) : Optional.empty();
    }
    boolean hiraganaName = honorific.hiraganaName() || tagged || morphemes.nameSuffixStartsAt(honorificStart);
    if (JapaneseText.isHiragana(before) && hiraganaName) {
      return hiraganaNameStart(folded, nameEnd);
    }
    return Optional.empty();
  }

  /** A kanji honorific ends the previous name, so 神様仏様 is read as 神様 + 仏様. */
  private static boolean isKanjiOfName(int codePoint) {
    return JapaneseText.isKanji(codePoint) && KANJI_HONORIFICS.indexOf(codePoint) < 0;
  }

  private static boolean isKatakana(int codePoint) {
    return JapaneseText.isKatakana(codePoint) || HALF_WIDTH_KATAKANA.indexOf(codePoint) >= 0;
  }

  /**
   * Hiragana names (さくらちゃん, たなかさん) are a short word: the longest run of two to five
   * hiragana before the honorific that starts the text's hiragana or follows a particle (のいのうえ).
   */
  private static Optional<Integer> hiraganaNameStart(String folded, int nameEnd) {
    int runStart = JapaneseText.runStart(folded, nameEnd, MAX_HIRAGANA_NAME + 1, JapaneseText::isHiragana);
    for (int start = Math.max(runStart, nameEnd - MAX_HIRAGANA_NAME); nameEnd - start >= MIN_HIRAGANA_NAME; start++) {
      boolean wordStart = start == 0 || !JapaneseText.isHiragana(folded.codePointBefore(start))
          || PARTICLES.indexOf(folded.charAt(start - 1)) >= 0;
      if (wordStart && !NotANameWords.hiraganaWord(folded.substring(start, nameEnd))) {
        return Optional.of(start);
      }
      if (wordStart) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static String halfWidthKatakana() {
    StringBuilder chars = new StringBuilder();
    for (char c = '\uFF66'; c <= '\uFF9F'; c++) {
      chars.append(c);
    }
    return chars.toString();
  }
}
