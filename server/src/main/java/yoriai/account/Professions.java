package yoriai.account;

import java.util.List;

/** Professions shown as badges in meetings and as labels such as 「理学療法士A」 in the archive. */
public final class Professions {
  public static final List<String> NAMES = List.of(
      "介護支援専門員", "主任介護支援専門員", "理学療法士", "作業療法士", "言語聴覚士",
      "看護師", "保健師", "管理栄養士", "歯科衛生士", "薬剤師", "医師", "歯科医師",
      "社会福祉士", "介護福祉士", "生活支援コーディネーター", "訪問介護員", "その他");

  private Professions() {}
}
