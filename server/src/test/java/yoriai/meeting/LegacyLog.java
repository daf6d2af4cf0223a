package yoriai.meeting;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import yoriai.meeting.MeetingStore.StoredEvent;
import yoriai.storage.Storage;

/**
 * Writes into a stopped server's meeting log what a node from before the meeting's PII check could
 * have stored, so tests can show the checks at publishing still catch it.
 */
public final class LegacyLog {
  private LegacyLog() {}

  /** Appends a copy of the meeting's last message with {@code text}; returns the new message's id. */
  public static String appendMessage(Path dataDir, String meetingId, String text) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Storage storage = await(Storage.open(vertx, Optional.empty(), dataDir, new SimpleMeterRegistry()));
      try {
        MeetingStore store = await(MongoMeetingStore.create(storage.mongo()));
        List<StoredEvent> log = await(store.events(meetingId, 0, Long.MAX_VALUE, 10_000));
        MeetingEvent last = log.get(log.size() - 1).event();
        MeetingEvent message = log.stream().map(StoredEvent::event).filter(e -> e.data() instanceof EventData.MessagePosted)
            .reduce((first, second) -> second).orElseThrow();
        EventData.MessagePosted posted = (EventData.MessagePosted) message.data();
        String messageId = UUID.randomUUID().toString();
        EventData.MessagePosted data = new EventData.MessagePosted(messageId, text, posted.replyTo(), posted.phase(), null,
            posted.caseId());
        await(store.append(List.of(new StoredEvent(new MeetingEvent(last.seq() + 1, meetingId,
            last.at(), message.actor(), data), UUID.randomUUID().toString()))));
        await(storage.durable());
        return messageId;
      } finally {
        await(storage.close(vertx));
      }
    } finally {
      await(vertx.close());
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
