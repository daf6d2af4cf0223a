package yoriai.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Creates meetings over the real REST API for tests. */
public final class Meetings {
  private Meetings() {}

  public static ObjectNode request(String visibility) {
    ObjectNode body = Json.object()
        .put("title", "買い物に行けなくなった独居の女性")
        .put("visibility", visibility)
        .put("startsAt", OffsetDateTime.now(ZoneOffset.ofHours(9)).plusHours(1).withNano(0).toString());
    body.putArray("caseIds").add(UUID.randomUUID().toString());
    return body;
  }

  public static JsonNode create(Api api, String hostToken, ObjectNode body) {
    Api.Reply reply = api.post("/api/v1/meetings", hostToken, body.toString());
    if (reply.status() != 201) {
      throw new AssertionError("meeting not created: " + reply.status() + " " + reply.body());
    }
    return reply.json();
  }

  public static String open(Api api, String hostToken) {
    return create(api, hostToken, request("open")).get("id").asText();
  }

  public static JsonNode events(Api api, String token, String meetingId) {
    Api.Reply reply = api.get("/api/v1/meetings/" + meetingId + "/events?after=0", token);
    if (reply.status() != 200) {
      throw new AssertionError("events not read: " + reply.status() + " " + reply.body());
    }
    return reply.json().get("events");
  }
}
