package yoriai.meeting;

import io.micrometer.core.instrument.Timer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import yoriai.account.Account;
import yoriai.meeting.MeetingStore.SeqTaken;
import yoriai.meeting.MeetingStore.StoredEvent;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;

/**
 * One meeting in memory: its state, its append queue and its connected participants. Everything
 * runs on the room's context, so the queue needs no locks. Appends are serialized: one batch of
 * consecutive commands is written at a time with seqs last+1…last+n, awaited durable, then acked
 * and delivered, so participants see seqs in order and a seq exists only if its insert succeeded.
 */
final class Room {
  private static final System.Logger LOG = System.getLogger(Room.class.getName());
  private static final int MAX_BATCH = 256;
  private static final int PAGE = 500;
  private static final int RECENT_COMMANDS = 10_000;
  private static final int RECENT_EVENTS = 5_000;
  static final int REMOVED_CLOSE_CODE = 4003;

  private final String meetingId;
  private final Context context;
  private final Dependencies deps;
  private final Runnable onBroken;
  private MeetingState state;
  /** The last seq acked and delivered; joins and reads see the log up to here. */
  private long deliveredSeq;
  private final Map<String, Long> recent = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      if (size() > RECENT_COMMANDS) {
        recentComplete = false;
        return true;
      }
      return false;
    }
  };
  /** While true, a command id missing from {@link #recent} was never applied; no store lookup needed. */
  private boolean recentComplete = true;
  private final Map<String, Future<Long>> inFlight = new HashMap<>();
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private boolean writing;
  /** Events other nodes appended, waiting while this room writes or catches up. */
  private final List<MeetingEvent> remote = new ArrayList<>();
  private final Map<ParticipantChannel, Session> sessions = new LinkedHashMap<>();
  private final RecentEvents recentEvents = new RecentEvents(RECENT_EVENTS);
  /** Never reset: a hide, once stored, holds for every later read and replay. */
  private final HiddenMessages hidden = new HiddenMessages();

  /** What a room needs from its service. */
  record Dependencies(MeetingStore store, Supplier<Future<Void>> durable, CaseLink cases, Clock clock, Timer appendTimer,
      Consumer<List<MeetingEvent>> announce, boolean clustered) {}

  private Room(String meetingId, Context context, Dependencies deps, Runnable onBroken) {
    this.meetingId = meetingId;
    this.context = context;
    this.deps = deps;
    this.onBroken = onBroken;
  }

  static Future<Room> load(Vertx vertx, String meetingId, Dependencies deps, Runnable onBroken) {
    Room room = new Room(meetingId, vertx.getOrCreateContext(), deps, onBroken);
    return room.onContext(() -> room.fold(event -> { }).compose(stored -> {
      room.deliveredSeq = room.state.seq();
      // a node that stopped between storing a hide and redacting its message left the text behind;
      // while the store cannot write, reads still get tombstones from `hidden` and the next load redacts
      return unlessUnwritable(room.here(room.redactStored(room.hidden.ids()))).map(stored);
    }).compose(stored -> stored.progress().equals(room.state.meeting().progress()) ? Future.succeededFuture()
        // the stored progress is a copy of the log's for listings; a full disk must not keep the log from being read
        : unlessUnwritable(room.here(deps.store().saveProgress(meetingId, room.state.meeting().progress()))))
        .map(room));
  }

  /** A repair write that may wait: refused by a store that cannot write, it counts as done. */
  private static Future<Void> unlessUnwritable(Future<Void> write) {
    return write.recover(e -> e instanceof Failure f && f.isStorageUnavailable() ? Future.succeededFuture() : Future.failedFuture(e));
  }

  /** The meeting as {@code viewer} may see it; fails as {@link MeetingAccess} decides. */
  Future<MeetingView> view(Account viewer, String inviteCode) {
    return onContext(() -> {
      requireAccess(viewer, inviteCode);
      return Future.succeededFuture(MeetingView.of(state.meeting(), state.isHost(viewer)));
    });
  }

  /** The log for {@code reader}, checked by {@link MeetingAccess}; {@code reader} null: a caller that checked already. */
  Future<List<MeetingEvent>> events(Account reader, String inviteCode, long after, int limit) {
    return onContext(() -> {
      if (reader != null) {
        requireAccess(reader, inviteCode);
      }
      return here(deps.store().events(meetingId, after, deliveredSeq, limit));
    }).map(page -> page.stream().map(stored -> hidden.shown(stored.event())).toList());
  }

  private void requireAccess(Account account, String inviteCode) {
    boolean connected = sessions.values().stream().anyMatch(s -> s.account.id().equals(account.id()));
    MeetingAccess.require(state.meeting(), account, inviteCode, state.isRemoved(account.id()),
        connected || state.hasJoined(account.id()));
  }

  Future<Long> submit(Account actor, String commandId, Command command) {
    try {
      command.validate();
    } catch (Failure invalid) {
      return Future.failedFuture(invalid);
    }
    return onContext(() -> enqueue(actor, commandId, command));
  }

  Future<Void> join(Account account, Long lastSeq, String inviteCode, ParticipantChannel channel) {
    return onContext(() -> {
      requireAccess(account, inviteCode);
      boolean first = sessions.values().stream().noneMatch(s -> s.account.id().equals(account.id()));
      long from = lastSeq == null ? deliveredSeq : Math.min(lastSeq, deliveredSeq);
      Session session = new Session(account, channel, from);
      session.replaying = from < deliveredSeq;
      sessions.put(channel, session);
      channel.joined(new Joined(meetingId, deliveredSeq, participants()));
      if (first) {
        presence(account, true);
      }
      if (session.replaying) {
        replay(session, deliveredSeq);
      }
      if (deps.clustered() && !writing) {
        // events a node appended just before it died were never announced; the log has them
        catchUp();
      }
      return Future.succeededFuture();
    });
  }

  void leave(ParticipantChannel channel) {
    context.runOnContext(v -> {
      Session session = sessions.remove(channel);
      if (session == null) {
        return;
      }
      session.gone = true;
      if (sessions.values().stream().noneMatch(s -> s.account.id().equals(session.account.id()))) {
        presence(session.account, false);
      }
    });
  }

  private void presence(Account account, boolean joined) {
    enqueue(account, null, new Command.Presence(joined)).onFailure(e ->
        LOG.log(System.Logger.Level.DEBUG, "presence not recorded for meeting " + meetingId, e));
  }

  private List<Actor> participants() {
    Map<String, Actor> present = new LinkedHashMap<>();
    state.present().forEach(actor -> present.put(actor.accountId(), actor));
    sessions.values().forEach(s -> present.putIfAbsent(s.account.id(), Actor.of(s.account)));
    return List.copyOf(present.values());
  }

  /**
   * Events another node appended to this meeting, as its event bus announced them. They are
   * applied in seq order once this room is not writing; a gap is filled from the stored log.
   */
  void remote(List<MeetingEvent> events) {
    context.runOnContext(v -> {
      remote.addAll(events);
      if (!writing) {
        applyRemote();
      }
    });
  }

  private void applyRemote() {
    remote.sort(java.util.Comparator.comparingLong(MeetingEvent::seq));
    while (!remote.isEmpty()) {
      MeetingEvent event = remote.get(0);
      if (event.seq() <= deliveredSeq) {
        remote.remove(0);
      } else if (event.seq() == deliveredSeq + 1) {
        remote.remove(0);
        state.apply(event);
        deliveredSeq = event.seq();
        deliver(List.of(new StoredEvent(event, null)));
        disconnectRemoved(event);
      } else {
        catchUp();
        return;
      }
    }
    drain();
  }

  private void catchUp() {
    writing = true;
    here(deps.store().events(meetingId, deliveredSeq, Long.MAX_VALUE, PAGE)).onComplete(page -> {
      if (page.succeeded()) {
        for (StoredEvent stored : page.result()) {
          if (stored.event().seq() == deliveredSeq + 1) {
            state.apply(stored.event());
            deliveredSeq = stored.event().seq();
            deliver(List.of(stored));
            disconnectRemoved(stored.event());
          }
        }
      }
      writing = false;
      boolean progressed = page.succeeded() && !page.result().isEmpty();
      if (progressed) {
        applyRemote();
      } else {
        vertx().setTimer(50, id -> context.runOnContext(v -> {
          if (!writing) {
            applyRemote();
          }
        }));
      }
    });
  }

  private Vertx vertx() {
    return context.owner();
  }

  private void disconnectRemoved(MeetingEvent event) {
    String removed = MeetingState.Effects.of(event).removedAccountId();
    if (removed != null) {
      sessions.values().stream().filter(s -> s.account.id().equals(removed)).toList()
          .forEach(s -> s.channel.disconnect(REMOVED_CLOSE_CODE, "removed by the host"));
    }
  }

  private Future<Long> enqueue(Account actor, String commandId, Command command) {
    String key = commandId == null ? null : actor.id() + "/" + commandId;
    if (key != null) {
      Long seq = recent.get(key);
      if (seq != null) {
        return Future.succeededFuture(seq);
      }
      Future<Long> flying = inFlight.get(key);
      if (flying != null) {
        return flying;
      }
    }
    Promise<Long> promise = Promise.promise();
    Pending item = new Pending(actor, key, commandId, command, promise);
    if (key != null) {
      inFlight.put(key, promise.future());
    }
    Future<Optional<Long>> prior = key == null || recentComplete ? Future.succeededFuture(Optional.empty())
        : here(deps.store().seqOfCommand(meetingId, actor.id(), commandId));
    prior.onComplete(found -> {
      if (found.failed()) {
        item.fail(found.cause());
      } else if (found.result().isPresent()) {
        item.succeed(found.result().get());
      } else {
        pending.add(item);
        drain();
      }
    });
    return promise.future();
  }

  private void drain() {
    if (writing || pending.isEmpty()) {
      return;
    }
    writing = true;
    Instant now = deps.clock().instant();
    List<Pending> accepted = new ArrayList<>();
    List<StoredEvent> events = new ArrayList<>();
    long seq = state.seq();
    while (!pending.isEmpty() && accepted.size() < MAX_BATCH) {
      Pending item = pending.poll();
      if (item.key != null && recent.containsKey(item.key)) {
        item.succeed(recent.get(item.key));
        continue;
      }
      try {
        EventData data = state.decide(item.actor, item.command, now);
        MeetingEvent event = new MeetingEvent(++seq, meetingId, now, Actor.of(item.actor), data);
        state.apply(event);
        events.add(new StoredEvent(event, item.commandId));
        accepted.add(item);
      } catch (Failure refused) {
        item.fail(refused);
      } catch (RuntimeException bug) {
        LOG.log(System.Logger.Level.ERROR, "command failed in meeting " + meetingId, bug);
        item.fail(new Failure(FailureKind.INTERNAL, "internal_error", "The command could not be applied"));
      }
    }
    if (events.isEmpty()) {
      writing = false;
      drain();
      return;
    }
    long started = System.nanoTime();
    Meeting.Progress snapshot = state.meeting().progress();
    Future<Void> written = deps.store().append(events)
        .compose(v -> redactStored(HiddenMessages.hiddenBy(events.stream().map(StoredEvent::event).toList())))
        .compose(v -> !progressChanged(events) ? Future.<Void>succeededFuture()
            : deps.store().saveProgress(meetingId, snapshot))
        .compose(v -> deps.durable().get());
    here(written).onComplete(result -> {
      deps.appendTimer().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      if (result.succeeded()) {
        committed(accepted, events);
      } else {
        recover(accepted, result.cause());
      }
    });
  }

  private static boolean progressChanged(List<StoredEvent> events) {
    return events.stream().anyMatch(e -> MeetingState.Effects.of(e.event()).progressChanged());
  }

  private void committed(List<Pending> accepted, List<StoredEvent> events) {
    deliveredSeq = events.get(events.size() - 1).event().seq();
    for (int i = 0; i < events.size(); i++) {
      Pending item = accepted.get(i);
      if (item.key != null) {
        recent.put(item.key, events.get(i).event().seq());
      }
    }
    deliver(events);
    deps.announce().accept(events.stream().map(StoredEvent::event).toList());
    for (int i = 0; i < events.size(); i++) {
      accepted.get(i).succeed(events.get(i).event().seq());
      afterCommit(events.get(i).event(), accepted.get(i).actor);
    }
    writing = false;
    if (remote.isEmpty()) {
      drain();
    } else {
      applyRemote();
    }
  }

  /** Takes a hidden message's text out of the stored log; a hide is acked only after this, so no read finds it later. */
  private Future<Void> redactStored(Collection<String> messageIds) {
    return messageIds.isEmpty() ? Future.succeededFuture() : deps.store().redactMessages(meetingId, messageIds);
  }

  /**
   * Keeps {@code event} among the recent frames, as anyone may now read it, and returns its frame.
   * A hide rewrites the hidden message's held frame into its tombstone.
   */
  private EventFrame remember(MeetingEvent event) {
    boolean hides = hidden.apply(event);
    MeetingEvent shown = hidden.shown(event);
    EventFrame frame = EventFrame.of(shown);
    recentEvents.add(shown, frame);
    if (hides) {
      recentEvents.rewrite(hidden::shown);
    }
    return frame;
  }

  private void deliver(List<StoredEvent> events) {
    for (StoredEvent stored : events) {
      EventFrame frame = remember(stored.event());
      for (Session session : List.copyOf(sessions.values())) {
        try {
          session.offer(frame);
        } catch (RuntimeException broken) {
          // one broken socket must not keep the event from everyone after it
          session.channel.disconnect(1011, "delivery failed; join again with lastSeq");
        }
      }
    }
  }

  private void afterCommit(MeetingEvent event, Account actor) {
    disconnectRemoved(event);
    if (MeetingState.Effects.of(event).closed()) {
      deps.cases().markDiscussed(state.meeting().caseIds(), actor).onFailure(e ->
          LOG.log(System.Logger.Level.WARNING, "cases of meeting " + meetingId + " not marked discussed", e));
    }
  }

  /**
   * After a failed append the in-memory state may hold events that were never stored, so it is
   * rebuilt from the log. A taken seq means another writer got there first: its events are
   * delivered and the batch is retried on top of them; commands whose events did get stored are
   * acked with their stored seq rather than applied twice.
   */
  private void recover(List<Pending> accepted, Throwable cause) {
    boolean retry = cause instanceof SeqTaken;
    boolean storageUnavailable = cause instanceof Failure f && f.isStorageUnavailable();
    if (!retry && !storageUnavailable) {
      LOG.log(System.Logger.Level.ERROR, "append failed in meeting " + meetingId, cause);
    }
    List<StoredEvent> found = new ArrayList<>();
    long known = deliveredSeq;
    fold(event -> {
      if (event.event().seq() > known) {
        found.add(event);
      }
    }).compose(v -> here(deps.durable().get())).onComplete(reloaded -> {
      if (reloaded.failed()) {
        accepted.forEach(item -> item.fail(cause));
        pending.forEach(item -> item.fail(cause));
        pending.clear();
        sessions.keySet().forEach(channel -> channel.disconnect(1011, "meeting unavailable"));
        onBroken.run();
        return;
      }
      if (!found.isEmpty()) {
        deliveredSeq = found.get(found.size() - 1).event().seq();
        deliver(found);
      }
      remote.removeIf(event -> event.seq() <= deliveredSeq);
      for (int i = accepted.size() - 1; i >= 0; i--) {
        Pending item = accepted.get(i);
        if (retry) {
          pending.addFirst(item);
        } else if (item.key != null && recent.containsKey(item.key)) {
          item.succeed(recent.get(item.key));
        } else {
          item.fail(storageUnavailable ? cause
              : new Failure(FailureKind.INTERNAL, "internal_error", "The command could not be stored"));
        }
      }
      writing = false;
      drain();
    });
  }

  /** Rebuilds state and the recent command ids from the stored log; returns the stored meeting. */
  private Future<Meeting> fold(Consumer<StoredEvent> each) {
    return here(deps.store().find(meetingId)).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(Failure.notFound("Meeting"));
      }
      MeetingState fresh = new MeetingState(found.get());
      recent.clear();
      recentEvents.clear();
      recentComplete = true;
      return foldFrom(fresh, 0, each).map(v -> {
        state = fresh;
        return found.get();
      });
    });
  }

  private Future<Void> foldFrom(MeetingState into, long after, Consumer<StoredEvent> each) {
    return here(deps.store().events(meetingId, after, Long.MAX_VALUE, PAGE)).compose(page -> {
      for (StoredEvent stored : page) {
        into.apply(stored.event());
        remember(stored.event());
        if (stored.commandId() != null) {
          recent.put(stored.event().actor().accountId() + "/" + stored.commandId(), stored.event().seq());
        }
        each.accept(stored);
      }
      return page.size() < PAGE ? Future.succeededFuture() : foldFrom(into, into.seq(), each);
    });
  }

  private void replay(Session session, long upTo) {
    if (session.gone) {
      return;
    }
    if (recentEvents.covers(session.lastSent)) {
      for (EventFrame frame : recentEvents.between(session.lastSent, upTo, PAGE)) {
        session.channel.deliver(frame);
        session.lastSent = frame.seq();
      }
      if (session.lastSent < upTo) {
        here(session.channel.writable()).onComplete(ready -> replay(session, upTo));
        return;
      }
      finishReplay(session);
      return;
    }
    here(deps.store().events(meetingId, session.lastSent, upTo, PAGE)).onComplete(page -> {
      if (session.gone) {
        return;
      }
      if (page.failed()) {
        session.channel.disconnect(1011, "replay failed; join again");
        return;
      }
      for (StoredEvent stored : page.result()) {
        session.channel.deliver(EventFrame.of(hidden.shown(stored.event())));
        session.lastSent = stored.event().seq();
      }
      if (page.result().size() == PAGE && session.lastSent < upTo) {
        here(session.channel.writable()).onComplete(ready -> replay(session, upTo));
        return;
      }
      finishReplay(session);
    });
  }

  private static void finishReplay(Session session) {
    session.replaying = false;
    session.buffer.forEach(session::offer);
    session.buffer.clear();
  }

  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> {
      try {
        action.get().onComplete(promise);
      } catch (RuntimeException e) {
        promise.fail(e);
      }
    });
    return promise.future();
  }

  /** Continues on the room's context whichever thread completes {@code future}. */
  private <T> Future<T> here(Future<T> future) {
    Promise<T> promise = Promise.promise();
    future.onComplete(result -> {
      if (Vertx.currentContext() == context) {
        promise.handle(result);
      } else {
        context.runOnContext(v -> promise.handle(result));
      }
    });
    return promise.future();
  }

  private final class Pending {
    final Account actor;
    final String key;
    final String commandId;
    final Command command;
    final Promise<Long> promise;

    Pending(Account actor, String key, String commandId, Command command, Promise<Long> promise) {
      this.actor = actor;
      this.key = key;
      this.commandId = commandId;
      this.command = command;
      this.promise = promise;
    }

    void succeed(long seq) {
      if (key != null) {
        inFlight.remove(key);
      }
      promise.tryComplete(seq);
    }

    void fail(Throwable error) {
      if (key != null) {
        inFlight.remove(key);
      }
      promise.tryFail(error);
    }
  }

  /** One connection in the room; live events wait in {@code buffer} while the replay runs. */
  private static final class Session {
    final Account account;
    final ParticipantChannel channel;
    final List<EventFrame> buffer = new ArrayList<>();
    long lastSent;
    boolean replaying;
    boolean gone;

    Session(Account account, ParticipantChannel channel, long lastSent) {
      this.account = account;
      this.channel = channel;
      this.lastSent = lastSent;
    }

    void offer(EventFrame frame) {
      if (gone) {
        return;
      }
      if (replaying) {
        buffer.add(frame);
      } else if (frame.seq() > lastSent) {
        channel.deliver(frame);
        lastSent = frame.seq();
      }
    }
  }
}
