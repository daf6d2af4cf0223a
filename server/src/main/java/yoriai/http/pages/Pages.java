package yoriai.http.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;
import yoriai.shared.PublicPages;

/**
 * Renders the public pages with the precompiled jte templates ({@code src/main/jte}): HTML
 * escaping everywhere except the few values a view hands over as HTML on purpose (the client's
 * tags, the JSON-LD written by {@link JsonLd}, the index's snippets).
 */
public final class Pages {
  private static final String TEMPLATES = "yoriai.http.pages.templates";
  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(null, ContentType.Html, Pages.class.getClassLoader(), TEMPLATES);
  private final PageAssets assets;

  public Pages(PageAssets assets) {
    this.assets = assets;
  }

  public PageAssets assets() {
    return assets;
  }

  public String archive(ArchiveSearchView view) {
    return render("archive.jte", view.head(), PublicPages.ARCHIVE, view);
  }

  public String entry(EntryView view) {
    return render("entry.jte", view.head(), PublicPages.ARCHIVE, view);
  }

  public String catalog(CatalogListView view) {
    return render("catalog.jte", view.head(), PublicPages.CATALOG, view);
  }

  public String service(ServiceView view) {
    return render("service.jte", view.head(), PublicPages.CATALOG, view);
  }

  public String insights(InsightsView view) {
    return render("insights.jte", view.head(), PublicPages.INSIGHTS, view);
  }

  public String error(ErrorView view) {
    return render("error.jte", view.head(), null, view);
  }

  private String render(String template, PageHead head, String section, Object view) {
    StringOutput output = new StringOutput();
    engine.render(template, Map.of("page", new Page(head, section, assets.clientTags(), assets.stylesheetHref()),
        "view", view), output);
    return output.toString();
  }
}
