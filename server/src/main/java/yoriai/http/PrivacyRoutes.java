package yoriai.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import yoriai.account.Permission;
import yoriai.casefile.CaseService;
import yoriai.casefile.CaseSheet;

/** {@code POST /api/v1/privacy/check}: PII findings in a possibly partial case sheet; stores nothing. The check runs off the event loop. */
final class PrivacyRoutes {
  private final CaseService cases;

  PrivacyRoutes(CaseService cases) {
    this.cases = cases;
  }

  void mount(Router router) {
    router.post("/api/v1/privacy/check").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::check);
  }

  private void check(RoutingContext ctx) {
    CaseSheet sheet = Bodies.read(ctx, CaseSheet.class);
    cases.check(sheet, Authentication.account(ctx))
        .onSuccess(findings -> Bodies.json(ctx, 200, Map.of("findings", findings)))
        .onFailure(ctx::fail);
  }
}
