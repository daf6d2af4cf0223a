package yoriai.http;

import io.vertx.ext.web.Router;
import java.util.List;
import yoriai.insight.InsightService;
import yoriai.http.Csv.Column;
import yoriai.insight.Cell;

/** {@code /api/v1/insights}: public, aggregated, with small counts suppressed. */
final class InsightRoutes {
  private final InsightService insight;

  InsightRoutes(InsightService insight) {
    this.insight = insight;
  }

  void mount(Router router) {
    router.get("/api/v1/insights/needs").handler(ctx -> insight.needs()
        .onSuccess(report -> Bodies.json(ctx, 200, report)).onFailure(ctx::fail));
    router.get("/api/v1/insights/needs.csv").handler(ctx -> {
      Csv.Form form = Csv.Form.of(QueryParams.of(ctx));
      insight.needs()
          .onSuccess(report -> ctx.response()
              .putHeader("Content-Type", Csv.CONTENT_TYPE)
              .putHeader("Content-Disposition", "attachment; filename=\"yoriai-needs.csv\"")
              .end(Csv.write(columns(report.threshold()), report.cells(), form)))
          .onFailure(ctx::fail);
    });
  }

  /** A suppressed cell reads 3件未満 for people and {@code <3} for machines, never a count. */
  private static List<Column<Cell>> columns(int threshold) {
    return List.of(
        Column.of("生活行為・ニーズ", "need", Cell::need),
        Column.of("都道府県", "prefecture", Cell::prefecture),
        Column.of("要介護度", "care_level", Cell::careLevel),
        new Column<>("件数", "cases",
            cell -> cell.suppressed() ? threshold + "件未満" : String.valueOf(cell.cases()),
            cell -> cell.suppressed() ? "<" + threshold : String.valueOf(cell.cases())));
  }
}
