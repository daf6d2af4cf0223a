package yoriai.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

class PiiDetectorPropertiesTest {

  /** Pieces that steer random text into the detectors' interesting paths. */
  private static final List<String> JAPANESE_PIECES = List.of(
      "様", "さん", "氏", "君", "ちゃん", "殿", "山田", "花子", "タナカ", "さくら", "の", "〇〇", "A",
      "丁目", "番地", "番", "号", "町", "市", "〒", "郵便番号", "被保険者番号", "生年月日：", "生まれ", "生",
      "昭和", "令和", "元年", "年", "月", "日", "歳", "才", "満", "以上", "代", "〜", "-", "ー", "−", "(", ")",
      " ", "　", "@", "example.com", ".", "/", "S", "０", "１", "９", "𠮷", "\uD83D\uDE00", "\uD800", "\uDC00");

  private final PiiDetector detector = new PiiDetector();

  @Property
  void never_throws_and_every_span_lies_inside_the_text(@ForAll("japaneseLikeText") String text) {
    List<PiiFinding> findings = detector.scan("f", text, Set.of("高崎市", ""));

    assertThat(findings).allSatisfy(finding -> {
      assertThat(finding.start()).isNotNegative();
      assertThat(finding.start()).isLessThan(finding.end());
      assertThat(finding.end()).isLessThanOrEqualTo(text.length());
    });
  }

  @Property
  void never_throws_on_arbitrary_unicode_including_surrogate_pairs(@ForAll("anyUnicode") String text) {
    List<PiiFinding> findings = detector.scan("f", text, Set.of(text));

    assertThat(findings).allSatisfy(finding ->
        assertThat(finding.start()).isNotNegative().isLessThan(finding.end()).isLessThanOrEqualTo(text.length()));
  }

  @Property
  void full_width_digits_give_the_same_findings_as_ascii_digits(@ForAll("japaneseLikeText") String text) {
    String fullWidth = toFullWidthDigits(text);

    assertThat(detector.scan("f", fullWidth, Set.of())).isEqualTo(detector.scan("f", text, Set.of()));
  }

  /** What lets a check read the registered names only for a text that has findings without them. */
  @Property
  void allowing_more_phrases_never_finds_anything_in_a_text_where_fewer_found_nothing(
      @ForAll("japaneseLikeText") String text, @ForAll("phrases") Set<String> fewer,
      @ForAll List<@IntRange(max = 40) Integer> cuts) {
    Set<String> more = new HashSet<>(fewer);
    for (int i = 0; i + 1 < cuts.size(); i += 2) {
      int start = Math.min(cuts.get(i), text.length());
      more.add(text.substring(start, Math.min(text.length(), start + cuts.get(i + 1))));
    }

    List<PiiFinding> withFewer = detector.scan("f", text, fewer);
    Statistics.label("found with fewer").collect(!withFewer.isEmpty());

    if (withFewer.isEmpty()) {
      assertThat(detector.scan("f", text, more)).isEmpty();
    }
  }

  @Provide
  Arbitrary<Set<String>> phrases() {
    return Arbitraries.of(JAPANESE_PIECES).list().ofMinSize(1).ofMaxSize(3).map(pieces -> String.join("", pieces))
        .set().ofMaxSize(3);
  }

  @Provide
  Arbitrary<String> japaneseLikeText() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of(JAPANESE_PIECES),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12),
        Arbitraries.strings().withCharRange('ぁ', 'ヶ').ofMaxLength(4),
        Arbitraries.strings().withCharRange('一', '龥').ofMaxLength(4));
    return piece.list().ofMaxSize(30).map(pieces -> String.join("", pieces));
  }

  @Provide
  Arbitrary<String> anyUnicode() {
    return Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
        .list().ofMaxSize(40)
        .map(codePoints -> {
          StringBuilder text = new StringBuilder();
          codePoints.forEach(text::appendCodePoint);
          return text.toString();
        });
  }

  private static String toFullWidthDigits(String text) {
    StringBuilder fullWidth = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      fullWidth.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
    }
    return fullWidth.toString();
  }
}
