package yoriai.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubstringSearchTest {
  private final CatalogSearch search = CatalogSearch.substrings();

  private static Service service(String name, String provider, String description) {
    return new Service("id", name, provider, "配食", description, List.of(), null, null, null, null, null, null, 0, 0);
  }

  @Test
  void half_width_katakana_and_full_width_latin_match_their_usual_spelling() {
    Service service = service("ﾊﾟﾝ屋 ＡＢＣ", "株式会社", null);

    assertThat(search.score("パン", service)).isPositive();
    assertThat(search.score("abc", service)).isPositive();
    assertThat(search.score("ＡＢＣ", service)).isPositive();
  }

  @Test
  void every_term_must_match_somewhere() {
    Service service = service("配食サービス", "株式会社ぐんま", "毎日お届け");

    assertThat(search.score("配食 ぐんま", service)).isPositive();
    assertThat(search.score("配食　温泉", service)).isZero();
    assertThat(search.score("   ", service)).isZero();
  }

  @Test
  void a_match_in_the_name_ranks_above_one_in_the_description() {
    assertThat(search.score("パン", service("パン屋", "A", null)))
        .isGreaterThan(search.score("パン", service("弁当屋", "A", "パンもあります")));
  }
}
