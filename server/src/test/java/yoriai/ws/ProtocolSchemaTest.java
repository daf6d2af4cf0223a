package yoriai.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import yoriai.shared.Json;

/** The schema the web client's types are generated from is the one the server's records make. */
class ProtocolSchemaTest {
  @Test
  void the_committed_schema_is_the_one_the_records_generate() throws Exception {
    String generated = ProtocolSchema.generate();
    if (Boolean.getBoolean("yoriai.writeSchema")) {
      Files.writeString(ProtocolSchema.FILE, generated);
    }
    String committed = Files.exists(ProtocolSchema.FILE) ? Files.readString(ProtocolSchema.FILE) : "{}";

    assertThat(ProtocolSchema.drift(Json.mapper().readTree(committed), Json.mapper().readTree(generated)))
        .as("%s differs from the records; regenerate it with %s and rebuild the web client",
            ProtocolSchema.FILE, ProtocolSchema.REGENERATE)
        .isEmpty();
    assertThat(committed).as("formatting of %s; regenerate it with %s", ProtocolSchema.FILE, ProtocolSchema.REGENERATE)
        .isEqualTo(generated);
  }

  @Test
  void a_renamed_field_is_reported_as_drift_by_its_path() throws Exception {
    JsonNode generated = Json.mapper().readTree(ProtocolSchema.generate());
    ObjectNode renamed = generated.deepCopy();
    ObjectNode properties = (ObjectNode) renamed.at("/$defs/MessagePosted/properties");
    properties.set("message_id", properties.remove("messageId"));

    assertThat(ProtocolSchema.drift(renamed, generated)).contains(
        "added /$defs/MessagePosted/properties/messageId", "missing /$defs/MessagePosted/properties/message_id");
  }
}
