package yoriai.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import yoriai.account.Permission;
import yoriai.notification.Inbox;
import yoriai.notification.MailChoices;
import yoriai.notification.ReadRequest;

/** {@code /api/v1/notifications}: the signed-in account's in-app list, read marks and mail choices (docs/api.md). */
final class NotificationRoutes {
  private final Inbox inbox;

  NotificationRoutes(Inbox inbox) {
    this.inbox = inbox;
  }

  void mount(Router router) {
    router.get("/api/v1/notifications").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::list);
    router.post("/api/v1/notifications/read").handler(Authentication.require(Permission.SIGNED_IN)).handler(this::read);
    router.get("/api/v1/notifications/preferences").handler(Authentication.require(Permission.SIGNED_IN))
        .handler(this::preferences);
    router.put("/api/v1/notifications/preferences").handler(Authentication.require(Permission.SIGNED_IN))
        .handler(this::choose);
  }

  private void list(RoutingContext ctx) {
    QueryParams params = QueryParams.of(ctx);
    int limit = (int) params.wholeNumber("limit", 1, Inbox.MAX_PAGE, 20);
    inbox.page(Authentication.account(ctx).id(), params.text("after"), limit)
        .onSuccess(page -> Bodies.json(ctx, 200, page))
        .onFailure(ctx::fail);
  }

  private void read(RoutingContext ctx) {
    ReadRequest request = Bodies.read(ctx, ReadRequest.class);
    inbox.markRead(Authentication.account(ctx).id(), request)
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void preferences(RoutingContext ctx) {
    inbox.preferences(Authentication.account(ctx).id())
        .onSuccess(choices -> Bodies.json(ctx, 200, choices))
        .onFailure(ctx::fail);
  }

  private void choose(RoutingContext ctx) {
    MailChoices choices = Bodies.read(ctx, MailChoices.class);
    inbox.setPreferences(Authentication.account(ctx).id(), choices)
        .onSuccess(saved -> Bodies.json(ctx, 200, saved))
        .onFailure(ctx::fail);
  }
}
