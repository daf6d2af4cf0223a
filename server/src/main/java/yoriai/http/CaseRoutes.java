package yoriai.http;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import yoriai.account.Permission;
import yoriai.casefile.Case;
import yoriai.casefile.CaseService;
import yoriai.casefile.CaseSheet;

/** {@code /api/v1/cases}: case sheets of the caller's organization and their lifecycle. */
final class CaseRoutes {
  private final CaseService cases;

  CaseRoutes(CaseService cases) {
    this.cases = cases;
  }

  void mount(Router router) {
    router.post("/api/v1/cases").handler(Authentication.require(Permission.CREATE_CASES)).handler(this::create);
    router.get("/api/v1/cases").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::list);
    router.get("/api/v1/cases/:id").handler(Authentication.require(Permission.SIGNED_IN))
        .handler(ctx -> reply(ctx, cases.get(ctx.pathParam("id"), Authentication.account(ctx))));
    router.put("/api/v1/cases/:id").handler(Authentication.require(Permission.CREATE_CASES))
        .handler(ctx -> reply(ctx, cases.update(ctx.pathParam("id"), Bodies.read(ctx, CaseSheet.class),
            Authentication.account(ctx))));
    router.post("/api/v1/cases/:id/submit").handler(Authentication.require(Permission.CREATE_CASES))
        .handler(ctx -> reply(ctx, cases.submit(ctx.pathParam("id"), Authentication.account(ctx))));
    router.post("/api/v1/cases/:id/withdraw").handler(Authentication.require(Permission.CREATE_CASES))
        .handler(ctx -> reply(ctx, cases.withdraw(ctx.pathParam("id"), Authentication.account(ctx))));
  }

  private void create(RoutingContext ctx) {
    cases.create(Bodies.read(ctx, CaseSheet.class), Authentication.account(ctx))
        .onSuccess(created -> {
          ctx.response().putHeader("Location", "/api/v1/cases/" + created.id());
          Bodies.json(ctx, 201, created);
        })
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    cases.list(Authentication.account(ctx), QueryParams.of(ctx).text("state"))
        .onSuccess(list -> Bodies.json(ctx, 200, Map.of("cases", list)))
        .onFailure(ctx::fail);
  }

  private static void reply(RoutingContext ctx, Future<Case> result) {
    result.onSuccess(c -> Bodies.json(ctx, 200, c)).onFailure(ctx::fail);
  }
}
