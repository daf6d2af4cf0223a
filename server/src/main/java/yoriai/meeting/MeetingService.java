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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import yoriai.account.Account;
import yoriai.account.Permission;
import yoriai.mail.Mailer;
import yoriai.notification.Notifier;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
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
  /** The content type of the public calendar feed. */
  public static final String CALENDAR_TYPE = MeetingCalendar.FEED_TYPE;
  /** How many meetings {@link #upcoming} reads before dropping those past their planned end. */
  private static final int UPCOMING_CANDIDATES = 500;
  private final Vertx vertx;
  private final MeetingStore store;
  private final Room.Dependencies deps;
  private final Map<String, Future<Room>> rooms = new ConcurrentHashMap<>();
  private final PersonalDataCheck personalData;
  private final AttendanceStore attendance;
  private final Invitations invitations;
  private final PublicCalendar publicCalendar;
  private final MeetingReminders reminders;
  /** Per meeting and author, the last command still in its PII check: commands reach the room in the order sent. */
  private final Map<String, Future<Void>> checking = new ConcurrentHashMap<>();

  /** How meetings reach people: accounts by address, mail and notices. */
  public record Outreach(AccountDirectory accounts, Mailer mailer, Notifier notifier) {}

  private MeetingService(Vertx vertx, MeetingStore store, Room.Dependencies deps, PersonalDataCheck personalData,
      AttendanceStore attendance, Storage storage, Outreach outreach) {
    this.vertx = vertx;
    this.store = store;
    this.deps = deps;
    this.personalData = personalData;
    this.attendance = attendance;
    MeetingLinks links = new MeetingLinks(outreach.mailer());
    this.publicCalendar = new PublicCalendar(attendance, outreach.accounts(), links, deps.clock());
    this.invitations = new Invitations(attendance, outreach.accounts(), outreach.mailer(), deps.clock());
    this.reminders = new MeetingReminders(store, attendance, new MongoReminderStore(storage), outreach.accounts(),
        outreach.notifier(), links, deps.clock());
  }

  public static Future<MeetingService> create(Vertx vertx, Storage storage, CaseLink cases, PersonalDataCheck personalData,
      ProposalWatch proposals, Outreach outreach, Clock clock, MeterRegistry registry) {
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
    return Future.all(MongoMeetingStore.create(storage), MongoAttendanceStore.create(storage)).map(stores -> {
      MeetingStore store = stores.resultAt(0);
      MeetingService service = new MeetingService(vertx, store,
          new Room.Dependencies(store, storage::durable, cases, proposals, clock, appendTimer, announce,
              vertx.isClustered()),
          personalData, stores.resultAt(1), storage, outreach);
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
    return room(meetingId).compose(room -> invitations.isInvited(meetingId, viewer)
        .compose(invited -> room.view(viewer, inviteCode, invited)))
        .compose(view -> attendance.registeredFor(viewer.id(), List.of(meetingId))
            .map(registered -> view.withRegistered(!registered.isEmpty())));
  }

  /** The meeting as stored now, if {@code viewer} may see it. */
  private Future<Meeting> readable(String meetingId, Account viewer, String inviteCode) {
    return room(meetingId).compose(room -> invitations.isInvited(meetingId, viewer)
        .compose(invited -> room.meeting(viewer, inviteCode, invited)));
  }

  /** Invites addresses to the meeting (its host or an admin); how many distinct addresses. */
  public Future<Integer> invite(String meetingId, InvitationRequest request, Account host) {
    return readable(meetingId, host, null).compose(meeting -> {
      if (!MeetingAccess.isHost(meeting, host)) {
        return Future.failedFuture(Failure.forbidden("Only the meeting's host invites"));
      }
      if ("closed".equals(meeting.progress().state())) {
        return Future.failedFuture(new Failure(FailureKind.CONFLICT, "closed", "The meeting is closed"));
      }
      return invitations.invite(meeting, host, request.addresses());
    });
  }

  /** Registers the account for a meeting it may see; true when this registered it, false when it was already. */
  public Future<Boolean> register(String meetingId, Account account, String inviteCode) {
    return readable(meetingId, account, inviteCode).compose(meeting -> "closed".equals(meeting.progress().state())
        ? Future.failedFuture(new Failure(FailureKind.CONFLICT, "closed", "The meeting is closed"))
        : attendance.register(meetingId, account.id(), deps.clock().instant()));
  }

  public Future<Void> withdraw(String meetingId, Account account) {
    return readable(meetingId, account, null).compose(meeting -> attendance.withdraw(meetingId, account.id()));
  }

  /** The reminder 24 hours before each meeting; the application starts its timer. */
  public MeetingReminders reminders() {
    return reminders;
  }

  /** The meeting's cases in agenda order, for a reader who may see the meeting ({@link MeetingAccess}). */
  public Future<List<MeetingCase>> cases(String meetingId, Account reader, String inviteCode) {
    return get(meetingId, reader, inviteCode).compose(meeting -> deps.cases().sheets(meeting.caseIds()));
  }

  /** A listing shows the invite code and the call link to the host and admins only. */
  private static MeetingView listed(Meeting meeting, boolean hosting) {
    return MeetingView.of(meeting, hosting, hosting);
  }

  /** Open meetings, the viewer's own and those it was invited to; {@code past} lists closed ones, newest first. */
  public Future<List<MeetingView>> list(boolean past, Account viewer) {
    boolean admin = viewer.may(Permission.MODERATE_ANY_MEETING);
    Comparator<MeetingView> byStart = Comparator.comparing(m -> m.startsAt().toInstant());
    return Future.all(store.list(past), attendance.meetingsInvitedTo(viewer.email())).map(found -> found.<List<Meeting>>resultAt(0)
        .stream()
        .filter(m -> admin || "open".equals(m.visibility()) || m.hostId().equals(viewer.id())
            || found.<Set<String>>resultAt(1).contains(m.id()))
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
    return openUpcoming(limit).map(meetings -> meetings.stream().map(PublicMeeting::of).toList());
  }

  private Future<List<Meeting>> openUpcoming(int limit) {
    Instant now = deps.clock().instant();
    return store.openFrom(now.minus(NewMeeting.LONGEST), UPCOMING_CANDIDATES).map(meetings -> meetings.stream()
        .filter(m -> "live".equals(m.progress().state()) || !m.plannedEnd().isBefore(now))
        .limit(limit)
        .toList());
  }

  /** The public calendar: the meetings {@link #upcoming} lists ({@link PublicCalendar}); {@code reader} null for a visitor. */
  public Future<List<CalendarEntry>> calendar(int limit, Account reader) {
    return openUpcoming(limit).compose(meetings -> publicCalendar.entries(meetings, reader));
  }

  public Future<String> calendarFeed(int limit) {
    return openUpcoming(limit).map(publicCalendar::feed);
  }

  /** The log after {@code after} as far as it has been delivered live, if {@code reader} may see the meeting. */
  public Future<List<MeetingEvent>> events(String meetingId, Account reader, String inviteCode, long after, int limit) {
    return room(meetingId).compose(room -> invitations.isInvited(meetingId, reader)
        .compose(invited -> room.events(reader, inviteCode, invited, after, limit)));
  }

  /** The log without an access check, for a feature that has checked already (publishing, after {@link #get}). */
  public Future<List<MeetingEvent>> events(String meetingId, long after, int limit) {
    return room(meetingId).compose(room -> room.events(null, null, false, after, limit));
  }

  /** Replaces the summary of the meeting's case {@code caseId}, or of its first case when that is null. */
  public Future<MeetingView> updateSummary(String meetingId, String caseId, Summary summary, Account host) {
    return room(meetingId).compose(room -> room.view(host, null, false)
        .compose(seen -> clean(new Command.UpdateSummary(caseId, summary), host))
        .compose(clean -> room.submit(host, null, clean))
        .compose(seq -> room.view(host, null, false)));
  }

  /**
   * Joins {@code channel} to the meeting: it gets {@code joined}, then every event after
   * {@code lastSeq} (none when null), then live events, with no gap and no duplicate.
   */
  public Future<Void> join(String meetingId, Account account, Long lastSeq, String inviteCode, ParticipantChannel channel) {
    return room(meetingId).compose(room -> invitations.isInvited(meetingId, account)
        .compose(invited -> room.join(account, lastSeq, inviteCode, invited, channel)));
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
