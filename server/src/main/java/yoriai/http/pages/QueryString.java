package yoriai.http.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A link to a page with query parameters in a fixed order, URL-encoded; an absent value is left out. */
final class QueryString {
  private final String path;
  private final Map<String, String> params = new LinkedHashMap<>();

  QueryString(String path) {
    this.path = path;
  }

  private QueryString(String path, Map<String, String> params) {
    this(path);
    this.params.putAll(params);
  }

  /** This link with {@code name} set to {@code value}, or without it when {@code value} is null. */
  QueryString with(String name, Object value) {
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

  String href() {
    if (params.isEmpty()) {
      return path;
    }
    return path + "?" + params.entrySet().stream()
        .map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
