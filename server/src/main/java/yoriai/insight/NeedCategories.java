package yoriai.insight;

import java.util.List;
import java.util.Map;

/** Which catalog categories can serve a need (an activity of the case sheet). */
final class NeedCategories {
  private static final Map<String, List<String>> BY_NEED = Map.ofEntries(
      Map.entry("買い物", List.of("買い物支援", "移動販売", "配食")),
      Map.entry("調理", List.of("配食", "家事支援")),
      Map.entry("食事", List.of("配食")),
      Map.entry("掃除", List.of("家事支援")),
      Map.entry("洗濯", List.of("家事支援")),
      Map.entry("ゴミ出し", List.of("家事支援", "見守り")),
      Map.entry("外出・移動", List.of("移送", "外出支援")),
      Map.entry("通いの場", List.of("通いの場", "移送", "外出支援")),
      Map.entry("趣味・社会参加", List.of("通いの場", "外出支援")),
      Map.entry("金銭管理", List.of("見守り")),
      Map.entry("服薬", List.of("見守り", "安否確認")),
      Map.entry("服薬管理", List.of("見守り", "安否確認")),
      Map.entry("電話・連絡", List.of("見守り", "安否確認")),
      Map.entry("入浴", List.of("家事支援")));

  private NeedCategories() {}

  static List<String> of(String need) {
    return BY_NEED.getOrDefault(need, List.of());
  }
}
