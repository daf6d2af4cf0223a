package yoriai.http;

import io.vertx.ext.web.Router;
import java.util.Map;
import yoriai.account.Permission;
import yoriai.mail.Mailer;

/** {@code GET /api/v1/outbox}: the mails the server sent or keeps, for admins (docs/api.md). */
final class OutboxRoutes {
  private final Mailer mailer;

  OutboxRoutes(Mailer mailer) {
    this.mailer = mailer;
  }

  void mount(Router router) {
    router.get("/api/v1/outbox").handler(Authentication.require(Permission.MANAGE_ACCOUNTS)).handler(ctx -> {
      int limit = (int) QueryParams.of(ctx).wholeNumber("limit", 1, 500, 100);
      mailer.outbox(limit).onSuccess(mails -> Bodies.json(ctx, 200, Map.of("mails", mails))).onFailure(ctx::fail);
    });
  }
}
