package yoriai.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import yoriai.testing.Api;
import yoriai.testing.Discussion;
import yoriai.testing.Json;
import yoriai.testing.Meetings;
import yoriai.testing.TestMail;
import yoriai.testing.TestServer;
import yoriai.testing.TestServer.SignedIn;
import yoriai.testing.WsClient;

/**
 * Notifications over real HTTP, a real WebSocket and a real SMTP server: who is told of a proposal
 * on their organization's case and of a published meeting, the opt-out, read marks and the rules
 * of the mail choices.
 */
class NotificationsOverHttpTest {
  private static TestMail mail;
  private static TestServer server;
  private static Api api;

  @BeforeAll
  static void start() {
    mail = TestMail.start();
    server = TestServer.start(mail.env());
    api = server.api();
  }

  @AfterAll
  static void stop() {
    server.close();
    mail.close();
  }

  private static SignedIn takasaki(String name) {
    return server.municipality(name);
  }

  private static JsonNode notifications(SignedIn who, String query) {
    Api.Reply reply = api.get("/api/v1/notifications" + query, who.token());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static List<JsonNode> entries(SignedIn who, Predicate<JsonNode> matching) {
    List<JsonNode> found = new ArrayList<>();
    notifications(who, "?limit=100").get("notifications").forEach(n -> {
      if (matching.test(n)) {
        found.add(n);
      }
    });
    return found;
  }

  /** Waits until {@code who} has an entry matching {@code matching}. */
  private static JsonNode awaitEntry(SignedIn who, Predicate<JsonNode> matching) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      List<JsonNode> found = entries(who, matching);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("no such notification for " + who.email() + ": " + notifications(who, ""));
  }

  private static Predicate<JsonNode> about(String kind, String linkEnd) {
    return n -> n.path("kind").asText().equals(kind) && n.path("link").asText().endsWith(linkEnd);
  }

  /**
   * The mails queued to {@code who}. A notice's mail is queued before its entry is stored, so once
   * the entries are there the outbox already holds every mail they brought, sent or not.
   */
  private static List<String> queuedTo(SignedIn who) {
    List<String> queued = new java.util.ArrayList<>();
    for (JsonNode mail : api.get("/api/v1/outbox?limit=500", server.adminToken()).json().get("mails")) {
      if (mail.get("to").asText().equals(who.email())) {
        queued.add(mail.get("subject").asText());
      }
    }
    return queued;
  }

  private static void mailOff(SignedIn who, String kind) {
    var choices = Json.object();
    var mailChoices = choices.putObject("mail").put("meeting_reminder", true).put("proposal_on_own_case", true)
        .put("meeting_published", true);
    mailChoices.put(kind, false);
    Api.Reply saved = api.put("/api/v1/notifications/preferences", who.token(), choices.toString());
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
  }

  @Test
  void a_proposal_over_the_socket_tells_the_owning_organization_but_not_the_proposer_nor_other_organizations() {
    SignedIn host = takasaki("高崎 司会");
    SignedIn colleague = takasaki("高崎 同僚");
    SignedIn optedOut = takasaki("高崎 メール不要");
    SignedIn otherCity = server.signUp("municipality", "前橋 職員", "前橋市", "municipality", null);
    SignedIn company = server.company("販売 一郎", "株式会社いどうはんばい");
    mailOff(optedOut, "proposal_on_own_case");
    String meetingId = Meetings.open(api, host.token());
    String room = "/#/meetings/" + meetingId;

    try (Discussion meeting = new Discussion(server, host, meetingId); WsClient shop = meeting.join(company)) {
      meeting.propose(shop, "買い物", "market", "移動販売車の停留所を自宅近くに", "自分で選んで買える");
    }

    JsonNode told = awaitEntry(colleague, about("proposal_on_own_case", room));
    assertThat(told.get("subject").asText()).contains("買い物に行けなくなった独居の女性");
    assertThat(told.get("text").asText()).contains("「買い物」").contains("\n---\n");
    assertThat(told.get("link").asText()).isEqualTo(server.baseUrl().replace("127.0.0.1", "localhost") + room);
    assertThat(told.has("readAt")).isFalse();
    awaitEntry(host, about("proposal_on_own_case", room));
    awaitEntry(optedOut, about("proposal_on_own_case", room));

    MimeMessage colleagueMail = mail.awaitMailTo(colleague.email());
    assertThat(TestMail.subject(colleagueMail)).isEqualTo(told.get("subject").asText());
    assertThat(TestMail.text(colleagueMail)).contains("「買い物」").contains(room);
    mail.awaitMailTo(host.email());
    assertThat(queuedTo(optedOut)).as("the in-app entry only").isEmpty();
    assertThat(entries(company, n -> true)).as("not the proposer").isEmpty();
    assertThat(entries(otherCity, n -> true)).as("not another organization").isEmpty();
    assertThat(queuedTo(company)).isEmpty();
    assertThat(queuedTo(otherCity)).isEmpty();
  }

  @Test
  void publishing_tells_everyone_who_took_part_once_with_the_public_links_but_not_the_host_who_published() {
    SignedIn host = takasaki("高崎 公開司会");
    SignedIn absent = takasaki("高崎 不参加");
    SignedIn therapist = server.professional("理学 花子", "理学療法士");
    SignedIn company = server.company("販売 二郎", "株式会社いどうはんばい");
    mailOff(therapist, "meeting_published");
    String meetingId = Meetings.open(api, host.token());
    String caseId;
    try (Discussion meeting = new Discussion(server, host, meetingId);
         WsClient pt = meeting.join(therapist);
         WsClient shop = meeting.join(company)) {
      meeting.phase("presentation");
      meeting.post(pt, "膝の痛みで重い荷物が持てないのですね");
      String proposal = meeting.propose(shop, "買い物", "market", "移動販売車の停留所を自宅近くに", "自分で選んで買える");
      meeting.summarizeAndClose("移動販売を使う", proposal);
      Api.Reply published = meeting.publish();
      assertThat(published.status()).as(published.body()).isEqualTo(200);
      caseId = published.json().at("/entries/0/id").asText();
      assertThat(meeting.publish().status()).as("publishing again").isEqualTo(200);
    }
    String entryLink = "/archive/cases/" + caseId;

    JsonNode told = awaitEntry(company, about("meeting_published", entryLink));
    assertThat(told.get("subject").asText()).contains("買い物に行けなくなった独居の女性");
    assertThat(told.get("text").asText()).contains(entryLink);
    assertThat(TestMail.text(mail.awaitMailTo(company.email()))).contains(entryLink);
    awaitEntry(therapist, about("meeting_published", entryLink));
    assertThat(entries(company, about("meeting_published", entryLink))).as("told once").hasSize(1);
    assertThat(entries(host, about("meeting_published", entryLink))).as("the host published it").isEmpty();
    assertThat(entries(absent, about("meeting_published", entryLink))).as("never joined").isEmpty();
    assertThat(queuedTo(therapist)).as("turned off").isEmpty();
  }

  @Test
  void entries_come_newest_first_page_by_page_and_are_marked_read_only_by_their_own_account() {
    SignedIn host = takasaki("高崎 既読司会");
    SignedIn reader = takasaki("高崎 既読");
    SignedIn company = server.company("販売 三郎", "株式会社いどうはんばい");
    String meetingId = Meetings.open(api, host.token());
    try (Discussion meeting = new Discussion(server, host, meetingId); WsClient shop = meeting.join(company)) {
      for (String activity : List.of("買い物", "通院", "掃除")) {
        meeting.propose(shop, activity, "market", "移動販売", "自分で選べる");
      }
    }
    awaitEntry(reader, n -> n.get("text").asText().contains("「掃除」"));
    awaitEntry(reader, n -> n.get("text").asText().contains("「通院」"));
    awaitEntry(reader, n -> n.get("text").asText().contains("「買い物」"));

    JsonNode first = notifications(reader, "?limit=2");
    assertThat(first.get("unread").asInt()).isEqualTo(3);
    assertThat(first.get("notifications")).hasSize(2);
    JsonNode rest = notifications(reader, "?limit=2&after=" + first.at("/notifications/1/id").asText());
    assertThat(rest.get("notifications")).hasSize(1);
    List<String> times = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (JsonNode page : List.of(first, rest)) {
      page.get("notifications").forEach(n -> {
        times.add(n.get("createdAt").asText());
        ids.add(n.get("id").asText());
      });
    }
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(times).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));

    assertRefused(api.get("/api/v1/notifications?after=" + ids.get(0), host.token()), "after");
    Api.Reply byOther = api.post("/api/v1/notifications/read", host.token(), "{\"ids\":[\"" + ids.get(0) + "\"]}");
    assertThat(byOther.status()).isEqualTo(204);
    assertThat(notifications(reader, "").get("unread").asInt()).as("another account's mark changes nothing").isEqualTo(3);

    assertThat(api.post("/api/v1/notifications/read", reader.token(), "{\"ids\":[\"" + ids.get(0) + "\"]}").status())
        .isEqualTo(204);
    JsonNode after = notifications(reader, "");
    assertThat(after.get("unread").asInt()).isEqualTo(2);
    assertThat(after.at("/notifications/0/readAt").asText()).isNotEmpty();

    assertThat(api.post("/api/v1/notifications/read", reader.token(), "{\"all\":true}").status()).isEqualTo(204);
    assertThat(notifications(reader, "").get("unread").asInt()).isZero();
  }

  @Test
  void bad_reads_and_read_marks_are_refused_naming_the_field() {
    SignedIn someone = takasaki("高崎 入力");
    assertThat(api.get("/api/v1/notifications", null).status()).isEqualTo(401);
    assertRefused(api.get("/api/v1/notifications?limit=0", someone.token()), "limit");
    assertRefused(api.get("/api/v1/notifications?after=nosuchid", someone.token()), "after");
    String read = "/api/v1/notifications/read";
    assertRefused(api.post(read, someone.token(), "{}"), "ids");
    assertRefused(api.post(read, someone.token(), "{\"ids\":[],\"all\":true}"), "all");
    assertRefused(api.post(read, someone.token(), "{\"ids\":[]}"), "ids");
    assertRefused(api.post(read, someone.token(), "{\"ids\":[\"not an id\"]}"), "ids[0]");
    assertRefused(api.post(read, someone.token(), "{\"all\":false}"), "all");
    assertThat(api.post(read, someone.token(), "{\"all\":\"yes\"}").status()).isEqualTo(400);
  }

  @Test
  void the_mail_choices_turn_off_only_the_optional_kinds_and_survive_a_new_sign_in() {
    SignedIn someone = takasaki("高崎 設定");
    String path = "/api/v1/notifications/preferences";
    assertThat(api.get(path, someone.token()).json().get("mail").toString())
        .isEqualTo("{\"meeting_reminder\":true,\"proposal_on_own_case\":true,\"meeting_published\":true}");

    mailOff(someone, "meeting_published");
    String again = server.login(someone.email(), someone.password());
    assertThat(api.get(path, again).json().at("/mail/meeting_published").asBoolean()).isFalse();
    assertThat(api.get(path, again).json().at("/mail/meeting_reminder").asBoolean()).isTrue();

    String all = "\"meeting_reminder\":true,\"proposal_on_own_case\":true,\"meeting_published\":true";
    assertRefused(api.put(path, again, "{\"mail\":{" + all + ",\"signup_approved\":false}}"), "mail.signup_approved");
    assertRefused(api.put(path, again, "{\"mail\":{" + all + ",\"password_reset\":false}}"), "mail.password_reset");
    assertRefused(api.put(path, again, "{\"mail\":{" + all + ",\"weekly_digest\":true}}"), "mail.weekly_digest");
    assertRefused(api.put(path, again, "{\"mail\":{\"meeting_reminder\":false}}"), "mail.proposal_on_own_case");
    assertRefused(api.put(path, again, "{}"), "mail");
    assertThat(api.put(path, again, "{\"mail\":{\"meeting_reminder\":\"no\"}}").status()).isEqualTo(400);
    assertThat(api.put(path, again, "{\"mail\":{" + all + ",\"signup_approved\":true}}").status())
        .as("an always-mailed kind may be named as mailed").isEqualTo(200);
    assertThat(api.get(path, again).json().at("/mail/meeting_published").asBoolean()).isTrue();
  }

  private static void assertRefused(Api.Reply reply, String field) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().at("/error/details").findValuesAsText("field")).as(reply.body()).contains(field);
  }
}
