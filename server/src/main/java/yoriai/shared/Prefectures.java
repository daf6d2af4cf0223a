package yoriai.shared;

import java.util.List;
import java.util.Optional;

/** The 47 prefectures in JIS X 0401 order; the index plus one is the prefecture code. */
public final class Prefectures {
  public static final List<String> NAMES = List.of(
      "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県",
      "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県",
      "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県",
      "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県",
      "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県",
      "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県",
      "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県");

  private Prefectures() {}

  /** The JIS X 0401 code of a prefecture name, e.g. 群馬県 → {@code "10"}. */
  public static Optional<String> codeOf(String name) {
    int index = NAMES.indexOf(name);
    return index < 0 ? Optional.empty() : Optional.of(String.format("%02d", index + 1));
  }

  /** The prefecture name of a two-digit JIS X 0401 code, e.g. {@code "10"} → 群馬県. */
  public static Optional<String> nameOf(String code) {
    if (code == null || !code.matches("\\d{2}")) {
      return Optional.empty();
    }
    int index = Integer.parseInt(code) - 1;
    return index < 0 || index >= NAMES.size() ? Optional.empty() : Optional.of(NAMES.get(index));
  }
}
