package yoriai.privacy;

import java.util.List;

/** Whether a number is introduced as a long-term-care insurance number (被保険者番号 …). */
final class CareInsuranceContext {

  private static final int LOOK_BEHIND = 20;
  private static final List<String> CUES = List.of("被保険者", "保険証", "介護保険");

  private CareInsuranceContext() {}

  static boolean precedes(String folded, int numberStart) {
    String before = folded.substring(Math.max(0, numberStart - LOOK_BEHIND), numberStart);
    return CUES.stream().anyMatch(before::contains);
  }
}
