package yoriai.meeting;

import java.util.List;
import yoriai.shared.MachineValue;
import yoriai.shared.Nullable;
import yoriai.shared.Validator;

/**
 * まとめ of one case: the support direction, adopted proposals, regional issues, missing resources and
 * follow-ups; the body of the summary routes and, with its case, a {@code summary.updated} event.
 */
public record Summary(String direction,
    @MachineValue("proposal ids, validated against Command.ID") List<String> adoptedProposalIds, List<RegionalIssue> regionalIssues,
    List<String> missingResources, List<String> followUps) {

  public Summary {
    adoptedProposalIds = adoptedProposalIds == null ? List.of() : List.copyOf(adoptedProposalIds);
    regionalIssues = regionalIssues == null ? List.of() : List.copyOf(regionalIssues);
    missingResources = missingResources == null ? List.of() : List.copyOf(missingResources);
    followUps = followUps == null ? List.of() : List.copyOf(followUps);
  }

  /** 地域課題 with free tags. */
  public record RegionalIssue(String text, @Nullable List<String> tags) {}

  void validate() {
    Validator v = new Validator().text("direction", direction, 1, 4000)
        .check(adoptedProposalIds.size() <= 100, "adoptedProposalIds", "at most 100")
        .check(regionalIssues.size() <= 50, "regionalIssues", "at most 50")
        .check(missingResources.size() <= 50, "missingResources", "at most 50")
        .check(followUps.size() <= 50, "followUps", "at most 50");
    for (int i = 0; i < adoptedProposalIds.size(); i++) {
      v.matches("adoptedProposalIds[" + i + "]", adoptedProposalIds.get(i), Command.ID, "a proposal id")
          .required("adoptedProposalIds[" + i + "]", adoptedProposalIds.get(i));
    }
    for (int i = 0; i < regionalIssues.size(); i++) {
      RegionalIssue issue = regionalIssues.get(i);
      v.required("regionalIssues[" + i + "]", issue);
      if (issue != null) {
        v.text("regionalIssues[" + i + "].text", issue.text(), 1, 1000)
            .check(issue.tags() == null || issue.tags().size() <= 20, "regionalIssues[" + i + "].tags", "at most 20");
      }
    }
    for (int i = 0; i < missingResources.size(); i++) {
      v.text("missingResources[" + i + "]", missingResources.get(i), 1, 1000);
    }
    for (int i = 0; i < followUps.size(); i++) {
      v.text("followUps[" + i + "]", followUps.get(i), 1, 1000);
    }
    v.orThrow();
  }
}
