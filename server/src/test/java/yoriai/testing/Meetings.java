package yoriai.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Creates meetings over the real REST API for tests. */
public final class Meetings {
  private Meetings() {}

  /** A clean case sheet created and submitted by {@code token}'s organization; returns its id. */
  public static String submittedCase(Api api, String token) {
    return submittedCase(api, token, sheet());
  }

  /** The default clean case sheet; tests change its title, person or activities before submitting it. */
  public static ObjectNode sheet() {
    ObjectNode sheet = Json.object().put("title", "買い物に行けなくなった独居の女性").put("prefecture", "群馬県");
    sheet.putObject("person").put("ageBand", "80-84").put("careLevel", "要支援2").put("household", "独居");
    sheet.putArray("activities").addObject().put("activity", "買い物").put("level", "一部介助")
        .put("canDo", "近所の店までは歩いて行ける").put("difficulty", "重い荷物を持ち帰れない");
    return sheet;
  }

  /** {@code sheet} created and submitted by {@code token}'s organization; returns its id. */
  public static String submittedCase(Api api, String token, ObjectNode sheet) {
    Api.Reply created = api.post("/api/v1/cases", token, sheet.toString());
    if (created.status() != 201) {
      throw new AssertionError("case not created: " + created.status() + " " + created.body());
    }
    String id = created.json().get("id").asText();
    Api.Reply submitted = api.post("/api/v1/cases/" + id + "/submit", token, "{}");
    if (submitted.status() != 200) {
      throw new AssertionError("case not submitted: " + submitted.status() + " " + submitted.body());
    }
    return id;
  }

  /** A meeting request over a fresh submitted case of the host's organization. */
  public static ObjectNode request(Api api, String hostToken, String visibility) {
    ObjectNode body = Json.object()
        .put("title", "買い物に行けなくなった独居の女性")
        .put("visibility", visibility)
        .put("startsAt", OffsetDateTime.now(ZoneOffset.ofHours(9)).plusHours(1).withNano(0).toString());
    body.putArray("caseIds").add(submittedCase(api, hostToken));
    return body;
  }

  public static JsonNode create(Api api, String hostToken, ObjectNode body) {
    Api.Reply reply = api.post("/api/v1/meetings", hostToken, body.toString());
    if (reply.status() != 201) {
      throw new AssertionError("meeting not created: " + reply.status() + " " + reply.body());
    }
    return reply.json();
  }

  /** An open meeting over {@code sheet}, created and submitted by the host's organization. */
  public static String open(Api api, String hostToken, ObjectNode sheet) {
    ObjectNode body = Json.object()
        .put("title", sheet.get("title").asText())
        .put("visibility", "open")
        .put("startsAt", OffsetDateTime.now(ZoneOffset.ofHours(9)).plusHours(1).withNano(0).toString());
    body.putArray("caseIds").add(submittedCase(api, hostToken, sheet));
    return create(api, hostToken, body).get("id").asText();
  }

  public static String open(Api api, String hostToken) {
    return create(api, hostToken, request(api, hostToken, "open")).get("id").asText();
  }

  public static JsonNode events(Api api, String token, String meetingId) {
    Api.Reply reply = api.get("/api/v1/meetings/" + meetingId + "/events?after=0", token);
    if (reply.status() != 200) {
      throw new AssertionError("events not read: " + reply.status() + " " + reply.body());
    }
    return reply.json().get("events");
  }
}
