package yoriai.http;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.temporal.ChronoUnit;
import java.util.List;
import yoriai.archive.ArchiveService;
import yoriai.catalog.CatalogService;
import yoriai.shared.LastChange;
import yoriai.shared.PublicPages;

/**
 * What search engines read first: {@code /robots.txt} (the public pages and the feeds, not the
 * API) and {@code /sitemap.xml} (the public pages: each published case with its last change, each
 * catalog service). Links are absolute, under {@link PublicBase}.
 */
final class SiteRoutes {
  /** The sitemap protocol's limit for one file; beyond it a sitemap index would split the cases. */
  static final int MAX_URLS = 50_000;
  private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final List<String> LISTS = List.of(PublicPages.ARCHIVE, PublicPages.CATALOG, PublicPages.INSIGHTS);

  private final ArchiveService archive;
  private final CatalogService catalog;
  private final PublicBase base;

  SiteRoutes(ArchiveService archive, CatalogService catalog, PublicBase base) {
    this.archive = archive;
    this.catalog = catalog;
    this.base = base;
  }

  void mount(Router router) {
    router.get("/robots.txt").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .end(robots(base.of(ctx))));
    router.get("/sitemap.xml").handler(this::sitemap);
  }

  /** Longest match wins (RFC 9309), so the feed is allowed although the rest of the API is not. */
  private static String robots(String base) {
    StringBuilder text = new StringBuilder("User-agent: *\n");
    LISTS.forEach(path -> text.append("Allow: ").append(path).append('\n'));
    return text.append("Allow: ").append(ArchiveFeed.PATH).append('\n')
        .append("Disallow: /api/\n")
        .append("Disallow: /ws\n")
        .append("\nSitemap: ").append(base).append("/sitemap.xml\n")
        .toString();
  }

  private void sitemap(RoutingContext ctx) {
    Future<List<LastChange>> services = catalog.lastChanges().map(all -> all.subList(0, servicesWithin(MAX_URLS, all.size())));
    Future<List<LastChange>> cases = services.compose(listed -> {
      int room = casesWithin(MAX_URLS, listed.size());
      // a store reads a limit of 0 as none at all
      return room > 0 ? archive.lastChanges(room) : Future.succeededFuture(List.of());
    });
    cases.onSuccess(entries -> {
      String root = base.of(ctx);
      Xml xml = new Xml("urlset", SITEMAP);
      LISTS.forEach(path -> xml.start("url").element("loc", root + path).end());
      entries.forEach(entry -> url(xml, root + PublicPages.archiveEntry(entry.id()), entry));
      services.result().forEach(service -> url(xml, root + PublicPages.catalogService(service.id()), service));
      ctx.response().putHeader("Content-Type", "application/xml; charset=utf-8").end(xml.finish());
    }).onFailure(ctx::fail);
  }

  /** How many of {@code services} a sitemap of {@code maxUrls} lists beside the list pages. */
  static int servicesWithin(int maxUrls, int services) {
    return Math.max(0, Math.min(services, maxUrls - LISTS.size()));
  }

  /** How many cases fit in a sitemap of {@code maxUrls} beside the list pages and {@code services} services; 0 for none. */
  static int casesWithin(int maxUrls, int services) {
    return Math.max(0, maxUrls - LISTS.size() - services);
  }

  private static void url(Xml xml, String loc, LastChange change) {
    xml.start("url").element("loc", loc);
    if (change.at() != null) {
      xml.element("lastmod", change.at().truncatedTo(ChronoUnit.SECONDS));
    }
    xml.end();
  }
}
