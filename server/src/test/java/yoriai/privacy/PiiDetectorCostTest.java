package yoriai.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crafted texts of 200,000 characters that made a pattern quadratic (a long run of kanji numerals
 * for the address look-behind, ASCII letters for the unanchored e-mail pattern) or could make a
 * scanner so. Quadratic work on this size takes tens of minutes (20,000 characters took 27 s), so
 * the generous deadline only tells "finishes" from "does not"; the time taken is printed for the
 * record, not asserted.
 */
class PiiDetectorCostTest {

  private static final int LENGTH = 200_000;
  private final PiiDetector detector = new PiiDetector();

  static Stream<Arguments> craftedTexts() {
    return Stream.of(
        Arguments.of("kanji numerals", repeat("一")),
        Arguments.of("kanji zeros", repeat("〇")),
        Arguments.of("ASCII letters and digits", repeat("a1b2c3d4e5")),
        Arguments.of("digits", repeat("7")),
        Arguments.of("digit groups", repeat("1-")),
        Arguments.of("block numbers", repeat("1丁目")),
        Arguments.of("ノ block numbers", repeat("二ノ")),
        Arguments.of("at signs", repeat("a@")),
        Arguments.of("dotted domains", "a@" + repeat("b.")),
        Arguments.of("eras", repeat("昭和 ")),
        Arguments.of("honorifics", repeat("さん")),
        Arguments.of("kana before an honorific", repeat("たなか") + "さん"),
        Arguments.of("spaces", repeat(" ")),
        Arguments.of("postal marks", repeat("〒")),
        Arguments.of("mixed", repeat("山田太郎さん090-1234-5678〒370-0001高崎市八島町1丁目2番3号昭和12年生まれ83歳a@b.jp一二三四")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("craftedTexts")
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void a_crafted_200000_character_text_is_scanned_to_the_end(String name, String text) {
    long started = System.nanoTime();

    detector.scan("f", text, Set.of("高崎市"));

    System.out.printf(Locale.ROOT, "scan of %,d characters (%s): %d ms%n", text.length(), name,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    assertThat(text).hasSizeGreaterThanOrEqualTo(LENGTH);
  }

  private static String repeat(String piece) {
    return piece.repeat(LENGTH / piece.length() + 1).substring(0, LENGTH);
  }
}
