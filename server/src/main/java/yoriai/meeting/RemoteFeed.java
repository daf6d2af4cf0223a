package yoriai.meeting;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import yoriai.meeting.MeetingStore.StoredEvent;

/**
 * The events other nodes appended to this meeting, as their event bus announced them. They are
 * followed strictly in seq order while the room's queue is not writing; a gap (an announcement lost
 * or late) is filled by reading the stored log.
 */
final class RemoteFeed {
  private static final int PAGE = 500;
  /** How long to wait before looking again when the log did not have the missing events yet. */
  private static final long RETRY_MILLIS = 50;

  /** The room as its feed sees it. */
  interface Log {
    long deliveredSeq();

    /** Applies the next event another writer stored, delivers it and acts on what it did. */
    void follow(StoredEvent stored);
  }

  private final String meetingId;
  private final RoomContext context;
  private final MeetingStore store;
  private final AppendQueue queue;
  private final Log log;
  /** Announced events waiting while the queue writes or the log is read. */
  private final List<MeetingEvent> waiting = new ArrayList<>();

  RemoteFeed(String meetingId, RoomContext context, MeetingStore store, AppendQueue queue, Log log) {
    this.meetingId = meetingId;
    this.context = context;
    this.store = store;
    this.queue = queue;
    this.log = log;
  }

  /** Called on any thread with what another node announced. */
  void receive(List<MeetingEvent> events) {
    context.run(() -> {
      waiting.addAll(events);
      if (!queue.busy()) {
        follow();
      }
    });
  }

  boolean isEmpty() {
    return waiting.isEmpty();
  }

  /** Drops what the room has delivered already. */
  void forget(long deliveredSeq) {
    waiting.removeIf(event -> event.seq() <= deliveredSeq);
  }

  /** Follows the waiting events in seq order, reads the log at a gap, then lets the queue run. */
  void follow() {
    waiting.sort(Comparator.comparingLong(MeetingEvent::seq));
    while (!waiting.isEmpty()) {
      MeetingEvent event = waiting.get(0);
      if (event.seq() <= log.deliveredSeq()) {
        waiting.remove(0);
      } else if (event.seq() == log.deliveredSeq() + 1) {
        waiting.remove(0);
        log.follow(new StoredEvent(event, null));
      } else {
        catchUp();
        return;
      }
    }
    queue.drain();
  }

  /**
   * Completes once the room has delivered up to {@code seq}, or once a read of the log found nothing
   * more; fails when the log cannot be read. While the queue writes it looks again later, as the
   * write itself may bring the room up to {@code seq}.
   */
  Future<Void> reach(long seq) {
    long from = log.deliveredSeq();
    if (from >= seq) {
      return Future.succeededFuture();
    }
    if (queue.busy()) {
      Promise<Void> reached = Promise.promise();
      context.later(RETRY_MILLIS, () -> reach(seq).onComplete(reached));
      return reached.future();
    }
    return catchUp().compose(v -> log.deliveredSeq() > from ? reach(seq) : Future.succeededFuture());
  }

  /**
   * Reads the log past the delivered seq; events a node stored but never announced are found this
   * way too. The result: whether the log could be read.
   */
  Future<Void> catchUp() {
    queue.hold();
    return context.here(store.events(meetingId, log.deliveredSeq(), Long.MAX_VALUE, PAGE)).transform(page -> {
      if (page.succeeded()) {
        for (StoredEvent stored : page.result()) {
          if (stored.event().seq() == log.deliveredSeq() + 1) {
            log.follow(stored);
          }
        }
      }
      queue.release();
      if (page.succeeded() && !page.result().isEmpty()) {
        follow();
      } else {
        context.later(RETRY_MILLIS, () -> {
          if (!queue.busy()) {
            follow();
          }
        });
      }
      return page.succeeded() ? Future.<Void>succeededFuture() : Future.<Void>failedFuture(page.cause());
    });
  }
}
