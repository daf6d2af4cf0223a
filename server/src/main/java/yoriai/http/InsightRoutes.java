package yoriai.http;

import io.vertx.ext.web.Router;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import yoriai.insight.Cell;
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
            .putHeader("Content-Type", "text/csv; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"yoriai-needs.csv\"")
            .end(csv(report)))
        .onFailure(ctx::fail));
  }

  /** UTF-8 with a byte order mark for Excel; suppressed cells read {@code <3}. */
  private static String csv(NeedsReport report) {
    StringBuilder out = new StringBuilder("\uFEFFneed,prefecture,careLevel,cases\r\n");
    for (Cell cell : report.cells()) {
      out.append(Stream.of(cell.need(), cell.prefecture(), cell.careLevel(),
              cell.suppressed() ? "<" + report.threshold() : String.valueOf(cell.cases()))
          .map(value -> value.contains(",") ? "\"" + value.replace("\"", "\"\"") + "\"" : value)
          .collect(Collectors.joining(","))).append("\r\n");
    }
    return out.toString();
  }
}
