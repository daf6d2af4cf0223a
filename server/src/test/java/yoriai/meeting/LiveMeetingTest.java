package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import yoriai.testing.Api;
import yoriai.testing.Json;
import yoriai.testing.MeetingParties;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer.SignedIn;
import yoriai.testing.WsClient;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveMeetingTest {
  // ordering under concurrency, not rate limits: every client sends its twenty posts at once
  @RegisterExtension
  static final MeetingParties parties = new MeetingParties(Map.of("YORIAI_WS_COMMANDS_PER_SECOND", "1000", "YORIAI_WS_COMMAND_BURST", "1000"));

  private static long ack(WsClient client, String id) {
    JsonNode reply = client.reply(id);
    assertThat(reply.get("type").asText()).as("reply %s", reply).isEqualTo("ack");
    return reply.get("seq").asLong();
  }

  private static JsonNode eventAt(String meetingId, long seq) {
    JsonNode events = parties.api().get("/api/v1/meetings/" + meetingId + "/events?after=" + (seq - 1) + "&limit=1", parties.host().token())
        .json().get("events");
    return events.get(0);
  }

  private static ObjectNode fields() {
    return Json.object();
  }

  private static List<String> withoutType(List<JsonNode> events) {
    return events.stream().map(e -> {
      ObjectNode copy = e.deepCopy();
      copy.remove("type");
      return copy.toString();
    }).toList();
  }

  @Test
  void a_whole_meeting_with_host_professional_and_company_is_seen_identically_by_everyone() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    try (WsClient h = WsClient.joined(parties.api().baseUrl(), meetingId, parties.host().token(), 0L);
         WsClient p = WsClient.joined(parties.api().baseUrl(), meetingId, parties.professional().token(), 0L);
         WsClient c = WsClient.joined(parties.api().baseUrl(), meetingId, parties.company().token(), 0L)) {
      ack(h, h.command("phase", fields().put("to", "presentation")));
      long question = ack(p, p.command("post", fields().put("text", "買い物はどの店を使っていましたか？")));
      String questionId = eventAt(meetingId, question).at("/data/messageId").asText();
      long answer = ack(c, c.command("post", fields().put("text", "移動販売が週2回来ます").put("replyTo", questionId)));
      ack(h, h.command("phase", fields().put("to", "advice")));
      ack(h, h.command("phase", fields().put("to", "proposals")));
      ObjectNode proposal = fields();
      proposal.putObject("proposal").put("targetActivity", "買い物").put("type", "market")
          .put("description", "移動販売車の停留所を自宅近くに").put("keepsAbilities", "自分で選んで買える");
      long proposed = ack(c, c.command("propose", proposal));
      String proposalId = eventAt(meetingId, proposed).at("/data/proposalId").asText();
      ack(p, p.command("endorse", fields().put("proposalId", proposalId)));
      ack(p, p.command("react", fields().put("messageId", questionId).put("emoji", "👍")));
      String answerId = eventAt(meetingId, answer).at("/data/messageId").asText();
      ack(h, h.command("moderate", fields().put("action", "hide").put("messageId", answerId).put("reason", "店名")));
      JsonNode refused = p.reply(p.command("phase", fields().put("to", "summary")));
      ack(h, h.command("phase", fields().put("to", "summary")));
      ObjectNode summary = fields().put("direction", "買い物の一部を自分で続ける");
      summary.putArray("adoptedProposalIds").add(proposalId);
      summary.putArray("regionalIssues").addObject().put("text", "移動手段の不足").putArray("tags").add("移動");
      Api.Reply written = parties.api().put("/api/v1/meetings/" + meetingId + "/summary", parties.host().token(), summary.toString());
      long closed = ack(h, h.command("phase", fields().put("to", "closed")));

      assertThat(refused.get("code").asText()).isEqualTo("forbidden");
      assertThat(written.status()).as(written.body()).isEqualTo(200);
      List<JsonNode> seenByHost = h.eventsUpTo(closed);
      assertThat(withoutType(p.eventsUpTo(closed))).isEqualTo(withoutType(seenByHost));
      assertThat(withoutType(c.eventsUpTo(closed))).isEqualTo(withoutType(seenByHost));
      assertThat(seenByHost).extracting(e -> e.get("seq").asLong())
          .containsExactlyElementsOf(IntStream.rangeClosed(1, (int) closed).mapToObj(i -> (long) i).toList());
      assertThat(seenByHost).extracting(e -> e.get("kind").asText()).contains("participant.joined", "phase.changed",
          "message.posted", "proposal.posted", "proposal.endorsed", "reaction.changed", "message.hidden", "summary.updated");
      List<String> readLater = withoutType(iterable(Meetings.events(parties.api(), parties.company().token(), meetingId)));
      assertThat(readLater).hasSameSizeAs(seenByHost);
      for (int i = 0; i < readLater.size(); i++) {
        if (i + 1 == answer) {
          assertThat(readLater.get(i)).as("the hidden answer is a tombstone").doesNotContain("移動販売が週2回来ます")
              .contains("\"hidden\":true");
        } else {
          assertThat(readLater.get(i)).isEqualTo(withoutType(List.of(seenByHost.get(i))).get(0));
        }
      }
      JsonNode meeting = parties.api().get("/api/v1/meetings/" + meetingId, parties.professional().token()).json();
      assertThat(meeting.get("state").asText()).isEqualTo("closed");
      assertThat(meeting.get("phase").asText()).isEqualTo("closed");
      assertThat(meeting.get("commentClosesAt").asText()).isNotBlank();
      assertThat(meeting.at("/summary/adoptedProposalIds/0").asText()).isEqualTo(proposalId);
      JsonNode reply = seenByHost.stream().filter(e -> e.get("seq").asLong() == answer).findFirst().orElseThrow();
      assertThat(reply.at("/data/replyTo").asText()).isEqualTo(questionId);
      assertThat(reply.at("/data/phase").asText()).isEqualTo("presentation");
      assertThat(reply.at("/actor/displayName").asText()).isEqualTo("販売 一郎");
      assertThat(reply.at("/actor/role").asText()).isEqualTo("company");
    }
  }

  private static List<JsonNode> iterable(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  @Test
  void ten_clients_posting_concurrently_see_one_gapless_order_and_every_ack_matches_its_event() throws Exception {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    List<SignedIn> people = IntStream.range(0, 10).mapToObj(i -> parties.server().professional("参加者" + i, "看護師")).toList();
    List<WsClient> clients = people.stream().map(s -> WsClient.joined(parties.api().baseUrl(), meetingId, s.token(), 0L)).toList();
    ExecutorService pool = Executors.newFixedThreadPool(10);
    Map<String, Long> ackSeqByText = new ConcurrentHashMap<>();
    try {
      List<Future<?>> senders = new ArrayList<>();
      for (int c = 0; c < clients.size(); c++) {
        WsClient client = clients.get(c);
        int n = c;
        senders.add(pool.submit(() -> {
          List<String[]> sent = new ArrayList<>();
          for (int i = 0; i < 20; i++) {
            String text = "client " + n + " message " + i;
            sent.add(new String[] {client.command("post", fields().put("text", text)), text});
          }
          sent.forEach(s -> ackSeqByText.put(s[1], ack(client, s[0])));
        }));
      }
      for (Future<?> sender : senders) {
        sender.get(30, TimeUnit.SECONDS);
      }
      long last = ackSeqByText.values().stream().mapToLong(Long::longValue).max().orElseThrow();
      List<String> reference = null;
      for (WsClient client : clients) {
        List<JsonNode> events = client.eventsUpTo(last);
        long first = events.get(0).get("seq").asLong();
        assertThat(events).extracting(e -> e.get("seq").asLong())
            .containsExactlyElementsOf(IntStream.range(0, events.size()).mapToObj(i -> first + i).toList());
        List<String> posts = events.stream().filter(e -> e.get("kind").asText().equals("message.posted"))
            .map(e -> e.get("seq").asLong() + ":" + e.at("/data/text").asText()).toList();
        assertThat(posts).hasSize(200);
        if (reference == null) {
          reference = posts;
        }
        assertThat(posts).isEqualTo(reference);
      }
      assertThat(reference).allSatisfy(entry -> {
        String[] parts = entry.split(":", 2);
        assertThat(ackSeqByText.get(parts[1])).isEqualTo(Long.parseLong(parts[0]));
      });
    } finally {
      pool.shutdownNow();
      clients.forEach(WsClient::close);
    }
  }

  @Test
  void a_client_dropped_mid_stream_resumes_with_last_seq_and_gets_exactly_what_it_missed() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    try (WsClient writer = WsClient.joined(parties.api().baseUrl(), meetingId, parties.host().token(), 0L)) {
      WsClient reader = WsClient.joined(parties.api().baseUrl(), meetingId, parties.professional().token(), 0L);
      long seen = 0;
      for (int i = 0; i < 5; i++) {
        seen = ack(writer, writer.command("post", fields().put("text", "before " + i)));
      }
      List<JsonNode> before = reader.eventsUpTo(seen);
      long lastSeen = before.get(before.size() - 1).get("seq").asLong();
      reader.abort();
      long lastWritten = 0;
      for (int i = 0; i < 5; i++) {
        lastWritten = ack(writer, writer.command("post", fields().put("text", "while away " + i)));
      }

      try (WsClient resumed = WsClient.joined(parties.api().baseUrl(), meetingId, parties.professional().token(), lastSeen)) {
        lastWritten = ack(writer, writer.command("post", fields().put("text", "after return")));
        List<JsonNode> after = resumed.eventsUpTo(lastWritten);

        List<JsonNode> all = new ArrayList<>(before);
        all.addAll(after);
        assertThat(after.get(0).get("seq").asLong()).isEqualTo(lastSeen + 1);
        assertThat(withoutType(all)).isEqualTo(withoutType(iterable(Meetings.events(parties.api(), parties.host().token(), meetingId))
            .stream().filter(e -> e.get("seq").asLong() <= after.get(after.size() - 1).get("seq").asLong()).toList()));
        assertThat(after).extracting(e -> e.at("/data/text").asText())
            .contains("while away 0", "while away 4", "after return");
      }
    }
  }

  @Test
  void a_command_sent_again_with_the_same_id_is_applied_once_and_acked_with_the_same_seq() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    String id = java.util.UUID.randomUUID().toString();
    ObjectNode post = fields().put("type", "post").put("id", id).put("text", "一度だけ");
    long first;
    long second;
    long third;
    try (WsClient client = WsClient.joined(parties.api().baseUrl(), meetingId, parties.professional().token(), null)) {
      client.send(post);
      client.send(post);
      first = client.next("ack").get("seq").asLong();
      second = client.next("ack").get("seq").asLong();
    }
    try (WsClient again = WsClient.joined(parties.api().baseUrl(), meetingId, parties.professional().token(), null)) {
      again.send(post);
      third = again.next("ack").get("seq").asLong();
    }

    assertThat(second).isEqualTo(first);
    assertThat(third).isEqualTo(first);
    assertThat(iterable(Meetings.events(parties.api(), parties.host().token(), meetingId)))
        .filteredOn(e -> e.at("/data/text").asText().equals("一度だけ")).hasSize(1)
        .allSatisfy(e -> assertThat(e.get("seq").asLong()).isEqualTo(first));
  }

  @Test
  void the_events_endpoint_returns_the_log_the_socket_delivered() {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    try (WsClient client = WsClient.joined(parties.api().baseUrl(), meetingId, parties.host().token(), 0L)) {
      ack(client, client.command("phase", fields().put("to", "presentation")));
      ack(client, client.command("hand", fields().put("raised", true)));
      long last = ack(client, client.command("post", fields().put("text", "  空白も  そのまま  ")));

      List<JsonNode> socket = client.eventsUpTo(last);
      JsonNode rest = Meetings.events(parties.api(), parties.professional().token(), meetingId);
      JsonNode page = parties.api().get("/api/v1/meetings/" + meetingId + "/events?after=1&limit=1", parties.host().token()).json().get("events");

      assertThat(withoutType(socket)).isEqualTo(withoutType(iterable(rest)));
      assertThat(socket.get(socket.size() - 1).at("/data/text").asText()).isEqualTo("  空白も  そのまま  ");
      assertThat(page).hasSize(1);
      assertThat(page.get(0).get("seq").asLong()).isEqualTo(2);
    }
  }
}
