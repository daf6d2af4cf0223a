package yoriai.http.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What every page's head links to, read once from the class path: the web client's own module
 * script and stylesheet tags, copied from its built {@code webroot/index.html} (none when the client
 * is not packed, as in some tests), and the pages' own stylesheet, linked with its digest so it can
 * be cached for good.
 */
public final class PageAssets {
  public static final String STYLESHEET_PATH = "/pages.css";
  private static final Pattern HEAD = Pattern.compile("(?is)<head>(.*?)</head>");
  private static final Pattern CLIENT_TAG = Pattern.compile(
      "(?is)<script\\s[^>]*type=\"module\"[^>]*>\\s*</script>|<link\\s[^>]*rel=\"stylesheet\"[^>]*>");

  private final String clientTags;
  private final String stylesheet;
  private final String version;

  PageAssets(String clientTags, String stylesheet) {
    this.clientTags = clientTags;
    this.stylesheet = stylesheet;
    this.version = digest(stylesheet);
  }

  public static PageAssets load() {
    String index = read("webroot/index.html");
    String stylesheet = read("pages/pages.css");
    if (stylesheet == null) {
      throw new IllegalStateException("pages/pages.css is missing from the class path");
    }
    return new PageAssets(index == null ? "" : clientTags(index), stylesheet);
  }

  /** The module script and stylesheet tags of the client's {@code <head>}, one per line. */
  static String clientTags(String indexHtml) {
    Matcher head = HEAD.matcher(indexHtml);
    if (!head.find()) {
      return "";
    }
    return CLIENT_TAG.matcher(head.group(1)).results().map(m -> m.group()).collect(Collectors.joining("\n"));
  }

  public String clientTags() {
    return clientTags;
  }

  public String stylesheet() {
    return stylesheet;
  }

  /** The stylesheet's address, which changes whenever its content does. */
  public String stylesheetHref() {
    return STYLESHEET_PATH + "?v=" + version;
  }

  /** Whether {@code v} names the stylesheet served now (so it may be cached for good). */
  public boolean isCurrentVersion(String v) {
    return version.equals(v);
  }

  private static String read(String resource) {
    try (InputStream in = PageAssets.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
