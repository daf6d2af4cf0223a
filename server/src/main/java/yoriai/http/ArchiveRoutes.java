package yoriai.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import yoriai.account.Permission;
import yoriai.archive.ArchiveEntry;
import yoriai.archive.ArchiveService;
import yoriai.archive.RedactionRequest;
import yoriai.archive.SearchQuery;
import yoriai.casefile.ActivityKind;
import yoriai.shared.Coded;
import yoriai.shared.Prefectures;

/**
 * The public archive (no login); previewing, publishing and redacting, which only the meeting's host
 * or an admin may do.
 */
final class ArchiveRoutes {
  private static final int FEED_SIZE = 50;
  static final int DEFAULT_SEARCH_SIZE = 10;
  private static final int SIMILAR_SIZE = 5;

  private static final Set<String> PREFECTURES = Set.copyOf(Prefectures.NAMES);
  /** Today's activities and 服薬管理, which entries published before it became 服薬 keep (the facets and insights offer it). */
  private static final Set<String> ACTIVITIES = Stream.concat(Coded.codes(ActivityKind.class).stream(), Stream.of("服薬管理"))
      .collect(Collectors.toUnmodifiableSet());

  private final ArchiveService archive;
  private final PublicBase base;

  ArchiveRoutes(ArchiveService archive, PublicBase base) {
    this.archive = archive;
    this.base = base;
  }

  void mount(Router router) {
    router.post("/api/v1/meetings/:id/publish").handler(Authentication.require(Permission.HOST_MEETINGS)).handler(this::publish);
    router.get("/api/v1/meetings/:id/publication").handler(Authentication.require(Permission.HOST_MEETINGS))
        .handler(ctx -> archive.preview(ctx.pathParam("id"), Authentication.account(ctx))
            .onSuccess(preview -> Bodies.json(ctx, 200, preview)).onFailure(ctx::fail));
    router.get("/api/v1/meetings/:id/minutes.xlsx").handler(Authentication.require(Permission.SIGNED_IN))
        .handler(ctx -> archive.minutes(ctx.pathParam("id"), Authentication.account(ctx), QueryParams.of(ctx).text("inviteCode"))
            .onSuccess(minutes -> Xlsx.send(ctx, MinutesXlsx.minutesFileName(minutes), "yoriai-minutes.xlsx",
                () -> MinutesXlsx.minutes(minutes)))
            .onFailure(ctx::fail));
    router.get("/api/v1/archive/search").handler(this::search);
    // before ":id", which would read "{id}.xlsx" as an id
    router.getWithRegex("/api/v1/archive/cases/(?<id>[^/]+)\\.xlsx").handler(ctx -> archive.get(ctx.pathParam("id"))
        .onSuccess(entry -> Xlsx.send(ctx, entry.title() + ".xlsx", "yoriai-archive-" + entry.id() + ".xlsx",
            () -> MinutesXlsx.entry(entry)))
        .onFailure(ctx::fail));
    router.get("/api/v1/archive/cases/:id").handler(ctx -> archive.get(ctx.pathParam("id"))
        .onSuccess(entry -> Bodies.json(ctx, 200, entry)).onFailure(ctx::fail));
    router.post("/api/v1/archive/cases/:id/redactions").handler(Authentication.require(Permission.SIGNED_IN))
        .handler(ctx -> archive.redact(ctx.pathParam("id"), Bodies.read(ctx, RedactionRequest.class), Authentication.account(ctx))
            .onSuccess(entry -> Bodies.json(ctx, 200, entry)).onFailure(ctx::fail));
    router.get("/api/v1/archive/cases/:id/redactions").handler(Authentication.require(Permission.SIGNED_IN))
        .handler(ctx -> archive.redactions(ctx.pathParam("id"), Authentication.account(ctx))
            .onSuccess(list -> Bodies.json(ctx, 200, Map.of("redactions", list))).onFailure(ctx::fail));
    router.get("/api/v1/archive/cases/:id/similar").handler(ctx -> archive.similar().ofEntry(ctx.pathParam("id"), SIMILAR_SIZE)
        .onSuccess(hits -> Bodies.json(ctx, 200, Map.of("hits", hits))).onFailure(ctx::fail));
    // a case's rights are the case's (CaseService.get: 404 to other organizations); the answer is public entries only
    router.get("/api/v1/cases/:id/similar").handler(Authentication.require(Permission.SIGNED_IN))
        .handler(ctx -> archive.similar().ofCase(ctx.pathParam("id"), Authentication.account(ctx), SIMILAR_SIZE)
            .onSuccess(hits -> Bodies.json(ctx, 200, Map.of("hits", hits))).onFailure(ctx::fail));
    router.get("/api/v1/archive/export.json").handler(ctx -> archive.export(searchQuery(QueryParams.of(ctx)), ArchiveService.EXPORT_LIMIT)
        .onSuccess(entries -> Bodies.json(ctx, 200, Map.of("entries", entries))).onFailure(ctx::fail));
    router.get("/api/v1/archive/export.csv").handler(this::exportCsv);
    router.get(ArchiveFeed.PATH).handler(this::feed);
  }

  /** All new cases, or those of one prefecture and/or activity: a value that is neither is refused naming its parameter. */
  private void feed(RoutingContext ctx) {
    QueryParams params = QueryParams.of(ctx);
    ArchiveFeed.Follows follows = new ArchiveFeed.Follows(params.oneOf("prefecture", PREFECTURES), params.oneOf("activity", ACTIVITIES));
    Instant now = Instant.now();
    archive.export(follows.query(), FEED_SIZE)
        .compose(entries -> archive.lastChangesOf(entries.stream().map(ArchiveEntry::id).toList())
            .map(changes -> ArchiveFeed.write(entries, changes, follows, base.of(ctx), now)))
        .onSuccess(feed -> ctx.response().putHeader("Content-Type", "application/atom+xml; charset=utf-8").end(feed))
        .onFailure(ctx::fail);
  }

  private void publish(RoutingContext ctx) {
    archive.publish(ctx.pathParam("id"), Authentication.account(ctx))
        .onSuccess(entries -> Bodies.json(ctx, 200, Map.of("entries", entries)))
        .onFailure(ctx::fail);
  }

  /** The search's text and filters (and page, which the exports ignore): one parser for the search, its exports and its page. */
  static SearchQuery searchQuery(QueryParams params) {
    return new SearchQuery(params.text("q"), params.text("activity"), params.text("careLevel"),
        params.text("household"), params.text("prefecture"), params.text("type"), params.wholeNumber("year"),
        (int) params.wholeNumber("page", 1, SearchQuery.MAX_PAGE, 1),
        (int) params.wholeNumber("size", 1, SearchQuery.MAX_SIZE, DEFAULT_SEARCH_SIZE));
  }

  /**
   * The search page's query: the API's, but a prefecture or an activity that is neither is refused naming
   * it, as the feed does. The API keeps taking any text there (PRODUCT §7; an unknown value finds nothing).
   */
  static SearchQuery pageQuery(QueryParams params) {
    params.oneOf("prefecture", PREFECTURES);
    params.oneOf("activity", ACTIVITIES);
    return searchQuery(params);
  }

  private void exportCsv(RoutingContext ctx) {
    QueryParams params = QueryParams.of(ctx);
    Csv.Form form = Csv.Form.of(params);
    archive.export(searchQuery(params), ArchiveService.EXPORT_LIMIT)
        .onSuccess(entries -> ctx.response()
            .putHeader("Content-Type", Csv.CONTENT_TYPE)
            .putHeader("Content-Disposition", "attachment; filename=\"yoriai-archive.csv\"")
            .end(ArchiveCsv.write(entries, form)))
        .onFailure(ctx::fail);
  }

  private void search(RoutingContext ctx) {
    SearchQuery query = searchQuery(QueryParams.of(ctx));
    archive.search(query).onSuccess(result -> Bodies.json(ctx, 200, Map.of(
        "total", result.total(), "page", query.page(), "size", query.size(),
        "hits", result.hits(), "facets", result.facets(), "relaxed", result.relaxed()))).onFailure(ctx::fail);
  }

}
