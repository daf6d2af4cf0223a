package yoriai.archive;

import java.time.Instant;
import java.util.List;
import yoriai.shared.MachineValue;
import yoriai.shared.PathKey;

/**
 * One published case (§5): the anonymized case sheet, the discussion with participants shown as
 * role labels, the proposals with their endorsement counts, and the summary. Never changed after
 * publishing, so a permalink always shows the same text, except where a host or an admin redacted a
 * text after a complaint. Every String component is free text that the PII check walks (see
 * {@link yoriai.shared.PublicTexts}) unless it is marked {@link MachineValue} with the reason.
 */
public record ArchiveEntry(
    @MachineValue("the case's generated id") String id,
    String title,
    @MachineValue("one of the 47 prefecture names, validated against Prefectures.NAMES") String prefecture,
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

  public record Person(
      @MachineValue("code of the AgeBand enum") String ageBand,
      @MachineValue("code of the Gender enum") String gender,
      @MachineValue("code of the CareLevel enum") String careLevel,
      @MachineValue("code of the Household enum") String household,
      String housing, String health) {}

  public record Activity(
      @MachineValue("code of the ActivityKind enum") String activity,
      @MachineValue("code of the AssistanceLevel enum") String level,
      String canDo, String difficulty) {}

  /** {@code kind} is formal, informal or market. */
  public record Support(@MachineValue("code of the SupportKind enum") String kind, String description) {}

  /** One message of the discussion; {@code label} such as 理学療法士A stands for the author. */
  public record Remark(@PathKey("seq=") long seq,
      @MachineValue("a Phase code the server set when the message was posted") String phase,
      String label, String text, Long replyTo) {}

  /** {@code type} is market, mutual, public or hybrid; {@code proposedBy} is the author's label. */
  public record Proposal(
      @PathKey @MachineValue("an id the server generated") String proposalId,
      String proposedBy, String targetActivity,
      @MachineValue("validated against the closed set market, mutual, public, hybrid") String type,
      String description, String keepsAbilities, String serviceId, String cost, String area, int endorsements,
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
