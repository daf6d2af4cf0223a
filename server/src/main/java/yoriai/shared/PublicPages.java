package yoriai.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The public pages' paths (PRODUCT §2 "public"): the server renders them as HTML and the web client
 * takes over at the same address. Every link to them — mails, notices, the feeds, the sitemap —
 * is written from here, so they cannot drift apart; the app's other pages stay in the hash ({@code /#/…}).
 */
public final class PublicPages {
  public static final String ARCHIVE = "/archive";
  public static final String CATALOG = "/catalog";
  public static final String INSIGHTS = "/insights";

  private PublicPages() {}

  /** One published case: {@code /archive/cases/{id}}. */
  public static String archiveEntry(String id) {
    return ARCHIVE + "/cases/" + encoded(id);
  }

  /** One market service: {@code /catalog/services/{id}}. */
  public static String catalogService(String id) {
    return CATALOG + "/services/" + encoded(id);
  }

  /** The text percent-encoded as UTF-8 (a space as {@code %20}), fit for a path segment or a query value. */
  public static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
