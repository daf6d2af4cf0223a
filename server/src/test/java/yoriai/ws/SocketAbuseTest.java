package yoriai.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.WebSocketHandshakeException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import yoriai.testing.Json;
import yoriai.testing.MeetingParties;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;
import yoriai.testing.WsClient;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SocketAbuseTest {
  // a burst of 20: the malformed-frames test sends thirteen frames back to back; the flood test sends 100.
  // The join timeout stays the default here: a short one closed unjoined sockets that a busy machine was still using.
  @RegisterExtension
  static final MeetingParties parties = new MeetingParties(Map.of("YORIAI_WS_COMMAND_BURST", "20"));

  private static String log(String meetingId) {
    return Meetings.events(parties.api(), parties.host().token(), meetingId).toString();
  }

  private static JsonNode errorFor(WsClient client, String frame) {
    client.sendText(frame);
    return client.next("error");
  }

  private static String uuid() {
    return UUID.randomUUID().toString();
  }

  @Test
  void malformed_frames_get_their_error_codes_keep_the_socket_open_and_store_nothing() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    try (WsClient client = WsClient.joined(parties.api().baseUrl(), meetingId, parties.professional().token(), null)) {
      client.awaitFrame(f -> "participant.joined".equals(f.path("kind").asText()), "own presence");
      String before = log(meetingId);

      JsonNode notJson = errorFor(client, "{\"type\": \"post\", ");
      JsonNode notObject = errorFor(client, "[1, 2]");
      JsonNode unknown = errorFor(client, "{\"type\":\"dance\",\"id\":\"" + uuid() + "\"}");
      JsonNode noText = errorFor(client, "{\"type\":\"post\",\"id\":\"" + uuid() + "\"}");
      JsonNode noId = errorFor(client, "{\"type\":\"post\",\"text\":\"x\"}");
      JsonNode badId = errorFor(client, "{\"type\":\"post\",\"id\":\"42\",\"text\":\"x\"}");
      JsonNode wrongType = errorFor(client, "{\"type\":\"hand\",\"id\":\"" + uuid() + "\",\"raised\":\"yes\"}");
      JsonNode operator = errorFor(client, "{\"type\":\"post\",\"id\":\"" + uuid() + "\",\"text\":{\"$ne\":null}}");
      JsonNode tooLong = errorFor(client, "{\"type\":\"post\",\"id\":\"" + uuid() + "\",\"text\":\"" + "あ".repeat(4001) + "\"}");
      JsonNode noSuchMessage = errorFor(client, "{\"type\":\"react\",\"id\":\"" + uuid() + "\",\"messageId\":\"" + uuid()
          + "\",\"emoji\":\"👍\"}");
      JsonNode twice = errorFor(client, "{\"type\":\"join\",\"meetingId\":\"" + meetingId + "\",\"token\":\"" + parties.professional().token() + "\"}");
      client.sendText("{\"type\":\"ping\"}");
      JsonNode pong = client.next("pong");

      assertThat(notJson.get("code").asText()).isEqualTo("invalid_json");
      assertThat(notObject.get("code").asText()).isEqualTo("invalid_message");
      assertThat(unknown.get("code").asText()).isEqualTo("unknown_type");
      assertThat(noText.get("code").asText()).isEqualTo("invalid_message");
      assertThat(noText.get("message").asText()).contains("text");
      assertThat(noId.get("code").asText()).isEqualTo("invalid_message");
      assertThat(noId.get("message").asText()).contains("id");
      assertThat(badId.get("code").asText()).isEqualTo("invalid_message");
      assertThat(wrongType.get("message").asText()).contains("raised");
      assertThat(operator.get("message").asText()).contains("text");
      assertThat(tooLong.get("message").asText()).contains("text");
      assertThat(noSuchMessage.get("code").asText()).isEqualTo("not_found");
      assertThat(twice.get("code").asText()).isEqualTo("invalid_message");
      assertThat(pong).isNotNull();
      assertThat(client.isClosed()).isFalse();
      assertThat(log(meetingId)).isEqualTo(before);
    }
  }

  @Test
  void commands_before_join_bad_tokens_and_unknown_meetings_are_refused() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    String before = log(meetingId);
    try (WsClient client = WsClient.connect(parties.api().baseUrl())) {
      JsonNode early = errorFor(client, "{\"type\":\"post\",\"id\":\"" + uuid() + "\",\"text\":\"x\"}");
      client.join(meetingId, "not-a-token", null);
      JsonNode badToken = client.next("error");
      client.join(uuid(), parties.professional().token(), null);
      JsonNode unknownMeeting = client.next("error");
      client.join(meetingId, parties.professional().token(), null);
      client.next("joined");

      assertThat(early.get("code").asText()).isEqualTo("unauthenticated");
      assertThat(badToken.get("code").asText()).isEqualTo("unauthenticated");
      assertThat(unknownMeeting.get("code").asText()).isEqualTo("not_found");
    }
    assertThat(Meetings.events(parties.api(), parties.host().token(), meetingId)).allSatisfy(e ->
        assertThat(e.get("kind").asText()).startsWith("participant."));
    assertThat(before).isEqualTo("[]");
  }

  @Test
  void only_the_host_changes_phases_and_moderates_and_muted_or_removed_participants_are_stopped() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    try (WsClient h = WsClient.joined(parties.api().baseUrl(), meetingId, parties.host().token(), null);
         WsClient c = WsClient.joined(parties.api().baseUrl(), meetingId, parties.company().token(), null)) {
      JsonNode phase = errorFor(c, "{\"type\":\"phase\",\"id\":\"" + uuid() + "\",\"to\":\"questions\"}");
      JsonNode moderate = errorFor(c, "{\"type\":\"moderate\",\"id\":\"" + uuid() + "\",\"action\":\"mute\",\"accountId\":\"" + parties.host().id() + "\"}");
      h.reply(h.command("phase", Json.object().put("to", "advice")));
      JsonNode back = h.reply(h.command("phase", Json.object().put("to", "questions")));
      String mute = h.command("moderate", Json.object().put("action", "mute").put("accountId", parties.company().id()));
      assertThat(h.reply(mute).get("type").asText()).isEqualTo("ack");
      String before = log(meetingId);
      JsonNode muted = c.reply(c.command("post", Json.object().put("text", "宣伝です")));
      assertThat(log(meetingId)).isEqualTo(before);
      h.reply(h.command("moderate", Json.object().put("action", "remove").put("accountId", parties.company().id())));
      int closeCode = c.awaitClose();

      assertThat(phase.get("code").asText()).isEqualTo("forbidden");
      assertThat(moderate.get("code").asText()).isEqualTo("forbidden");
      assertThat(back.get("code").asText()).isEqualTo("invalid_message");
      assertThat(muted.get("code").asText()).isEqualTo("muted");
      assertThat(closeCode).isEqualTo(4003);
    }
    try (WsClient again = WsClient.connect(parties.api().baseUrl())) {
      again.join(meetingId, parties.company().token(), 0L);
      assertThat(again.next("error").get("code").asText()).isEqualTo("forbidden");
    }
  }

  @Test
  void an_invite_meeting_needs_its_code_except_for_the_host() {
    JsonNode meeting = Meetings.create(parties.api(), parties.host().token(), Meetings.request(parties.api(), parties.host().token(), "invite"));
    String meetingId = meeting.get("id").asText();
    String code = meeting.get("inviteCode").asText();
    try (WsClient without = WsClient.connect(parties.api().baseUrl());
         WsClient with = WsClient.connect(parties.api().baseUrl());
         WsClient hostClient = WsClient.joined(parties.api().baseUrl(), meetingId, parties.host().token(), null)) {
      without.join(meetingId, parties.professional().token(), null);
      JsonNode refused = without.next("error");
      // in that order: once the account has joined with the code it needs the code no more
      with.send(Json.object().put("type", "join").put("meetingId", meetingId).put("token", parties.professional().token())
          .put("inviteCode", code));

      assertThat(refused.get("code").asText()).isEqualTo("not_found");
      assertThat(with.next("joined").get("meetingId").asText()).isEqualTo(meetingId);
    }
    assertThat(parties.api().get("/api/v1/meetings/" + meetingId, parties.professional().token()).json().has("inviteCode")).isFalse();
  }

  @Test
  void contributions_after_the_comment_period_are_closed_and_before_it_not_open() {
    ObjectNode closesAtOnce = Meetings.request(parties.api(), parties.host().token(), "open").put("commentDaysAfter", 0);
    String closing = Meetings.create(parties.api(), parties.host().token(), closesAtOnce).get("id").asText();
    ObjectNode later = Meetings.request(parties.api(), parties.host().token(), "open").put("commentDaysBefore", 1)
        .put("startsAt", OffsetDateTime.now().plusDays(30).withNano(0).toString());
    String future = Meetings.create(parties.api(), parties.host().token(), later).get("id").asText();
    try (WsClient h = WsClient.joined(parties.api().baseUrl(), closing, parties.host().token(), null);
         WsClient early = WsClient.joined(parties.api().baseUrl(), future, parties.professional().token(), null)) {
      h.reply(h.command("phase", Json.object().put("to", "closed")));
      JsonNode closed = h.reply(h.command("post", Json.object().put("text", "遅れて")));
      JsonNode again = h.reply(h.command("phase", Json.object().put("to", "closed")));
      JsonNode notOpen = early.reply(early.command("post", Json.object().put("text", "早すぎ")));

      assertThat(closed.get("code").asText()).isEqualTo("closed");
      assertThat(again.get("code").asText()).isEqualTo("closed");
      assertThat(notOpen.get("code").asText()).isEqualTo("not_open");
    }
    try (WsClient reader = WsClient.joined(parties.api().baseUrl(), closing, parties.professional().token(), 0L)) {
      assertThat(reader.awaitFrame(f -> "phase.changed".equals(f.path("kind").asText()), "replayed close")).isNotNull();
    }
  }

  @Test
  void a_flood_of_frames_is_rate_limited_without_closing_the_socket() throws Exception {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    // joined, so that no join timeout closes the socket however long the flood takes to drain
    try (WsClient client = WsClient.joined(parties.api().baseUrl(), meetingId, parties.professional().token(), null)) {
      for (int i = 0; i < 100; i++) {
        client.sendText("{\"type\":\"ping\"}");
      }
      JsonNode limited = client.next("error");
      JsonNode answer = firstAnswerAfterTheFlood(client);

      assertThat(limited.get("code").asText()).isEqualTo("rate_limited");
      assertThat(answer.get("type").asText()).isEqualTo("pong");
      assertThat(client.isClosed()).isFalse();
    }
  }

  /**
   * Pings twice a second until one is answered: the socket reads and answers again once the flood
   * is spent, however long a busy machine takes to drain it (a single ping after a fixed pause can
   * land in the same read as the flood's tail and be dropped with it).
   */
  private static JsonNode firstAnswerAfterTheFlood(WsClient client) throws InterruptedException {
    for (int i = 0; i < 40; i++) {
      client.sendText("{\"type\":\"ping\",\"id\":\"later-" + i + "\"}");
      Thread.sleep(500);
      for (JsonNode frame : client.history()) {
        if (frame.path("id").asText().startsWith("later-")) {
          return frame;
        }
      }
    }
    throw new AssertionError("no answer to 40 pings after the flood; got " + client.history());
  }

  @Test
  void a_frame_over_64_kib_gets_too_large_then_close_1009_and_stores_nothing() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    try (WsClient client = WsClient.joined(parties.api().baseUrl(), meetingId, parties.professional().token(), null);
         WsClient huge = WsClient.joined(parties.api().baseUrl(), meetingId, parties.company().token(), null)) {
      client.awaitFrame(f -> "participant.joined".equals(f.path("kind").asText())
          && parties.company().id().equals(f.at("/data/accountId").asText()), "presence");
      String before = log(meetingId);
      client.sendText("{\"type\":\"post\",\"id\":\"" + uuid() + "\",\"text\":\"" + "x".repeat(70 * 1024) + "\"}");
      huge.sendText("{\"type\":\"post\",\"id\":\"" + uuid() + "\",\"text\":\"" + "x".repeat(1024 * 1024) + "\"}");

      assertThat(client.next("error").get("code").asText()).isEqualTo("too_large");
      assertThat(client.awaitClose()).isEqualTo(1009);
      assertThat(huge.next("error").get("code").asText()).isEqualTo("too_large");
      assertThat(huge.awaitClose()).isEqualTo(1009);
      assertThat(Meetings.events(parties.api(), parties.host().token(), meetingId)).noneSatisfy(e ->
          assertThat(e.get("kind").asText()).isEqualTo("message.posted"));
      assertThat(before).contains("participant.joined");
    }
  }

  @Test
  void a_foreign_browser_origin_is_refused_before_the_upgrade() {
    String own = parties.api().baseUrl();

    assertThatThrownBy(() -> WsClient.connect(parties.api().baseUrl(), "https://evil.example"))
        .isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(WebSocketHandshakeException.class)
        .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(403));
    try (WsClient same = WsClient.connect(parties.api().baseUrl(), own)) {
      same.sendText("{\"type\":\"ping\"}");
      assertThat(same.next("pong")).isNotNull();
    }
  }

  @Test
  void a_socket_that_does_not_join_in_time_is_closed() {
    try (TestServer own = TestServer.start(Map.of("YORIAI_JOIN_TIMEOUT_MS", "1500"));
         WsClient idle = WsClient.connect(own.baseUrl())) {
      assertThat(idle.awaitClose()).isEqualTo(1008);
    }
  }

  @Test
  void stopping_the_server_closes_sockets_with_1001() {
    TestServer own = TestServer.start();
    SignedIn someone = own.municipality("停止 確認");
    String meetingId = Meetings.open(own.api(), someone.token());
    WsClient client = WsClient.joined(own.api().baseUrl(), meetingId, someone.token(), null);

    own.close();

    assertThat(client.awaitClose()).isEqualTo(1001);
  }
}
