package yoriai.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import yoriai.account.Permission;
import yoriai.casefile.CaseService;
import yoriai.casefile.CaseSheet;
import yoriai.shared.Validator;

/**
 * {@code POST /api/v1/privacy/check}: PII findings in a possibly partial case sheet;
 * {@code POST /api/v1/privacy/check-texts}: in texts named by the caller's paths (the まとめ editor).
 * Both store nothing; the check runs off the event loop.
 */
final class PrivacyRoutes {
  private static final int MAX_TEXTS = 500;

  private final CaseService cases;

  PrivacyRoutes(CaseService cases) {
    this.cases = cases;
  }

  void mount(Router router) {
    router.post("/api/v1/privacy/check").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::check);
    router.post("/api/v1/privacy/check-texts").handler(Authentication.require(Permission.SIGNED_IN))
        .handler(this::checkTexts);
  }

  private void check(RoutingContext ctx) {
    CaseSheet sheet = Bodies.read(ctx, CaseSheet.class);
    cases.check(sheet, Authentication.account(ctx))
        .onSuccess(findings -> Bodies.json(ctx, 200, Map.of("findings", findings)))
        .onFailure(ctx::fail);
  }

  private void checkTexts(RoutingContext ctx) {
    TextsToCheck body = Bodies.read(ctx, TextsToCheck.class);
    Validator v = new Validator().required("texts", body.texts());
    if (body.texts() != null) {
      v.check(body.texts().size() <= MAX_TEXTS, "texts", "at most " + MAX_TEXTS + " texts");
      body.texts().forEach((path, text) -> v.text("texts." + path, path, 1, 200).required("texts." + path, text));
    }
    v.orThrow();
    cases.check(body.texts(), Authentication.account(ctx))
        .onSuccess(findings -> Bodies.json(ctx, 200, Map.of("findings", findings)))
        .onFailure(ctx::fail);
  }

  /** Each text under the path the caller names it by; findings come back under the same path. */
  record TextsToCheck(Map<String, String> texts) {}
}
