package yoriai.meeting;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.Future;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import yoriai.shared.Json;

/**
 * Where meetings and their event logs live. Contract: {@link #append} stores events in the given
 * order, a (meetingId, seq) pair at most once; when one is already taken it fails with
 * {@link SeqTaken}, and the events before it in the list may be stored. A meeting's seqs run from 1 without gaps. Nothing here waits for
 * durability: the caller awaits {@code Storage.durable()} before acknowledging.
 */
interface MeetingStore {
  Future<Void> insert(Meeting meeting);

  Future<Optional<Meeting>> find(String id);

  Future<List<Meeting>> list(boolean closed);

  /**
   * Open (not invite-only) meetings that are live, or not closed and starting at {@code earliestStart}
   * or later; earliest start first, at most {@code limit}.
   */
  Future<List<Meeting>> openFrom(Instant earliestStart, int limit);

  /**
   * Meetings of any visibility, not closed, that start by {@code until} and come after {@code from}
   * in (start, id) order; in that order, at most {@code limit}. A caller pages on from the last
   * meeting of a page ({@link Position#of}).
   */
  Future<List<Meeting>> startingBetween(Position from, Instant until, int limit);

  Future<Void> saveProgress(String id, Meeting.Progress progress);

  Future<Void> append(List<StoredEvent> events);

  /** Events with {@code after < seq <= upTo}, in seq order, at most {@code limit}. */
  Future<List<StoredEvent>> events(String meetingId, long after, long upTo, int limit);

  /**
   * Removes the text of the {@code message.posted} events at {@code seqs} in place and marks them
   * {@code hidden}; seq, kind and everything else stay, so the log remains gapless. Harmless to
   * repeat; an event at one of the seqs that is not a {@code message.posted} is left as it is.
   */
  Future<Void> redactMessages(String meetingId, Collection<Long> seqs);

  /** A place in (start, id) order; {@code id} null: after every meeting that starts at {@code startsAt}. */
  record Position(Instant startsAt, String id) {
    /** The start alone: meetings starting exactly then are not after it. */
    static Position after(Instant startsAt) {
      return new Position(startsAt, null);
    }

    /** Right after {@code meeting}; to the millisecond, as the store keeps start times. */
    static Position of(Meeting meeting) {
      return new Position(meeting.startsAt().toInstant().truncatedTo(ChronoUnit.MILLIS), meeting.id());
    }
  }

  /**
   * An event with the command that caused it; presence and REST events have no command id. Its JSON
   * is encoded once, when first asked for, and serves both its log record and its frame: two
   * encodings of every post were 15 % of the event loops' work at 8,000 posts/s (decision 150).
   * Used on the room's context only.
   */
  final class StoredEvent {
    private final MeetingEvent event;
    private final String commandId;
    private byte[] json;

    StoredEvent(MeetingEvent event, String commandId) {
      this.event = Objects.requireNonNull(event);
      this.commandId = commandId;
    }

    public MeetingEvent event() {
      return event;
    }

    public String commandId() {
      return commandId;
    }

    /** The event as JSON (UTF-8), the bytes a frame and a log record are made of; never to be changed. */
    byte[] json() {
      if (json == null) {
        try {
          json = Json.mapper().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
          throw new UncheckedIOException(e);
        }
      }
      return json;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof StoredEvent that && event.equals(that.event) && Objects.equals(commandId, that.commandId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(event, commandId);
    }

    @Override
    public String toString() {
      return "StoredEvent[event=" + event + ", commandId=" + commandId + "]";
    }
  }

  /** Another writer already holds a seq this append wanted. */
  final class SeqTaken extends RuntimeException {
    SeqTaken(Throwable cause) {
      super("a seq of this append is taken", cause, false, false);
    }
  }
}
