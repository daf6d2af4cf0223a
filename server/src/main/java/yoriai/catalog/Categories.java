package yoriai.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The categories of market services (PRODUCT §6). A category travels by its Japanese name; the
 * search also finds it by its reading (typed without converting to kanji) and its English code.
 */
final class Categories {
  record Category(String name, String reading, String code) {
    List<String> labels() {
      return List.of(name, reading, code);
    }
  }

  static final List<Category> ALL = List.of(
      new Category("買い物支援", "かいものしえん", "shopping"),
      new Category("配食", "はいしょく", "meal_delivery"),
      new Category("移動販売", "いどうはんばい", "mobile_sales"),
      new Category("見守り", "みまもり", "watching_over"),
      new Category("家事支援", "かじしえん", "housework"),
      new Category("移送", "いそう", "transport"),
      new Category("通いの場", "かよいのば", "community_salon"),
      new Category("外出支援", "がいしゅつしえん", "outing"),
      new Category("安否確認", "あんぴかくにん", "safety_check"),
      new Category("住まい", "すまい", "housing"),
      new Category("その他", "そのた", "other"));
  static final List<String> NAMES = ALL.stream().map(Category::name).toList();

  private Categories() {}

  static Optional<Category> named(String name) {
    return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
