package yoriai.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import java.util.Set;
import org.junit.jupiter.api.Test;
import yoriai.shared.Failure;
import yoriai.shared.FieldProblem;

/** Every route reads its query the same way: blank is absent, and a malformed parameter is a 400 that names it. */
class QueryParamsTest {
  private static QueryParams query(String name, String value) {
    return new QueryParams(MultiMap.caseInsensitiveMultiMap().add(name, value));
  }

  private static void assertRefusedNaming(Runnable read, String name) {
    assertThatThrownBy(read::run).isInstanceOfSatisfying(Failure.class, f -> {
      assertThat(f.code()).isEqualTo("invalid_request");
      assertThat(f.details()).extracting(d -> ((FieldProblem) d).field()).containsExactly(name);
    });
  }

  @Test
  void a_blank_parameter_is_absent_and_a_present_one_is_stripped() {
    assertThat(query("q", "  ").text("q")).isNull();
    assertThat(query("q", " 買い物 ").text("q")).isEqualTo("買い物");
    assertThat(query("q", "x").text("other")).isNull();
    assertThat(query("page", "").wholeNumber("page")).isNull();
    assertThat(query("after", "").wholeNumber("after", 0, 10, 7)).isEqualTo(7);
  }

  @Test
  void too_long_text_is_refused_naming_the_parameter() {
    assertRefusedNaming(() -> query("q", "あ".repeat(QueryParams.MAX_LENGTH + 1)).text("q"), "q");
  }

  @Test
  void a_number_that_is_not_whole_or_out_of_range_is_refused_naming_the_parameter() {
    assertRefusedNaming(() -> query("page", "abc").wholeNumber("page"), "page");
    assertRefusedNaming(() -> query("page", "99999999999").wholeNumber("page"), "page");
    assertRefusedNaming(() -> query("limit", "0").wholeNumber("limit", 1, 1000, 1000), "limit");
    assertRefusedNaming(() -> query("after", "1.5").wholeNumber("after", 0, Long.MAX_VALUE, 0), "after");
    assertThat(query("limit", "1000").wholeNumber("limit", 1, 1000, 1)).isEqualTo(1000);
  }

  @Test
  void a_value_outside_the_allowed_ones_is_refused_naming_the_parameter() {
    assertThat(query("when", "past").oneOf("when", Set.of("upcoming", "past"))).isEqualTo("past");
    assertRefusedNaming(() -> query("when", "tomorrow").oneOf("when", Set.of("upcoming", "past")), "when");
  }
}
