package yoriai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Creates accounts, a submitted case and open meetings over the REST API, as a host would. */
final class YoriaiSetup {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String runId = Long.toString(System.currentTimeMillis(), 36);
  private int accounts;

  YoriaiSetup(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  String login(String email, String password) throws Exception {
    return post("/api/v1/auth/login", null, JSON.createObjectNode().put("email", email).put("password", password))
        .get("token").asText();
  }

  String account(String adminToken, String role, String kind, String profession) throws Exception {
    String email = "bench-" + runId + "-" + (++accounts) + "@example.jp";
    ObjectNode body = JSON.createObjectNode().put("email", email).put("password", "bench-sender-6Pv")
        .put("displayName", "負荷" + accounts).put("role", role);
    body.putObject("organization").put("name", "負荷市").put("kind", kind).put("prefecture", "群馬県");
    if (profession != null) {
      body.put("profession", profession);
    }
    post("/api/v1/accounts", adminToken, body);
    return login(email, "bench-sender-6Pv");
  }

  List<String> meetings(String hostToken, int count) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ObjectNode sheet = JSON.createObjectNode().put("title", "負荷試験の事例 " + i).put("prefecture", "群馬県");
      sheet.putObject("person").put("ageBand", "80-84").put("careLevel", "要支援2").put("household", "独居");
      sheet.putArray("activities").addObject().put("activity", "買い物").put("level", "一部介助")
          .put("canDo", "近所の店までは歩ける").put("difficulty", "重い物を運べない");
      String caseId = post("/api/v1/cases", hostToken, sheet).get("id").asText();
      post("/api/v1/cases/" + caseId + "/submit", hostToken, JSON.createObjectNode());
      ObjectNode meeting = JSON.createObjectNode().put("title", "負荷試験 " + i).put("visibility", "open")
          .put("startsAt", OffsetDateTime.now().toString());
      meeting.putArray("caseIds").add(caseId);
      ids.add(post("/api/v1/meetings", hostToken, meeting).get("id").asText());
    }
    return ids;
  }

  private JsonNode post(String path, String token, JsonNode body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(path + " → " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
