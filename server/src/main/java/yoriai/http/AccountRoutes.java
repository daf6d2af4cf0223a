package yoriai.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
import yoriai.account.AccountAdministration;
import yoriai.account.AccountChange;
import yoriai.account.AccountState;
import yoriai.account.NewAccount;
import yoriai.account.Permission;
import yoriai.shared.Coded;
import yoriai.shared.Nullable;

/** {@code /api/v1/accounts} and {@code /api/v1/organizations}: admin-only account management (docs/api.md). */
final class AccountRoutes {
  private static final Set<String> STATES = Set.copyOf(Coded.codes(AccountState.class));

  private final AccountAdministration accounts;

  AccountRoutes(AccountAdministration accounts) {
    this.accounts = accounts;
  }

  void mount(Router router) {
    router.route("/api/v1/accounts*").handler(Authentication.require(Permission.MANAGE_ACCOUNTS));
    router.route("/api/v1/organizations").handler(Authentication.require(Permission.MANAGE_ACCOUNTS));
    router.post("/api/v1/accounts").handler(this::create);
    router.get("/api/v1/accounts").handler(this::list);
    router.patch("/api/v1/accounts/:id").handler(this::change);
    router.post("/api/v1/accounts/:id/approve").handler(ctx ->
        accounts.approve(ctx.pathParam("id")).onSuccess(a -> Bodies.json(ctx, 200, a)).onFailure(ctx::fail));
    router.post("/api/v1/accounts/:id/reject").handler(this::reject);
    router.post("/api/v1/accounts/:id/disable").handler(ctx -> accounts.disable(Authentication.account(ctx), ctx.pathParam("id"))
        .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail));
    router.post("/api/v1/accounts/:id/enable").handler(ctx ->
        accounts.enable(ctx.pathParam("id")).onSuccess(a -> Bodies.json(ctx, 200, a)).onFailure(ctx::fail));
    router.post("/api/v1/accounts/:id/invitation").handler(ctx -> accounts.resendInvitation(ctx.pathParam("id"))
        .onSuccess(v -> Bodies.json(ctx, 202, Map.of())).onFailure(ctx::fail));
    router.get("/api/v1/organizations").handler(ctx -> accounts.organizations()
        .onSuccess(list -> Bodies.json(ctx, 200, Map.of("organizations", list))).onFailure(ctx::fail));
  }

  private void create(RoutingContext ctx) {
    NewAccount request = Bodies.read(ctx, NewAccount.class);
    accounts.create(request)
        .onSuccess(account -> {
          ctx.response().putHeader("Location", "/api/v1/accounts/" + account.id());
          Bodies.json(ctx, 201, account);
        })
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    AccountState state = Coded.fromCode(AccountState.class, QueryParams.of(ctx).oneOf("state", STATES)).orElse(null);
    accounts.list(state).onSuccess(list -> Bodies.json(ctx, 200, Map.of("accounts", list))).onFailure(ctx::fail);
  }

  private void change(RoutingContext ctx) {
    AccountChange change = Bodies.read(ctx, AccountChange.class);
    accounts.change(Authentication.account(ctx), ctx.pathParam("id"), change)
        .onSuccess(account -> Bodies.json(ctx, 200, account)).onFailure(ctx::fail);
  }

  /** The body is optional: an empty one rejects without a reason. */
  private void reject(RoutingContext ctx) {
    boolean empty = ctx.body().buffer() == null || ctx.body().buffer().length() == 0;
    Rejection rejection = empty ? new Rejection(null) : Bodies.read(ctx, Rejection.class);
    accounts.reject(ctx.pathParam("id"), rejection.reason())
        .onSuccess(account -> Bodies.json(ctx, 200, account)).onFailure(ctx::fail);
  }

  /** Why an admin turned a sign-up down, passed on in the mail. */
  record Rejection(@Nullable String reason) {}
}
