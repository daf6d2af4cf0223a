package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import yoriai.meeting.MeetingStore.StoredEvent;
import yoriai.storage.Documents;
import yoriai.storage.RecordMap;
import yoriai.storage.Storage;
import yoriai.testing.TestServer;

/**
 * Meetings and their event log through the real driver: the log in the embedded store's record map,
 * and in a collection on a MongoDB (mongo-java-server in memory, reached by its URI).
 */
class MongoMeetingStoreTest {
  private Vertx vertx;
  private Path dataDir;
  private MongoServer mongoDb;
  private Storage storage;
  private MeetingStore store;

  /** Where the log is kept. */
  enum Place { EMBEDDED_RECORD_MAP, MONGODB_COLLECTION }

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    dataDir = Files.createTempDirectory("yoriai-meeting-store-");
  }

  private void open(Place place) throws Exception {
    Optional<String> uri = Optional.empty();
    if (place == Place.MONGODB_COLLECTION) {
      mongoDb = new MongoServer(H2Backend.inMemory());
      mongoDb.bind("127.0.0.1", 0);
      uri = Optional.of("mongodb://127.0.0.1:" + mongoDb.getLocalAddress().getPort() + "/yoriai?directConnection=true");
    }
    storage = await(Storage.open(vertx, uri, dataDir, new SimpleMeterRegistry()));
    store = await(MongoMeetingStore.create(storage));
  }

  @AfterEach
  void stop() throws Exception {
    if (storage != null) {
      await(storage.close(vertx));
    }
    await(vertx.close());
    if (mongoDb != null) {
      mongoDb.shutdownNow();
    }
    TestServer.deleteTree(dataDir);
  }

  @ParameterizedTest
  @EnumSource(Place.class)
  void redacting_a_message_by_its_seq_removes_its_text_from_the_stored_document_and_keeps_its_seq(Place place) throws Exception {
    open(place);
    Actor actor = new Actor("account-1", "理学 花子", null, null, null);
    await(store.append(List.of(
        new StoredEvent(new MeetingEvent(1, "m1", Instant.EPOCH, actor,
            new EventData.MessagePosted("msg-1", "090-1111-2222", null, "presentation", null, null)), "c1"),
        new StoredEvent(new MeetingEvent(2, "m1", Instant.EPOCH, actor,
            new EventData.MessagePosted("msg-2", "残す発言", null, null, null, null)), "c2"),
        new StoredEvent(new MeetingEvent(3, "m1", Instant.EPOCH, actor, new EventData.MessageHidden("msg-1", "電話番号")), "c3"),
        new StoredEvent(new MeetingEvent(1, "m2", Instant.EPOCH, actor,
            new EventData.MessagePosted("msg-9", "別の会議の発言", null, null, null, null)), "c9"))));

    await(store.redactMessages("m1", List.of(1L, 3L)));
    await(store.redactMessages("m1", List.of(1L, 3L)));

    JsonObject stored = storedDocument("m1/1");
    assertThat(stored.encode()).doesNotContain("090-1111-2222");
    assertThat(stored.getJsonObject("data").getBoolean("hidden")).isTrue();
    assertThat(stored.getJsonObject("data").getString("phase")).isEqualTo("presentation");
    List<StoredEvent> log = await(store.events("m1", 0, Long.MAX_VALUE, 10));
    assertThat(log).extracting(e -> e.event().seq()).containsExactly(1L, 2L, 3L);
    assertThat(log.get(0).commandId()).isEqualTo("c1");
    assertThat(((EventData.MessagePosted) log.get(1).event().data()).text()).isEqualTo("残す発言");
    assertThat(((EventData.MessagePosted) await(store.events("m2", 0, 1, 1)).get(0).event().data()).text())
        .as("the same seq of another meeting").isEqualTo("別の会議の発言");
    assertThat(log.get(2).event().data()).as("a seq that is not a post").isEqualTo(new EventData.MessageHidden("msg-1", "電話番号"));
  }

  @ParameterizedTest
  @EnumSource(Place.class)
  void an_appended_event_reads_back_equal_with_its_actor_and_command_whatever_characters_they_hold(Place place) throws Exception {
    open(place);
    Actor actor = new Actor("account-\"quoted\"\\", "理学 花子", null, null, null);
    List<StoredEvent> appended = List.of(
        new StoredEvent(new MeetingEvent(1, "m1", Instant.EPOCH, actor,
            new EventData.MessagePosted("msg-1", "改行\nと \"引用\" と 🍵", null, null, null, null)), "c\"1\\\u0001"),
        new StoredEvent(new MeetingEvent(2, "m1", Instant.EPOCH, actor, new EventData.MessageHidden("msg-1", "理由")), null));

    await(store.append(appended));

    assertThat(await(store.events("m1", 0, Long.MAX_VALUE, 10))).isEqualTo(appended);
    assertThat(storedDocument("m1/1").getString("actorId")).isEqualTo("account-\"quoted\"\\");
  }

  @Test
  void open_meetings_from_a_start_come_earliest_first_past_any_number_of_older_ones_and_order_by_instant() throws Exception {
    open(Place.EMBEDDED_RECORD_MAP);
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
    MeetingStore reopened = await(MongoMeetingStore.create(storage));

    List<Meeting> found = await(reopened.openFrom(now.minus(java.time.Duration.ofDays(1)), 500));

    assertThat(found).extracting(Meeting::id).containsExactly("live-overrun", "stored-before", "jst-sooner", "z-later");
    assertThat(found.get(2).startsAt()).isEqualTo(OffsetDateTime.of(2026, 12, 3, 9, 0, 0, 0, ZoneOffset.ofHours(9)));
  }

  @ParameterizedTest
  @EnumSource(Place.class)
  void a_page_of_the_log_holds_only_its_meetings_events_after_the_seq_up_to_the_bound_in_order(Place place) throws Exception {
    open(place);
    for (long seq = 1; seq <= 7; seq++) {
      await(store.append(List.of(posted("m2", seq, "c" + seq), posted("m1", seq, "c" + seq))));
    }

    assertThat(await(store.events("m1", 2, Long.MAX_VALUE, 3))).extracting(e -> e.event().seq()).containsExactly(3L, 4L, 5L);
    assertThat(await(store.events("m1", 5, 6, 10))).extracting(e -> e.event().seq()).containsExactly(6L);
    assertThat(await(store.events("m1", 6, Long.MAX_VALUE, 10))).extracting(e -> e.event().seq()).containsExactly(7L);
    assertThat(await(store.events("m1", 7, Long.MAX_VALUE, 10))).isEmpty();
    assertThat(await(store.events("m1", Long.MAX_VALUE - 1, Long.MAX_VALUE, 10))).isEmpty();
    assertThat(await(store.events("m1", 0, Long.MAX_VALUE, 10))).allSatisfy(e -> assertThat(e.event().meetingId()).isEqualTo("m1"));
  }

  @ParameterizedTest
  @EnumSource(Place.class)
  void a_log_kept_before_its_keys_is_moved_whole_also_after_a_move_cut_short_and_takes_no_seq_twice(Place place) throws Exception {
    open(place);
    MongoClient mongo = storage.mongo();
    await(mongo.dropCollection("meeting_log"));
    await(mongo.dropCollection("migrations"));
    await(mongo.createIndexWithOptions("meeting_events", new JsonObject().put("meetingId", 1).put("seq", 1),
        new IndexOptions().unique(true).name("meeting_seq_unique")));
    // seq 3 repeats seq 1's command id, as only a log from before the check could
    List<String> commandIds = java.util.Arrays.asList("old-1", "old-2", "old-1", null);
    for (long seq = 1; seq <= 4; seq++) {
      await(mongo.insert("meeting_events", Documents.toDocument(posted("m1", seq, null).event()).put("actorId", "account-1")
          .put("commandId", commandIds.get((int) seq - 1))));
    }
    await(mongo.insert("meeting_log", Documents.toDocument(posted("m1", 1, null).event()).put("_id", "m1/1")
        .put("actorId", "account-1").put("commandId", "old-1")));

    MeetingStore reopened = await(MongoMeetingStore.create(storage));

    assertThat(await(reopened.events("m1", 0, Long.MAX_VALUE, 10))).extracting(StoredEvent::commandId)
        .containsExactly("old-1", "old-2", "old-1", null);
    assertThat(await(reopened.events("m1", 1, Long.MAX_VALUE, 2))).extracting(e -> e.event().seq()).containsExactly(2L, 3L);
    assertThat(await(mongo.getCollections())).doesNotContain("meeting_events");
    assertThat(await(mongo.getCollections()).contains("meeting_log")).isEqualTo(place == Place.MONGODB_COLLECTION);
    assertThatThrownBy(() -> await(reopened.append(List.of(posted("m1", 4, "new-4")))))
        .hasCauseInstanceOf(MeetingStore.SeqTaken.class);
    await(reopened.append(List.of(posted("m1", 5, "new-5"))));
    MeetingStore again = await(MongoMeetingStore.create(storage));
    assertThat(await(again.events("m1", 0, Long.MAX_VALUE, 10))).extracting(e -> e.event().seq()).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void a_log_stored_with_decision_133_s_command_keys_loses_their_index_and_reads_as_before() throws Exception {
    open(Place.MONGODB_COLLECTION);
    MongoClient mongo = storage.mongo();
    await(mongo.createIndexWithOptions("meeting_log", new JsonObject().put("commandKey", 1),
        new IndexOptions().unique(true).sparse(true).name("command_key_unique")));
    await(mongo.insert("meeting_log", Documents.toDocument(posted("m1", 1, null).event()).put("_id", "m1/1")
        .put("actorId", "account-1").put("commandId", "c1").put("commandKey", "m1/account-1/c1")));

    MeetingStore reopened = await(MongoMeetingStore.create(storage));

    assertThat(await(mongo.listIndexes("meeting_log"))).extracting(index -> ((JsonObject) index).getString("name"))
        .doesNotContain("command_key_unique");
    assertThat(await(reopened.events("m1", 0, Long.MAX_VALUE, 10))).singleElement()
        .satisfies(stored -> assertThat(stored.commandId()).isEqualTo("c1"))
        .satisfies(stored -> assertThat(stored.event().data()).isEqualTo(posted("m1", 1, null).event().data()));
  }

  @Test
  void the_embedded_store_s_collection_log_moves_into_the_record_map_durably_and_a_record_there_already_wins() throws Exception {
    open(Place.EMBEDDED_RECORD_MAP);
    MongoClient mongo = storage.mongo();
    await(store.append(List.of(posted("m1", 1, "c1"))));
    await(store.redactMessages("m1", List.of(1L)));
    for (long seq = 1; seq <= 1_203; seq++) {
      await(mongo.insert("meeting_log", Documents.toDocument(posted("m1", seq, null).event()).put("_id", "m1/" + seq)
          .put("actorId", "account-1").put("commandId", "old-" + seq)));
    }

    MeetingStore moved = await(MongoMeetingStore.create(storage));

    assertThat(await(mongo.getCollections())).doesNotContain("meeting_log");
    List<StoredEvent> log = await(moved.events("m1", 0, Long.MAX_VALUE, 2_000));
    assertThat(log).extracting(e -> e.event().seq()).containsExactlyElementsOf(LongStream.rangeClosed(1, 1_203).boxed().toList());
    assertThat(log.get(0).commandId()).as("the record already in the map").isEqualTo("c1");
    assertThat(((EventData.MessagePosted) log.get(0).event().data()).hidden()).isTrue();
    assertThat(log.get(1_202).commandId()).isEqualTo("old-1203");
    assertThatThrownBy(() -> await(moved.append(List.of(posted("m1", 1_203, "again")))))
        .hasCauseInstanceOf(MeetingStore.SeqTaken.class);

    await(storage.close(vertx));
    storage = null;
    open(Place.EMBEDDED_RECORD_MAP);
    assertThat(await(store.events("m1", 1_200, Long.MAX_VALUE, 10))).as("after a restart").extracting(StoredEvent::commandId)
        .containsExactly("old-1201", "old-1202", "old-1203");
  }

  /** The stored form of the event under {@code key}, wherever the log is. */
  private JsonObject storedDocument(String key) throws Exception {
    Optional<RecordMap> records = storage.records("meeting_log");
    if (records.isPresent()) {
      return new JsonObject(Buffer.buffer(await(records.get().get(List.of(key))).get(0)));
    }
    return await(storage.mongo().findOne("meeting_log", new JsonObject().put("_id", key), null));
  }

  private static StoredEvent posted(String meetingId, long seq, String commandId) {
    Actor actor = new Actor("account-1", "理学 花子", null, null, null);
    return new StoredEvent(new MeetingEvent(seq, meetingId, Instant.EPOCH, actor,
        new EventData.MessagePosted("msg-" + meetingId + "-" + seq, "発言 " + seq, null, null, null, null)), commandId);
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
