package yoriai.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import yoriai.storage.Documents;

/**
 * A case holds its sheet, but the sheet's fields stay at the top level of the stored document and
 * of §7's JSON, as they were when the case repeated them: a document written before still loads.
 */
class CaseDocumentTest {
  private static final JsonObject STORED_BEFORE = new JsonObject("""
      {"id":"case-1","state":"submitted",
       "organization":{"name":"高崎市","kind":"municipality","prefecture":"群馬県"},
       "createdBy":"owner-1","createdAt":"2026-12-01T01:00:00Z","updatedAt":"2026-12-01T02:00:00Z","revision":1,
       "title":"買い物に行けなくなった独居の女性","prefecture":"群馬県","provider":"高崎市",
       "person":{"ageBand":"80-84","gender":"female","careLevel":"要支援2","household":"独居","housing":"一軒家"},
       "activities":[{"activity":"買い物","level":"一部介助","canDo":"コンビニまでは行ける"}],
       "wishes":"自分で選んで買い物を続けたい","questions":"配達はあるか",
       "supports":[{"kind":"informal","description":"長女が週1回訪問"}],
       "history":[{"to":"draft","by":"owner-1","byName":"高崎 担当","at":"2026-12-01T01:00:00Z"},
                  {"from":"draft","to":"submitted","by":"owner-1","byName":"高崎 担当","at":"2026-12-01T02:00:00Z"}]}
      """);

  @Test
  void a_document_stored_with_the_sheet_fields_at_the_top_level_loads_with_them_in_its_sheet() {
    Case loaded = Documents.fromDocument(STORED_BEFORE, Case.class);

    assertThat(loaded.id()).isEqualTo("case-1");
    assertThat(loaded.state()).isEqualTo(CaseState.SUBMITTED);
    assertThat(loaded.revision()).isEqualTo(1);
    assertThat(loaded.history()).hasSize(2);
    assertThat(loaded.sheet().title()).isEqualTo("買い物に行けなくなった独居の女性");
    assertThat(loaded.sheet().person().housing()).isEqualTo("一軒家");
    assertThat(loaded.sheet().activities()).hasSize(1);
    assertThat(loaded.sheet().supports().get(0).description()).isEqualTo("長女が週1回訪問");
  }

  @Test
  void a_case_is_written_flat_exactly_as_it_was_stored_before() {
    Case loaded = Documents.fromDocument(STORED_BEFORE, Case.class);

    JsonObject written = Documents.toDocument(loaded);

    assertThat(written.containsKey("sheet")).isFalse();
    assertThat(written).isEqualTo(STORED_BEFORE);
    assertThat(Documents.fromDocument(written, Case.class)).isEqualTo(loaded);
  }

  @Test
  void a_field_that_is_neither_the_cases_nor_the_sheets_is_refused_as_before() {
    JsonObject unknown = STORED_BEFORE.copy().put("nickname", "山田");

    assertThatThrownBy(() -> Documents.fromDocument(unknown, Case.class)).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void an_activity_stored_as_the_former_fukuyaku_kanri_reads_as_fukuyaku_and_is_written_so() {
    JsonObject stored = STORED_BEFORE.copy();
    stored.getJsonArray("activities").getJsonObject(0).put("activity", "服薬管理");

    Case loaded = Documents.fromDocument(stored, Case.class);

    assertThat(loaded.sheet().activities().get(0).activity()).isEqualTo(ActivityKind.MEDICATION);
    assertThat(Documents.toDocument(loaded).getJsonArray("activities").getJsonObject(0).getString("activity")).isEqualTo("服薬");
  }
}
