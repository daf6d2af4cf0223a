package yoriai.app;

import com.fasterxml.jackson.databind.JsonNode;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.ServerProcess;
import yoriai.testing.TestServer;
import yoriai.testing.WsClient;

/** What the tests of a MongoDB that fails under a running server share: a meeting to write to, and waiting for writes to work again. */
final class StoreOutage {
  final Api api;
  final String admin;
  final TestServer.SignedIn host;
  final String meetingId;

  private StoreOutage(Api api, String admin, TestServer.SignedIn host, String meetingId) {
    this.api = api;
    this.admin = admin;
    this.host = host;
    this.meetingId = meetingId;
  }

  /** An admin, a host and an open meeting, made while the store works. */
  static StoreOutage prepared(TestServer server) {
    Api api = server.api();
    TestServer.SignedIn host = server.municipality("host");
    return new StoreOutage(api, server.adminToken(), host, Meetings.open(api, host.token()));
  }

  /** The host joined, once its presence is stored. */
  WsClient hostJoined(TestServer server) {
    WsClient socket = WsClient.joined(server.baseUrl(), meetingId, host.token(), null);
    socket.awaitFrame(f -> f.path("kind").asText().equals("participant.joined"), "own presence stored");
    return socket;
  }

  /** The reply to a post the host sends from a new socket. */
  JsonNode hostPostReply(TestServer server, String text) {
    try (WsClient socket = WsClient.joined(server.baseUrl(), meetingId, host.token(), null)) {
      return socket.reply(socket.command("post", Json.object().put("text", text)));
    }
  }

  Api.Reply createAccount(String email) {
    return api.post("/api/v1/accounts", admin, ServerProcess.municipalityAccount(email).toString());
  }

  /** Creates accounts every 200 ms until one is created or 20 s have passed; the last reply. */
  Api.Reply accountCreatedOnceWritable(String emailPrefix) throws InterruptedException {
    Api.Reply written = null;
    for (int i = 0; i < 100 && (written == null || written.status() != 201); i++) {
      Thread.sleep(200);
      written = createAccount(emailPrefix + i + "@yoriai.test");
    }
    return written;
  }
}
