package yoriai.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import yoriai.archive.ArchiveService;
import yoriai.archive.SearchQuery;
import yoriai.catalog.CatalogQuery;
import yoriai.catalog.CatalogService;
import yoriai.http.pages.ArchiveSearchView;
import yoriai.http.pages.CatalogListView;
import yoriai.http.pages.EntryView;
import yoriai.http.pages.ErrorView;
import yoriai.http.pages.InsightsView;
import yoriai.http.pages.PageAssets;
import yoriai.http.pages.Pages;
import yoriai.http.pages.ServiceView;
import yoriai.insight.InsightService;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.shared.FieldProblem;
import yoriai.shared.PublicPages;

/**
 * The public pages at real URLs (docs/api.md "Public pages"): the same parsing and services as the
 * API's public reads, answered as HTML. A failure answers as a page too: 404 for an unknown id,
 * 400 naming each bad parameter. Mounted before {@link StaticRoutes}, whose fallback would
 * otherwise answer these paths with the bare client.
 */
final class PageRoutes {
  private final ArchiveService archive;
  private final CatalogService catalog;
  private final InsightService insight;
  private final PublicBase base;
  private final Pages pages = new Pages(PageAssets.load());

  PageRoutes(ArchiveService archive, CatalogService catalog, InsightService insight, PublicBase base) {
    this.archive = archive;
    this.catalog = catalog;
    this.insight = insight;
    this.base = base;
  }

  void mount(Router router) {
    router.get(PageAssets.STYLESHEET_PATH).handler(this::stylesheet);
    // a view refuses a page past the last (404): map, so that refusal reaches the failure page
    page(router, PublicPages.ARCHIVE, ctx -> {
      SearchQuery query = ArchiveRoutes.pageQuery(QueryParams.of(ctx));
      archive.search(query).map(result -> pages.archive(
              ArchiveSearchView.of(query, result, ArchiveRoutes.DEFAULT_SEARCH_SIZE, base.of(ctx))))
          .onSuccess(html -> html(ctx, 200, html)).onFailure(ctx::fail);
    });
    page(router, PublicPages.ARCHIVE + "/cases/:id", ctx -> archive.get(ctx.pathParam("id"))
        .onSuccess(entry -> html(ctx, 200, pages.entry(EntryView.of(entry, base.of(ctx))))).onFailure(ctx::fail));
    page(router, PublicPages.CATALOG, ctx -> {
      CatalogQuery query = CatalogRoutes.catalogQuery(QueryParams.of(ctx));
      catalog.list(query).map(found -> pages.catalog(CatalogListView.of(query, found, CatalogService.categories(), base.of(ctx))))
          .onSuccess(html -> html(ctx, 200, html)).onFailure(ctx::fail);
    });
    page(router, PublicPages.CATALOG + "/services/:id", ctx -> catalog.find(ctx.pathParam("id"))
        .onSuccess(found -> found.ifPresentOrElse(service -> html(ctx, 200, pages.service(ServiceView.of(service, base.of(ctx)))),
            () -> ctx.fail(Failure.notFound("Service"))))
        .onFailure(ctx::fail));
    page(router, PublicPages.INSIGHTS, ctx -> insight.needs()
        .onSuccess(report -> html(ctx, 200, pages.insights(InsightsView.of(report, base.of(ctx))))).onFailure(ctx::fail));
  }

  private void page(Router router, String path, Handler<RoutingContext> handler) {
    router.get(path).handler(handler).failureHandler(this::failed);
  }

  private void stylesheet(RoutingContext ctx) {
    boolean current = pages.assets().isCurrentVersion(ctx.queryParams().get("v"));
    ctx.response()
        .putHeader("Content-Type", "text/css; charset=utf-8")
        .putHeader("Cache-Control", current ? "public, max-age=31536000, immutable" : "no-cache")
        .end(pages.assets().stylesheet());
  }

  private void failed(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    Failure failure = ErrorResponses.failureOf(ctx);
    int status = failure.kind().httpStatus();
    html(ctx, status, pages.error(ErrorView.of(status, message(failure), problems(failure))));
  }

  private static String message(Failure failure) {
    return switch (failure.kind()) {
      case INVALID -> "アドレスの検索条件に誤りがあります。次のパラメータを直してください。";
      case NOT_FOUND -> "お探しのページは見つかりませんでした。アドレスが違うか、公開されていない可能性があります。";
      default -> "ページを表示できませんでした。しばらくしてからもう一度お試しください。";
    };
  }

  private static List<String> problems(Failure failure) {
    if (failure.kind() != FailureKind.INVALID) {
      return List.of();
    }
    List<String> named = failure.details().stream().filter(FieldProblem.class::isInstance).map(FieldProblem.class::cast)
        .map(p -> "パラメータ「" + p.field() + "」: " + p.problem()).toList();
    return named.isEmpty() ? List.of(failure.getMessage()) : named;
  }

  private static void html(RoutingContext ctx, int status, String html) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .end(html);
  }
}
