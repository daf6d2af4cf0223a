package yoriai.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
import yoriai.account.Permission;
import yoriai.meeting.InvitationRequest;
import yoriai.meeting.MeetingService;
import yoriai.meeting.NewMeeting;
import yoriai.meeting.Summary;

/**
 * {@code /api/v1/meetings}: create, read, the public list of upcoming open meetings and the public
 * calendar (JSON and iCalendar), invitations and registrations, the case sheets, the event log and
 * the summaries.
 */
final class MeetingRoutes {
  private static final int MAX_EVENTS = 1000;
  private static final int MAX_UPCOMING = 50;
  private static final int MAX_CALENDAR = 200;

  private final MeetingService meetings;

  MeetingRoutes(MeetingService meetings) {
    this.meetings = meetings;
  }

  void mount(Router router) {
    router.post("/api/v1/meetings").handler(Authentication.require(Permission.HOST_MEETINGS)).handler(this::create);
    router.get("/api/v1/meetings").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::list);
    // public, and before ":id" so "upcoming" is not read as a meeting id
    router.get("/api/v1/meetings/upcoming").handler(this::upcoming);
    router.get("/api/v1/meetings/public").handler(this::calendar);
    router.get("/api/v1/meetings/public.ics").handler(this::calendarFeed);
    router.get("/api/v1/meetings/:id").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::get);
    router.post("/api/v1/meetings/:id/invitations").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::invite);
    router.post("/api/v1/meetings/:id/registrations").handler(Authentication.require(Permission.SIGNED_IN))
        .handler(this::register);
    router.delete("/api/v1/meetings/:id/registrations").handler(Authentication.require(Permission.SIGNED_IN))
        .handler(this::withdraw);
    router.get("/api/v1/meetings/:id/cases").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::cases);
    router.get("/api/v1/meetings/:id/events").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::events);
    router.put("/api/v1/meetings/:id/summary").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::summary);
    router.put("/api/v1/meetings/:id/cases/:caseId/summary").handler(Authentication.require(Permission.SIGNED_IN))
        .handler(this::summary);
  }

  private void create(RoutingContext ctx) {
    meetings.create(Bodies.read(ctx, NewMeeting.class), Authentication.account(ctx))
        .onSuccess(meeting -> {
          ctx.response().putHeader("Location", "/api/v1/meetings/" + meeting.id());
          Bodies.json(ctx, 201, meeting);
        })
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    String when = QueryParams.of(ctx).oneOf("when", Set.of("upcoming", "past"));
    meetings.list("past".equals(when), Authentication.account(ctx))
        .onSuccess(list -> Bodies.json(ctx, 200, Map.of("meetings", list)))
        .onFailure(ctx::fail);
  }

  private void upcoming(RoutingContext ctx) {
    int limit = (int) QueryParams.of(ctx).wholeNumber("limit", 1, MAX_UPCOMING, 10);
    meetings.upcoming(limit)
        .onSuccess(list -> Bodies.json(ctx, 200, Map.of("meetings", list)))
        .onFailure(ctx::fail);
  }

  /** Public; a signed-in reader also learns which meetings it registered for. */
  private void calendar(RoutingContext ctx) {
    int limit = calendarLimit(ctx);
    meetings.calendar(limit, Authentication.account(ctx))
        .onSuccess(list -> Bodies.json(ctx, 200, Map.of("meetings", list)))
        .onFailure(ctx::fail);
  }

  private void calendarFeed(RoutingContext ctx) {
    int limit = calendarLimit(ctx);
    meetings.calendarFeed(limit)
        .onSuccess(feed -> ctx.response().putHeader("Content-Type", MeetingService.CALENDAR_TYPE)
            .putHeader("Content-Disposition", "inline; filename=\"yoriai-meetings.ics\"").end(feed))
        .onFailure(ctx::fail);
  }

  /** Only the meetings to come are published; {@code when} is there so past ones can be asked for later. */
  private static int calendarLimit(RoutingContext ctx) {
    QueryParams params = QueryParams.of(ctx);
    params.oneOf("when", Set.of("upcoming"));
    return (int) params.wholeNumber("limit", 1, MAX_CALENDAR, MAX_CALENDAR);
  }

  private void invite(RoutingContext ctx) {
    meetings.invite(ctx.pathParam("id"), Bodies.read(ctx, InvitationRequest.class), Authentication.account(ctx))
        .onSuccess(count -> Bodies.json(ctx, 202, Map.of("invited", count)))
        .onFailure(ctx::fail);
  }

  private void register(RoutingContext ctx) {
    meetings.register(ctx.pathParam("id"), Authentication.account(ctx), QueryParams.of(ctx).text("inviteCode"))
        .onSuccess(created -> Bodies.json(ctx, created ? 201 : 200, Map.of("registered", true)))
        .onFailure(ctx::fail);
  }

  private void withdraw(RoutingContext ctx) {
    meetings.withdraw(ctx.pathParam("id"), Authentication.account(ctx))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    meetings.get(ctx.pathParam("id"), Authentication.account(ctx), QueryParams.of(ctx).text("inviteCode"))
        .onSuccess(meeting -> Bodies.json(ctx, 200, meeting))
        .onFailure(ctx::fail);
  }

  private void cases(RoutingContext ctx) {
    meetings.cases(ctx.pathParam("id"), Authentication.account(ctx), QueryParams.of(ctx).text("inviteCode"))
        .onSuccess(cases -> Bodies.json(ctx, 200, Map.of("cases", cases)))
        .onFailure(ctx::fail);
  }

  private void events(RoutingContext ctx) {
    QueryParams params = QueryParams.of(ctx);
    long after = params.wholeNumber("after", 0, Long.MAX_VALUE, 0);
    int limit = (int) params.wholeNumber("limit", 1, MAX_EVENTS, MAX_EVENTS);
    meetings.events(ctx.pathParam("id"), Authentication.account(ctx), params.text("inviteCode"), after, limit)
        .onSuccess(events -> Bodies.json(ctx, 200, Map.of("events", events)))
        .onFailure(ctx::fail);
  }

  private void summary(RoutingContext ctx) {
    // without a case in the path: the first case, as before the agenda
    meetings.updateSummary(ctx.pathParam("id"), ctx.pathParam("caseId"), Bodies.read(ctx, Summary.class),
        Authentication.account(ctx))
        .onSuccess(meeting -> Bodies.json(ctx, 200, meeting))
        .onFailure(ctx::fail);
  }
}
