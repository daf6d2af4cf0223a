package yoriai.http.pages;

import java.util.ArrayList;
import java.util.List;

/** One labelled value of a description list (都道府県: 群馬県). */
public record Fact(String label, String value) {
  /** The facts whose value is not blank, in order; pairs of label and value. */
  static List<Fact> present(String... labelsAndValues) {
    List<Fact> facts = new ArrayList<>();
    for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
      String value = labelsAndValues[i + 1];
      if (value != null && !value.isBlank()) {
        facts.add(new Fact(labelsAndValues[i], value));
      }
    }
    return facts;
  }
}
