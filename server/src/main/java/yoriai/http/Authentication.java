package yoriai.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import yoriai.account.Account;
import yoriai.account.AccountService;
import yoriai.account.Permission;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;

/**
 * Resolves the bearer token of an API request once, up front; {@link #require} is the one place
 * that turns a missing account into 401 and a missing permission into 403.
 */
final class Authentication {
  static final String ACCOUNT = "account";
  static final String TOKEN = "token";
  private static final String BEARER = "Bearer ";

  private final AccountService accounts;

  Authentication(AccountService accounts) {
    this.accounts = accounts;
  }

  void resolve(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null) {
      ctx.next();
      return;
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      ctx.fail(new Failure(FailureKind.UNAUTHENTICATED, "invalid_token", "Use Authorization: Bearer <token>"));
      return;
    }
    String token = header.substring(BEARER.length()).strip();
    accounts.authenticate(token).onComplete(result -> {
      if (result.failed()) {
        ctx.fail(result.cause());
        return;
      }
      ctx.put(ACCOUNT, result.result());
      ctx.put(TOKEN, token);
      ctx.next();
    });
  }

  static Handler<RoutingContext> require(Permission permission) {
    return ctx -> {
      Account account = ctx.get(ACCOUNT);
      if (account == null) {
        ctx.fail(new Failure(FailureKind.UNAUTHENTICATED, "unauthenticated", "Sign in first"));
      } else if (!account.may(permission)) {
        ctx.fail(Failure.forbidden("Your role may not do this"));
      } else {
        ctx.next();
      }
    };
  }

  static Account account(RoutingContext ctx) {
    return ctx.get(ACCOUNT);
  }
}
