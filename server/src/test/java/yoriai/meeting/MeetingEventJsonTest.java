package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import yoriai.account.Organization;
import yoriai.account.OrganizationKind;
import yoriai.account.Role;
import yoriai.shared.Json;
import yoriai.storage.Documents;

/** The typed event data keeps the §7 wire: {@code kind} beside {@code data}, nulls left out, old documents readable. */
class MeetingEventJsonTest {
  private static final Actor ACTOR = new Actor("a1", "理学 花子", Role.PROFESSIONAL, "理学療法士", null);
  private static final Instant AT = Instant.parse("2026-12-02T05:00:00Z");

  @Test
  void an_event_is_written_with_its_kind_beside_its_data_and_without_nulls() throws Exception {
    MeetingEvent event = new MeetingEvent(3, "m1", AT, ACTOR,
        new EventData.MessagePosted("msg-1", "こんにちは", null, "questions", null, null));

    JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(event));

    assertThat(json.get("kind").asText()).isEqualTo("message.posted");
    assertThat(json.get("data").toString()).isEqualTo("{\"messageId\":\"msg-1\",\"text\":\"こんにちは\",\"phase\":\"questions\"}");
    assertThat(json.get("at").asText()).isEqualTo("2026-12-02T05:00:00Z");
    assertThat(fieldNames(json)).containsExactlyInAnyOrder("seq", "meetingId", "kind", "at", "actor", "data");
    assertThat(EventFrame.of(event).text()).startsWith("{\"type\":\"event\",\"seq\":3,");
  }

  @Test
  void every_kind_survives_a_trip_through_a_stored_document() {
    Organization org = new Organization("org-1", "高崎市", OrganizationKind.MUNICIPALITY, "群馬県");
    List<EventData> all = List.of(
        new EventData.MessagePosted("msg-1", "本文", "msg-0", "advice", null, "c1"),
        new EventData.ReactionChanged("msg-1", "👍", false),
        new EventData.HandChanged(true),
        new EventData.HandLowered("a2"),
        new EventData.SpeakerCalled("a2"),
        new EventData.ProposalPosted("p1", "買い物", "market", "移動販売", "歩く", null, "無料", null, "proposals", "c1"),
        new EventData.ProposalEndorsed("p1", "c1"),
        new EventData.PhaseChanged("advice", "proposals", AT),
        new EventData.PhaseChanged("summary", "closed", null),
        new EventData.MessageHidden("msg-1", "個人情報"),
        new EventData.ParticipantMuted("a2", null),
        new EventData.ParticipantUnmuted("a2", "ok"),
        new EventData.ParticipantRemoved("a2", null),
        new EventData.ParticipantJoined("a1", "高崎 司会", org, Role.MUNICIPALITY, null),
        new EventData.ParticipantLeft("a1", "高崎 司会", org, Role.MUNICIPALITY, null),
        new EventData.CaseFocused("c2", "presentation", AT),
        EventData.SummaryUpdated.of("c1", new Summary("見守り", List.of("p1"),
            List.of(new Summary.RegionalIssue("移動", List.of("交通"))), null, List.of("次回"))));
    for (EventData data : all) {
      MeetingEvent event = new MeetingEvent(1, "m1", AT, ACTOR, data);
      MeetingEvent back = Documents.fromDocument(Documents.toDocument(event), MeetingEvent.class);
      assertThat(back).as(EventData.kindOf(data.getClass())).isEqualTo(event);
    }
  }

  @Test
  void a_document_stored_before_the_typed_data_still_loads_including_a_redacted_message() {
    JsonObject legacy = new JsonObject("{\"seq\":7,\"meetingId\":\"m1\",\"kind\":\"message.posted\","
        + "\"at\":\"2026-12-02T05:00:00Z\",\"actor\":{\"accountId\":\"a1\",\"displayName\":\"理学 花子\",\"role\":\"professional\"},"
        + "\"data\":{\"messageId\":\"msg-1\",\"phase\":\"questions\",\"hidden\":true}}");
    JsonObject phase = new JsonObject("{\"seq\":8,\"meetingId\":\"m1\",\"kind\":\"phase.changed\","
        + "\"at\":\"2026-12-02T05:00:00Z\",\"actor\":null,"
        + "\"data\":{\"from\":\"questions\",\"to\":\"advice\",\"endsAt\":\"2026-12-02T05:10:00.123Z\"}}");

    MeetingEvent tombstone = Documents.fromDocument(legacy, MeetingEvent.class);
    MeetingEvent changed = Documents.fromDocument(phase, MeetingEvent.class);

    assertThat(tombstone.data()).isEqualTo(new EventData.MessagePosted("msg-1", null, null, "questions", true, null));
    assertThat(changed.data()).isEqualTo(new EventData.PhaseChanged("questions", "advice", Instant.parse("2026-12-02T05:10:00.123Z")));
    assertThat(Documents.toDocument(changed).getJsonObject("data").getString("endsAt")).isEqualTo("2026-12-02T05:10:00.123Z");
  }

  @Test
  void an_unknown_kind_or_field_is_refused() {
    JsonObject unknownKind = new JsonObject("{\"seq\":1,\"meetingId\":\"m1\",\"kind\":\"meeting.closed\",\"at\":\"2026-12-02T05:00:00Z\",\"data\":{}}");
    JsonObject unknownField = new JsonObject("{\"seq\":1,\"meetingId\":\"m1\",\"kind\":\"hand.changed\",\"at\":\"2026-12-02T05:00:00Z\","
        + "\"data\":{\"raised\":true,\"muted\":true}}");

    assertThatThrownBy(() -> Documents.fromDocument(unknownKind, MeetingEvent.class)).hasStackTraceContaining("meeting.closed");
    assertThatThrownBy(() -> Documents.fromDocument(unknownField, MeetingEvent.class)).hasStackTraceContaining("muted");
  }

  private static List<String> fieldNames(JsonNode json) {
    List<String> names = new java.util.ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
