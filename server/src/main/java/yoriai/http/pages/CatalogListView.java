package yoriai.http.pages;

import java.util.List;
import yoriai.catalog.CatalogPage;
import yoriai.catalog.CatalogQuery;
import yoriai.catalog.Service;
import yoriai.shared.Prefectures;
import yoriai.shared.PublicPages;

/** The catalog's list page: the form with its choices, the services found, and the page links. */
public record CatalogListView(PageHead head, String q, List<Option> categories, List<Option> prefectures,
    String municipality, long total, List<Item> services, Pagination pagination) {

  /** A choice of a select; its label is its value. */
  public record Option(String value, boolean selected) {}

  public record Item(String href, String name, String meta, String description, String areas, String usage) {}

  public static CatalogListView of(CatalogQuery query, CatalogPage page, List<String> categoryNames, String base) {
    QueryString current = new QueryString(PublicPages.CATALOG).with("q", query.q()).with("category", query.category())
        .with("prefecture", query.prefecture()).with("municipality", query.municipality())
        .with("size", query.size()).with("page", page.page() == 1 ? null : page.page());
    String prefecture = query.prefecture() == null ? null
        : Prefectures.nameOf(query.prefecture()).orElse(query.prefecture());
    PageHead head = PageHead.website(query.q() == null ? "サービスカタログ" : "「" + query.q() + "」のサービス — サービスカタログ",
        "買い物支援・配食・見守りなど、地域で利用できる民間のサービスを探せます。", base + PublicPages.CATALOG);
    if (!current.params().isEmpty()) {
      head = head.unindexed();
    }
    return new CatalogListView(head, query.q(),
        categoryNames.stream().map(name -> new Option(name, name.equals(query.category()))).toList(),
        Prefectures.NAMES.stream().map(name -> new Option(name, name.equals(prefecture))).toList(),
        query.municipality(), page.total(), page.services().stream().map(CatalogListView::item).toList(),
        Pagination.of(current, page.page(), page.size(), page.total(), CatalogQuery.MAX_PAGE));
  }

  private static Item item(Service service) {
    return new Item(PublicPages.catalogService(service.id()), service.name(), Texts.joined(service.category(), service.provider()),
        Texts.shorten(service.description(), Texts.DESCRIPTION_LENGTH), ServiceView.areas(service),
        "提案 " + service.proposedCount() + "件・採用 " + service.adoptedCount() + "件");
  }
}
