package yoriai.http.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import yoriai.shared.Json;

/**
 * schema.org data for a page's {@code <script type="application/ld+json">}. The JSON is written by
 * the one ObjectMapper; {@code <}, {@code >} and {@code &} become {@code \u003c}… escapes, so no
 * text of an entry can close the script element or open a comment in it.
 */
final class JsonLd {
  private JsonLd() {}

  /** An object of the given type with the pairs of name and value whose value is present (not null, blank or empty). */
  static Map<String, Object> thing(String type, Object... namesAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("@type", type);
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      boolean absent = value == null || value instanceof String text && text.isBlank()
          || value instanceof Collection<?> list && list.isEmpty();
      if (!absent) {
        object.put((String) namesAndValues[i], value);
      }
    }
    return object;
  }

  /** {@code thing} as the page's data block, with the schema.org context. */
  static String write(Map<String, Object> thing) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("@context", "https://schema.org");
    document.putAll(thing);
    try {
      return Json.mapper().writeValueAsString(document)
          .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings always serialize", e);
    }
  }

  /** 寄り合い, the publisher of every page. */
  static Map<String, Object> publisher(String base) {
    return thing("Organization", "name", PageHead.SITE_NAME, "url", base + "/");
  }
}
