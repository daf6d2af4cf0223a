package yoriai.ws;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import yoriai.meeting.Actor;
import yoriai.meeting.Command;
import yoriai.shared.ErrorBody;
import yoriai.shared.Json;
import yoriai.shared.Nullable;

/** The §7 envelope: every frame is one JSON object with a {@code type}. */
final class Frames {
  /** The command names, the type ids Jackson reads a command frame by. */
  private static final Set<String> COMMAND_TYPES = Arrays.stream(Command.class.getAnnotation(JsonSubTypes.class).value())
      .map(JsonSubTypes.Type::name).collect(Collectors.toUnmodifiableSet());

  private Frames() {}

  /** A decoded client frame: exactly one of {@code join} and {@code command} is set unless it is a ping. */
  record Inbound(String type, String id, Join join, Command command) {}

  /** {@code batch}: the client takes the events that go out together as one {@code events} frame. */
  record Join(String meetingId, String token, @Nullable Long lastSeq, @Nullable String inviteCode, @Nullable Boolean batch) {
    boolean batches() {
      return Boolean.TRUE.equals(batch);
    }
  }

  /** A frame that cannot be decoded, with the error code the client gets. */
  static final class Refused extends RuntimeException {
    final String id;
    final String code;

    Refused(String id, String code, String message) {
      super(message, null, false, false);
      this.id = id;
      this.code = code;
    }
  }

  static Inbound decode(String text) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new Refused(null, "invalid_json", "The frame is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw new Refused(null, "invalid_message", "A frame must be a JSON object");
    }
    ObjectNode object = (ObjectNode) node;
    JsonNode idNode = object.remove("id");
    String id = idNode != null && idNode.isTextual() ? idNode.asText() : null;
    JsonNode typeNode = object.remove("type");
    if (typeNode == null || !typeNode.isTextual()) {
      throw new Refused(id, "invalid_message", "type is required and must be a string");
    }
    String type = typeNode.asText();
    if (idNode != null && !idNode.isNull() && id == null) {
      throw new Refused(null, "invalid_message", "id must be a string");
    }
    switch (type) {
      case "ping":
        return new Inbound(type, id, null, null);
      case "join": {
        Join join = read(object, Join.class, id);
        if (join.meetingId() == null || join.token() == null) {
          throw new Refused(id, "invalid_message", (join.meetingId() == null ? "meetingId" : "token") + " is required");
        }
        if (join.lastSeq() != null && join.lastSeq() < 0) {
          throw new Refused(id, "invalid_message", "lastSeq must not be negative");
        }
        return new Inbound(type, id, join, null);
      }
      default: {
        if (!COMMAND_TYPES.contains(type)) {
          throw new Refused(id, "unknown_type", "Unknown type " + abbreviate(type));
        }
        if (id == null) {
          throw new Refused(null, "invalid_message", "id is required (a UUID)");
        }
        if (!Command.ID.matcher(id).matches()) {
          throw new Refused(null, "invalid_message", "id must be a UUID");
        }
        return new Inbound(type, id, null, read(object.put("type", type), Command.class, id));
      }
    }
  }

  private static <T> T read(ObjectNode fields, Class<T> type, String id) {
    try {
      return Json.mapper().treeToValue(fields, type);
    } catch (JsonMappingException e) {
      String field = e.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      throw new Refused(id, "invalid_message", (field.isEmpty() ? "the frame" : field) + " is not valid here");
    } catch (JsonProcessingException e) {
      throw new Refused(id, "invalid_message", "The frame does not fit its type");
    }
  }

  private static String abbreviate(String type) {
    return type.length() > 40 ? type.substring(0, 40) + "…" : type;
  }

  /** The error frame a failure becomes; invalid fields are named in the message. */
  static String error(String id, Throwable failure) {
    return ErrorBody.ofFrame(failure).asFrame(id);
  }

  /** The error code a failure is reported with, for metrics. */
  static String code(Throwable failure) {
    return ErrorBody.ofFrame(failure).code();
  }

  static String error(String id, String code, String message) {
    return new ErrorBody(code, message).asFrame(id);
  }

  static String ack(String id, long seq) {
    return write(new Ack("ack", id, seq));
  }

  static String pong(String id) {
    return write(new Pong("pong", id));
  }

  static String joined(String meetingId, long seq, List<Actor> participants) {
    return write(new JoinedFrame("joined", meetingId, seq, participants));
  }

  private static String write(Object frame) {
    try {
      return Json.mapper().writeValueAsString(frame);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Ack(String type, String id, long seq) {}

  record Pong(String type, @Nullable String id) {}

  record JoinedFrame(String type, String meetingId, long seq, List<Actor> participants) {}
}
