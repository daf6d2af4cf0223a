package yoriai.archive;

import java.time.Instant;
import java.util.List;

/**
 * One published case (§5): the anonymized case sheet, the discussion with participants shown as
 * role labels, the proposals with their endorsement counts, and the summary. Never changed after
 * publishing, so a permalink always shows the same text.
 */
public record ArchiveEntry(
    String id,
    String title,
    String prefecture,
    String provider,
    Instant publishedAt,
    Person person,
    List<Activity> activities,
    String wishes,
    String questions,
    List<Support> supports,
    List<Remark> discussion,
    List<Proposal> proposals,
    Summary summary) {

  public ArchiveEntry {
    activities = copy(activities);
    supports = copy(supports);
    discussion = copy(discussion);
    proposals = copy(proposals);
  }

  public record Person(String ageBand, String gender, String careLevel, String household,
      String housing, String health) {}

  public record Activity(String activity, String level, String canDo, String difficulty) {}

  /** {@code kind} is formal, informal or market. */
  public record Support(String kind, String description) {}

  /** One message of the discussion; {@code label} such as 理学療法士A stands for the author. */
  public record Remark(long seq, String phase, String label, String text, Long replyTo) {}

  /** {@code type} is market, mutual, public or hybrid; {@code proposedBy} is the author's label. */
  public record Proposal(String proposalId, String proposedBy, String targetActivity, String type, String description,
      String keepsAbilities, String serviceId, String cost, String area, int endorsements,
      boolean adopted) {}

  public record Summary(String direction, List<RegionalIssue> regionalIssues,
      List<String> missingResources, List<String> followUps) {

    public Summary {
      regionalIssues = copy(regionalIssues);
      missingResources = copy(missingResources);
      followUps = copy(followUps);
    }
  }

  public record RegionalIssue(String text, List<String> tags) {

    public RegionalIssue {
      tags = copy(tags);
    }
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
