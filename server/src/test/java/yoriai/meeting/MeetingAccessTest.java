package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;
import yoriai.testing.WsClient;

/**
 * Who may read a meeting over REST and join it over the socket: one rule for both. Strangers to an
 * invite-only meeting hear exactly what they would hear for a meeting that does not exist.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MeetingAccessTest {
  private static TestServer server;
  private static Api api;
  private static SignedIn host;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    api = server.api();
    host = server.municipality("高崎 司会");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Api.Reply meeting(String meetingId, String token) {
    return api.get("/api/v1/meetings/" + meetingId, token);
  }

  private static Api.Reply events(String meetingId, String token) {
    return api.get("/api/v1/meetings/" + meetingId + "/events?after=0", token);
  }

  private static String withCode(String path, String code) {
    return path + (path.contains("?") ? "&" : "?") + "inviteCode=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
  }

  /** The first frame a join answers with: {@code joined} or {@code error}. */
  private static JsonNode joinAnswer(String meetingId, String token, String inviteCode) {
    try (WsClient client = WsClient.connect(api.baseUrl())) {
      var join = Json.object().put("type", "join").put("meetingId", meetingId).put("token", token);
      if (inviteCode != null) {
        join.put("inviteCode", inviteCode);
      }
      client.send(join);
      return client.next(f -> f.path("type").asText().equals("joined") || f.path("type").asText().equals("error"),
          "joined or error");
    }
  }

  /** Joins with the code, waits until the log has the account's presence, and leaves. */
  private static void joinOnceWithCode(String meetingId, SignedIn who, String code) {
    try (WsClient client = WsClient.connect(api.baseUrl())) {
      client.send(Json.object().put("type", "join").put("meetingId", meetingId).put("token", who.token())
          .put("inviteCode", code));
      client.next("joined");
      client.awaitFrame(f -> "participant.joined".equals(f.path("kind").asText())
          && who.id().equals(f.at("/actor/accountId").asText()), "own presence");
    }
  }

  private static void remove(String meetingId, SignedIn who) {
    try (WsClient h = WsClient.joined(api.baseUrl(), meetingId, host.token(), null)) {
      JsonNode reply = h.reply(h.command("moderate", Json.object().put("action", "remove").put("accountId", who.id())));
      assertThat(reply.get("type").asText()).as(reply.toString()).isEqualTo("ack");
    }
  }

  @Nested
  class An_invite_only_meeting {
    private String meetingId;
    private String code;

    @BeforeEach
    void create() {
      JsonNode created = Meetings.create(api, host.token(), Meetings.request(api, host.token(), "invite"));
      meetingId = created.get("id").asText();
      code = created.get("inviteCode").asText();
    }

    @Test
    void is_read_and_joined_by_its_host_without_the_code() {
      assertThat(meeting(meetingId, host.token()).status()).isEqualTo(200);
      assertThat(events(meetingId, host.token()).status()).isEqualTo(200);
      assertThat(joinAnswer(meetingId, host.token(), null).get("type").asText()).isEqualTo("joined");
    }

    @Test
    void is_read_and_joined_by_an_admin_without_the_code() {
      String admin = server.adminToken();

      assertThat(meeting(meetingId, admin).status()).isEqualTo(200);
      assertThat(events(meetingId, admin).status()).isEqualTo(200);
      assertThat(joinAnswer(meetingId, admin, null).get("type").asText()).isEqualTo("joined");
    }

    @Test
    void is_not_found_for_a_stranger_exactly_like_a_meeting_that_does_not_exist() {
      SignedIn stranger = server.professional("知らない 人", "理学療法士");
      String missing = UUID.randomUUID().toString();

      Api.Reply read = meeting(meetingId, stranger.token());
      Api.Reply log = events(meetingId, stranger.token());
      Api.Reply summary = api.put("/api/v1/meetings/" + meetingId + "/summary", stranger.token(),
          "{\"direction\":\"x\",\"adoptedProposalIds\":[],\"regionalIssues\":[],\"missingResources\":[],\"followUps\":[]}");
      JsonNode join = joinAnswer(meetingId, stranger.token(), null);
      Api.Reply readMissing = meeting(missing, stranger.token());
      JsonNode joinMissing = joinAnswer(missing, stranger.token(), null);

      assertThat(read.status()).isEqualTo(404);
      assertThat(read.body()).isEqualTo(readMissing.body());
      assertThat(log.status()).isEqualTo(404);
      assertThat(log.body()).isEqualTo(readMissing.body());
      assertThat(summary.status()).isEqualTo(404);
      assertThat(join.get("code").asText()).isEqualTo("not_found");
      assertThat(join.get("message").asText()).isEqualTo(joinMissing.get("message").asText());
    }

    @Test
    void is_not_found_with_a_wrong_code() {
      SignedIn guesser = server.professional("当て 推量", "理学療法士");

      assertThat(api.get(withCode("/api/v1/meetings/" + meetingId, "wrong-code"), guesser.token()).status()).isEqualTo(404);
      assertThat(joinAnswer(meetingId, guesser.token(), "wrong-code").get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void is_read_and_joined_by_an_invited_account_that_holds_the_code() {
      SignedIn invited = server.professional("招待 花子", "管理栄養士");

      Api.Reply read = api.get(withCode("/api/v1/meetings/" + meetingId, code), invited.token());
      Api.Reply log = api.get(withCode("/api/v1/meetings/" + meetingId + "/events?after=0", code), invited.token());

      assertThat(read.status()).as(read.body()).isEqualTo(200);
      assertThat(read.json().has("inviteCode")).isFalse();
      assertThat(log.status()).as(log.body()).isEqualTo(200);
      assertThat(joinAnswer(meetingId, invited.token(), code).get("type").asText()).isEqualTo("joined");
    }

    @Test
    void stays_readable_and_joinable_without_the_code_for_an_account_that_joined_with_it() {
      SignedIn guest = server.professional("参加 太郎", "作業療法士");
      joinOnceWithCode(meetingId, guest, code);

      Api.Reply read = meeting(meetingId, guest.token());
      Api.Reply log = events(meetingId, guest.token());

      assertThat(read.status()).as(read.body()).isEqualTo(200);
      assertThat(log.status()).as(log.body()).isEqualTo(200);
      assertThat(joinAnswer(meetingId, guest.token(), null).get("type").asText()).isEqualTo("joined");
    }

    @Test
    void is_closed_to_a_removed_participant_even_with_the_code() {
      SignedIn removed = server.company("販売 一郎", "株式会社いどうはんばい");
      joinOnceWithCode(meetingId, removed, code);
      remove(meetingId, removed);

      Api.Reply read = meeting(meetingId, removed.token());
      Api.Reply readWithCode = api.get(withCode("/api/v1/meetings/" + meetingId, code), removed.token());
      Api.Reply log = events(meetingId, removed.token());
      JsonNode join = joinAnswer(meetingId, removed.token(), code);

      assertThat(read.status()).isEqualTo(403);
      assertThat(read.errorCode()).isEqualTo("forbidden");
      assertThat(readWithCode.status()).isEqualTo(403);
      assertThat(log.status()).isEqualTo(403);
      assertThat(join.get("code").asText()).isEqualTo("forbidden");
    }
  }

  @Nested
  class An_open_meeting {
    @Test
    void is_read_and_joined_by_any_signed_in_account() {
      String meetingId = Meetings.open(api, host.token());
      SignedIn anyone = server.company("通りがかり", "株式会社とおりがかり");

      assertThat(meeting(meetingId, anyone.token()).status()).isEqualTo(200);
      assertThat(events(meetingId, anyone.token()).status()).isEqualTo(200);
      assertThat(joinAnswer(meetingId, anyone.token(), null).get("type").asText()).isEqualTo("joined");
    }

    @Test
    void is_closed_to_a_participant_the_host_removed() {
      String meetingId = Meetings.open(api, host.token());
      SignedIn removed = server.company("宣伝 次郎", "株式会社せんでん");
      try (WsClient client = WsClient.joined(api.baseUrl(), meetingId, removed.token(), null)) {
        client.awaitFrame(f -> "participant.joined".equals(f.path("kind").asText()), "own presence");
      }
      remove(meetingId, removed);

      Api.Reply read = meeting(meetingId, removed.token());
      Api.Reply log = events(meetingId, removed.token());

      assertThat(read.status()).isEqualTo(403);
      assertThat(log.status()).isEqualTo(403);
      assertThat(joinAnswer(meetingId, removed.token(), null).get("code").asText()).isEqualTo("forbidden");
    }
  }
}
