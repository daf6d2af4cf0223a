package yoriai.http.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import yoriai.archive.SearchQuery;
import yoriai.archive.SearchResult;
import yoriai.shared.PublicPages;

/**
 * The archive's search page: the form, the filters in force (each with a link that lifts it), the
 * hits, the facet counts as links that filter, and links to the previous and next page. Every
 * link carries the same parameters as {@code GET /api/v1/archive/search}. With a query, a filter or a page
 * it is not indexed apart: its canonical address is the bare {@code /archive}.
 */
public record ArchiveSearchView(PageHead head, String q, List<Param> hidden, long total, boolean relaxed, List<Hit> hits,
    List<Filter> filters, List<Facet> facets, Pagination pagination, String clearHref) {

  /** A parameter the search form carries along unchanged (the filters and size in force). */
  public record Param(String name, String value) {}

  /** A filter in force and the link that lifts it. */
  public record Filter(String label, String removeHref) {}

  /** {@code snippet} is HTML from the index: the text escaped, only {@code <mark>} added. */
  public record Hit(String href, String title, String snippet, String meta, String published) {}

  public record Facet(String label, List<FacetValue> values) {}

  /** {@code href} filters by this value, or lifts the filter when it is the one in force ({@code selected}). */
  public record FacetValue(String label, int count, String href, boolean selected) {}

  private static final Map<String, String> FACET_LABELS = Map.of("activity", "生活行為・ニーズ", "careLevel", "要介護度",
      "household", "世帯", "prefecture", "都道府県", "type", "提案の種類", "year", "公開年");
  private static final List<String> FILTERS = List.of("activity", "careLevel", "household", "prefecture", "type", "year");

  /** {@code defaultSize}: the page size the search uses when none is asked, so links leave it out. */
  public static ArchiveSearchView of(SearchQuery query, SearchResult result, int defaultSize, String base) {
    QueryString current = link(query, defaultSize);
    String title = query.q() == null ? "事例アーカイブ" : "「" + query.q() + "」の事例 — 事例アーカイブ";
    PageHead head = PageHead.website(title,
        "全国の地域ケア会議で検討され、公開された事例を検索できます。本人が特定されないよう匿名化されています。",
        base + PublicPages.ARCHIVE);
    if (!current.params().isEmpty()) {
      head = head.unindexed();
    }
    QueryString firstPage = current.with("page", null);
    List<Param> hidden = new ArrayList<>();
    List<Filter> filters = new ArrayList<>();
    firstPage.params().forEach((name, value) -> {
      if (!"q".equals(name)) {
        hidden.add(new Param(name, value));
      }
      if (FILTERS.contains(name)) {
        filters.add(new Filter(FACET_LABELS.get(name) + ": " + valueLabel(name, value), firstPage.with(name, null).href()));
      }
    });
    List<Hit> hits = result.hits().stream().map(hit -> new Hit(PublicPages.archiveEntry(hit.id()), hit.title(), hit.snippet(),
        Texts.joined(hit.prefecture(), hit.careLevel(), hit.household()), Labels.date(hit.publishedAt()))).toList();
    List<Facet> facets = new ArrayList<>();
    result.facets().forEach((name, counts) -> {
      if (FACET_LABELS.containsKey(name) && !counts.isEmpty()) {
        String selected = firstPage.params().get(name);
        facets.add(new Facet(FACET_LABELS.get(name), counts.entrySet().stream()
            .map(count -> new FacetValue(valueLabel(name, count.getKey()), count.getValue(),
                firstPage.with(name, count.getKey().equals(selected) ? null : count.getKey()).href(),
                count.getKey().equals(selected)))
            .toList()));
      }
    });
    return new ArchiveSearchView(head, query.q(), hidden, result.total(), result.relaxed(), hits, filters, facets,
        Pagination.of(current, query.page(), query.size(), result.total(), SearchQuery.MAX_PAGE),
        new QueryString(PublicPages.ARCHIVE).with("q", query.q()).href());
  }

  private static QueryString link(SearchQuery query, int defaultSize) {
    return new QueryString(PublicPages.ARCHIVE).with("q", query.q()).with("activity", query.activity())
        .with("careLevel", query.careLevel()).with("household", query.household())
        .with("prefecture", query.prefecture()).with("type", query.type()).with("year", query.year())
        .with("size", query.size() == defaultSize ? null : query.size())
        .with("page", query.page() == 1 ? null : query.page());
  }

  private static String valueLabel(String facet, String value) {
    return switch (facet) {
      case "type" -> Labels.proposalType(value);
      case "year" -> value + "年";
      default -> value;
    };
  }
}
