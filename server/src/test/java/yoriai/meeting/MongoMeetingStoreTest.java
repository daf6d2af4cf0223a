package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yoriai.meeting.MeetingStore.StoredEvent;
import yoriai.storage.Documents;
import yoriai.storage.Storage;

/** The event log through the real driver on the embedded store. */
class MongoMeetingStoreTest {
  private Vertx vertx;
  private Storage storage;
  private MeetingStore store;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    storage = await(Storage.open(vertx, Optional.empty(), Files.createTempDirectory("yoriai-meeting-store-"), new SimpleMeterRegistry()));
    store = await(MongoMeetingStore.create(storage.mongo()));
  }

  @AfterEach
  void stop() throws Exception {
    await(storage.close(vertx));
    await(vertx.close());
  }

  @Test
  void redacting_a_message_removes_its_text_from_the_stored_document_and_keeps_its_seq() throws Exception {
    Actor actor = new Actor("account-1", "理学 花子", null, null, null);
    await(store.append(List.of(
        new StoredEvent(new MeetingEvent(1, "m1", Instant.EPOCH, actor,
            new EventData.MessagePosted("msg-1", "090-1111-2222", null, "presentation", null, null)), "c1"),
        new StoredEvent(new MeetingEvent(2, "m1", Instant.EPOCH, actor,
            new EventData.MessagePosted("msg-2", "残す発言", null, null, null, null)), "c2"))));

    await(store.redactMessages("m1", List.of("msg-1")));
    await(store.redactMessages("m1", List.of("msg-1")));

    JsonObject stored = await(storage.mongo().findOne("meeting_events", new JsonObject().put("meetingId", "m1").put("seq", 1), null));
    assertThat(stored.encode()).doesNotContain("090-1111-2222");
    assertThat(stored.getJsonObject("data").getBoolean("hidden")).isTrue();
    assertThat(stored.getJsonObject("data").getString("phase")).isEqualTo("presentation");
    List<StoredEvent> log = await(store.events("m1", 0, Long.MAX_VALUE, 10));
    assertThat(log).extracting(e -> e.event().seq()).containsExactly(1L, 2L);
    assertThat(log.get(0).commandId()).isEqualTo("c1");
    assertThat(((EventData.MessagePosted) log.get(1).event().data()).text()).isEqualTo("残す発言");
  }

  @Test
  void open_meetings_from_a_start_come_earliest_first_past_any_number_of_older_ones_and_order_by_instant() throws Exception {
    Instant now = Instant.parse("2026-12-02T00:00:00Z");
    List<Future<Void>> older = new java.util.ArrayList<>();
    for (int i = 0; i < 510; i++) {
      older.add(store.insert(meeting("old-" + i, "open", OffsetDateTime.of(2026, 10, 1, 10, 0, 0, 0, ZoneOffset.UTC), "scheduled")));
    }
    await(Future.all(older));
    await(store.insert(meeting("z-later", "open", OffsetDateTime.of(2026, 12, 3, 0, 30, 0, 0, ZoneOffset.UTC), "scheduled")));
    await(store.insert(meeting("jst-sooner", "open", OffsetDateTime.of(2026, 12, 3, 9, 0, 0, 0, ZoneOffset.ofHours(9)), "scheduled")));
    await(store.insert(meeting("invite", "invite", OffsetDateTime.of(2026, 12, 2, 1, 0, 0, 0, ZoneOffset.UTC), "scheduled")));
    await(store.insert(meeting("closed", "open", OffsetDateTime.of(2026, 12, 2, 1, 0, 0, 0, ZoneOffset.UTC), "closed")));
    await(store.insert(meeting("live-overrun", "open", OffsetDateTime.of(2026, 9, 1, 10, 0, 0, 0, ZoneOffset.UTC), "live")));
    Meeting storedBefore = meeting("stored-before", "open", OffsetDateTime.of(2026, 12, 2, 12, 0, 0, 0, ZoneOffset.UTC), "scheduled");
    await(storage.mongo().insert("meetings", Documents.toDocument(storedBefore).put("_id", storedBefore.id())));
    MeetingStore reopened = await(MongoMeetingStore.create(storage.mongo()));

    List<Meeting> found = await(reopened.openFrom(now.minus(java.time.Duration.ofDays(1)), 500));

    assertThat(found).extracting(Meeting::id).containsExactly("live-overrun", "stored-before", "jst-sooner", "z-later");
    assertThat(found.get(2).startsAt()).isEqualTo(OffsetDateTime.of(2026, 12, 3, 9, 0, 0, 0, ZoneOffset.ofHours(9)));
  }

  private static Meeting meeting(String id, String visibility, OffsetDateTime startsAt, String state) {
    Meeting.Progress progress = Meeting.Progress.scheduled("c1").inPhase(state, null, null, null, null);
    return new Meeting(id, "検討会", List.of("c1"), visibility, "host-1", startsAt, NewMeeting.DEFAULT_MINUTES, 7, 7,
        Instant.EPOCH, null, Instant.EPOCH, progress, null);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
