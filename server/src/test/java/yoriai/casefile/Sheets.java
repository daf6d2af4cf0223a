package yoriai.casefile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import yoriai.testing.Json;

/** Case sheets as a client would send them: one clean, one carrying the PII of the acceptance. */
final class Sheets {
  static final String NAME = "山田花子様";
  static final String PHONE = "090-1234-5678";
  static final String POSTAL_CODE = "〒370-0001";
  static final String ADDRESS = "高崎市八島町1丁目2番3号";
  static final String BIRTH_DATE = "昭和15年4月1日生";

  private Sheets() {}

  static ObjectNode clean() {
    ObjectNode sheet = Json.object()
        .put("title", "買い物に行けなくなった独居の女性")
        .put("prefecture", "群馬県")
        .put("provider", "高崎市");
    sheet.putObject("person")
        .put("ageBand", "80-84").put("gender", "female").put("careLevel", "要支援2").put("household", "独居")
        .put("housing", "高崎市の郊外にある二階建ての一軒家。最寄りのスーパーまで1.5km")
        .put("health", "高血圧で通院中。膝の痛みがある");
    ArrayNode activities = sheet.putArray("activities");
    activities.addObject().put("activity", "買い物").put("level", "一部介助")
        .put("canDo", "近所のコンビニまでは歩いて行ける").put("difficulty", "重い荷物を持って帰れない");
    sheet.put("wishes", "自分で選んで買い物を続けたい");
    sheet.putArray("supports").addObject().put("kind", "informal").put("description", "長女が週1回訪問");
    sheet.put("questions", "移動販売や配達の選択肢はあるか");
    return sheet;
  }

  static ObjectNode withPii() {
    ObjectNode sheet = clean();
    ((ObjectNode) sheet.get("person"))
        .put("housing", POSTAL_CODE + " " + ADDRESS + "の二階建て")
        .put("health", BIRTH_DATE + "。高血圧で通院中");
    ((ObjectNode) sheet.get("activities").get(0)).put("difficulty", NAME + "は重い荷物を持って帰れない");
    ((ObjectNode) sheet.get("supports").get(0)).put("description", "長女（" + PHONE + "）が週1回訪問");
    return sheet;
  }
}
