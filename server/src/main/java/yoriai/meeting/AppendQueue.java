package yoriai.meeting;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import yoriai.account.Account;
import yoriai.meeting.MeetingStore.SeqTaken;
import yoriai.meeting.MeetingStore.StoredEvent;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;

/**
 * A room's commands waiting to be appended, written one batch at a time: consecutive commands are
 * checked against the state, given seqs last+1…last+n, applied, written with one ordered insert and
 * awaited durable; only then are they delivered and their futures completed. On a single node the
 * next batch may be written while the one before it waits for its commit; batches are delivered and
 * acked in seq order whatever order their commits report in. A failed write is recovered, once every
 * batch in flight has settled, by folding the log again, so memory never holds an event the store lacks.
 */
final class AppendQueue {
  private static final System.Logger LOG = System.getLogger(AppendQueue.class.getName());
  private static final int MAX_BATCH = 256;
  /** One batch writing while the one before it waits for its commit. */
  private static final int MAX_IN_FLIGHT = 2;

  /** The room as its queue sees it. */
  interface Log {
    MeetingState state();

    /** Durable events, in seq order: advance the delivered seq and send them to the audience. */
    void delivered(List<StoredEvent> events);

    /** Acts on what one stored event did (a removal, a close) once it is durable. */
    void settled(MeetingState.Effects effects, Account actor);

    /** Folds the log again; the events stored beyond what was delivered (another writer's, or ours that did land). */
    Future<List<StoredEvent>> refold();

    /** The log could not be read back: the room is unusable until it is loaded again. */
    void lost();

    /** The queue is idle again; the room decides what runs next. */
    void idle();
  }

  private final String meetingId;
  private final RoomContext context;
  private final Room.Dependencies deps;
  private final RecentCommands commands;
  private final Log log;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  /** A batch's writes, a recovery or a catch-up with the log are running; nothing else may write to the log meanwhile. */
  private boolean writing;
  /** Batches given seqs and not yet delivered or failed. */
  private int inFlight;
  /** Completes once the newest batch in flight has been delivered or failed; the next one waits for it. */
  private Future<Void> lastSettled = Future.succeededFuture();
  /** Commands of batches that failed, or came after a failure, to be recovered once nothing is in flight. */
  private final List<Accepted> unsettled = new ArrayList<>();
  private Throwable firstFailure;

  AppendQueue(String meetingId, RoomContext context, Room.Dependencies deps, RecentCommands commands, Log log) {
    this.meetingId = meetingId;
    this.context = context;
    this.deps = deps;
    this.commands = commands;
    this.log = log;
  }

  /** The seq of {@code command}'s event once durable; a repeated command id gets the first one's seq. */
  Future<Long> enqueue(Account actor, String commandId, Command command) {
    return commands.once(actor.id(), commandId, () -> {
      Pending item = new Pending(actor, commandId, command, Promise.promise());
      pending.add(item);
      drain();
      return item.promise.future();
    });
  }

  /** True while anything touches the log: a batch in flight, a recovery, a catch-up. */
  boolean busy() {
    return writing || inFlight > 0;
  }

  /** Keeps batches from starting while the room reads the log itself; {@link #release} ends it. */
  void hold() {
    writing = true;
  }

  void release() {
    writing = false;
  }

  /**
   * Starts the next batch unless one is writing, or a failure waits for recovery. In a cluster a
   * batch also waits for the one before it to be durable: another node's events are followed only
   * between batches.
   */
  void drain() {
    if (writing || pending.isEmpty() || firstFailure != null || inFlight >= (deps.clustered() ? 1 : MAX_IN_FLIGHT)) {
      return;
    }
    writing = true;
    inFlight++;
    Instant now = deps.clock().instant();
    List<Accepted> batch = new ArrayList<>();
    MeetingState state = log.state();
    long seq = state.seq();
    while (!pending.isEmpty() && batch.size() < MAX_BATCH) {
      Pending item = pending.poll();
      var stored = commands.seqOf(item.actor.id(), item.commandId);
      if (stored.isPresent()) {
        item.promise.tryComplete(stored.get());
        continue;
      }
      try {
        EventData data = state.decide(item.actor, item.command, now);
        MeetingEvent event = new MeetingEvent(++seq, meetingId, now, Actor.of(item.actor), data);
        batch.add(new Accepted(item, new StoredEvent(event, item.commandId), state.apply(event)));
      } catch (Failure refused) {
        item.promise.tryFail(refused);
      } catch (RuntimeException bug) {
        LOG.log(System.Logger.Level.ERROR, "command failed in meeting " + meetingId, bug);
        item.promise.tryFail(new Failure(FailureKind.INTERNAL, "internal_error", "The command could not be applied"));
      }
    }
    if (batch.isEmpty()) {
      writing = false;
      inFlight--;
      next();
      return;
    }
    write(batch, state.meeting().progress());
  }

  private void write(List<Accepted> batch, Meeting.Progress progress) {
    List<StoredEvent> events = batch.stream().map(Accepted::stored).toList();
    boolean progressChanged = batch.stream().anyMatch(a -> a.effects().progressChanged());
    long started = System.nanoTime();
    Future<Void> stored = deps.store().append(events)
        .compose(v -> redact(HiddenMessages.hiddenBy(events.stream().map(StoredEvent::event).toList())))
        .compose(v -> progressChanged ? deps.store().saveProgress(meetingId, progress) : Future.<Void>succeededFuture());
    // a failed write keeps the queue writing: nothing new starts before the recovery
    Future<Void> durable = context.here(stored).compose(v -> {
      writing = false;
      Future<Void> committed = context.here(deps.durable().get());
      drain();
      return committed;
    });
    Promise<Void> settled = Promise.promise();
    Future<Void> before = lastSettled;
    lastSettled = settled.future();
    before.transform(v -> durable).onComplete(result -> {
      deps.appendTimer().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      inFlight--;
      if (result.succeeded() && firstFailure == null) {
        committed(batch, events);
      } else {
        failed(batch, result.failed() ? result.cause() : null);
      }
      settled.complete();
    });
  }

  private void failed(List<Accepted> batch, Throwable cause) {
    unsettled.addAll(batch);
    if (firstFailure == null) {
      firstFailure = cause;
    }
    if (inFlight == 0) {
      List<Accepted> toRecover = List.copyOf(unsettled);
      Throwable failure = firstFailure;
      unsettled.clear();
      recover(toRecover, failure);
    }
  }

  /** Takes a hidden message's text out of the stored log; a hide is acked only after this, so no read finds it later. */
  Future<Void> redact(Collection<String> messageIds) {
    if (messageIds.isEmpty()) {
      return Future.succeededFuture();
    }
    MeetingState state = log.state();
    return deps.store().redactMessages(meetingId, messageIds.stream().map(state::seqOfMessage).toList());
  }

  private void committed(List<Accepted> batch, List<StoredEvent> events) {
    events.forEach(commands::remember);
    log.delivered(events);
    deps.announce().accept(events.stream().map(StoredEvent::event).toList());
    for (Accepted accepted : batch) {
      accepted.item().promise.tryComplete(accepted.stored().event().seq());
      log.settled(accepted.effects(), accepted.item().actor);
    }
    next();
  }

  /** Lets the room follow what other nodes announced meanwhile once nothing is in flight, else writes on. */
  private void next() {
    if (inFlight == 0 && !writing) {
      log.idle();
    } else {
      drain();
    }
  }

  /**
   * After a failed append the in-memory state may hold events that were never stored, so it is
   * rebuilt from the log. A taken seq means another writer got there first: its events are
   * delivered and the batch is retried on top of them; commands whose events did get stored are
   * acked with their stored seq rather than applied twice.
   */
  private void recover(List<Accepted> batch, Throwable cause) {
    writing = true;
    boolean retry = cause instanceof SeqTaken;
    boolean storageUnavailable = cause instanceof Failure f && f.isStorageUnavailable();
    if (!retry && !storageUnavailable) {
      LOG.log(System.Logger.Level.ERROR, "append failed in meeting " + meetingId, cause);
    }
    log.refold().compose(found -> context.here(deps.durable().get()).map(found)).onComplete(reloaded -> {
      if (reloaded.failed()) {
        batch.forEach(accepted -> accepted.item().promise.tryFail(cause));
        pending.forEach(item -> item.promise.tryFail(cause));
        pending.clear();
        log.lost();
        return;
      }
      if (!reloaded.result().isEmpty()) {
        log.delivered(reloaded.result());
      }
      for (int i = batch.size() - 1; i >= 0; i--) {
        Pending item = batch.get(i).item();
        var stored = commands.seqOf(item.actor.id(), item.commandId);
        if (retry) {
          pending.addFirst(item);
        } else if (stored.isPresent()) {
          item.promise.tryComplete(stored.get());
        } else {
          item.promise.tryFail(storageUnavailable ? cause
              : new Failure(FailureKind.INTERNAL, "internal_error", "The command could not be stored"));
        }
      }
      firstFailure = null;
      writing = false;
      next();
    });
  }

  private record Pending(Account actor, String commandId, Command command, Promise<Long> promise) {}

  /** A command in the batch being written, with its event and what applying it did. */
  private record Accepted(Pending item, StoredEvent stored, MeetingState.Effects effects) {}
}
