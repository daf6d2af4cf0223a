package yoriai.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.MovableClock;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;
import yoriai.testing.WsClient;

/** Logout, disabling and expiry end a session's live sockets too, not only its REST requests. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionEndClosesSocketsTest {
  private static final short POLICY = 1008;
  private static final MovableClock CLOCK = new MovableClock(Instant.now());
  private static TestServer server;
  private static Api api;
  private static SignedIn host;
  private static String meetingId;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of(), CLOCK);
    api = server.api();
    host = server.municipality("高崎 司会");
    meetingId = Meetings.open(api, host.token());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void logging_out_closes_the_tokens_socket_with_1008_and_a_post_after_it_is_not_acked() {
    SignedIn member = server.professional("理学 花子", "理学療法士");
    try (WsClient socket = WsClient.joined(server.baseUrl(), meetingId, member.token(), null)) {
      assertThat(socket.reply(socket.command("post", Json.object().put("text", "ログアウト前"))).path("type").asText())
          .isEqualTo("ack");

      assertThat(api.post("/api/v1/auth/logout", member.token(), "{}").status()).isEqualTo(204);
      String late = tryPost(socket, "ログアウト後");

      assertThat(socket.awaitClose()).isEqualTo(POLICY);
      assertThat(socket.history()).noneMatch(f -> f.path("type").asText().equals("ack") && f.path("id").asText().equals(late));
      assertThat(Meetings.events(api, host.token(), meetingId).toString()).contains("ログアウト前").doesNotContain("ログアウト後");
    }
  }

  @Test
  void logging_out_one_token_leaves_the_same_accounts_other_sessions_open() {
    SignedIn member = server.professional("作業 太郎", "作業療法士");
    String otherToken = server.login(member.email(), member.password());
    try (WsClient leaving = WsClient.joined(server.baseUrl(), meetingId, member.token(), null);
         WsClient staying = WsClient.joined(server.baseUrl(), meetingId, otherToken, null)) {
      api.post("/api/v1/auth/logout", member.token(), "{}");

      assertThat(leaving.awaitClose()).isEqualTo(POLICY);
      assertThat(staying.reply(staying.command("post", Json.object().put("text", "まだ参加中"))).path("type").asText())
          .isEqualTo("ack");
    }
  }

  @Test
  void disabling_an_account_closes_all_its_sockets_and_refuses_its_tokens_and_its_password() {
    SignedIn member = server.company("販売 一郎", "株式会社いどうはんばい");
    String secondToken = server.login(member.email(), member.password());
    try (WsClient first = WsClient.joined(server.baseUrl(), meetingId, member.token(), null);
         WsClient second = WsClient.joined(server.baseUrl(), meetingId, secondToken, null)) {
      Api.Reply disabled = api.post("/api/v1/accounts/" + member.id() + "/disable", server.adminToken(), "{}");

      assertThat(disabled.status()).isEqualTo(204);
      assertThat(first.awaitClose()).isEqualTo(POLICY);
      assertThat(second.awaitClose()).isEqualTo(POLICY);
      assertThat(api.get("/api/v1/auth/me", secondToken).status()).isEqualTo(401);
      Api.Reply login = api.post("/api/v1/auth/login", null,
          Json.object().put("email", member.email()).put("password", member.password()).toString());
      assertThat(login.status()).isEqualTo(403);
      assertThat(login.errorCode()).isEqualTo("account_disabled");
    }
  }

  @Test
  void only_an_admin_may_disable_and_not_their_own_account() {
    SignedIn member = server.professional("看護 春子", "看護師");

    assertThat(api.post("/api/v1/accounts/" + member.id() + "/disable", host.token(), "{}").status()).isEqualTo(403);
    assertThat(api.post("/api/v1/accounts/no-such-account/disable", server.adminToken(), "{}").status()).isEqualTo(404);
    String adminId = api.get("/api/v1/auth/me", server.adminToken()).json().get("id").asText();
    Api.Reply self = api.post("/api/v1/accounts/" + adminId + "/disable", server.adminToken(), "{}");
    assertThat(self.status()).isEqualTo(409);
    assertThat(api.get("/api/v1/auth/me", member.token()).status()).isEqualTo(200);
  }

  @Test
  @Order(Integer.MAX_VALUE) // moves the server's clock past every session of this class
  void a_socket_whose_session_has_expired_is_closed_with_1008_at_its_next_command() {
    SignedIn member = server.professional("歯科 衛子", "歯科衛生士");
    try (WsClient socket = WsClient.joined(server.baseUrl(), meetingId, member.token(), null)) {
      CLOCK.advance(Duration.ofHours(12).plusSeconds(1));
      String late = tryPost(socket, "期限切れ後");

      assertThat(socket.awaitClose()).isEqualTo(POLICY);
      assertThat(socket.history()).noneMatch(f -> f.path("type").asText().equals("ack") && f.path("id").asText().equals(late));
    }
  }

  /** Sends a post if the socket still takes frames; its id either way. */
  private static String tryPost(WsClient socket, String text) {
    try {
      return socket.command("post", Json.object().put("text", text));
    } catch (CompletionException | UncheckedIOException | IllegalStateException closedAlready) {
      return "not sent";
    }
  }
}
