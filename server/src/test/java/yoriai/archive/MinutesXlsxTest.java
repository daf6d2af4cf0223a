package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import yoriai.testing.Discussion;
import yoriai.testing.MeetingParties;
import yoriai.testing.Meetings;
import yoriai.testing.UniqueWord;
import yoriai.testing.Workbooks;
import yoriai.testing.WsClient;

class MinutesXlsxTest {
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @RegisterExtension
  static final MeetingParties parties = new MeetingParties(Map.of());

  @Test
  void the_minutes_of_a_closed_meeting_have_a_cover_and_the_case_with_its_discussion_proposals_and_summary() throws Exception {
    String hiddenToken = UniqueWord.after("秘密トークン");
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    String path = "/api/v1/meetings/" + meetingId + "/minutes.xlsx";
    Workbooks.Download early;
    try (Discussion meeting = new Discussion(parties.server(), parties.host(), meetingId);
         WsClient pt = meeting.join(parties.professional());
         WsClient shop = meeting.join(parties.company())) {
      meeting.phase("presentation");
      meeting.post(pt, "膝の痛みで重い荷物が持てないのですね");
      meeting.hide(meeting.post(shop, "店長の個人的な話ですが " + hiddenToken));
      early = Workbooks.get(parties.api(), path, parties.professional().token());
      meeting.phase("proposals");
      String proposal = meeting.propose(shop, "買い物", "market", "移動販売車の停留所を自宅近くに", "自分で選んで買える");
      meeting.endorse(pt, proposal);
      meeting.summarizeAndClose("買い物の一部を自分で続けられるよう移動販売を使う", proposal);
    }

    Workbooks.Download minutes = Workbooks.get(parties.api(), path, parties.professional().token());

    assertThat(early.status()).isEqualTo(409);
    assertThat(minutes.status()).as(minutes.text()).isEqualTo(200);
    assertThat(minutes.contentType()).isEqualTo(XLSX);
    assertThat(minutes.disposition()).startsWith("attachment; filename=\"yoriai-minutes.xlsx\"; filename*=UTF-8''%E8%AD%B0%E4%BA%8B%E9%8C%B2_");
    try (XSSFWorkbook workbook = minutes.workbook()) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
      assertThat(workbook.getFontAt(0).getFontName()).isEqualTo("游ゴシック");
      Sheet cover = workbook.getSheetAt(0);
      List<List<String>> coverRows = Workbooks.rows(cover);
      assertThat(coverRows.get(0).get(0)).isEqualTo("議事録　買い物に行けなくなった独居の女性");
      assertThat(coverRows).anySatisfy(row -> assertThat(row).startsWith("開催日時").anySatisfy(c -> assertThat(c).matches("\\d{4}年.*\\d{2}:\\d{2}")));
      assertThat(coverRows).anySatisfy(row -> assertThat(row).startsWith("司会", "自治体"));
      assertThat(coverRows).anySatisfy(row -> assertThat(row).startsWith("理学療法士A", "専門職"));
      assertThat(coverRows).anySatisfy(row -> assertThat(row).startsWith("企業A", "企業"));
      assertThat(cover.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);

      Sheet caseSheet = workbook.getSheetAt(1);
      assertThat(caseSheet.getSheetName()).startsWith("事例1 買い物");
      assertThat(caseSheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
      assertThat(caseSheet.getPrintSetup().getLandscape()).isFalse();
      List<List<String>> rows = Workbooks.rows(caseSheet);
      assertThat(rows).contains(List.of("要介護度", "要支援2"), List.of("生活行為", "状態", "できていること", "難しいこと"),
          List.of("事例説明", "理学療法士A", "膝の痛みで重い荷物が持てないのですね"));
      assertThat(rows).anySatisfy(row -> assertThat(row)
          .containsExactly("企業A", "買い物", "移動販売車の停留所を自宅近くに\n（できることを活かす点）自分で選んで買える", "市場サービス", "1", "採用"));
      assertThat(rows).contains(List.of("支援の方向性", "買い物の一部を自分で続けられるよう移動販売を使う"),
          List.of("不足している資源", "週末の移動販売"));
      String all = rows.toString() + coverRows;
      assertThat(all).doesNotContain(hiddenToken).doesNotContain("理学 花子").doesNotContain("販売 一郎").doesNotContain("高崎 司会");
    }
  }

  @Test
  void only_those_who_may_read_the_meeting_get_its_minutes() {
    var invite = Meetings.create(parties.api(), parties.host().token(), Meetings.request(parties.api(), parties.host().token(), "invite"));
    String meetingId = invite.get("id").asText();
    try (Discussion meeting = new Discussion(parties.server(), parties.host(), meetingId)) {
      meeting.phase("closed");
    }
    String path = "/api/v1/meetings/" + meetingId + "/minutes.xlsx";

    assertThat(Workbooks.get(parties.api(), path, null).status()).isEqualTo(401);
    assertThat(Workbooks.get(parties.api(), path, parties.company().token()).status()).isEqualTo(404);
    assertThat(parties.api().get("/api/v1/meetings/" + meetingId, parties.company().token()).status()).isEqualTo(404);
    assertThat(Workbooks.get(parties.api(), path, parties.host().token()).status()).isEqualTo(200);
    assertThat(Workbooks.get(parties.api(), "/api/v1/meetings/nosuchmeeting/minutes.xlsx", parties.host().token()).status())
        .isEqualTo(404);
  }

  @Test
  void an_archive_entry_downloads_for_anyone_with_only_what_was_published() throws Exception {
    String meetingId = Meetings.open(parties.api(), parties.host().token());
    String caseId;
    try (Discussion meeting = new Discussion(parties.server(), parties.host(), meetingId);
         WsClient pt = meeting.join(parties.professional())) {
      meeting.phase("proposals");
      String proposal = meeting.propose(pt, "買い物", "mutual", "近所の方との買い物同行", "歩く力を保てる");
      meeting.summarizeAndClose("地域の互助で買い物を続ける", proposal);
      caseId = meeting.publish().json().at("/entries/0/id").asText();
    }
    String unpublished = Meetings.submittedCase(parties.api(), parties.host().token());

    Workbooks.Download entry = Workbooks.get(parties.api(), "/api/v1/archive/cases/" + caseId + ".xlsx", null);

    assertThat(entry.status()).as(entry.text()).isEqualTo(200);
    assertThat(entry.disposition()).contains("filename=\"yoriai-archive-" + caseId + ".xlsx\"").contains("filename*=UTF-8''");
    try (XSSFWorkbook workbook = entry.workbook()) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
      List<List<String>> rows = Workbooks.rows(workbook.getSheetAt(0));
      assertThat(rows.get(0).get(0)).isEqualTo("買い物に行けなくなった独居の女性");
      assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("理学療法士A", "買い物").endsWith("0", "採用"));
      assertThat(rows).contains(List.of("支援の方向性", "地域の互助で買い物を続ける"));
    }
    assertThat(Workbooks.get(parties.api(), "/api/v1/archive/cases/" + unpublished + ".xlsx", null).status()).isEqualTo(404);
    assertThat(Workbooks.get(parties.api(), "/api/v1/archive/cases/" + caseId, null).contentType()).startsWith("application/json");
  }
}
