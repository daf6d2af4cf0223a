package yoriai.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import yoriai.shared.Json;

/** The field paths of PII findings must lead the client to the very text that was scanned. */
class TextFieldPathsTest {

  @Property
  void every_text_field_path_points_at_the_same_text_in_the_sheets_json(@ForAll("sheets") CaseSheet sheet) {
    JsonNode json = Json.mapper().valueToTree(sheet);

    Map<String, String> fields = sheet.textFields();

    fields.forEach((path, text) -> assertThat(json.at(pointer(path)).asText()).as(path).isEqualTo(text));
    assertThat(fields.values()).allSatisfy(text -> assertThat(text).isNotBlank());
  }

  @Property
  void every_non_blank_string_of_the_sheet_is_scanned(@ForAll("sheets") CaseSheet sheet) {
    JsonNode json = Json.mapper().valueToTree(sheet);
    List<String> freeText = new java.util.ArrayList<>();
    collectFreeText(json, "", freeText);

    assertThat(sheet.textFields().keySet()).containsExactlyInAnyOrderElementsOf(freeText);
  }

  private static void collectFreeText(JsonNode node, String path, List<String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> collectFreeText(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectFreeText(node.get(i), path + "[" + i + "]", out);
      }
    } else if (node.isTextual() && !node.asText().isBlank() && !CODED.contains(path.replaceAll("\\[\\d+]", "[]"))) {
      out.add(path);
    }
  }

  private static final List<String> CODED = List.of("prefecture", "person.ageBand", "person.gender", "person.careLevel",
      "person.household", "activities[].activity", "activities[].level", "supports[].kind");

  private static String pointer(String path) {
    return "/" + path.replace("[", ".").replace("]", "").replace(".", "/");
  }

  @Provide
  Arbitrary<CaseSheet> sheets() {
    Arbitrary<String> text = Arbitraries.oneOf(
        Arbitraries.strings().withChars("山田様〒0123-高崎市 丁目号\n\"").ofMaxLength(12),
        Arbitraries.just(" "),
        Arbitraries.just((String) null));
    Arbitrary<Person> person = Combinators.combine(Arbitraries.of(AgeBand.class), Arbitraries.of(CareLevel.class),
        Arbitraries.of(Household.class), text, text).as((age, care, household, housing, health) ->
        new Person(age, null, care, household, housing, health));
    Arbitrary<Activity> activity = Combinators.combine(Arbitraries.of(ActivityKind.class),
        Arbitraries.of(AssistanceLevel.class), text, text).as(Activity::new);
    Arbitrary<Support> support = Combinators.combine(Arbitraries.of(SupportKind.class), text).as(Support::new);
    Arbitrary<AssessmentDomain> domain = Combinators.combine(text, text).as(AssessmentDomain::new).injectNull(0.3);
    Arbitrary<Assessment> assessment = Combinators.combine(domain, domain, domain, domain).as(Assessment::new).injectNull(0.3);
    return Combinators.combine(text, text, person.injectNull(0.2), activity.list().ofMaxSize(4),
            text, text, support.list().ofMaxSize(4), assessment)
        .as((title, provider, p, activities, wishes, questions, supports, a) ->
            new CaseSheet(title, "群馬県", provider, p, activities, wishes, questions, supports, a, null));
  }
}
