package yoriai.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the catalog's words find and in which order, on the index alone (the filters are MongoDB's). */
class CatalogIndexTest {
  private static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");
  /** The demo's supermarket lane: its text never says 買い物 or 支援, only its category does. */
  private static final StoredService SLOW_LANE = service("lane", "ゆっくりレジ（みらいマート高崎店）", "買い物支援",
      "高齢のお客様が急がずに会計できる専用レジを開けています。");
  private static final StoredService MEALS = service("meals", "よりあい夕食便", "配食", "夕食のお弁当を手渡しで届けます。");
  private static final StoredService HOUSEWORK = service("housework", "おそうじ便", "家事支援", "台所と浴室の掃除を手伝います。");

  private final CatalogIndex index;

  CatalogIndexTest() throws IOException {
    index = new CatalogIndex();
    index.rebuild(List.of(SLOW_LANE, MEALS, HOUSEWORK));
  }

  private static StoredService service(String id, String name, String category, String description) {
    return new StoredService(id, name, "株式会社みらいマート", category, description,
        List.of(new Area("10", "10202", "高崎市")), null, null, null, null, "account", NOW, NOW, List.of());
  }

  /** Ids best first. */
  private List<String> find(String text) throws IOException {
    return index.scores(text).entrySet().stream()
        .sorted(Map.Entry.<String, Float>comparingByValue(Comparator.reverseOrder()))
        .map(Map.Entry::getKey).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"買い物支援", "買い物", "買物", "かいもの", "カイモノ", "買い物の支援", "買い物 サービス",
      "かいものしえん", "shopping", "Shopping"})
  void a_shopping_service_is_found_by_its_category_in_every_spelling(String text) throws IOException {
    assertThat(find(text)).containsExactly("lane");
  }

  @Test
  void a_generic_word_ranks_but_never_excludes_and_alone_finds_every_service_that_has_it() throws IOException {
    assertThat(find("配食サービス")).containsExactly("meals");
    assertThat(find("支援")).containsExactlyInAnyOrder("lane", "housework");
  }

  @Test
  void every_specific_word_must_match_somewhere() throws IOException {
    assertThat(find("配食 高崎")).containsExactly("meals");
    assertThat(find("配食　温泉")).isEmpty();
    assertThat(find("   ")).isEmpty();
  }

  @Test
  void services_sharing_more_of_the_query_rank_first() throws IOException {
    index.put(service("shop-mention", "買い物バス", "移送", "スーパーへの買い物に使えるバスです。"));

    assertThat(find("買い物 支援")).containsExactly("lane", "shop-mention");
  }

  @Test
  void a_match_in_the_name_ranks_above_one_in_the_description() throws IOException {
    index.put(service("bakery", "パン屋", "その他", null));
    index.put(service("lunch", "弁当屋", "その他", "パンもあります"));

    assertThat(find("パン")).containsExactly("bakery", "lunch");
  }

  @Test
  void half_width_katakana_and_full_width_latin_match_their_usual_spelling() throws IOException {
    index.put(service("abc", "ﾊﾟﾝ屋 ＡＢＣ", "その他", null));

    assertThat(find("パン")).containsExactly("abc");
    assertThat(find("abc")).containsExactly("abc");
    assertThat(find("ＡＢＣ")).containsExactly("abc");
  }

  @Test
  void a_removed_or_changed_service_is_no_longer_found_by_what_it_was() throws IOException {
    index.remove("lane");
    index.put(service("meals", "よりあい夕食便", "見守り", "夕食を手渡しで届けます。"));

    assertThat(find("買い物")).isEmpty();
    assertThat(find("配食")).isEmpty();
    assertThat(find("みまもり")).containsExactly("meals");
  }
}
