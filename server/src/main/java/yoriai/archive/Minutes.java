package yoriai.archive;

import java.util.List;
import yoriai.meeting.MeetingView;

/**
 * The minutes (議事録) of a closed meeting for its readers: the meeting, who took part as the archive
 * labels them (with their role and organization, never a personal name) and each case of the agenda
 * as its archive entry would read, whether or not it was published.
 */
public record Minutes(MeetingView meeting, String hostOrganization, List<Participant> participants,
    List<ArchiveEntry> cases) {

  public Minutes {
    participants = List.copyOf(participants);
    cases = List.copyOf(cases);
  }

  static Minutes of(MeetingView meeting, DiscussedCases.Reading reading) {
    String hostOrganization = reading.log().stream()
        .filter(e -> e.actor() != null && e.actor().accountId().equals(meeting.hostId()) && e.actor().organization() != null)
        .map(e -> e.actor().organization().name()).findFirst().orElse(null);
    return new Minutes(meeting, hostOrganization, Publication.participants(meeting, reading.log(), reading.namedCompanies()),
        reading.cases().stream().map(DiscussedCases.Discussed::entry).toList());
  }

  /** {@code label} as in the discussion (司会, 理学療法士A); {@code role} a Role code; organization may be null. */
  public record Participant(String label, String role, String organization) {}
}
