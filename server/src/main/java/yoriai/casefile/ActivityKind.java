package yoriai.casefile;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import yoriai.shared.Coded;

/**
 * The ADL/IADL activities a case sheet describes. 服薬 covers taking and managing medicines: sheets
 * stored with the former 服薬管理 read as 服薬 (docs/decisions.md), so a case names one of them only.
 * Archive entries published before keep their 服薬管理 text, which the needs insight still counts apart.
 */
public enum ActivityKind implements Coded {
  @JsonProperty("買い物") SHOPPING,
  @JsonProperty("調理") COOKING,
  @JsonProperty("掃除") CLEANING,
  @JsonProperty("洗濯") LAUNDRY,
  @JsonProperty("ゴミ出し") GARBAGE,
  @JsonProperty("外出・移動") GOING_OUT,
  @JsonProperty("金銭管理") MONEY,
  @JsonProperty("服薬") @JsonAlias("服薬管理") MEDICATION,
  @JsonProperty("入浴") BATHING,
  @JsonProperty("通いの場") COMMUNITY_SALON,
  @JsonProperty("食事") EATING,
  @JsonProperty("排泄") TOILETING,
  @JsonProperty("整容") GROOMING,
  @JsonProperty("更衣") DRESSING,
  @JsonProperty("電話・連絡") TELEPHONE,
  @JsonProperty("趣味・社会参加") HOBBIES,
  @JsonProperty("その他") OTHER;
}
