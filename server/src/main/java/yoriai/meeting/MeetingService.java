package yoriai.meeting;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import yoriai.account.Account;
import yoriai.account.Permission;
import yoriai.shared.Failure;
import yoriai.shared.Ids;
import yoriai.shared.PublicTexts;
import yoriai.storage.Storage;

/**
 * Meetings for every transport: REST and the socket are both thin layers over this service. Each
 * meeting in use has one {@link Room} that orders its appends and fans its events out.
 */
public final class MeetingService {
  /** Where every node announces the events it appended, so rooms on other nodes deliver them too. */
  static final String EVENTS_ADDRESS = "yoriai.meeting.events";
  /** How many meetings {@link #upcoming} reads before dropping those past their planned end. */
  private static final int UPCOMING_CANDIDATES = 500;
  private final Vertx vertx;
  private final MeetingStore store;
  private final Room.Dependencies deps;
  private final Map<String, Future<Room>> rooms = new ConcurrentHashMap<>();
  private final PersonalDataCheck personalData;
  /** Per meeting and author, the last command still in its PII check: commands reach the room in the order sent. */
  private final Map<String, Future<Void>> checking = new ConcurrentHashMap<>();

  private MeetingService(Vertx vertx, MeetingStore store, Room.Dependencies deps, PersonalDataCheck personalData) {
    this.vertx = vertx;
    this.store = store;
    this.deps = deps;
    this.personalData = personalData;
  }

  public static Future<MeetingService> create(Vertx vertx, Storage storage, CaseLink cases, PersonalDataCheck personalData,
      ProposalWatch proposals, Clock clock, MeterRegistry registry) {
    Timer appendTimer = Timer.builder("yoriai.meeting.append.durable")
        .description("From appending a batch of meeting events until it is durable")
        .publishPercentiles(0.5, 0.99)
        .register(registry);
    String node = Ids.newId();
    Consumer<List<MeetingEvent>> announce = events -> {
      if (vertx.isClustered()) {
        vertx.eventBus().publish(EVENTS_ADDRESS, ClusterEvents.encode(node, events));
      }
    };
    return MongoMeetingStore.create(storage.mongo()).map(store -> {
      MeetingService service = new MeetingService(vertx, store,
          new Room.Dependencies(store, storage::durable, cases, proposals, clock, appendTimer, announce,
              vertx.isClustered()),
          personalData);
      if (vertx.isClustered()) {
        vertx.eventBus().<io.vertx.core.json.JsonObject>consumer(EVENTS_ADDRESS, message -> {
          ClusterEvents.Batch batch = ClusterEvents.decode(message.body());
          Future<Room> room = service.rooms.get(batch.meetingId());
          if (!batch.node().equals(node) && room != null) {
            room.onSuccess(r -> r.remote(batch.events()));
          }
        });
      }
      return service;
    });
  }

  public Future<MeetingView> create(NewMeeting request, Account host) {
    request.validate();
    Meeting meeting = new Meeting(Ids.newId(), request.title(), List.copyOf(request.caseIds()), request.visibility(),
        host.id(), request.startsAt(), request.minutes(),
        request.commentDaysBefore() == null ? 7 : request.commentDaysBefore(),
        request.commentDaysAfter() == null ? 7 : request.commentDaysAfter(),
        request.startsAt().toInstant().minus(Duration.ofDays(request.commentDaysBefore() == null ? 7 : request.commentDaysBefore())),
        "invite".equals(request.visibility()) ? Ids.newSecret(12) : null,
        deps.clock().instant(), Meeting.Progress.scheduled(request.caseIds().get(0)), request.callUrl());
    // the title is listed to every signed-in account and goes on public listings
    return personalData.requireClean(PublicTexts.of(request), host)
        .compose(v -> deps.cases().schedule(meeting.caseIds(), host))
        .compose(v -> store.insert(meeting))
        .compose(v -> deps.durable().get())
        .map(v -> MeetingView.of(meeting, true, true));
  }

  /** The meeting, if {@code viewer} may see it ({@link MeetingAccess}); else {@code not_found} or {@code forbidden}. */
  public Future<MeetingView> get(String meetingId, Account viewer) {
    return get(meetingId, viewer, null);
  }

  /** As {@link #get(String, Account)}, for a viewer that may hold the meeting's invitation code. */
  public Future<MeetingView> get(String meetingId, Account viewer, String inviteCode) {
    return room(meetingId).compose(room -> room.view(viewer, inviteCode));
  }

  /** The meeting's cases in agenda order, for a reader who may see the meeting ({@link MeetingAccess}). */
  public Future<List<MeetingCase>> cases(String meetingId, Account reader, String inviteCode) {
    return get(meetingId, reader, inviteCode).compose(meeting -> deps.cases().sheets(meeting.caseIds()));
  }

  /** A listing shows the invite code and the call link to the host and admins only. */
  private static MeetingView listed(Meeting meeting, boolean hosting) {
    return MeetingView.of(meeting, hosting, hosting);
  }

  /** Open meetings and the viewer's own; {@code past} lists closed ones, newest first. */
  public Future<List<MeetingView>> list(boolean past, Account viewer) {
    boolean admin = viewer.may(Permission.MODERATE_ANY_MEETING);
    Comparator<MeetingView> byStart = Comparator.comparing(m -> m.startsAt().toInstant());
    return store.list(past).map(meetings -> meetings.stream()
        .filter(m -> admin || "open".equals(m.visibility()) || m.hostId().equals(viewer.id()))
        .map(m -> listed(m, admin || m.hostId().equals(viewer.id())))
        .sorted(past ? byStart.reversed() : byStart)
        .toList());
  }

  /**
   * For anyone, signed in or not: open meetings that are live or have not yet reached their planned
   * end, soonest first, at most {@code limit}. Invite-only and closed meetings are never listed.
   * Only a meeting that started within the longest a meeting may run can still be before its planned
   * end, so the store is asked from then on, one bounded page (docs/decisions.md).
   */
  public Future<List<PublicMeeting>> upcoming(int limit) {
    Instant now = deps.clock().instant();
    return store.openFrom(now.minus(NewMeeting.LONGEST), UPCOMING_CANDIDATES).map(meetings -> meetings.stream()
        .filter(m -> "live".equals(m.progress().state()) || !plannedEnd(m).isBefore(now))
        .limit(limit)
        .map(PublicMeeting::of)
        .toList());
  }

  private static Instant plannedEnd(Meeting meeting) {
    int minutes = meeting.phaseMinutes().values().stream().mapToInt(Integer::intValue).sum();
    return meeting.startsAt().toInstant().plus(Duration.ofMinutes((long) minutes * meeting.caseIds().size()));
  }

  /** The log after {@code after} as far as it has been delivered live, if {@code reader} may see the meeting. */
  public Future<List<MeetingEvent>> events(String meetingId, Account reader, String inviteCode, long after, int limit) {
    return room(meetingId).compose(room -> room.events(reader, inviteCode, after, limit));
  }

  /** The log without an access check, for a feature that has checked already (publishing, after {@link #get}). */
  public Future<List<MeetingEvent>> events(String meetingId, long after, int limit) {
    return room(meetingId).compose(room -> room.events(null, null, after, limit));
  }

  /** Replaces the summary of the meeting's case {@code caseId}, or of its first case when that is null. */
  public Future<MeetingView> updateSummary(String meetingId, String caseId, Summary summary, Account host) {
    return room(meetingId).compose(room -> room.view(host, null)
        .compose(seen -> clean(new Command.UpdateSummary(caseId, summary), host))
        .compose(clean -> room.submit(host, null, clean))
        .compose(seq -> room.view(host, null)));
  }

  /**
   * Joins {@code channel} to the meeting: it gets {@code joined}, then every event after
   * {@code lastSeq} (none when null), then live events, with no gap and no duplicate.
   */
  public Future<Void> join(String meetingId, Account account, Long lastSeq, String inviteCode, ParticipantChannel channel) {
    return room(meetingId).compose(room -> room.join(account, lastSeq, inviteCode, channel));
  }

  /**
   * Applies a command once per (account, commandId); the seq of its event once durable. A command
   * whose free text has personal data fails {@code pii_found} and is never stored.
   */
  public Future<Long> submit(String meetingId, Account actor, String commandId, Command command) {
    String lane = meetingId + " " + actor.id();
    Future<Void> checked = checking.compute(lane, (key, previous) ->
        (previous == null ? Future.<Void>succeededFuture() : previous.transform(done -> Future.<Void>succeededFuture()))
            .compose(v -> clean(command, actor).mapEmpty()));
    checked.onComplete(done -> checking.remove(lane, checked));
    return checked.compose(v -> room(meetingId)).compose(room -> room.submit(actor, commandId, command));
  }

  /** {@code command} once its free texts (every String not marked a machine value) are free of personal data. */
  private Future<Command> clean(Command command, Account author) {
    Map<String, String> texts = PublicTexts.of((Record) command);
    return texts.isEmpty() ? Future.succeededFuture(command) : personalData.requireClean(texts, author).map(command);
  }

  public void leave(String meetingId, ParticipantChannel channel) {
    Future<Room> room = rooms.get(meetingId);
    if (room != null) {
      room.onSuccess(r -> r.leave(channel));
    }
  }

  private Future<Room> room(String meetingId) {
    if (!Ids.isWellFormed(meetingId)) {
      return Future.failedFuture(Failure.notFound("Meeting"));
    }
    Future<Room> room = rooms.computeIfAbsent(meetingId, id -> Room.load(vertx, id, deps, () -> rooms.remove(id)));
    room.onFailure(e -> rooms.remove(meetingId, room));
    return room;
  }
}
