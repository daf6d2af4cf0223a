package yoriai.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
import yoriai.account.Permission;
import yoriai.meeting.MeetingService;
import yoriai.meeting.NewMeeting;
import yoriai.meeting.Summary;

/** {@code /api/v1/meetings}: create, read, the public list of upcoming open meetings, the case sheets, the event log and the summaries. */
final class MeetingRoutes {
  private static final int MAX_EVENTS = 1000;
  private static final int MAX_UPCOMING = 50;

  private final MeetingService meetings;

  MeetingRoutes(MeetingService meetings) {
    this.meetings = meetings;
  }

  void mount(Router router) {
    router.post("/api/v1/meetings").handler(Authentication.require(Permission.HOST_MEETINGS)).handler(this::create);
    router.get("/api/v1/meetings").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::list);
    // public, and before ":id" so "upcoming" is not read as a meeting id
    router.get("/api/v1/meetings/upcoming").handler(this::upcoming);
    router.get("/api/v1/meetings/:id").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::get);
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
