package yoriai.casefile;

import java.util.Map;
import yoriai.shared.Validator;

/** A support the person receives today. */
public record Support(SupportKind kind, String description) {
  static final int MAX_TEXT = 2000;

  void validate(String path, Validator v) {
    v.required(path + ".kind", kind).text(path + ".description", description, 1, MAX_TEXT);
  }

  void collectText(String path, Map<String, String> out) {
    CaseSheet.put(out, path + ".description", description);
  }
}
