package yoriai.privacy;

import java.text.Normalizer;
import java.util.List;
import java.util.Set;

/**
 * Words that take an honorific without naming anyone: family roles (娘さん), occupations
 * (ヘルパーさん, 看護師さん), shops and organisations (八百屋さん, お寺さん), set phrases
 * (お疲れ様, ご先祖様) and the kanji of words like 同様, 模様, 氏名.
 */
final class NotANameWords {

  /** Words that are never a name when they make up the whole word before the honorific. */
  private static final Set<String> WHOLE_WORDS = Set.of(
      "娘", "嫁", "奥", "孫", "姉", "兄", "妹", "弟", "父", "母", "夫", "妻", "婿", "子", "男", "女", "人",
      "皆", "客", "隣", "神", "仏", "王", "方", "坊", "僧", "嬢", "赤", "猫", "犬", "姫", "若", "屋",
      "同", "両", "各", "諸", "彼", "某", "先", "当", "貴", "御", "宮", "細", "模", "仕", "多", "異", "一",
      "有", "左", "外", "陰", "殿", "主", "疲", "長男", "次男", "三男", "長女", "次女", "三女", "末娘");

  /** Endings that mark a role, an occupation or an organisation whatever comes before them. */
  private static final List<String> KANJI_ENDINGS = List.of(
      "員", "師", "士", "者", "医", "族", "長", "寺", "院", "局", "店", "館", "協", "会", "園", "主", "官",
      "手", "所", "職", "役",
      "本人", "主人", "友人", "知人", "一人", "二人", "婦人", "住人", "隣人", "管理人", "後見人", "老人",
      "他人", "恋人", "職人", "商人", "仲人", "家人",
      "息子", "家内", "旦那", "叔母", "伯母", "叔父", "伯父", "祖母", "祖父", "義母", "義父", "実母", "実父",
      "両親", "兄弟", "姉妹", "孫娘", "娘婿", "先祖", "地蔵", "近所", "大家", "大工", "受付", "事務",
      "百姓", "和尚", "苦労", "世話", "馳走", "得意", "仲間", "友達", "同僚", "先輩", "後輩", "相手",
      "先方", "相方", "各位", "皆様", "八百屋", "魚屋", "肉屋", "床屋", "酒屋", "米屋", "本屋", "花屋",
      "豆腐屋", "薬屋", "電気屋", "植木屋", "新聞屋", "牛乳屋", "布団屋", "問屋", "呉服屋", "金物屋",
      "果物屋", "惣菜屋", "総菜屋", "弁当屋", "寿司屋", "蕎麦屋");

  private static final List<String> KATAKANA_ENDINGS = List.of(
      "ヘルパー", "ケアマネ", "ケアマネジャー", "ケアマネージャー", "ボランティア", "スタッフ", "ドライバー",
      "ヤクルト", "ナース", "ドクター", "セラピスト", "マネージャー", "マネジャー", "リーダー", "コーチ",
      "トレーナー", "オーナー", "サポーター", "コーディネーター", "ワーカー", "ママ", "パパ", "ワン", "ニャン",
      "ガイド", "インストラクター", "メンバー", "パートナー", "ゲスト", "カウンセラー", "シェフ", "マスター");

  /** Hiragana words before ちゃん/くん that are family roles (おばあちゃん, じいちゃん, あかちゃん). */
  private static final Set<String> HIRAGANA_ROLES = Set.of(
      "ばあ", "じい", "かあ", "とう", "ねえ", "にい", "あか", "ばば", "じじ", "みな");

  private NotANameWords() {}

  static boolean kanjiWord(String word) {
    return WHOLE_WORDS.contains(word) || KANJI_ENDINGS.stream().anyMatch(word::endsWith);
  }

  /** Half-width katakana (ﾍﾙﾊﾟｰ) is compared in full width; the word's length does not matter here. */
  static boolean katakanaWord(String word) {
    String fullWidth = Normalizer.normalize(word, Normalizer.Form.NFKC);
    return KATAKANA_ENDINGS.stream().anyMatch(fullWidth::endsWith);
  }

  static boolean hiraganaWord(String word) {
    return word.startsWith("お") || word.startsWith("ご") || HIRAGANA_ROLES.contains(word);
  }
}
