package yoriai.storage;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import yoriai.shared.Json;

/** Converts records to MongoDB documents and back through the one ObjectMapper. */
public final class Documents {
  private Documents() {}

  public static JsonObject toDocument(Object value) {
    try {
      return new JsonObject(Json.mapper().writeValueAsString(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <T> T fromDocument(JsonObject document, Class<T> type) {
    try {
      return Json.mapper().readValue(document.toBuffer().getBytes(), type);
    } catch (IOException e) {
      throw new UncheckedIOException("stored document does not match " + type.getSimpleName(), e);
    }
  }
}
