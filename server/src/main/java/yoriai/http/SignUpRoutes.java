package yoriai.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import yoriai.account.AccountService;
import yoriai.account.SetupRequest;
import yoriai.account.SignIn;
import yoriai.account.SignUpRequest;

/**
 * The public ways in (docs/api.md): sign-up, password reset by mailed link, and the first admin's
 * setup. None needs a sign-in.
 */
final class SignUpRoutes {
  private final AccountService accounts;

  SignUpRoutes(AccountService accounts) {
    this.accounts = accounts;
  }

  void mount(Router router) {
    router.post("/api/v1/signup").handler(this::signUp);
    router.post("/api/v1/signup/confirm").handler(this::confirm);
    router.post("/api/v1/auth/reset-request").handler(this::resetRequest);
    router.post("/api/v1/auth/reset").handler(this::reset);
    router.get("/api/v1/setup").handler(ctx -> accounts.setup().needed()
        .onSuccess(needed -> Bodies.json(ctx, 200, Map.of("needed", needed))).onFailure(ctx::fail));
    router.post("/api/v1/setup").handler(this::setup);
  }

  private void signUp(RoutingContext ctx) {
    SignUpRequest request = Bodies.read(ctx, SignUpRequest.class);
    accounts.signUps().signUp(request, clientAddress(ctx))
        .onSuccess(v -> Bodies.json(ctx, 202, Map.of("state", "pending"))).onFailure(ctx::fail);
  }

  private void confirm(RoutingContext ctx) {
    Confirmation request = Bodies.read(ctx, Confirmation.class);
    accounts.signUps().confirm(request.token())
        .onSuccess(account -> Bodies.json(ctx, 200, Map.of("state", account.state()))).onFailure(ctx::fail);
  }

  private void resetRequest(RoutingContext ctx) {
    ResetRequest request = Bodies.read(ctx, ResetRequest.class);
    accounts.passwordResets().request(request.email(), clientAddress(ctx))
        .onSuccess(v -> Bodies.json(ctx, 202, Map.of())).onFailure(ctx::fail);
  }

  private void reset(RoutingContext ctx) {
    NewPassword request = Bodies.read(ctx, NewPassword.class);
    accounts.passwordResets().reset(request.token(), request.password())
        .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private void setup(RoutingContext ctx) {
    SetupRequest request = Bodies.read(ctx, SetupRequest.class);
    accounts.setup().complete(request).onSuccess(signIn -> Bodies.json(ctx, 201, signedIn(signIn))).onFailure(ctx::fail);
  }

  /** What a successful sign-in answers, here and at {@code POST /api/v1/auth/login}. */
  static Map<String, Object> signedIn(SignIn signIn) {
    return Map.of("token", signIn.token(), "expiresAt", signIn.expiresAt(), "user", signIn.user());
  }

  static String clientAddress(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
  }

  /** The body of a sign-up's confirmation: the mailed token. */
  record Confirmation(String token) {}

  /** The body of a reset request: whose password to reset. */
  record ResetRequest(String email) {}

  /** The body of a reset: the mailed token and the new password. */
  record NewPassword(String token, String password) {}
}
