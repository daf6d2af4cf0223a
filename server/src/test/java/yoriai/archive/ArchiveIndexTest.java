package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArchiveIndexTest {
  private ArchiveIndex index;

  @BeforeEach
  void open() throws IOException {
    index = ArchiveIndex.inMemory();
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  private List<String> ids(SearchQuery query) throws IOException {
    return index.search(query).hits().stream().map(SearchResult.Hit::id).toList();
  }

  private List<String> ids(String q) throws IOException {
    return ids(SearchQuery.text(q));
  }

  @Nested
  class Variants {

    @ParameterizedTest(name = "{1} finds {0}")
    @CsvSource({
        "買物に行けない, 買い物",
        "買い物に行けない, 買物",
        "お買い物が楽しみ, 買物",
        "ごみ出しが負担, ゴミ出し",
        "ゴミ出しが負担, ごみ出し",
        "ｺﾞﾐ出しが負担, ゴミ出し",
        "ゴミ捨てが負担, ごみ出し",
        "一人暮らしの女性, 独居",
        "独居の女性, ひとり暮らし",
        "単身で暮らす, 一人暮らし",
        "要介護2の認定, 要介護２",
        "要介護２の認定, 要介護2",
        "ヘルパーが来る, へるぱー",
        "ﾍﾙﾊﾟｰが来る, ヘルパー",
        "ヘルパが来る, ヘルパー",
        "ＡＢＣ体操に参加, abc",
        "配食サービスを利用, 宅配弁当",
        "安否確認の電話, 見守り",
        "サロンに通う, 通いの場",
        "集いの場に通う, サロン",
        "移動スーパーが来る, 移動販売",
        "認知症と診断された, 物忘れ",
        "通所介護に通う, デイサービス",
        "訪問介護を利用, ヘルパー",
        "送迎サービスを利用, 送迎",
        "老老介護の世帯, 高齢夫婦",
        "取扱いに注意, 取り扱い",
        "申込の方法, 申し込み",
        "付添が必要, 付き添い",
        "引越しした, 引っ越し",
        "社協の職員, 社会福祉協議会",
        "ケアマネに相談, 介護支援専門員"})
    void a_spelling_variant_or_synonym_finds_the_entry(String text, String query) throws IOException {
      index.index(Entries.entry("target").wishes(text).build());
      index.index(Entries.entry("other").wishes("庭の手入れを続けたい").build());

      assertThat(ids(query)).containsExactly("target");
    }

    @Test
    void the_exact_care_level_ranks_above_a_neighbour_that_shares_a_digit() throws IOException {
      index.index(Entries.entry("two").careLevel("要介護2").build());
      index.index(Entries.entry("one").careLevel("要介護1").wishes("週2回は外に出たい").build());

      assertThat(ids("要介護２")).first().isEqualTo("two");
    }

    @Test
    void every_word_of_a_short_query_must_match() throws IOException {
      index.index(Entries.entry("both").household("独居").activity("買い物").build());
      index.index(Entries.entry("alone").household("独居").activity("掃除").build());

      assertThat(ids("ひとり暮らし 買物")).containsExactly("both");
    }
  }

  @Nested
  class Sentences {

    @Test
    void a_sentence_finds_the_case_sharing_most_of_its_words_though_not_every_word() throws IOException {
      index.index(Entries.entry("futon").activity("その他")
          .wishes("毎晩、押し入れから敷布団を出し入れするのが腰にこたえる。布団の上げ下ろしを手伝ってほしい").build());
      index.index(Entries.entry("garden").wishes("庭の草取りができない").build());

      SearchResult result = index.search(SearchQuery.text("毎晩の布団の上げ下ろしで腰が痛くなってきた"));

      assertThat(result.hits().stream().map(SearchResult.Hit::id)).containsExactly("futon");
      assertThat(result.relaxed()).isFalse();
    }

    @Test
    void a_synonym_phrase_of_the_sentence_counts_as_one_word() throws IOException {
      index.index(Entries.entry("meal").wishes("昼は配食を頼んでいるが、夜の分も考えたい").build());

      assertThat(index.search(SearchQuery.text("食事の宅配を夜も頼みたい")).hits().stream()
          .map(SearchResult.Hit::id)).containsExactly("meal");
    }

    @Test
    void when_nothing_passes_the_nearest_cases_are_shown_relaxed_with_their_facets_and_export()
        throws IOException {
      index.index(Entries.entry("garden").prefecture("長野県").wishes("庭の草取りができず困っている").build());
      index.index(Entries.entry("dog").prefecture("群馬県").wishes("犬と暮らし続けたい").build());
      index.index(Entries.entry("bath").wishes("浴槽をまたげない").build());
      SearchQuery query = SearchQuery.text("庭の草むしりと雪かきと屋根の修理と犬の散歩ができない");

      SearchResult result = index.search(query);

      assertThat(result.relaxed()).isTrue();
      assertThat(result.hits().stream().map(SearchResult.Hit::id)).containsExactlyInAnyOrder("garden", "dog");
      assertThat(result.total()).isEqualTo(2);
      assertThat(result.facets().get("prefecture")).isEqualTo(Map.of("長野県", 1, "群馬県", 1));
      assertThat(index.allIds(query, 100)).containsExactlyInAnyOrderElementsOf(
          result.hits().stream().map(SearchResult.Hit::id).toList());
      assertThat(index.search(SearchQuery.text("雪かき")).relaxed()).as("nothing near either").isFalse();
    }
  }

  @Nested
  class Ranking {

    @Test
    void a_match_in_the_title_ranks_above_one_in_the_discussion() throws IOException {
      index.index(Entries.entry("discussion").remark("移動販売の車が来ると助かります").build());
      index.index(Entries.entry("title").title("移動販売で買い物を続ける").build());

      assertThat(ids("移動販売")).containsExactly("title", "discussion");
    }

    @Test
    void an_empty_query_lists_newest_first() throws IOException {
      index.index(Entries.entry("old").publishedAt("2022-01-01T00:00:00Z").build());
      index.index(Entries.entry("new").publishedAt("2025-01-01T00:00:00Z").build());
      index.index(Entries.entry("mid").publishedAt("2023-06-01T00:00:00Z").build());

      assertThat(ids("  ")).containsExactly("new", "mid", "old");
      assertThat(ids((String) null)).containsExactly("new", "mid", "old");
    }

    @Test
    void adding_an_entry_with_a_known_id_replaces_it() throws IOException {
      index.index(Entries.entry("a").title("古い題名").build());
      index.index(Entries.entry("a").title("新しい題名").build());

      SearchResult result = index.search(SearchQuery.text(""));
      assertThat(result.total()).isEqualTo(1);
      assertThat(result.hits().get(0).title()).isEqualTo("新しい題名");
    }
  }

  @Nested
  class FacetsAndFilters {

    @BeforeEach
    void indexFour() throws IOException {
      index.index(Entries.entry("a").prefecture("群馬県").careLevel("要支援1").household("独居")
          .activity("買い物").activity("調理").proposal("market").proposal("mutual")
          .publishedAt("2024-05-01T00:00:00Z").build());
      index.index(Entries.entry("b").prefecture("群馬県").careLevel("要介護1").household("高齢夫婦")
          .activity("買い物").proposal("public").publishedAt("2025-05-01T00:00:00Z").build());
      index.index(Entries.entry("c").prefecture("東京都").careLevel("要支援1").household("独居")
          .activity("ゴミ出し").proposal("hybrid").proposal("market")
          .publishedAt("2025-02-01T00:00:00Z").build());
      index.index(Entries.entry("d").prefecture("東京都").careLevel("要介護1").household("子と同居")
          .activity("買い物").activity("ゴミ出し").publishedAt("2023-12-31T16:00:00Z").build());
    }

    @Test
    void facets_count_every_dimension_over_the_hits() throws IOException {
      Map<String, Map<String, Integer>> facets = index.search(SearchQuery.text("")).facets();

      assertThat(facets.get("activity")).as("most frequent first")
          .containsExactly(Map.entry("買い物", 3), Map.entry("ゴミ出し", 2), Map.entry("調理", 1));
      assertThat(facets.get("careLevel")).isEqualTo(Map.of("要支援1", 2, "要介護1", 2));
      assertThat(facets.get("household")).isEqualTo(Map.of("独居", 2, "高齢夫婦", 1, "子と同居", 1));
      assertThat(facets.get("prefecture")).isEqualTo(Map.of("群馬県", 2, "東京都", 2));
      assertThat(facets.get("type")).isEqualTo(Map.of("market", 2, "mutual", 1, "public", 1, "hybrid", 1));
      assertThat(facets.get("year")).as("years in Japan time").isEqualTo(Map.of("2024", 2, "2025", 2));
    }

    @Test
    void facets_follow_the_text_query() throws IOException {
      Map<String, Map<String, Integer>> facets = index.search(SearchQuery.text("ゴミ出し")).facets();

      assertThat(facets.get("prefecture")).isEqualTo(Map.of("東京都", 2));
      assertThat(facets.get("activity")).isEqualTo(Map.of("ゴミ出し", 2, "買い物", 1));
    }

    @Test
    void each_filter_narrows_the_hits() throws IOException {
      SearchQuery all = SearchQuery.text("");
      assertThat(ids(all.prefecture("群馬県"))).containsExactlyInAnyOrder("a", "b");
      assertThat(ids(all.activity("ゴミ出し"))).containsExactlyInAnyOrder("c", "d");
      assertThat(ids(all.careLevel("要支援1"))).containsExactlyInAnyOrder("a", "c");
      assertThat(ids(all.household("独居"))).containsExactlyInAnyOrder("a", "c");
      assertThat(ids(all.type("market"))).containsExactlyInAnyOrder("a", "c");
      assertThat(ids(all.year(2025))).containsExactlyInAnyOrder("b", "c");
      assertThat(ids(all.prefecture("東京都").activity("買い物"))).containsExactly("d");
      assertThat(index.search(all.prefecture("沖縄県")).total()).isZero();
    }

    @Test
    void a_filtered_dimension_still_counts_its_alternatives_but_others_follow_the_filter()
        throws IOException {
      SearchResult result = index.search(SearchQuery.text("").prefecture("群馬県"));

      assertThat(result.total()).isEqualTo(2);
      assertThat(result.facets().get("prefecture")).isEqualTo(Map.of("群馬県", 2, "東京都", 2));
      assertThat(result.facets().get("activity")).isEqualTo(Map.of("買い物", 2, "調理", 1));
    }
  }

  @Nested
  class Pages {

    @Test
    void pages_are_disjoint_stable_and_cover_every_hit() throws IOException {
      for (int i = 0; i < 23; i++) {
        index.index(Entries.entry(String.format("e%02d", i)).title("買い物の事例")
            .publishedAt("2024-01-01T00:00:00Z").build());
      }
      SearchQuery query = SearchQuery.text("買物");
      List<String> whole = ids(query.page(1, 30));
      List<String> paged = IntStream.rangeClosed(1, 3).boxed().flatMap(page -> {
        try {
          return ids(query.page(page, 10)).stream();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();

      assertThat(index.search(query.page(3, 10)).total()).isEqualTo(23);
      assertThat(paged).hasSize(23).doesNotHaveDuplicates().isEqualTo(whole);
      assertThat(ids(query.page(2, 10))).isEqualTo(ids(query.page(2, 10)));
    }

    @Test
    void a_page_size_above_fifty_is_refused() {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> SearchQuery.text("x").page(1, 51))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Snippet {

    @Test
    void marks_the_match_and_escapes_everything_else() throws IOException {
      index.index(Entries.entry("x").wishes("<script>alert('x')</script>近所のスーパーへ買物に行きたい").build());

      String snippet = index.search(SearchQuery.text("買い物")).hits().get(0).snippet();

      assertThat(snippet).contains("<mark>買物</mark>").contains("&lt;script&gt;")
          .doesNotContain("<script>");
    }

    @Test
    void marks_the_original_characters_of_a_normalized_spelling() throws IOException {
      index.index(Entries.entry("x").wishes("ﾍﾙﾊﾟｰさんと一緒に掃除したい").build());

      assertThat(index.search(SearchQuery.text("ヘルパー")).hits().get(0).snippet())
          .contains("<mark>ﾍﾙﾊﾟｰ</mark>");
    }

    @Test
    void shows_the_words_around_the_hit_in_a_passage_of_about_eighty_characters() throws IOException {
      String before = "市の郊外の一軒家に一人暮らしをしている。最寄りのバス停までは歩いて十分ほどかかり、坂道が続く。";
      String after = "を週に一度は自分の目で選びたいと話している。重い物は家族が週末に運んでいるが、負担が大きい。";
      index.index(Entries.entry("x").wishes(before + "近所のスーパーでの買物" + after).build());

      String snippet = index.search(SearchQuery.text("買い物")).hits().get(0).snippet();
      String text = snippet.replace("<mark>", "").replace("</mark>", "");

      assertThat(snippet).contains("スーパーでの<mark>買物</mark>を週に");
      assertThat(text).startsWith("…").endsWith("…").hasSizeBetween(60, 110);
    }

    @Test
    void a_hit_in_a_short_line_shows_the_lines_around_it() throws IOException {
      index.index(Entries.entry("x").activity("ゴミ出し").wishes("集積所まで歩いて行けるようになりたい").build());

      String snippet = index.search(SearchQuery.text("ゴミ出し")).hits().get(0).snippet();

      assertThat(snippet).contains("<mark>").contains(" / ").contains("集積所");
    }

    @Test
    void marks_the_hit_of_every_entry_whichever_segment_holds_it() throws IOException {
      List<String> before = List.of("", "坂道の上に住んでいて、", "バス停まで遠く、歩くと息が切れるので",
          "一人暮らしで、足が弱ってきたため", "雨の日は外に出られず、");
      for (int i = 0; i < before.size(); i++) {
        index.index(Entries.entry("e" + i).wishes(before.get(i) + "近所のスーパーへ買物に行きたい").build());
      }

      List<SearchResult.Hit> hits = index.search(SearchQuery.text("買い物")).hits();

      assertThat(hits).hasSize(before.size()).allSatisfy(hit ->
          assertThat(hit.snippet()).contains("スーパーへ<mark>買物</mark>に行きたい"));
    }

    @Test
    void marks_a_synonym() throws IOException {
      index.index(Entries.entry("x").wishes("一人暮らしを続けたい").build());

      assertThat(index.search(SearchQuery.text("独居")).hits().get(0).snippet())
          .contains("<mark>").contains("暮らし</mark>");
    }
  }

  @Nested
  class Similar {

    @Test
    void similar_cases_share_an_activity_and_exclude_the_case_itself() throws IOException {
      index.index(Entries.entry("me").household("独居").activity("ゴミ出し")
          .wishes("集積所までゴミ出しに行くのがつらい").build());
      index.index(Entries.entry("same").household("独居").activity("ゴミ出し")
          .wishes("ゴミ出しの日を忘れてしまう").build());
      index.index(Entries.entry("partly").household("高齢夫婦").activity("ゴミ出し").activity("調理").build());
      index.index(Entries.entry("unrelated").household("独居").activity("入浴")
          .wishes("集積所の近くに住んでいる").build());

      assertThat(index.similar("me", 5).stream().map(SearchResult.Hit::id))
          .containsExactly("same", "partly");
      assertThat(index.similar("missing", 5)).isEmpty();
    }
  }
}
