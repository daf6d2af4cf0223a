package yoriai.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yoriai.account.Account;
import yoriai.account.Organization;
import yoriai.account.OrganizationKind;
import yoriai.account.Role;
import yoriai.shared.Failure;
import yoriai.shared.Json;
import yoriai.storage.Storage;

/** The service and its Mongo store through the real driver and the embedded store, for the transitions other features drive. */
class CaseServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-01T01:00:00Z");
  private static final Organization TAKASAKI = new Organization(null, "高崎市", OrganizationKind.MUNICIPALITY, "群馬県");
  private static final Account OWNER = new Account("owner-1", "o@example.jp", "高崎 担当", Role.MUNICIPALITY, TAKASAKI, null, NOW);
  private static final Account HOST = new Account("host-1", "h@example.jp", "会議 司会", Role.MUNICIPALITY, TAKASAKI, null, NOW);

  private Vertx vertx;
  private Storage storage;
  private CaseService cases;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    storage = await(Storage.open(vertx, Optional.empty(), Files.createTempDirectory("yoriai-cases-"), new SimpleMeterRegistry()));
    cases = await(CaseService.create(vertx, storage, () -> Future.succeededFuture(java.util.Set.of()), Clock.fixed(NOW, ZoneOffset.UTC)));
  }

  @AfterEach
  void stop() throws Exception {
    await(storage.close(vertx));
    await(vertx.close());
  }

  private Case submittedCase() throws Exception {
    Case created = await(cases.create(sheet(Sheets.clean().toString()), OWNER));
    return await(cases.submit(created.id(), OWNER));
  }

  @Test
  void a_case_goes_from_submitted_through_scheduled_and_discussed_to_published_with_every_step_in_its_history() throws Exception {
    Case submitted = submittedCase();

    await(cases.markScheduled(List.of(submitted.id()), HOST));
    await(cases.markDiscussed(List.of(submitted.id()), HOST));
    Case published = await(cases.markPublished(submitted.id(), HOST));

    assertThat(published.state()).isEqualTo(CaseState.PUBLISHED);
    assertThat(published.history()).extracting(HistoryEntry::to).containsExactly(
        CaseState.DRAFT, CaseState.SUBMITTED, CaseState.SCHEDULED, CaseState.DISCUSSED, CaseState.PUBLISHED);
    assertThat(published.history()).extracting(HistoryEntry::by)
        .containsExactly("owner-1", "owner-1", "host-1", "host-1", "host-1");
    assertThat(published.history()).extracting(HistoryEntry::at).containsOnly(NOW);
    assertThat(await(cases.findForMeeting(submitted.id()))).isEqualTo(published);
  }

  @Test
  void marking_a_case_twice_changes_nothing_the_second_time() throws Exception {
    Case submitted = submittedCase();

    Case once = await(cases.markScheduled(List.of(submitted.id()), HOST)).get(0);
    Case twice = await(cases.markScheduled(List.of(submitted.id(), submitted.id()), HOST)).get(0);

    assertThat(twice).isEqualTo(once);
    assertThat(twice.history()).hasSize(3);
  }

  @Test
  void a_scheduled_case_can_no_longer_be_edited_invalid_state_and_keeps_its_sheet() throws Exception {
    Case submitted = submittedCase();
    await(cases.markScheduled(List.of(submitted.id()), HOST));

    assertFailure(cases.update(submitted.id(), sheet(Sheets.clean().put("title", "変更").toString()), OWNER), "invalid_state");
    assertThat(await(cases.get(submitted.id(), OWNER)).sheet().title()).isEqualTo(submitted.sheet().title());
  }

  @Test
  void only_submitted_cases_can_be_scheduled_and_nothing_moves_when_one_of_them_cannot() throws Exception {
    Case submitted = submittedCase();
    Case draft = await(cases.create(sheet(Sheets.clean().toString()), OWNER));

    assertFailure(cases.markScheduled(List.of(submitted.id(), draft.id()), HOST), "invalid_state");
    assertFailure(cases.markScheduled(List.of("missing"), HOST), "not_found");
    assertFailure(cases.markPublished(submitted.id(), HOST), "invalid_state");
    assertThat(await(cases.findForMeeting(submitted.id())).state()).isEqualTo(CaseState.SUBMITTED);
  }

  @Test
  void publishing_runs_the_pii_check_again() throws Exception {
    Case submitted = submittedCase();
    await(cases.markScheduled(List.of(submitted.id()), HOST));
    Case discussed = await(cases.markDiscussed(List.of(submitted.id()), HOST)).get(0);
    CaseSheet leaked = sheet(Sheets.withPii().toString());
    Case tampered = discussed.edited(leaked, NOW);
    await(storage.mongo().replaceDocuments(MongoCaseStore.CASES, new JsonObject().put("_id", discussed.id()),
        storedDocument(tampered)));

    assertFailure(cases.markPublished(discussed.id(), HOST), "pii_found");
    assertThat(await(cases.findForMeeting(discussed.id())).state()).isEqualTo(CaseState.DISCUSSED);
  }

  @Test
  void a_provider_stored_before_it_was_checked_keeps_the_case_from_being_published() throws Exception {
    Case submitted = submittedCase();
    await(cases.markScheduled(List.of(submitted.id()), HOST));
    Case discussed = await(cases.markDiscussed(List.of(submitted.id()), HOST)).get(0);
    String person = Sheets.NAME + " " + Sheets.PHONE;
    CaseSheet leaked = sheet(Sheets.clean().put("provider", person).put("wishes", person + "に相談したい").toString());
    await(storage.mongo().replaceDocuments(MongoCaseStore.CASES, new JsonObject().put("_id", discussed.id()),
        storedDocument(discussed.edited(leaked, NOW))));

    assertThatThrownBy(() -> await(cases.markPublished(discussed.id(), HOST))).rootCause()
        .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.details()).extracting(d -> ((Finding) d).field())
            .contains("provider", "wishes"));
    assertThat(await(cases.findForMeeting(discussed.id())).state()).isEqualTo(CaseState.DISCUSSED);
  }

  @Test
  void a_draft_stored_with_personal_information_before_saving_was_checked_is_refused_on_submit_and_stays_a_draft() throws Exception {
    Case draft = await(cases.create(sheet(Sheets.clean().toString()), OWNER));
    await(storage.mongo().replaceDocuments(MongoCaseStore.CASES, new JsonObject().put("_id", draft.id()),
        storedDocument(draft.edited(sheet(Sheets.withPii().toString()), NOW))));

    assertFailure(cases.submit(draft.id(), OWNER), "pii_found");
    assertThat(await(cases.get(draft.id(), OWNER)).state()).isEqualTo(CaseState.DRAFT);
  }

  @Test
  void creating_or_saving_a_sheet_with_personal_information_stores_nothing() throws Exception {
    Case draft = await(cases.create(sheet(Sheets.clean().toString()), OWNER));

    assertFailure(cases.create(sheet(Sheets.withPii().toString()), OWNER), "pii_found");
    assertFailure(cases.update(draft.id(), sheet(Sheets.withPii().toString()), OWNER), "pii_found");
    assertThat(await(cases.list(OWNER, null))).containsExactly(draft);
  }

  @Test
  void registered_names_are_read_only_for_a_text_with_findings_and_as_they_are_at_that_moment() throws Exception {
    AtomicReference<Future<Set<String>>> registered = new AtomicReference<>(
        Future.failedFuture(new IllegalStateException("accounts cannot be read")));
    CaseService checking = await(CaseService.create(vertx, storage, registered::get, Clock.fixed(NOW, ZoneOffset.UTC)));
    Map<String, String> clean = Map.of("message", "週2回の配食を続けたい");
    Map<String, String> company = Map.of("message", "株式会社山田様商店の配達を使い続けたい");

    await(checking.requireNoPersonalData(clean, TAKASAKI));
    assertThatThrownBy(() -> await(checking.requireNoPersonalData(company, TAKASAKI)))
        .hasRootCauseMessage("accounts cannot be read");

    registered.set(Future.succeededFuture(Set.of("株式会社山田様商店")));
    await(checking.requireNoPersonalData(company, TAKASAKI));
    registered.set(Future.succeededFuture(Set.of()));
    assertFailure(checking.requireNoPersonalData(company, TAKASAKI), "pii_found");
  }

  @Test
  void a_write_based_on_a_stale_revision_is_refused_edit_conflict() throws Exception {
    Case created = await(cases.create(sheet(Sheets.clean().toString()), OWNER));
    CaseStore store = await(MongoCaseStore.create(storage));
    assertThat(await(store.replace(created.edited(created.sheet(), NOW)))).isTrue();

    assertThat(await(store.replace(created.moved(CaseState.WITHDRAWN, OWNER, NOW)))).isFalse();
    assertThat(await(store.find(created.id())).orElseThrow().state()).isEqualTo(CaseState.DRAFT);
  }

  @Test
  void the_stored_document_keys_the_case_by_id_and_keeps_codes_not_constant_names() throws Exception {
    Case created = await(cases.create(sheet(Sheets.clean().toString()), OWNER));

    JsonObject doc = await(storage.mongo().findOne(MongoCaseStore.CASES, new JsonObject().put("_id", created.id()), null));

    assertThat(doc.containsKey("id")).isFalse();
    assertThat(doc.getString("state")).isEqualTo("draft");
    assertThat(doc.getJsonObject("person").getString("careLevel")).isEqualTo("要支援2");
    assertThat(doc.getJsonObject("organization").getString("kind")).isEqualTo("municipality");
    assertThat(await(cases.get(created.id(), OWNER))).isEqualTo(created);
  }

  private static JsonObject storedDocument(Case value) {
    JsonObject doc = yoriai.storage.Documents.toDocument(value);
    doc.put("_id", doc.remove("id"));
    return doc;
  }

  private static CaseSheet sheet(String json) throws Exception {
    return Json.mapper().readValue(json, CaseSheet.class);
  }

  private static void assertFailure(Future<?> future, String code) {
    assertThatThrownBy(() -> await(future)).rootCause().isInstanceOfSatisfying(Failure.class,
        f -> assertThat(f.code()).isEqualTo(code));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
