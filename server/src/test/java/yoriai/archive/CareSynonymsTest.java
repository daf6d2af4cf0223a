package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line of the synonym file: each word finds an entry written with each other word of its
 * group (each word left of {@code =>} each word right of it), and not an entry written with none of them. Each group has a comment above it.
 */
class CareSynonymsTest {

  static List<String> groups() throws IOException {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(CareSynonyms.class.getResourceAsStream(CareSynonyms.RESOURCE)), StandardCharsets.UTF_8))) {
      List<String> groups = new ArrayList<>();
      List<String> lines = reader.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          assertThat(i > 0 && lines.get(i - 1).startsWith("#")).as("a comment above %s", line).isTrue();
          groups.add(line);
        }
      }
      return groups;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groups")
  void each_word_of_the_group_finds_an_entry_written_with_each_other_word(String group) throws IOException {
    String[] oneWay = group.split("=>");
    List<String> words = words(oneWay[oneWay.length - 1]);
    List<String> from = oneWay.length == 1 ? words : words(oneWay[0]);
    try (ArchiveIndex index = ArchiveIndex.inMemory()) {
      for (int i = 0; i < words.size(); i++) {
        index.index(Entries.entry("w" + i).household("その他").wishes("本人は「" + words.get(i) + "」について話した").build());
      }
      index.index(Entries.entry("unrelated").household("その他").wishes("庭の手入れを続けたい").build());
      List<String> everyWord = IntStream.range(0, words.size()).mapToObj(i -> "w" + i).toList();
      for (String word : from) {
        List<String> found = index.search(SearchQuery.text(word).page(1, SearchQuery.MAX_SIZE)).hits().stream()
            .map(SearchResult.Hit::id).toList();
        assertThat(found).as("%s finds every word of its group", word).containsAll(everyWord).doesNotContain("unrelated");
      }
    }
  }

  private static List<String> words(String group) {
    return Arrays.stream(group.split(",")).map(String::strip).toList();
  }
}
