package yoriai.archive;

import java.io.Reader;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * Writes okurigana variants one way before tokenizing: 買い物 and 買物 are the same word, but
 * Kuromoji splits them differently, so neither field would match the other without this.
 */
final class Okurigana {
  private static final String[][] VARIANTS = {
      {"買い物", "買物"}, {"取り扱い", "取扱"}, {"取扱い", "取扱"}, {"申し込み", "申込"},
      {"申込み", "申込"}, {"見守り", "見守"}, {"付き添い", "付添"}, {"付添い", "付添"},
      {"引っ越し", "引越"}, {"引越し", "引越"}, {"受け付け", "受付"}, {"受付け", "受付"},
      {"受け取り", "受取"}, {"売り場", "売場"}, {"手続き", "手続"}, {"立ち寄り", "立寄"},
      {"乗り物", "乗物"}, {"聞き取り", "聞取"}, {"話し合い", "話合"}, {"取り組み", "取組"},
      {"持ち帰り", "持帰"}, {"呼び出し", "呼出"}, {"申し送り", "申送"}, {"貸し出し", "貸出"},
      {"送り迎え", "送迎"}, {"問い合わせ", "問合せ"}, {"問合わせ", "問合せ"}, {"組み合わせ", "組合せ"},
      {"ゴミ出し", "ゴミ出"}, {"ごみ出し", "ごみ出"}, {"ゴミ捨て", "ゴミ捨"}, {"ごみ捨て", "ごみ捨"},
      {"物忘れ", "物忘"}, {"飲み忘れ", "飲忘"}, {"落ち込み", "落込"}};
  private static final NormalizeCharMap MAP = build();

  private Okurigana() {}

  static Reader wrap(Reader in) {
    return new MappingCharFilter(MAP, in);
  }

  private static NormalizeCharMap build() {
    NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
    for (String[] variant : VARIANTS) {
      builder.add(variant[0], variant[1]);
    }
    return builder.build();
  }
}
