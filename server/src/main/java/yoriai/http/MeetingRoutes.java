package yoriai.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import yoriai.account.Permission;
import yoriai.meeting.MeetingService;
import yoriai.meeting.NewMeeting;
import yoriai.meeting.Summary;
import yoriai.shared.Failure;
import yoriai.shared.FieldProblem;

/** {@code /api/v1/meetings}: create, read, the event log and the summary. */
final class MeetingRoutes {
  private static final int MAX_EVENTS = 1000;

  private final MeetingService meetings;

  MeetingRoutes(MeetingService meetings) {
    this.meetings = meetings;
  }

  void mount(Router router) {
    router.post("/api/v1/meetings").handler(Authentication.require(Permission.HOST_MEETINGS)).handler(this::create);
    router.get("/api/v1/meetings").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::list);
    router.get("/api/v1/meetings/:id").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::get);
    router.get("/api/v1/meetings/:id/events").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::events);
    router.put("/api/v1/meetings/:id/summary").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::summary);
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
    String when = ctx.queryParams().get("when");
    if (when != null && !when.equals("upcoming") && !when.equals("past")) {
      throw Failure.invalid("when must be upcoming or past", List.of(new FieldProblem("when", "must be upcoming or past")));
    }
    meetings.list("past".equals(when), Authentication.account(ctx))
        .onSuccess(list -> Bodies.json(ctx, 200, Map.of("meetings", list)))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    meetings.get(ctx.pathParam("id"), Authentication.account(ctx), inviteCode(ctx))
        .onSuccess(meeting -> Bodies.json(ctx, 200, meeting))
        .onFailure(ctx::fail);
  }

  private void events(RoutingContext ctx) {
    long after = number(ctx, "after", 0, Long.MAX_VALUE, 0);
    int limit = (int) number(ctx, "limit", 1, MAX_EVENTS, MAX_EVENTS);
    meetings.events(ctx.pathParam("id"), Authentication.account(ctx), inviteCode(ctx), after, limit)
        .onSuccess(events -> Bodies.json(ctx, 200, Map.of("events", events)))
        .onFailure(ctx::fail);
  }

  private void summary(RoutingContext ctx) {
    meetings.updateSummary(ctx.pathParam("id"), Bodies.read(ctx, Summary.class), Authentication.account(ctx))
        .onSuccess(meeting -> Bodies.json(ctx, 200, meeting))
        .onFailure(ctx::fail);
  }

  /** The invitation code, as a socket's {@code join} carries it, for an invited account that has not joined yet. */
  private static String inviteCode(RoutingContext ctx) {
    String code = ctx.queryParams().get("inviteCode");
    return code == null || code.isEmpty() ? null : code;
  }

  private static long number(RoutingContext ctx, String name, long min, long max, long fallback) {
    String raw = ctx.queryParams().get(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw Failure.invalid(name + " must be a whole number from " + min + " to " + max,
        List.of(new FieldProblem(name, "must be a whole number from " + min + " to " + max)));
  }
}
