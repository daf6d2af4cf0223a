package yoriai.catalog;

import java.util.List;

/** The categories of market services (PRODUCT §6). */
final class Categories {
  static final List<String> NAMES = List.of(
      "買い物支援", "配食", "移動販売", "見守り", "家事支援", "移送", "通いの場", "外出支援", "安否確認", "住まい", "その他");

  private Categories() {}
}
