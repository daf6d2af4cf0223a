package yoriai.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/** The ADL/IADL activities a case sheet describes. */
public enum ActivityKind {
  SHOPPING("買い物"),
  COOKING("調理"),
  CLEANING("掃除"),
  LAUNDRY("洗濯"),
  GARBAGE("ゴミ出し"),
  GOING_OUT("外出・移動"),
  MONEY("金銭管理"),
  MEDICATION("服薬"),
  BATHING("入浴"),
  COMMUNITY_SALON("通いの場"),
  EATING("食事"),
  TOILETING("排泄"),
  GROOMING("整容"),
  DRESSING("更衣"),
  MEDICATION_MANAGEMENT("服薬管理"),
  TELEPHONE("電話・連絡"),
  HOBBIES("趣味・社会参加"),
  OTHER("その他");

  private final String code;

  ActivityKind(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
