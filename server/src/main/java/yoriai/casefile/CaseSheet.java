package yoriai.casefile;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import yoriai.shared.MachineValue;
import yoriai.shared.Prefectures;
import yoriai.shared.PublicTexts;
import yoriai.shared.Validator;

/**
 * The anonymized case sheet of PRODUCT §3 exactly as the client sends it. Every field may be absent
 * at the type level so a partial sheet can be checked for PII; {@link #validate} states what a
 * stored case needs.
 */
public record CaseSheet(
    String title,
    @MachineValue("one of the 47 prefecture names; validate() refuses any other") String prefecture,
    String provider,
    Person person,
    List<Activity> activities,
    String wishes,
    String questions,
    List<Support> supports,
    Assessment assessment,
    List<Integer> checklist) {

  static final int MAX_TITLE = 120;
  static final int MAX_PROVIDER = 100;
  static final int MAX_LONG_TEXT = 4000;
  static final int MAX_ITEMS = 30;
  static final int CHECKLIST_ANSWERS = 25;

  public CaseSheet {
    activities = activities == null ? List.of() : activities;
    supports = supports == null ? List.of() : supports;
  }

  /** Fails {@code invalid_request} naming every field that a stored case may not have like this. */
  public void validate() {
    Validator v = new Validator()
        .text("title", title, 1, MAX_TITLE)
        .required("prefecture", prefecture)
        .oneOf("prefecture", prefecture, Prefectures.NAMES)
        .text("provider", provider, 0, MAX_PROVIDER)
        .required("person", person)
        .text("wishes", wishes, 0, MAX_LONG_TEXT)
        .text("questions", questions, 0, MAX_LONG_TEXT);
    if (person != null) {
      person.validate("person", v);
    }
    validateItems(v, "activities", activities, (path, activity) -> activity.validate(path, v));
    validateItems(v, "supports", supports, (path, support) -> support.validate(path, v));
    if (assessment != null) {
      assessment.validate("assessment", v);
    }
    if (checklist != null) {
      v.check(checklist.size() == CHECKLIST_ANSWERS, "checklist", "exactly " + CHECKLIST_ANSWERS + " answers");
      for (int i = 0; i < checklist.size(); i++) {
        Integer answer = checklist.get(i);
        v.check(answer != null && (answer == 0 || answer == 1), "checklist[" + i + "]", "0 or 1");
      }
    }
    v.orThrow();
  }

  /**
   * Every free-text field by its JSON path ({@code person.housing}, {@code activities[0].difficulty}),
   * blanks left out: the same walk that finds the texts of a published entry.
   */
  Map<String, String> textFields() {
    return PublicTexts.of(this);
  }

  private static <T> void validateItems(Validator v, String field, List<T> items, BiConsumer<String, T> each) {
    v.check(items.size() <= MAX_ITEMS, field, "at most " + MAX_ITEMS + " items");
    for (int i = 0; i < items.size(); i++) {
      String path = field + "[" + i + "]";
      v.required(path, items.get(i));
      if (items.get(i) != null) {
        each.accept(path, items.get(i));
      }
    }
  }
}
