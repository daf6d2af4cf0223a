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

  /** {@code label} as in the discussion (司会, 理学療法士A); {@code role} a Role code; organization may be null. */
  public record Participant(String label, String role, String organization) {}
}
