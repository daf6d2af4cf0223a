package yoriai.casefile;

import yoriai.shared.Validator;

/** A support the person receives today. */
public record Support(SupportKind kind, String description) {
  static final int MAX_TEXT = 2000;

  void validate(String path, Validator v) {
    v.required(path + ".kind", kind).text(path + ".description", description, 1, MAX_TEXT);
  }
}
