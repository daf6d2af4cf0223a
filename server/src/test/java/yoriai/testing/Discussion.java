package yoriai.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Drives a meeting through its phases over a real WebSocket, as the host and participants would. */
public final class Discussion implements AutoCloseable {
  private final Api api;
  private final String meetingId;
  private final TestServer.SignedIn host;
  private final WsClient hostSocket;

  public Discussion(TestServer server, TestServer.SignedIn host, String meetingId) {
    this.api = server.api();
    this.meetingId = meetingId;
    this.host = host;
    this.hostSocket = WsClient.joined(server.baseUrl(), meetingId, host.token(), 0L);
  }

  /**
   * {@code sheet} submitted, discussed in an open meeting (one mutual proposal on its first activity,
   * adopted) and published by {@code host}; returns the public entry's id.
   */
  public static String publishedEntry(TestServer server, TestServer.SignedIn host, ObjectNode sheet) {
    Api api = server.api();
    TestServer.SignedIn pt = server.professional("理学 次郎", "理学療法士");
    String meetingId = Meetings.open(api, host.token(), sheet);
    try (Discussion meeting = new Discussion(server, host, meetingId); WsClient p = meeting.join(pt)) {
      meeting.phase("presentation");
      meeting.phase("proposals");
      String proposal = meeting.propose(p, sheet.at("/activities/0/activity").asText(), "mutual", "近所の人と一緒に",
          "できることを続けられる");
      meeting.summarizeAndClose("できることを続ける", proposal);
      Api.Reply published = meeting.publish();
      if (published.status() != 200) {
        throw new AssertionError("not published: " + published.status() + " " + published.body());
      }
      return published.json().at("/entries/0/id").asText();
    }
  }

  public String meetingId() {
    return meetingId;
  }

  public WsClient join(TestServer.SignedIn who) {
    return WsClient.joined(api.baseUrl(), meetingId, who.token(), 0L);
  }

  public void phase(String to) {
    ack(hostSocket, hostSocket.command("phase", Json.object().put("to", to)));
  }

  /** Moves the agenda to {@code caseId}. */
  public void focus(String caseId) {
    ack(hostSocket, hostSocket.command("focus", Json.object().put("caseId", caseId)));
  }

  /** Posts {@code text} and returns the message id. */
  public String post(WsClient as, String text) {
    long seq = ack(as, as.command("post", Json.object().put("text", text)));
    return event(seq).at("/data/messageId").asText();
  }

  /** A message from the host's own socket; returns its messageId. */
  public String postAsHost(String text) {
    return post(hostSocket, text);
  }

  public String propose(WsClient as, String activity, String type, String description, String keeps) {
    ObjectNode fields = Json.object();
    fields.putObject("proposal").put("targetActivity", activity).put("type", type)
        .put("description", description).put("keepsAbilities", keeps);
    return event(ack(as, as.command("propose", fields))).at("/data/proposalId").asText();
  }

  public void endorse(WsClient as, String proposalId) {
    ack(as, as.command("endorse", Json.object().put("proposalId", proposalId)));
  }

  public void raiseHand(WsClient as) {
    ack(as, as.command("hand", Json.object().put("raised", true)));
  }

  public void hide(String messageId) {
    ack(hostSocket, hostSocket.command("moderate", Json.object().put("action", "hide").put("messageId", messageId)));
  }

  /** Summary phase, a summary adopting {@code adopted}, then closed. */
  public void summarizeAndClose(String direction, String adopted) {
    phase("summary");
    ObjectNode summary = Json.object().put("direction", direction);
    summary.putArray("adoptedProposalIds").add(adopted);
    summary.putArray("regionalIssues").addObject().put("text", "移動手段の不足").putArray("tags").add("移動");
    summary.putArray("missingResources").add("週末の移動販売");
    Api.Reply written = api.put("/api/v1/meetings/" + meetingId + "/summary", host.token(), summary.toString());
    if (written.status() != 200) {
      throw new AssertionError("summary refused: " + written.body());
    }
    phase("closed");
  }

  public Api.Reply publish() {
    return api.post("/api/v1/meetings/" + meetingId + "/publish", host.token(), "{}");
  }

  private JsonNode event(long seq) {
    JsonNode events = api.get("/api/v1/meetings/" + meetingId + "/events?after=" + (seq - 1) + "&limit=1", host.token())
        .json().get("events");
    return events.get(0);
  }

  private static long ack(WsClient client, String id) {
    JsonNode reply = client.reply(id);
    if (!"ack".equals(reply.path("type").asText())) {
      throw new AssertionError("command refused: " + reply);
    }
    return reply.get("seq").asLong();
  }

  @Override
  public void close() {
    hostSocket.close();
  }
}
