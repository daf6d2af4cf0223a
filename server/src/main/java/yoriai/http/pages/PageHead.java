package yoriai.http.pages;

/**
 * What a page's {@code <head>} says about it: {@code title} (also og:title), {@code description}
 * (also og:description), the absolute {@code canonical} URL (also og:url; null for an error page),
 * {@code ogType} ({@code website} or {@code article}), and for an entry its schema.org
 * {@code jsonLd}, already written by {@link JsonLd} (null when there is none); {@code indexed}: whether
 * search engines may keep the page as a document of its own.
 */
public record PageHead(String title, String description, String canonical, String ogType, String jsonLd,
    boolean indexed) {
  static final String SITE_NAME = "寄り合い Yoriai";

  /** Indexed when it has a canonical address. */
  PageHead(String title, String description, String canonical, String ogType, String jsonLd) {
    this(title, description, canonical, ogType, jsonLd, canonical != null);
  }

  static PageHead website(String title, String description, String canonical) {
    return new PageHead(title, description, canonical, "website", null);
  }

  /** This head asking not to be indexed while its links are followed: a search's or a filter's page. */
  PageHead unindexed() {
    return new PageHead(title, description, canonical, ogType, jsonLd, false);
  }

  /** The document title: the page's title and the site's name. */
  public String documentTitle() {
    return title + " | " + SITE_NAME;
  }

  public String siteName() {
    return SITE_NAME;
  }

  /** The robots meta tag's content, or null when indexed: error pages have no canonical address to follow either. */
  public String robots() {
    return indexed ? null : canonical == null ? "noindex" : "noindex, follow";
  }
}
