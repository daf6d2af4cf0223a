package yoriai.http.pages;

import java.util.List;
import java.util.stream.Collectors;
import yoriai.catalog.Area;
import yoriai.catalog.Service;
import yoriai.shared.PublicPages;

/** One catalog service as its page shows it: what the public read of the service has. */
public record ServiceView(PageHead head, String name, List<Fact> facts, String description, String price,
    String howToUse, String contactUrl) {

  /** 高崎市、前橋市 */
  static String areas(Service service) {
    return service.areas() == null ? "" : service.areas().stream().map(Area::name).collect(Collectors.joining("、"));
  }

  public static ServiceView of(Service service, String base) {
    String canonical = base + PublicPages.catalogService(service.id());
    String description = Texts.shorten(Texts.joined(service.category(), service.provider()) + "。" + service.description(),
        Texts.DESCRIPTION_LENGTH);
    String jsonLd = JsonLd.write(JsonLd.thing("Service",
        "name", service.name(), "description", Texts.shorten(service.description(), 500), "serviceType", service.category(),
        "url", canonical,
        "provider", service.provider() == null ? null : JsonLd.thing("Organization", "name", service.provider()),
        "areaServed", service.areas() == null ? null
            : service.areas().stream().map(a -> JsonLd.thing("AdministrativeArea", "name", a.name())).toList()));
    return new ServiceView(new PageHead(service.name(), description, canonical, "website", jsonLd), service.name(),
        Fact.present("提供事業者", service.provider(), "カテゴリ", service.category(), "対応地域", areas(service),
            "事例で提案された数", service.proposedCount() + "件", "事例で採用された数", service.adoptedCount() + "件",
            "更新日", Labels.date(service.updatedAt())),
        service.description(), service.price(), service.howToUse(), service.contactUrl());
  }
}
