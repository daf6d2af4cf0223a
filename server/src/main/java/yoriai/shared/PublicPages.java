package yoriai.shared;

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
    return ARCHIVE + "/cases/" + id;
  }

  /** One market service: {@code /catalog/services/{id}}. */
  public static String catalogService(String id) {
    return CATALOG + "/services/" + id;
  }
}
