package yoriai.http.pages;

/**
 * What a page's {@code <head>} says about it: {@code title} (also og:title), {@code description}
 * (also og:description), the absolute {@code canonical} URL (also og:url; null for an error page),
 * {@code ogType} ({@code website} or {@code article}), and for an entry its schema.org
 * {@code jsonLd}, already written by {@link JsonLd} (null when there is none).
 */
public record PageHead(String title, String description, String canonical, String ogType, String jsonLd) {
  static final String SITE_NAME = "寄り合い Yoriai";

  static PageHead website(String title, String description, String canonical) {
    return new PageHead(title, description, canonical, "website", null);
  }

  /** The document title: the page's title and the site's name. */
  public String documentTitle() {
    return title + " | " + SITE_NAME;
  }

  public String siteName() {
    return SITE_NAME;
  }

  /** Error pages have no canonical address and ask not to be indexed. */
  public boolean indexable() {
    return canonical != null;
  }
}
