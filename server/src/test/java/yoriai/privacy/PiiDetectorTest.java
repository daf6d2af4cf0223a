package yoriai.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiDetectorTest {

  private final PiiDetector detector = new PiiDetector();

  @Test
  void finds_each_kind_in_the_issue_example_with_exact_spans() {
    String text = "山田花子様、090-1234-5678、〒370-0001 高崎市八島町1丁目2番3号、昭和15年4月1日生。";

    List<PiiFinding> findings = detector.scan("person.notes", text, Set.of());

    assertThat(findings).containsExactly(
        finding("person.notes", text, "山田花子様", PiiKind.PERSON_NAME),
        finding("person.notes", text, "090-1234-5678", PiiKind.PHONE),
        finding("person.notes", text, "〒370-0001", PiiKind.POSTAL_CODE),
        finding("person.notes", text, "高崎市八島町1丁目2番3号", PiiKind.ADDRESS),
        finding("person.notes", text, "昭和15年4月1日生", PiiKind.BIRTH_DATE));
  }

  @Test
  void reports_offsets_into_the_original_full_width_text() {
    String text = "長男の携帯は０９０−１２３４−５６７８、メールはｔａｎａｋａ＠ｅｘａｍｐｌｅ．ｃｏｍ。";

    assertThat(detector.scan("f", text, Set.of())).containsExactly(
        finding(text, "０９０−１２３４−５６７８", PiiKind.PHONE),
        finding(text, "ｔａｎａｋａ＠ｅｘａｍｐｌｅ．ｃｏｍ", PiiKind.EMAIL));
  }

  @Test
  void reads_a_long_vowel_mark_between_digits_as_a_hyphen() {
    String text = "携帯番号は090ー1234ー5678。";

    assertThat(detector.scan("f", text, Set.of())).containsExactly(finding(text, "090ー1234ー5678", PiiKind.PHONE));
  }

  @Test
  void allow_list_suppresses_a_public_facility_name() {
    String text = "サロン田中さん家で体操をした。";

    assertThat(detector.scan("f", text, Set.of())).extracting(PiiFinding::kind).containsExactly(PiiKind.PERSON_NAME);
    assertThat(detector.scan("f", text, Set.of("田中さん家"))).isEmpty();
  }

  @Test
  void allowing_the_municipality_does_not_hide_an_address_in_it() {
    String text = "高崎市八島町1丁目2番3号に住む。";

    assertThat(detector.scan("f", text, Set.of("高崎市"))).containsExactly(
        finding(text, "高崎市八島町1丁目2番3号", PiiKind.ADDRESS));
  }

  @Test
  void scan_all_carries_the_field_path_of_each_finding() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", "独居高齢者の買い物支援");
    fields.put("activities[0].difficulty", "佐藤さんに頼っている");
    fields.put("activities[1].canDo", "連絡は03-1234-5678へ");

    assertThat(detector.scanAll(fields, Set.of()))
        .extracting(PiiFinding::field, PiiFinding::start, PiiFinding::end, PiiFinding::kind)
        .containsExactly(
            tuple("activities[0].difficulty", 0, 4, PiiKind.PERSON_NAME),
            tuple("activities[1].canDo", 3, 15, PiiKind.PHONE));
  }

  @Test
  void kind_codes_are_lower_snake_case() {
    assertThat(PiiKind.values()).extracting(PiiKind::code).containsExactly(
        "person_name", "phone", "postal_code", "address", "birth_date", "exact_age",
        "care_insurance_number", "my_number", "email");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ヘルパーさん", "娘さん", "息子さん", "お嫁さん", "奥さん", "民生委員さん", "ケアマネさん", "看護師さん",
      "皆さん", "皆様", "お客様", "利用者様", "本人様", "ご家族様", "患者さん", "〇〇さん", "Aさん", "Ｂさん",
      "○○様", "●●さん", "××氏", "お疲れ様", "同様に", "様子", "氏名", "毎日さんぽ", "薬をちゃんと飲む", "ﾍﾙﾊﾟｰさん"})
  void role_words_set_phrases_and_placeholders_are_not_names(String text) {
    assertThat(detector.scan("f", text, Set.of())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"80代前半", "80-84歳", "80〜84歳", "65歳以上", "75歳未満", "80歳代", "90歳を超え", "100歳体操"})
  void ranges_thresholds_and_bands_are_not_exact_ages(String text) {
    assertThat(detector.scan("f", text, Set.of())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"83歳", "八十三歳", "満83才", "（７９歳）"})
  void a_single_age_is_exact(String text) {
    assertThat(detector.scan("f", text, Set.of())).extracting(PiiFinding::kind).containsExactly(PiiKind.EXACT_AGE);
  }

  @Test
  void a_date_without_birth_context_is_not_a_birth_date() {
    assertThat(detector.scan("f", "2020年4月1日に転倒した。", Set.of())).isEmpty();
    assertThat(detector.scan("f", "2020年4月1日生まれ", Set.of())).extracting(PiiFinding::kind)
        .containsExactly(PiiKind.BIRTH_DATE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1号館", "国道17号", "第2号被保険者", "3番目の子", "2番線", "201号室", "1-2週間", "5丁目のスーパー"})
  void a_lone_number_with_go_or_ban_or_a_bare_chome_is_not_an_address(String text) {
    assertThat(detector.scan("f", text, Set.of())).isEmpty();
  }

  @Test
  void ten_digits_after_the_insurance_label_are_a_care_insurance_number_even_with_a_leading_zero() {
    String text = "被保険者番号0123456789";

    assertThat(detector.scan("f", text, Set.of())).containsExactly(
        finding(text, "0123456789", PiiKind.CARE_INSURANCE_NUMBER));
  }

  @Test
  void twelve_digits_grouped_four_four_four_are_a_my_number() {
    String text = "個人番号 1234 5678 9012";

    assertThat(detector.scan("f", text, Set.of())).containsExactly(
        finding(text, "1234 5678 9012", PiiKind.MY_NUMBER));
  }

  @Test
  void a_phone_number_dictated_in_kanji_digits_is_found_with_offsets_into_the_original() {
    String text = "電話は〇二七の三四五の六七八九。";

    assertThat(detector.scan("f", text, Set.of())).containsExactly(finding(text, "〇二七の三四五の六七八九", PiiKind.PHONE));
  }

  @Test
  void a_postal_code_written_against_the_town_name_keeps_its_four_digits() {
    String text = "〒370-0001八島町に住む。";

    assertThat(detector.scan("f", text, Set.of())).containsExactly(finding(text, "〒370-0001", PiiKind.POSTAL_CODE));
  }

  @Test
  void an_anonymized_phone_number_is_not_a_phone_number() {
    assertThat(detector.scan("f", "連絡先は090-〇〇〇〇-〇〇〇〇（家族）", Set.of())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+81-90-1234-5678", "+81 27 345 6789", "090・1234・5678", "027.345.6789", "0276/22/1234",
      "(027) 321-4567", "０９０－１２３４－５６７８"})
  void a_phone_number_with_any_separator_or_the_country_code_is_found(String phone) {
    String text = "連絡先 " + phone + " へ";

    assertThat(detector.scan("f", text, Set.of())).containsExactly(finding(text, phone, PiiKind.PHONE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"たなかさん", "ｽｽﾞｷさん", "ｲﾄｳ ｻﾝ", "佐藤 さん", "ヤマモト　様", "すずきさま", "伊藤先生", "はるとくん"})
  void a_kana_or_half_width_name_or_one_spaced_from_its_honorific_is_found(String name) {
    String text = "昨日、" + name + "が来た。";

    assertThat(detector.scan("f", text, Set.of())).extracting(PiiFinding::kind).containsExactly(PiiKind.PERSON_NAME);
  }

  @Test
  void a_bare_full_name_is_found_by_its_part_of_speech_and_a_bare_surname_or_place_is_not() {
    String text = "長男の佐藤一郎が同席した。";

    assertThat(detector.scan("f", text, Set.of())).containsExactly(finding(text, "佐藤一郎", PiiKind.PERSON_NAME));
    assertThat(detector.scan("f", "サロン田中は太田市の公民館で開かれる。", Set.of())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"書道の先生をしていた。", "先生方の意見を伺う。", "みんなでさんかした。", "薬をちゃんと飲む。"})
  void teachers_and_words_that_only_look_like_an_honorific_are_not_names(String text) {
    assertThat(detector.scan("f", text, Set.of())).isEmpty();
  }

  @Test
  void empty_or_missing_text_has_no_findings() {
    assertThat(detector.scan("f", "", Set.of())).isEmpty();
    assertThat(detector.scan("f", null, null)).isEmpty();
  }

  private static PiiFinding finding(String field, String text, String piece, PiiKind kind) {
    int start = text.indexOf(piece);
    assertThat(start).as("%s occurs in the text", piece).isNotNegative();
    return new PiiFinding(field, start, start + piece.length(), kind);
  }

  private static PiiFinding finding(String text, String piece, PiiKind kind) {
    return finding("f", text, piece, kind);
  }

  @org.junit.jupiter.api.Test
  void a_generated_id_whose_groups_are_all_digits_is_neither_a_my_number_nor_a_phone() {
    PiiDetector detector = new PiiDetector();

    var inId = detector.scan("proposal.serviceId", "12345678-0901-2345-6789-012345678901", java.util.Set.of());
    var besideId = detector.scan("text", "12345678-0901-2345-6789-012345678901 の担当は090-1234-5678", java.util.Set.of());

    org.assertj.core.api.Assertions.assertThat(inId).isEmpty();
    org.assertj.core.api.Assertions.assertThat(besideId).extracting(f -> f.kind().code()).containsExactly("phone");
  }
}
