package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import yoriai.shared.PublicTexts;
import yoriai.testing.PublicTextCoverage;

/**
 * Publishing checks the texts {@link PublicTexts} finds in an {@link ArchiveEntry}. This test
 * reads the entry's declared shape on its own and fails when a String the public can read is
 * neither walked nor exempt with a reason, or when a component has a type nobody taught the walk.
 */
class EveryPublicTextIsCheckedTest {

  @Test
  void every_string_of_an_archive_entry_is_walked_or_exempt_with_a_reason() {
    Map<String, String> leaves = PublicTextCoverage.leaves(ArchiveEntry.class);
    ArchiveEntry sample = new PublicTextCoverage().sample(ArchiveEntry.class);

    Set<String> walked = PublicTextCoverage.shapes(PublicTexts.of(sample).keySet());

    Set<String> expected = new TreeSet<>();
    leaves.forEach((path, reason) -> {
      if (reason == null) {
        expected.add(path);
      }
    });
    assertThat(walked).as("exempt: %s", PublicTextCoverage.exempt(leaves)).isEqualTo(expected);
    assertThat(leaves.values()).allSatisfy(reason -> assertThat(reason == null || !reason.isBlank()).isTrue());
  }

  @Test
  void the_fields_once_left_out_are_walked_with_paths_the_host_can_find() {
    ArchiveEntry sample = new PublicTextCoverage().sample(ArchiveEntry.class);
    String proposal = "proposals[" + sample.proposals().get(0).proposalId() + "]";

    Map<String, String> texts = PublicTexts.of(sample);

    assertThat(texts).containsKeys(proposal + ".targetActivity", proposal + ".serviceId",
        "summary.regionalIssues[0].tags[0]", "discussion[seq=" + sample.discussion().get(0).seq() + "].text",
        "title", "provider", "person.housing", "activities[0].canDo", "wishes", "questions", "supports[0].description");
  }
}
