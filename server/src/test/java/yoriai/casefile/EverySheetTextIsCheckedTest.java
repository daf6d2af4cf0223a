package yoriai.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import yoriai.testing.PublicTextCoverage;

/** Submitting checks {@link CaseSheet#textFields()}: every String of the sheet, by the walk publishing uses too. */
class EverySheetTextIsCheckedTest {

  @Test
  void every_string_of_a_case_sheet_is_checked_or_exempt_with_a_reason() {
    Map<String, String> leaves = PublicTextCoverage.leaves(CaseSheet.class);
    CaseSheet sample = new PublicTextCoverage().sample(CaseSheet.class);

    Set<String> checked = PublicTextCoverage.shapes(sample.textFields().keySet());

    Set<String> expected = new TreeSet<>();
    leaves.forEach((path, reason) -> {
      if (reason == null) {
        expected.add(path);
      }
    });
    assertThat(checked).as("exempt: %s", PublicTextCoverage.exempt(leaves)).isEqualTo(expected);
    assertThat(checked).contains("provider", "title", "wishes", "questions", "person.housing", "activities[].difficulty",
        "supports[].description", "assessment.movement.issue");
  }
}
