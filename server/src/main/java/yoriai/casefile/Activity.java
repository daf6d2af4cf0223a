package yoriai.casefile;

import yoriai.shared.Validator;

/** One ADL/IADL activity: how much help it needs, what the person still does, and what is hard. */
public record Activity(ActivityKind activity, AssistanceLevel level, String canDo, String difficulty) {
  static final int MAX_TEXT = 2000;

  void validate(String path, Validator v) {
    v.required(path + ".activity", activity)
        .required(path + ".level", level)
        .text(path + ".canDo", canDo, 0, MAX_TEXT)
        .text(path + ".difficulty", difficulty, 0, MAX_TEXT);
  }
}
