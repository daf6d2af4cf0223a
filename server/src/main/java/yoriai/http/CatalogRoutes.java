package yoriai.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import yoriai.account.Permission;
import yoriai.catalog.CatalogQuery;
import yoriai.catalog.CatalogService;
import yoriai.catalog.ServiceDraft;
import yoriai.shared.Failure;

/** {@code /api/v1/catalog/services}: public reading; registering and editing by the owning organization. */
final class CatalogRoutes {
  private static final String SERVICES = "/api/v1/catalog/services";

  private final CatalogService catalog;

  CatalogRoutes(CatalogService catalog) {
    this.catalog = catalog;
  }

  void mount(Router router) {
    router.post(SERVICES).handler(Authentication.require(Permission.REGISTER_SERVICES)).handler(this::register);
    router.get(SERVICES).handler(this::list);
    // before ":id", so "mine" is not read as a service id
    router.get(SERVICES + "/mine").handler(Authentication.require(Permission.REGISTER_SERVICES))
        .handler(ctx -> catalog.ofOrganization(Authentication.account(ctx))
            .onSuccess(services -> Bodies.json(ctx, 200, Map.of("services", services))).onFailure(ctx::fail));
    router.get(SERVICES + "/:id").handler(this::read);
    router.put(SERVICES + "/:id").handler(Authentication.require(Permission.REGISTER_SERVICES)).handler(this::update);
    router.delete(SERVICES + "/:id").handler(Authentication.require(Permission.REGISTER_SERVICES)).handler(this::delete);
  }

  private void register(RoutingContext ctx) {
    ServiceDraft draft = Bodies.read(ctx, ServiceDraft.class);
    catalog.register(Authentication.account(ctx), draft)
        .onSuccess(service -> {
          ctx.response().putHeader("Location", SERVICES + "/" + service.id());
          Bodies.json(ctx, 201, service);
        })
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    catalog.list(catalogQuery(QueryParams.of(ctx))).onSuccess(page -> Bodies.json(ctx, 200, page)).onFailure(ctx::fail);
  }

  /** The listing's text and filters: one parser for the API and the catalog's page. */
  static CatalogQuery catalogQuery(QueryParams params) {
    return new CatalogQuery(params.text("q"), params.text("category"), params.text("prefecture"),
        params.text("municipality"), params.wholeNumber("page"), params.wholeNumber("size"));
  }

  private void read(RoutingContext ctx) {
    catalog.find(ctx.pathParam("id"))
        .onSuccess(found -> found.ifPresentOrElse(service -> Bodies.json(ctx, 200, service),
            () -> ctx.fail(Failure.notFound("Service"))))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    ServiceDraft draft = Bodies.read(ctx, ServiceDraft.class);
    catalog.update(Authentication.account(ctx), ctx.pathParam("id"), draft)
        .onSuccess(service -> Bodies.json(ctx, 200, service))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    catalog.delete(Authentication.account(ctx), ctx.pathParam("id"))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }
}
