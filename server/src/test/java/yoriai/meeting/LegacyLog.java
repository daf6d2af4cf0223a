package yoriai.meeting;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import yoriai.meeting.MeetingStore.StoredEvent;
import yoriai.testing.StoredData;

/**
 * Writes into a stopped server's meeting log what a node from before the meeting's PII check could
 * have stored, so tests can show the checks at publishing still catch it.
 */
public final class LegacyLog {
  private LegacyLog() {}

  /** Appends a copy of the meeting's last message with {@code text}; returns the new message's id. */
  public static String appendMessage(Path dataDir, String meetingId, String text) throws Exception {
    String messageId = UUID.randomUUID().toString();
    StoredData.use(dataDir, storage -> MongoMeetingStore.create(storage).compose(store ->
        store.events(meetingId, 0, Long.MAX_VALUE, 10_000).compose(log -> {
          MeetingEvent last = log.get(log.size() - 1).event();
          MeetingEvent message = log.stream().map(StoredEvent::event).filter(e -> e.data() instanceof EventData.MessagePosted)
              .reduce((first, second) -> second).orElseThrow();
          EventData.MessagePosted posted = (EventData.MessagePosted) message.data();
          EventData.MessagePosted data = new EventData.MessagePosted(messageId, text, posted.replyTo(), posted.phase(), null,
              posted.caseId());
          return store.append(List.of(new StoredEvent(new MeetingEvent(last.seq() + 1, meetingId,
              last.at(), message.actor(), data), UUID.randomUUID().toString())));
        })));
    return messageId;
  }
}
