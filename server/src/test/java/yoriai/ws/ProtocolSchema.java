package yoriai.ws;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import yoriai.meeting.Command;
import yoriai.meeting.EventData;
import yoriai.meeting.MeetingEvent;
import yoriai.meeting.Summary;
import yoriai.shared.ErrorBody;
import yoriai.shared.Json;
import yoriai.shared.Nullable;

/**
 * The JSON Schema of the socket protocol, generated from the Java records that are the wire: the
 * event frame with one variant per kind (and the events frame that carries several), the client
 * commands and the other server frames. The web
 * client generates its TypeScript types from the committed copy (docs/decisions.md).
 */
final class ProtocolSchema {
  /** The committed copy, from the server module's directory (where Maven runs the tests). */
  static final Path FILE = Path.of("..", "web-client", "src", "net", "protocol.schema.json");
  static final String REGENERATE = "mvn -B -ntp -o -q -pl server test -Dtest=ProtocolSchemaTest -Dyoriai.writeSchema=true";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ProtocolSchema() {}

  static String generate() {
    SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(Json.mapper(), SchemaVersion.DRAFT_2020_12,
        OptionPreset.PLAIN_JSON)
        .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE,
            JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY, JacksonOption.IGNORE_TYPE_INFO_TRANSFORM))
        .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.DEFINITIONS_FOR_ALL_OBJECTS)
        .without(Option.SCHEMA_VERSION_INDICATOR);
    config.forTypesInGeneral().withDefinitionNamingStrategy((key, context) -> key.getType().getErasedType().getSimpleName())
        .withPropertySorter((one, other) -> 0);
    config.forFields().withRequiredCheck(field -> field.getAnnotationConsideringFieldAndGetter(Nullable.class) == null);
    SchemaBuilder schemas = new SchemaGenerator(config.build()).buildMultipleSchemaDefinitions();

    schemas.createSchemaReference(MeetingEvent.class);
    Map<String, ObjectNode> data = new LinkedHashMap<>();
    for (JsonSubTypes.Type kind : EventData.class.getAnnotation(JsonSubTypes.class).value()) {
      data.put(kind.name(), schemas.createSchemaReference(kind.value()));
    }
    Map<String, Class<?>> commands = new LinkedHashMap<>();
    for (JsonSubTypes.Type command : Command.class.getAnnotation(JsonSubTypes.class).value()) {
      commands.put(command.name(), command.value());
      schemas.createSchemaReference(command.value());
    }
    Map<String, Class<?>> serverFrames = Map.of("ack", Frames.Ack.class, "pong", Frames.Pong.class,
        "error", ErrorBody.ErrorFrame.class, "joined", Frames.JoinedFrame.class);
    serverFrames.values().forEach(schemas::createSchemaReference);
    schemas.createSchemaReference(Frames.Join.class);
    // the summary is a REST body, not a frame, but the host's editor in the client writes it
    schemas.createSchemaReference(Summary.class);
    ObjectNode defs = schemas.collectDefinitions("$defs");

    eventVariants(defs, data);
    serverFrames.forEach((type, frame) -> typed((ObjectNode) defs.get(frame.getSimpleName()), type));
    typed((ObjectNode) defs.get("Join"), "join");
    ArrayNode commandRefs = NODES.arrayNode();
    commands.forEach((type, command) -> {
      typed((ObjectNode) defs.get(command.getSimpleName()), type);
      commandRefs.add(NODES.objectNode().put("$ref", "#/$defs/" + command.getSimpleName()));
    });
    defs.set("Command", NODES.objectNode().set("oneOf", commandRefs));

    ObjectNode sorted = NODES.objectNode();
    new TreeMap<String, JsonNode>(toMap(defs)).forEach(sorted::set);
    ObjectNode root = NODES.objectNode()
        .put("$schema", "https://json-schema.org/draft/2020-12/schema")
        .put("title", "Protocol")
        .put("description", "Generated from the server's records by " + REGENERATE + "; do not edit.");
    root.set("$defs", sorted);
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * MeetingEvent as one variant per kind, each with its {@code kind} constant and its data record,
   * so a client narrows the data by switching on the kind; EventFrame is such an event with its type.
   */
  private static void eventVariants(ObjectNode defs, Map<String, ObjectNode> data) {
    ObjectNode event = (ObjectNode) defs.get("MeetingEvent");
    ArrayNode variants = NODES.arrayNode();
    data.forEach((kind, dataRef) -> {
      ObjectNode variant = event.deepCopy();
      ObjectNode properties = NODES.objectNode();
      event.get("properties").fields().forEachRemaining(p -> {
        properties.set(p.getKey(), p.getKey().equals("data") ? dataRef : p.getValue());
        if (p.getKey().equals("meetingId")) {
          properties.set("kind", NODES.objectNode().put("const", kind));
        }
      });
      variant.set("properties", properties);
      variant.withArray("required").add("kind");
      variant.remove("additionalProperties");
      String name = variantName(kind);
      variant.put("title", name);
      defs.set(name, variant);
      variants.add(NODES.objectNode().put("$ref", "#/$defs/" + name));
    });
    defs.set("MeetingEvent", NODES.objectNode().set("oneOf", variants));
    ObjectNode frame = NODES.objectNode();
    frame.withArray("allOf").add(NODES.objectNode().put("$ref", "#/$defs/MeetingEvent"))
        .add(typed(NODES.objectNode().put("type", "object"), "event"));
    defs.set("EventFrame", frame);
    // what a client that joined with batch: true gets instead: the event frames that go out together
    ObjectNode events = NODES.objectNode().put("type", "object").put("additionalProperties", false);
    events.putObject("properties").putObject("events").put("type", "array")
        .putObject("items").put("$ref", "#/$defs/EventFrame");
    events.putArray("required").add("events");
    defs.set("EventsFrame", typed(events, "events"));
  }

  /** {@code message.posted} → {@code MessagePostedEvent}. */
  private static String variantName(String kind) {
    StringBuilder name = new StringBuilder();
    for (String word : kind.split("\\.")) {
      name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return name.append("Event").toString();
  }

  /** Fixes a frame's {@code type} to its one value. */
  private static ObjectNode typed(ObjectNode frame, String type) {
    ObjectNode properties = NODES.objectNode().set("type", NODES.objectNode().put("const", type));
    frame.withObject("properties").fields().forEachRemaining(p -> properties.putIfAbsent(p.getKey(), p.getValue()));
    frame.set("properties", properties);
    ArrayNode required = frame.withArray("required");
    if (!required.toString().contains("\"type\"")) {
      required.insert(0, "type");
    }
    return frame;
  }

  /** The JSON pointers at which {@code actual} differs from {@code expected}: missing, added or changed. */
  static List<String> drift(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    drift("", expected, actual, out);
    return out;
  }

  private static void drift(String at, JsonNode expected, JsonNode actual, List<String> out) {
    if (expected == null || actual == null) {
      out.add((expected == null ? "added " : "missing ") + at);
    } else if (expected.isObject() && actual.isObject()) {
      Map<String, JsonNode> both = new TreeMap<>(toMap(expected));
      both.putAll(toMap(actual));
      both.keySet().forEach(key -> drift(at + "/" + key, expected.get(key), actual.get(key), out));
    } else if (!expected.equals(actual)) {
      out.add("changed " + at);
    }
  }

  private static Map<String, JsonNode> toMap(JsonNode object) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      map.put(field.getKey(), field.getValue());
    }
    return map;
  }
}
