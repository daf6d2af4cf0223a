package yoriai.http.pages;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import yoriai.shared.PublicPages;

/** A link to a page with query parameters in a fixed order, URL-encoded; an absent value is left out. */
public final class QueryString {
  private final String path;
  private final Map<String, String> params = new LinkedHashMap<>();

  public QueryString(String path) {
    this.path = path;
  }

  private QueryString(String path, Map<String, String> params) {
    this(path);
    this.params.putAll(params);
  }

  /** This link with {@code name} set to {@code value}, or without it when {@code value} is null. */
  public QueryString with(String name, Object value) {
    QueryString copy = new QueryString(path, params);
    if (value == null) {
      copy.params.remove(name);
    } else {
      copy.params.put(name, value.toString());
    }
    return copy;
  }

  /** The parameters in their order. */
  Map<String, String> params() {
    return Collections.unmodifiableMap(params);
  }

  public String href() {
    return path + query();
  }

  /** The query part: empty, or starting with {@code ?}. */
  public String query() {
    return params.isEmpty() ? "" : params.entrySet().stream()
        .map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
        .collect(Collectors.joining("&", "?", ""));
  }

  private static String encode(String text) {
    return PublicPages.encoded(text);
  }
}
