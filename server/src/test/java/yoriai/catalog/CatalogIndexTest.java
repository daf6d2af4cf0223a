package yoriai.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
  void a_coordinators_sentence_finds_the_service_sharing_most_of_its_words() throws IOException {
    index.put(service("delivery", "お米・重い物の宅配", "買い物支援", "重い荷物を玄関まで運びます。"));
    index.put(service("bus", "買い物バス", "移送", "スーパーへの買い物に使えるバスです。"));

    assertThat(find("重い荷物を家まで運んでほしい")).first().isEqualTo("delivery");
    assertThat(find("重い荷物を家まで運んでほしい")).doesNotContain("bus", "meals");
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

  /**
   * The archive's analysis on both sides of every field: kana, okurigana and width variants and the
   * care synonyms find a service whose own text spells the word another way (docs/decisions.md).
   */
  @ParameterizedTest(name = "{1} finds {0}")
  @CsvSource({
      "bath, お風呂", "bath, 風呂", "bath, 入浴",
      "errands, 買物", "errands, 買い物", "errands, お買い物",
      "alone, 独居", "alone, 一人暮らし", "alone, ひとり暮らし",
      "garbage, ごみ出し", "garbage, ゴミ出し", "garbage, ｺﾞﾐ出し",
      "day, デイサービス", "day, 通所介護",
      "free, 無料"})
  void a_variant_spelling_or_a_synonym_finds_the_service_written_the_other_way(String id, String text) throws IOException {
    index.put(service("bath", "ゆったり入浴介助", "その他", "自宅の浴室で入浴を手伝います。"));
    index.put(service("errands", "ついで便", "その他", "ご近所の買物を代わりに済ませます。"));
    index.put(service("alone", "夜の声かけ", "その他", "一人暮らしの方へ毎晩電話します。"));
    index.put(service("garbage", "朝の収集お手伝い", "その他", "ゴミ出しを玄関先で引き受けます。"));
    index.put(service("day", "青空デイサービス", "その他", "日帰りで体操と昼食。"));
    index.put(new StoredService("free", "地域サロン", "自治会", "その他", "お茶を飲みながら話す場です。",
        List.of(new Area("10", "10202", "高崎市")), "無料", null, null, null, "account", NOW, NOW, List.of()));

    assertThat(find(text)).contains(id);
  }
}
