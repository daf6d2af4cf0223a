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
    try (ArchiveIndex index = ArchiveIndex.inMemory()) {
      for (int i = 0; i < line.careTerms().size(); i++) {
        index.index(Entries.entry("c" + i).household("その他").wishes(line.careTerms().get(i)).build());
      }
      index.index(Entries.entry("unrelated").household("その他").wishes("囲碁を楽しみたい").build());
      for (int i = 0; i < line.careTerms().size(); i++) {
        SearchResult result = index.search(SearchQuery.text(line.expression()).page(1, SearchQuery.MAX_SIZE));
        assertThat(result.relaxed()).as("%s is a match, not the nearest cases", line.expression()).isFalse();
        assertThat(result.hits()).map(SearchResult.Hit::id).as("%s finds %s", line.expression(), line.careTerms().get(i))
            .contains("c" + i).doesNotContain("unrelated");
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
    assertThat(CareParaphrases.potential("作る")).isEqualTo("作れる");
    assertThat(CareParaphrases.potential("ご飯")).isEqualTo("ご飯");
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
