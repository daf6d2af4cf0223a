package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line of the paraphrase file: the everyday expression finds an entry written only with
 * each care term it names, as a match (not the nearest cases), and not an entry written with none
 * of them; the care term ranks below the words typed. Each group of lines has a comment above it.
 */
class CareParaphrasesTest {

  static List<CareParaphrases.Paraphrase> lines() {
    return CareParaphrases.lines();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lines")
  void the_everyday_expression_finds_an_entry_written_only_with_its_care_term(CareParaphrases.Paraphrase line)
      throws IOException {
    try (ArchiveIndex index = ArchiveIndex.inMemory();
         ArchiveIndex withoutParaphrases = ArchiveIndex.inMemory(ArchiveQueries.Weights.ARCHIVE, new CareParaphrases(List.of()))) {
      for (ArchiveIndex each : List.of(index, withoutParaphrases)) {
        for (int i = 0; i < line.careTerms().size(); i++) {
          each.index(Entries.entry("c" + i).household("その他").wishes(line.careTerms().get(i)).build());
        }
        each.index(Entries.entry("unrelated").household("その他").wishes("囲碁を楽しみたい").build());
      }
      for (int i = 0; i < line.careTerms().size(); i++) {
        SearchResult result = index.search(SearchQuery.text(line.expression()).page(1, SearchQuery.MAX_SIZE));
        assertThat(result.relaxed()).as("%s is a match, not the nearest cases", line.expression()).isFalse();
        assertThat(result.hits()).map(SearchResult.Hit::id).as("%s finds %s", line.expression(), line.careTerms().get(i))
            .contains("c" + i).doesNotContain("unrelated");
        SearchResult without = withoutParaphrases.search(SearchQuery.text(line.expression()).page(1, SearchQuery.MAX_SIZE));
        assertThat(without.relaxed() ? List.<String>of() : without.hits().stream().map(SearchResult.Hit::id).toList())
            .as("without the line, %s does not find %s: the line is what finds it", line.expression(), line.careTerms().get(i))
            .doesNotContain("c" + i);
      }
    }
  }

  @Test
  void an_inflected_expression_finds_the_care_term_and_the_words_typed_rank_first() throws IOException {
    try (ArchiveIndex index = ArchiveIndex.inMemory()) {
      index.index(Entries.entry("care-term").household("その他").wishes("調理は娘が手伝う").build());
      index.index(Entries.entry("typed").household("その他").wishes("ご飯を作るのは娘が手伝う").build());
      index.index(Entries.entry("medicine").household("その他").wishes("服薬は家族が確認する").build());
      index.index(Entries.entry("unrelated").household("その他").wishes("囲碁を楽しみたい").build());

      assertThat(ids(index, "ご飯を作るのが大変")).containsExactly("typed", "care-term");
      assertThat(ids(index, "ご飯が作れなくなった")).contains("care-term").doesNotContain("medicine", "unrelated");
      assertThat(ids(index, "薬をよく飲み忘れる")).containsExactly("medicine");
    }
  }

  @Test
  void a_word_of_an_expression_alone_names_no_care_term() {
    CareParaphrases paraphrases = CareParaphrases.load();
    assertThat(paraphrases.find("ご飯がおいしい")).isEmpty();
    assertThat(paraphrases.find("ご飯を作る")).singleElement()
        .satisfies(found -> assertThat(found.careTerms()).containsExactly("調理"));
  }

  @Test
  void an_expression_is_found_inside_one_clause_only() {
    CareParaphrases paraphrases = CareParaphrases.load();
    assertThat(careTerms(paraphrases, "服を着て顔を洗う")).contains("更衣", "整容").doesNotContain("洗濯");
    assertThat(careTerms(paraphrases, "服、顔を洗う")).doesNotContain("洗濯");
    assertThat(careTerms(paraphrases, "服をよく洗う")).contains("洗濯");
    assertThat(careTerms(paraphrases, "荷物を持って帰るのが大変")).contains("買い物");
  }

  @Test
  void only_the_listed_verbs_count_in_their_potential_form() {
    CareParaphrases paraphrases = CareParaphrases.load();
    assertThat(careTerms(paraphrases, "ご飯が作れない")).contains("調理");
    assertThat(careTerms(paraphrases, "夜に眠れない")).contains("睡眠");
    assertThat(careTerms(paraphrases, "車で売れる")).doesNotContain("移動販売");
    assertThat(CareParaphrases.POTENTIAL_FORMS).allSatisfy((verb, potential) -> assertThat(CareParaphrases.lines())
        .as("%s is a verb of some expression", verb).anyMatch(line -> line.expression().contains(verb.substring(0, verb.length() - 1))));
  }

  @Test
  void an_entry_with_only_the_care_term_counts_as_sharing_one_word_of_a_long_sentence_not_several() throws IOException {
    String sentence = "台所でご飯を作るとき包丁を使うのが怖い、腰も痛い";
    try (ArchiveIndex index = ArchiveIndex.inMemory()) {
      index.index(Entries.entry("care-term-only").household("その他").wishes("調理は娘が手伝う").build());
      index.index(Entries.entry("care-term-and-more").household("その他").wishes("調理は娘が手伝う、台所は狭い、腰痛がある").build());

      SearchResult result = index.search(SearchQuery.text(sentence).page(1, SearchQuery.MAX_SIZE));
      assertThat(result.relaxed()).isFalse();
      assertThat(result.hits()).map(SearchResult.Hit::id).containsExactly("care-term-and-more");
    }
  }

  @Test
  void an_entry_with_one_word_of_an_expression_is_still_found_as_without_paraphrases() throws IOException {
    try (ArchiveIndex index = ArchiveIndex.inMemory()) {
      index.index(Entries.entry("rice").household("その他").wishes("ご飯を食べるのが楽しみ").build());
      index.index(Entries.entry("bus").household("その他").wishes("バス停まで遠い").build());
      index.index(Entries.entry("unrelated").household("その他").wishes("囲碁を楽しみたい").build());

      assertThat(ids(index, "ご飯を作る")).containsExactly("rice");
      assertThat(ids(index, "ご飯を作るのが大変")).containsExactly("rice");
      assertThat(ids(index, "バスに乗る")).containsExactly("bus");
    }
  }

  private static List<String> careTerms(CareParaphrases paraphrases, String text) {
    return paraphrases.find(text).stream().flatMap(found -> found.careTerms().stream()).toList();
  }

  @Test
  void every_group_of_lines_has_a_comment_above_it() throws IOException {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
        CareParaphrases.class.getResourceAsStream(CareParaphrases.RESOURCE)), StandardCharsets.UTF_8))) {
      boolean commented = false;
      for (String line : reader.lines().map(String::strip).toList()) {
        if (line.isEmpty()) {
          commented = false;
        } else if (line.startsWith("#")) {
          commented = true;
        } else {
          assertThat(commented).as("a comment above the group of %s", line).isTrue();
        }
      }
    }
  }

  private static List<String> ids(ArchiveIndex index, String text) throws IOException {
    return index.search(SearchQuery.text(text).page(1, SearchQuery.MAX_SIZE)).hits().stream()
        .map(SearchResult.Hit::id).toList();
  }
}
