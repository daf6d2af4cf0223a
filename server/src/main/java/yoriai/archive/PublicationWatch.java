package yoriai.archive;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import yoriai.meeting.EventData;
import yoriai.meeting.MeetingEvent;

/**
 * Told once a meeting's entries are published and stored. Contract: {@link #published} returns at
 * once — any work it starts is asynchronous and its failures are its own; publishing neither waits
 * for it nor fails because of it.
 */
public interface PublicationWatch {
  void published(PublishedMeeting meeting);

  /** Tells {@code watch}, logging what it throws: the publication has succeeded whatever the watch does. */
  static void tell(PublicationWatch watch, PublishedMeeting meeting) {
    try {
      watch.published(meeting);
    } catch (RuntimeException e) {
      System.getLogger(PublicationWatch.class.getName()).log(System.Logger.Level.WARNING,
          "publication of meeting " + meeting.meetingId() + " not passed on", e);
    }
  }

  /**
   * A published meeting: its public entries, who took part (joined, proposed or posted, and was
   * not removed by the host; the one who published left out) and who published it.
   */
  record PublishedMeeting(String meetingId, String title, List<ArchiveEntry> entries, Set<String> participantIds,
      String publisherId) {

    static PublishedMeeting of(String meetingId, String title, List<ArchiveEntry> entries, List<MeetingEvent> log,
        String publisherId) {
      Set<String> took = new LinkedHashSet<>();
      Set<String> removed = new LinkedHashSet<>();
      for (MeetingEvent event : log) {
        EventData data = event.data();
        if (data instanceof EventData.ParticipantRemoved removal) {
          removed.add(removal.accountId());
        } else if (event.actor() != null && (data instanceof EventData.ParticipantJoined
            || data instanceof EventData.MessagePosted || data instanceof EventData.ProposalPosted)) {
          took.add(event.actor().accountId());
        }
      }
      took.removeAll(removed);
      took.remove(publisherId);
      return new PublishedMeeting(meetingId, title, List.copyOf(entries), Set.copyOf(took), publisherId);
    }
  }
}
