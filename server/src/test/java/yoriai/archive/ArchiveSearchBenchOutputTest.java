package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code scripts/lib/bench-report.mjs} parses the bench's lines with {@code [\d.]+}, on any machine's locale. */
class ArchiveSearchBenchOutputTest {
  @Test
  void printsDecimalPointsOnAGermanMachine() throws Exception {
    Locale locale = Locale.getDefault();
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      Locale.setDefault(Locale.GERMANY);
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      ArchiveSearchBench.main(new String[] {"400"});
    } finally {
      System.setOut(out);
      Locale.setDefault(locale);
    }
    String lines = printed.toString(StandardCharsets.UTF_8);
    assertThat(lines)
        .containsPattern("(?m)^entries=400 rebuild=\\d+ entries/s \\([\\d.]+ s\\) index\\(\\)\\+commit=\\d+ entries/s"
            + " index size=[\\d.]+ MB$")
        .containsPattern("(?m)^queries=words entries=400 count=\\d+ p50=[\\d.]+ ms p95=[\\d.]+ ms max=[\\d.]+ ms$")
        .containsPattern("(?m)^queries=sentences entries=400 count=\\d+ p50=[\\d.]+ ms p95=[\\d.]+ ms max=[\\d.]+ ms$")
        .containsPattern("(?m)^first=words entries=400 count=\\d+ p50=[\\d.]+ ms p95=[\\d.]+ ms max=[\\d.]+ ms$")
        .containsPattern("(?m)^first=sentences entries=400 count=\\d+ p50=[\\d.]+ ms p95=[\\d.]+ ms max=[\\d.]+ ms$");
  }
}
