package yoriai.http.pages;

/**
 * What the layout of every page needs: the head, which menu entry is current ({@code section}, the
 * path of one of the header's links, or null), the web client's own tags (raw HTML taken from its
 * built {@code index.html}; empty when the client is not packed) and the pages' stylesheet.
 */
public record Page(PageHead head, String section, String clientTags, String stylesheet) {
  /** {@code "page"} when {@code href} is the current section, else null (so the attribute is left out). */
  public String current(String href) {
    return href.equals(section) ? "page" : null;
  }
}
