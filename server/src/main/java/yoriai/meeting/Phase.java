package yoriai.meeting;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The standard flow of 自立支援型地域ケア会議, in order; the host may skip forward, never back. */
enum Phase {
  PRESENTATION, QUESTIONS, ADVICE, PROPOSALS, SUMMARY, CLOSED;

  static final List<String> TIMED = List.of("presentation", "questions", "advice", "proposals", "summary");

  String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static Optional<Phase> parse(String code) {
    return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
  }
}
