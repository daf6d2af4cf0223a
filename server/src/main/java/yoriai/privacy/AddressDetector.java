package yoriai.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Street addresses: a block number (丁目, 番地, 番…号, or 1-2-3 right after a town name), together
 * with the place name written immediately before it (高崎市八島町1丁目2番3号 is one finding).
 * A lone 号 or 番 is not an address: 1号館, 国道17号, 第2号被保険者, 3番目, 2番線. Nor is a bare
 * 丁目 with no place name before it (5丁目のスーパー): it names a neighbourhood, not a home.
 * 旭町1ノ2ノ3 is read like 旭町1-2-3.
 */
final class AddressDetector implements KindDetector {

  private static final String NUMERAL = "[0-9" + JapaneseText.KANJI_NUMERALS + "]";
  // Possessive digits, and a start only where no numeral precedes, keep the search linear on a
  // long run of numerals: each run is tried once, from its first character.
  private static final String NUMBER = "(?:[0-9]++|[" + JapaneseText.KANJI_NUMERALS + "]++)";
  private static final Pattern BLOCK_NUMBER = Pattern.compile(
      "(?<!" + NUMERAL + ")(?:" + NUMBER + "(?:丁目|番地の?|番|号|ノ|-))++" + NUMBER + "?+");
  private static final Pattern ONE_NUMBER = Pattern.compile(NUMBER);
  private static final Pattern BARE_CHOME = Pattern.compile(NUMBER + "丁目");
  private static final String TOWN_ENDINGS = "町村丁区条";
  private static final int MAX_PLACE_NAME = 12;
  private static final List<String> LABELS_BEFORE_PLACE = List.of("住所", "所在地", "自宅", "宅", "転居先", "在住");

  /** Every block number has one of these; a text with none (most of a meeting's messages) is not searched. */
  private static final String BLOCK_MARKS = "丁番号ノ-";

  @Override
  public List<Span> find(String folded) {
    if (folded.chars().noneMatch(c -> BLOCK_MARKS.indexOf(c) >= 0)) {
      return List.of();
    }
    List<Span> spans = new ArrayList<>();
    BLOCK_NUMBER.matcher(folded).results()
        .filter(m -> isAddress(folded, m))
        .forEach(m -> {
          int start = placeNameStart(folded, m.start());
          boolean bareChome = start == m.start() && BARE_CHOME.matcher(m.group()).matches();
          if (!bareChome) {
            spans.add(new Span(start, endWithoutDash(m), PiiKind.ADDRESS));
          }
        });
    return spans;
  }

  private static boolean isAddress(String folded, MatchResult m) {
    String block = m.group();
    if (block.contains("丁目") || block.contains("番地")) {
      return true;
    }
    int ban = block.indexOf('番');
    if (ban >= 0 && block.indexOf('号', ban) > ban) {
      return true;
    }
    boolean hyphensOnly = block.indexOf('番') < 0 && block.indexOf('号') < 0;
    // 1-2-3 and 1ノ2ノ3 are a block number only right after a town name
    return hyphensOnly && ONE_NUMBER.matcher(block).results().count() >= 2
        && m.start() > 0 && TOWN_ENDINGS.indexOf(folded.charAt(m.start() - 1)) >= 0;
  }

  private static int endWithoutDash(MatchResult m) {
    return m.group().endsWith("-") || m.group().endsWith("ノ") ? m.end() - 1 : m.end();
  }

  private static int placeNameStart(String folded, int blockStart) {
    int start = JapaneseText.runStart(folded, blockStart, MAX_PLACE_NAME, JapaneseText::isKanji);
    String placeName = folded.substring(start, blockStart);
    int afterLabel = LABELS_BEFORE_PLACE.stream()
        .mapToInt(label -> {
          int at = placeName.lastIndexOf(label);
          return at < 0 ? 0 : at + label.length();
        })
        .max().orElse(0);
    return start + afterLabel;
  }
}
