package yoriai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** A post's send time must not read as a phone number or My Number, whatever the machine's uptime. */
class SendStampTest {
  @Test
  void aSendTimeIsWrittenWithoutDigitsAndReadBackWhole() {
    for (long nanos : new long[] {0L, 7L, 123_456_789_012L, 1_000_000_000_000L, Long.MAX_VALUE}) {
      String stamp = LoadGenerator.stamp(nanos);
      assertFalse(stamp.chars().anyMatch(Character::isDigit), stamp);
      String frame = "{\"type\":\"event\",\"data\":{\"text\":\"bench " + stamp + "\"}}";
      assertEquals(nanos, LoadGenerator.stampAfter(frame, frame.indexOf("bench ") + "bench ".length()));
    }
  }
}
