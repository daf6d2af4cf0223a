package yoriai.casefile;

import yoriai.shared.Validator;

/** Who the case is about, in general terms only: bands and categories, never identifying details. */
public record Person(
    AgeBand ageBand,
    Gender gender,
    CareLevel careLevel,
    Household household,
    String housing,
    String health) {

  static final int MAX_NOTES = 2000;

  void validate(String path, Validator v) {
    v.required(path + ".ageBand", ageBand)
        .required(path + ".careLevel", careLevel)
        .required(path + ".household", household)
        .text(path + ".housing", housing, 0, MAX_NOTES)
        .text(path + ".health", health, 0, MAX_NOTES);
  }
}
