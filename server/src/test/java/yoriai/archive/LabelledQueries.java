package yoriai.archive;

import java.util.List;
import java.util.Set;

/**
 * Japanese queries a coordinator would type, each with what a relevant entry must be about (all
 * of the labels). The spelling typed often differs from the spelling in the relevant entries.
 */
final class LabelledQueries {

  record Labelled(String query, Set<String> about) {}

  static final List<Labelled> ALL = List.of(
      q("買い物", "SHOPPING"), q("買物", "SHOPPING"), q("お買い物", "SHOPPING"),
      q("ゴミ出し", "GARBAGE"), q("ごみ出し", "GARBAGE"), q("ｺﾞﾐ出し", "GARBAGE"),
      q("ゴミ捨て", "GARBAGE"),
      q("独居", "ALONE"), q("一人暮らし", "ALONE"), q("ひとり暮らし", "ALONE"), q("単身", "ALONE"),
      q("高齢夫婦", "COUPLE"), q("老老介護", "COUPLE"),
      q("配食", "MEAL"), q("宅配弁当", "MEAL"),
      q("見守り", "WATCH"), q("安否確認", "WATCH"),
      q("通いの場", "SALON"), q("サロン", "SALON"), q("ｻﾛﾝ", "SALON"),
      q("移動販売", "MOBILE_SHOP"), q("移動スーパー", "MOBILE_SHOP"),
      q("認知症", "DEMENTIA"), q("物忘れ", "DEMENTIA"),
      q("デイサービス", "DAY_SERVICE"), q("通所介護", "DAY_SERVICE"), q("ﾃﾞｲｻｰﾋﾞｽ", "DAY_SERVICE"),
      q("ヘルパー", "HELPER"), q("へるぱー", "HELPER"), q("訪問介護", "HELPER"),
      q("送迎", "TRANSPORT"), q("送迎サービス", "TRANSPORT"),
      q("付き添い", "ESCORT"), q("付添", "ESCORT"),
      q("申込", "APPLICATION"), q("申し込み", "APPLICATION"),
      q("お風呂", "BATH"), q("料理", "COOKING"), q("転倒", "FALL"),
      q("要介護２", "care:要介護2"), q("要介護2", "care:要介護2"), q("要支援１", "care:要支援1"),
      q("独居 買い物", "ALONE", "SHOPPING"), q("ひとり暮らし　ごみ出し", "ALONE", "GARBAGE"),
      q("老老介護 配食", "COUPLE", "MEAL"), q("認知症 見守り", "DEMENTIA", "WATCH"));

  private LabelledQueries() {}

  private static Labelled q(String query, String... about) {
    return new Labelled(query, Set.of(about));
  }
}
