package yoriai.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import yoriai.account.AccountService;
import yoriai.account.LoginRequest;
import yoriai.account.Permission;
import yoriai.shared.Failure;
import yoriai.shared.FieldProblem;

/** {@code /api/v1/auth}: login, logout and who am I. */
final class AuthRoutes {
  private final AccountService accounts;
  private final MeterRegistry registry;

  AuthRoutes(AccountService accounts, MeterRegistry registry) {
    this.accounts = accounts;
    this.registry = registry;
  }

  void mount(Router router) {
    router.post("/api/v1/auth/login").handler(this::login);
    router.post("/api/v1/auth/logout").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::logout);
    router.get("/api/v1/auth/me").handler(Authentication.require(Permission.SIGNED_IN))
        .handler(ctx -> Bodies.json(ctx, 200, Authentication.account(ctx)));
    router.put("/api/v1/auth/me/preferences").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::preferences);
  }

  private void login(RoutingContext ctx) {
    LoginRequest request = Bodies.read(ctx, LoginRequest.class);
    accounts.login(request, SignUpRoutes.clientAddress(ctx))
        .onComplete(result -> countLogin(result.succeeded() ? "success" : ErrorResponses.translate(result.cause()).code()))
        .onSuccess(session -> Bodies.json(ctx, 200, SignUpRoutes.signedIn(session)))
        .onFailure(ctx::fail);
  }

  private void preferences(RoutingContext ctx) {
    Preferences preferences = Bodies.read(ctx, Preferences.class);
    if (preferences.showCompanyName() == null) {
      throw Failure.invalid("showCompanyName is required", List.of(new FieldProblem("showCompanyName", "required")));
    }
    accounts.showCompanyName(Authentication.account(ctx), preferences.showCompanyName())
        .onSuccess(v -> Bodies.json(ctx, 200, preferences))
        .onFailure(ctx::fail);
  }

  /** What a user chooses about how the public archive shows them. */
  record Preferences(Boolean showCompanyName) {}

  private void countLogin(String outcome) {
    registry.counter("yoriai.logins", "outcome", outcome).increment();
  }

  private void logout(RoutingContext ctx) {
    accounts.logout(ctx.get(Authentication.TOKEN))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }
}
