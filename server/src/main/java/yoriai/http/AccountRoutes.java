package yoriai.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import yoriai.account.AccountService;
import yoriai.account.NewAccount;
import yoriai.account.Permission;

/** {@code /api/v1/accounts}: admin-only account management (create, list, disable). */
final class AccountRoutes {
  private final AccountService accounts;

  AccountRoutes(AccountService accounts) {
    this.accounts = accounts;
  }

  void mount(Router router) {
    router.post("/api/v1/accounts").handler(Authentication.require(Permission.MANAGE_ACCOUNTS)).handler(this::create);
    router.get("/api/v1/accounts").handler(Authentication.require(Permission.MANAGE_ACCOUNTS)).handler(this::list);
    router.post("/api/v1/accounts/:id/disable").handler(Authentication.require(Permission.MANAGE_ACCOUNTS))
        .handler(this::disable);
  }

  private void disable(RoutingContext ctx) {
    accounts.disable(Authentication.account(ctx), ctx.pathParam("id"))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
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
    accounts.list().onSuccess(list -> Bodies.json(ctx, 200, java.util.Map.of("accounts", list))).onFailure(ctx::fail);
  }
}
