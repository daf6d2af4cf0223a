package yoriai.casefile;

import yoriai.shared.Validator;

/** One domain of the 介護予防サービス・支援計画書: 本人・家族の意欲・意向 and 課題. */
public record AssessmentDomain(String intention, String issue) {
  static final int MAX_TEXT = 2000;

  void validate(String path, Validator v) {
    v.text(path + ".intention", intention, 0, MAX_TEXT).text(path + ".issue", issue, 0, MAX_TEXT);
  }
}
