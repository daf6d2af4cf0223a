package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yoriai.casefile.Activity;
import yoriai.casefile.ActivityKind;
import yoriai.casefile.AgeBand;
import yoriai.casefile.AssistanceLevel;
import yoriai.casefile.CareLevel;
import yoriai.casefile.CaseSheet;
import yoriai.casefile.Household;
import yoriai.casefile.Person;

/** The similar cases of a case sheet being prepared, ranked by the index. */
class SimilarToSheetTest {
  private ArchiveIndex index;

  @BeforeEach
  void open() throws IOException {
    index = ArchiveIndex.inMemory();
    index.index(Entries.entry("bath").household("独居").careLevel("要支援2").activity("入浴")
        .wishes("浴槽をまたぐのが怖くて入浴をためらう").build());
    index.index(Entries.entry("bath-elsewhere").household("高齢夫婦").careLevel("要介護3").activity("入浴")
        .wishes("家族と旅行に行きたい").build());
    index.index(Entries.entry("shopping").household("独居").careLevel("要支援2").activity("買い物")
        .wishes("浴槽のある家に住み続けたい").build());
    index.index(Entries.entry("case-1").household("独居").careLevel("要支援2").activity("入浴")
        .wishes("浴槽をまたぐのが怖くて入浴をためらう").build());
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  private List<String> similarIds(CaseSheet sheet) throws IOException {
    return index.similar("case-1", sheet, 5).stream().map(SearchResult.Hit::id).toList();
  }

  @Test
  void the_entry_sharing_the_difficult_activities_and_words_ranks_first_and_an_easy_activity_is_not_shared() throws IOException {
    CaseSheet sheet = sheet(List.of(
        new Activity(ActivityKind.BATHING, AssistanceLevel.PARTIAL_ASSISTANCE, "シャワーは浴びられる", "浴槽をまたぐのが怖い"),
        new Activity(ActivityKind.SHOPPING, AssistanceLevel.INDEPENDENT, "近所のスーパーに歩いて行く", null)),
        "ゆっくり湯船につかりたい");

    assertThat(similarIds(sheet)).containsExactly("bath", "bath-elsewhere");
  }

  @Test
  void the_case_s_own_published_entry_is_never_among_its_similar_cases() throws IOException {
    CaseSheet sameAsPublished = sheet(List.of(
        new Activity(ActivityKind.BATHING, AssistanceLevel.PARTIAL_ASSISTANCE, null, "浴槽をまたぐのが怖くて入浴をためらう")), null);

    assertThat(similarIds(sameAsPublished)).doesNotContain("case-1").first().isEqualTo("bath");
  }

  @Test
  void a_sheet_without_activities_finds_entries_by_its_words_alone() throws IOException {
    assertThat(similarIds(sheet(List.of(), "旅行に行きたい"))).containsExactly("bath-elsewhere");
  }

  @Test
  void a_sheet_with_nothing_filled_in_has_no_similar_cases_even_when_its_household_matches() throws IOException {
    assertThat(similarIds(sheet(List.of(), null))).isEmpty();
    assertThat(similarIds(sheet(List.of(), "   "))).isEmpty();
  }

  private static CaseSheet sheet(List<Activity> activities, String wishes) {
    return new CaseSheet("下書き", "群馬県", null,
        new Person(AgeBand.AGE_80_84, null, CareLevel.SUPPORT_2, Household.ALONE, null, null),
        activities, wishes, null, List.of(), null, null);
  }
}
