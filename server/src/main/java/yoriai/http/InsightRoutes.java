package yoriai.http;

import io.vertx.ext.web.Router;
import java.util.List;
import yoriai.insight.InsightService;
import yoriai.insight.NeedsReport;

/** {@code /api/v1/insights}: public, aggregated, with small counts suppressed. */
final class InsightRoutes {
  private final InsightService insight;

  InsightRoutes(InsightService insight) {
    this.insight = insight;
  }

  void mount(Router router) {
    router.get("/api/v1/insights/needs").handler(ctx -> insight.needs()
        .onSuccess(report -> Bodies.json(ctx, 200, report)).onFailure(ctx::fail));
    router.get("/api/v1/insights/needs.csv").handler(ctx -> insight.needs()
        .onSuccess(report -> ctx.response()
            .putHeader("Content-Type", Csv.CONTENT_TYPE)
            .putHeader("Content-Disposition", "attachment; filename=\"yoriai-needs.csv\"")
            .end(csv(report)))
        .onFailure(ctx::fail));
  }

  /** Suppressed cells read 「3件未満」, as on the page. */
  private static String csv(NeedsReport report) {
    return Csv.write(List.of("need", "prefecture", "careLevel", "cases"), report.cells().stream()
        .map(cell -> List.of(cell.need(), cell.prefecture(), cell.careLevel(),
            cell.suppressed() ? report.threshold() + "件未満" : String.valueOf(cell.cases())))
        .toList());
  }
}
