package yoriai.meeting;

import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import yoriai.account.Account;
import yoriai.meeting.MeetingStore.StoredEvent;
import yoriai.shared.Failure;

/**
 * One meeting in memory: the state its log adds up to and how far the log is delivered, with one
 * part per job — {@link RecentCommands} (each command once), {@link AppendQueue} (ordered, durable
 * batches and their recovery), {@link Audience} (connections, replay, fan-out) and
 * {@link RemoteFeed} (events other nodes appended). Everything runs on the room's
 * {@link RoomContext}, so nothing needs a lock.
 */
final class Room implements AppendQueue.Log, RemoteFeed.Log {
  private static final System.Logger LOG = System.getLogger(Room.class.getName());
  private static final int PAGE = 500;
  private static final int RECENT_COMMANDS = 10_000;
  private static final int RECENT_EVENTS = 5_000;

  private final String meetingId;
  private final RoomContext context;
  private final Dependencies deps;
  private final Runnable onBroken;
  private final RecentCommands commands;
  private final Audience audience;
  private final AppendQueue appends;
  private final RemoteFeed remote;
  private MeetingState state;
  /** The last seq acked and delivered; joins and reads see the log up to here. */
  private long deliveredSeq;

  /** What a room needs from its service. */
  record Dependencies(MeetingStore store, Supplier<Future<Void>> durable, CaseLink cases, ProposalWatch proposals,
      Clock clock, Timer appendTimer, Consumer<List<MeetingEvent>> announce, boolean clustered) {}

  private Room(String meetingId, RoomContext context, Dependencies deps, Runnable onBroken) {
    this.meetingId = meetingId;
    this.context = context;
    this.deps = deps;
    this.onBroken = onBroken;
    this.commands = new RecentCommands(meetingId, deps.store(), context, RECENT_COMMANDS);
    this.audience = new Audience(meetingId, deps.store(), context, RECENT_EVENTS);
    this.appends = new AppendQueue(meetingId, context, deps, commands, this);
    this.remote = new RemoteFeed(meetingId, context, deps.store(), appends, this);
  }

  /** Folds the meeting's log into a room; {@code onBroken} runs if the room later loses its log. */
  static Future<Room> load(Vertx vertx, String meetingId, Dependencies deps, Runnable onBroken) {
    Room room = new Room(meetingId, new RoomContext(vertx.getOrCreateContext()), deps, onBroken);
    return room.context.call(() -> room.fold(event -> { }).compose(stored -> {
      room.deliveredSeq = room.state.seq();
      // a node that stopped between storing a hide and redacting its message left the text behind;
      // while the store cannot write, reads still get tombstones from the audience and the next load redacts
      return unlessUnwritable(room.context.here(room.appends.redact(room.audience.hiddenMessageIds()))).map(stored);
    }).compose(stored -> stored.progress().equals(room.state.meeting().progress()) ? Future.succeededFuture()
        // the stored progress is a copy of the log's for listings; a full disk must not keep the log from being read
        : unlessUnwritable(room.context.here(deps.store().saveProgress(meetingId, room.state.meeting().progress()))))
        .map(room));
  }

  /** A repair write that may wait: refused by a store that cannot write, it counts as done. */
  private static Future<Void> unlessUnwritable(Future<Void> write) {
    return write.recover(e -> e instanceof Failure f && f.isStorageUnavailable() ? Future.succeededFuture() : Future.failedFuture(e));
  }

  /**
   * The meeting as {@code viewer} may see it; fails as {@link MeetingAccess} decides. {@code invited}:
   * the viewer's address was invited to it.
   */
  Future<MeetingView> view(Account viewer, String inviteCode, boolean invited) {
    return meeting(viewer, inviteCode, invited).map(meeting -> MeetingView.of(meeting, MeetingAccess.isHost(meeting, viewer), true));
  }

  /** The meeting as its log has it now, if {@code viewer} may see it. */
  Future<Meeting> meeting(Account viewer, String inviteCode, boolean invited) {
    return context.call(() -> {
      requireAccess(viewer, inviteCode, invited);
      return Future.succeededFuture(state.meeting());
    });
  }

  /** The log for {@code reader}, checked by {@link MeetingAccess}; {@code reader} null: a caller that checked already. */
  Future<List<MeetingEvent>> events(Account reader, String inviteCode, boolean invited, long after, int limit) {
    return context.call(() -> {
      if (reader != null) {
        requireAccess(reader, inviteCode, invited);
      }
      // shown on the room's context: the hidden messages are the room's state
      return context.here(deps.store().events(meetingId, after, deliveredSeq, limit))
          .map(page -> page.stream().map(stored -> audience.shown(stored.event())).toList());
    });
  }

  private void requireAccess(Account account, String inviteCode, boolean invited) {
    MeetingAccess.require(state.meeting(), account, inviteCode, state.isRemoved(account.id()),
        invited || audience.isConnected(account.id()) || state.hasJoined(account.id()));
  }

  Future<Long> submit(Account actor, String commandId, Command command) {
    try {
      command.validate();
    } catch (Failure invalid) {
      return Future.failedFuture(invalid);
    }
    return context.call(() -> appends.enqueue(actor, commandId, command));
  }

  Future<Void> join(Account account, Long lastSeq, String inviteCode, boolean invited, ParticipantChannel channel) {
    return context.call(() -> {
      if (deps.clustered() && lastSeq != null && lastSeq > deliveredSeq) {
        requireAccess(account, inviteCode, invited);
        // the client saw events another node stored that this one has not followed yet: following
        // them before seating it keeps them from being sent to it twice
        return remote.reach(lastSeq).compose(v -> seat(account, lastSeq, inviteCode, invited, channel));
      }
      return seat(account, lastSeq, inviteCode, invited, channel);
    });
  }

  private Future<Void> seat(Account account, Long lastSeq, String inviteCode, boolean invited, ParticipantChannel channel) {
    requireAccess(account, inviteCode, invited);
    boolean first = !audience.isConnected(account.id());
    Audience.Seat seat = audience.seat(account, channel, lastSeq, deliveredSeq);
    channel.joined(new Joined(meetingId, deliveredSeq, audience.participants(state.present())));
    if (first) {
      presence(account, true);
    }
    audience.replay(seat, deliveredSeq);
    if (deps.clustered() && !appends.busy()) {
      // events a node appended just before it died were never announced; the log has them
      remote.catchUp();
    }
    return Future.succeededFuture();
  }

  void leave(ParticipantChannel channel) {
    context.run(() -> audience.unseat(channel).ifPresent(gone -> presence(gone, false)));
  }

  private void presence(Account account, boolean joined) {
    appends.enqueue(account, null, new Command.Presence(joined)).onFailure(e ->
        LOG.log(System.Logger.Level.DEBUG, "presence not recorded for meeting " + meetingId, e));
  }

  /** Events another node appended to this meeting, as its event bus announced them; any thread. */
  void remote(List<MeetingEvent> events) {
    remote.receive(events);
  }

  @Override
  public MeetingState state() {
    return state;
  }

  @Override
  public long deliveredSeq() {
    return deliveredSeq;
  }

  @Override
  public void delivered(List<StoredEvent> events) {
    deliveredSeq = events.get(events.size() - 1).event().seq();
    audience.deliver(events);
    remote.forget(deliveredSeq);
  }

  @Override
  public void follow(StoredEvent stored) {
    MeetingState.Effects effects = state.apply(stored.event());
    deliveredSeq = stored.event().seq();
    audience.deliver(List.of(stored));
    if (effects.removedAccountId() != null) {
      audience.disconnect(effects.removedAccountId(), Departure.REMOVED);
    }
  }

  @Override
  public void settled(MeetingState.Effects effects, Account actor) {
    if (effects.removedAccountId() != null) {
      audience.disconnect(effects.removedAccountId(), Departure.REMOVED);
    }
    if (effects.closed()) {
      deps.cases().markDiscussed(state.meeting().caseIds(), actor).onFailure(e ->
          LOG.log(System.Logger.Level.WARNING, "cases of meeting " + meetingId + " not marked discussed", e));
    }
    if (effects.proposed() != null) {
      proposed(effects.proposed(), actor);
    }
  }

  /** Tells the watch after the durable append; whatever it does, the command has already succeeded. */
  private void proposed(EventData.ProposalPosted proposal, Account proposer) {
    Meeting meeting = state.meeting();
    String caseId = proposal.caseId() == null ? meeting.firstCaseId() : proposal.caseId();
    try {
      deps.proposals().posted(new ProposalWatch.PostedProposal(meetingId, meeting.title(), caseId, proposal.proposalId(),
          proposal.targetActivity(), proposer.id()));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "proposal " + proposal.proposalId() + " of meeting " + meetingId
          + " not passed on to its watchers", e);
    }
  }

  @Override
  public Future<List<StoredEvent>> refold() {
    List<StoredEvent> found = new ArrayList<>();
    long known = deliveredSeq;
    return fold(stored -> {
      if (stored.event().seq() > known) {
        found.add(stored);
      }
    }).map(found);
  }

  @Override
  public void lost() {
    audience.disconnectAll(Departure.MEETING_UNAVAILABLE);
    onBroken.run();
  }

  @Override
  public void idle() {
    if (remote.isEmpty()) {
      appends.drain();
    } else {
      remote.follow();
    }
  }

  /** Rebuilds state and the recent command ids from the stored log; returns the stored meeting. */
  private Future<Meeting> fold(Consumer<StoredEvent> each) {
    return context.here(deps.store().find(meetingId)).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(Failure.notFound("Meeting"));
      }
      MeetingState fresh = new MeetingState(found.get());
      commands.clear();
      audience.forgetRecent();
      return foldFrom(fresh, 0, each).map(v -> {
        state = fresh;
        return found.get();
      });
    });
  }

  private Future<Void> foldFrom(MeetingState into, long after, Consumer<StoredEvent> each) {
    return context.here(deps.store().events(meetingId, after, Long.MAX_VALUE, PAGE)).compose(page -> {
      for (StoredEvent stored : page) {
        into.apply(stored.event());
        audience.remember(stored);
        commands.remember(stored);
        each.accept(stored);
      }
      return page.size() < PAGE ? Future.succeededFuture() : foldFrom(into, into.seq(), each);
    });
  }
}
