package yoriai.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import yoriai.shared.Json;

/**
 * A realistic, entirely fictional sample in Japanese for {@code ./scripts/run --demo}: a few
 * organizations and accounts, market services of the kinds named in public examples, two cases
 * (a woman who can no longer shop alone, a couple who struggle to take out the garbage), one
 * meeting already published and one under way for tomorrow. Loaded once,
 * through the public API, when the demo host account does not exist yet.
 */
final class DemoSeed {
  static final String ADMIN_EMAIL = "admin@yoriai.example";
  static final String ADMIN_PASSWORD = "yoriai-demo-admin";
  static final String PASSWORD = "yoriai-demo-2026";
  private static final String HOST_EMAIL = "host@takasaki.yoriai.example";

  private final DemoClient client;
  private final String admin;
  private String hostToken;
  private String meetingId;

  private DemoSeed(DemoClient client, String admin) {
    this.client = client;
    this.admin = admin;
  }

  static void load(String baseUrl, String adminEmail, String adminPassword) {
    DemoClient client = new DemoClient(baseUrl);
    String admin = client.login(adminEmail, adminPassword);
    boolean loaded = false;
    for (JsonNode account : client.get("/api/v1/accounts", admin).get("accounts")) {
      loaded |= account.get("email").asText().equals(HOST_EMAIL);
    }
    if (!loaded) {
      new DemoSeed(client, admin).seed();
    }
  }

  private void seed() {
    String host = account(HOST_EMAIL, "高崎 美咲", "municipality", "高崎市", "municipality", null);
    String sc = account("sc@takasaki.yoriai.example", "中村 航", "municipality", "高崎市", "municipality", "生活支援コーディネーター");
    String pt = account("pt@hoken.yoriai.example", "小林 彩", "professional", "たかさき中央地域包括支援センター", "support_center", "理学療法士");
    String dietitian = account("rd@hoken.yoriai.example", "加藤 陽子", "professional", "ほほえみ訪問看護ステーション", "care_provider", "管理栄養士");
    String market = account("staff@mirai-mart.yoriai.example", "佐々木 健", "company", "株式会社みらいマート", "company", null);
    String meals = account("staff@yoriai-haishoku.yoriai.example", "山本 恵", "company", "よりあい配食株式会社", "company", null);
    client.put("/api/v1/auth/me/preferences", market, Json.mapper().createObjectNode().put("showCompanyName", true));

    String slowLane = service(market, "ゆっくりレジ（みらいマート高崎店）", "買い物支援",
        "毎週火・金の午前に、高齢のお客様が急がずに会計できる専用レジを開けています。店員が袋詰めを手伝い、重い商品は配達も受け付けます。",
        "無料（配達は3,000円以上で無料）", "店内のご案内カウンターでお声がけください。", "10", "10202", "高崎市");
    String mobileSales = service(market, "移動スーパー「みらい号」", "移動販売",
        "軽トラックの移動スーパーが週2回、集会所や公民館の前に停車します。運行予定は市の公式LINEアカウントでお知らせしています。",
        "商品価格＋1点10円", "市の公式LINEで停車場所と時刻をご確認ください。", "10", "10202", "高崎市");
    service(meals, "よりあい夕食便", "配食",
        "管理栄養士が献立を作る夕食のお弁当を手渡しで届け、受け取りの際に様子を確認します。",
        "1食620円", "前日15時までに電話またはウェブで注文。", "10", null, "群馬県");
    service(meals, "認知症にやさしい企業ネットワーク", "見守り",
        "加盟企業の従業員が認知症サポーター養成講座を受け、店頭や配達先で気になる様子があれば地域包括支援センターへつなぎます。",
        "無料", "加盟は企業単位で受け付けます。", "10", null, "群馬県");
    service(meals, "宅配事業者との見守り協定", "安否確認",
        "宅配・新聞・生協の配達員が、郵便物がたまっているなど異変に気づいたときに市へ連絡する協定です。",
        "無料", "市の地域包括ケア推進課へお問い合わせください。", "10", "10202", "高崎市");

    String shopping = caseSheet(host, "買い物に行けなくなった独居の女性", "要支援2", "独居",
        "市の郊外の一軒家に一人暮らし。最寄りのスーパーまで1.5km、バス停まで徒歩10分。",
        "変形性膝関節症で長く歩くと痛む。高血圧で通院中。",
        "自分で選んで買い物を続けたい。近所の人との立ち話も楽しみにしている。",
        "移動販売や配達など、本人が選ぶ楽しみを残せる方法はあるか。",
        activity("買い物", "一部介助", "近所のコンビニまでは歩いて行ける。献立を考えて商品を選ぶのは得意。", "重い荷物を持って坂を上れない。レジで急かされると焦ってしまう。"),
        activity("調理", "見守り", "簡単な煮物や味噌汁は作れる。", "立ち仕事が続くと膝が痛む。"),
        activity("外出・移動", "見守り", "天気の良い日は杖で散歩できる。", "バスの乗り降りが不安。"));
    String garbage = caseSheet(host, "ゴミ出しが難しくなった高齢夫婦", "要介護1", "高齢夫婦",
        "集合住宅の3階、エレベーターなし。集積所まで階段と坂がある。",
        "夫は脳梗塞の後遺症で右手に軽い麻痺。妻は腰痛がある。",
        "夫婦で今の住まいに住み続けたい。", "近所の支え合いで補える部分はどこか。",
        activity("ゴミ出し", "一部介助", "分別は夫婦で協力してできる。", "袋を持って階段を下りるのが難しい。"),
        activity("通いの場", "見守り", "妻は週1回のサロンに通っている。", "夫は外出の機会が減っている。"));

    publishMeeting(host, shopping, new String[] {sc, pt, dietitian, market, meals}, mobileSales, slowLane);
    openMeeting(host, garbage, sc, pt);
  }

  /** Tomorrow's open meeting, already under way in its questions, so the demo shows a live room too. */
  private void openMeeting(String host, String caseId, String sc, String pt) {
    ObjectNode meeting = Json.mapper().createObjectNode().put("title", "高崎市 第4回 地域ケア会議（ゴミ出し）")
        .put("visibility", "open").put("startsAt", OffsetDateTime.now(ZoneOffset.ofHours(9)).plusDays(1)
            .withHour(14).withMinute(0).withSecond(0).withNano(0).toString());
    meeting.putArray("caseIds").add(caseId);
    String id = client.post("/api/v1/meetings", host, meeting).get("id").asText();
    DemoClient.Socket h = client.join(id, host);
    DemoClient.Socket coordinator = client.join(id, sc);
    DemoClient.Socket therapist = client.join(id, pt);
    phase(h, "presentation");
    post(coordinator, "3階にお住まいのご夫婦です。分別はお二人でできていますが、袋を持って階段を下りるところが難しくなっています。");
    phase(h, "questions");
    post(therapist, "ご主人の麻痺は右手だけですか？手すりを使えば階段の昇り降りはできますか。");
    post(coordinator, "右手のみです。手すりがあれば昇り降りはできますが、荷物を持つと片手がふさがります。");
    for (DemoClient.Socket socket : new DemoClient.Socket[] {h, coordinator, therapist}) {
      socket.close();
    }
  }

  private void publishMeeting(String host, String caseId, String[] guests, String mobileSales, String slowLane) {
    ObjectNode meeting = Json.mapper().createObjectNode().put("title", "高崎市 第3回 地域ケア会議（買い物支援）")
        .put("visibility", "open").put("startsAt", OffsetDateTime.now(ZoneOffset.ofHours(9)).withNano(0).toString());
    meeting.putArray("caseIds").add(caseId);
    meetingId = client.post("/api/v1/meetings", host, meeting).get("id").asText();
    DemoClient.Socket h = client.join(meetingId, host);
    DemoClient.Socket sc = client.join(meetingId, guests[0]);
    DemoClient.Socket pt = client.join(meetingId, guests[1]);
    DemoClient.Socket rd = client.join(meetingId, guests[2]);
    DemoClient.Socket market = client.join(meetingId, guests[3]);
    DemoClient.Socket meals = client.join(meetingId, guests[4]);
    phase(h, "presentation");
    post(sc, "80代前半の女性で一人暮らしです。買い物の『選ぶ』ところはご自身でできていて、運ぶところが難しくなっています。");
    phase(h, "questions");
    post(pt, "膝の痛みは階段と坂、どちらで強く出ますか？歩行距離の目安も教えてください。");
    post(sc, "坂の上りで痛みが出ます。平らな道なら500mほどは休まず歩けます。");
    phase(h, "advice");
    post(pt, "荷物を持たない形なら歩行は続けた方が良いです。カート型の買い物バッグで膝への負担を減らせます。");
    post(rd, "調理は座ってできる工程を増やすと続けやすいです。夕食だけ配食にして、昼は自炊を続ける組み合わせもあります。");
    phase(h, "proposals");
    String van = propose(market, "買い物", "market", "移動スーパー「みらい号」の停車場所を自宅近くの集会所に追加する",
        "商品を自分で見て選ぶ楽しみと、近所の人との会話が続く", mobileSales);
    String lane = propose(market, "買い物", "hybrid", "月1回は家族の送迎でスーパーへ行き、ゆっくりレジと配達サービスを使う",
        "店内を歩いて選ぶ力を保ち、運ぶ部分だけを支える", slowLane);
    String dinner = propose(meals, "調理", "market", "夕食のみ配食サービスを週3回利用する", "昼食は自分で作り続けられる", null);
    endorse(pt, van);
    endorse(sc, van);
    endorse(rd, dinner);
    endorse(pt, lane);
    phase(h, "summary");
    ObjectNode summary = Json.mapper().createObjectNode()
        .put("direction", "本人が選ぶ部分は続け、運ぶ部分だけを移動販売と配達で補う。膝の負担を減らしながら歩く機会を保つ。");
    summary.putArray("adoptedProposalIds").add(van).add(dinner);
    ArrayNode issues = summary.putArray("regionalIssues");
    issues.addObject().put("text", "郊外の住宅地で買い物の移動手段が不足している").putArray("tags").add("買い物").add("移動");
    issues.addObject().put("text", "移動販売の停車場所の情報が高齢者に届きにくい").putArray("tags").add("情報");
    summary.putArray("missingResources").add("坂の多い地区での買い物同行ボランティア");
    summary.putArray("followUps").add("3か月後に生活支援コーディネーターが状況を確認する");
    client.put("/api/v1/meetings/" + meetingId + "/summary", hostToken, summary);
    phase(h, "closed");
    for (DemoClient.Socket socket : new DemoClient.Socket[] {h, sc, pt, rd, market, meals}) {
      socket.close();
    }
    client.post("/api/v1/meetings/" + meetingId + "/publish", hostToken, Json.mapper().createObjectNode());
  }

  private String account(String email, String name, String role, String organization, String kind, String profession) {
    ObjectNode body = Json.mapper().createObjectNode().put("email", email).put("password", PASSWORD)
        .put("displayName", name).put("role", role);
    body.putObject("organization").put("name", organization).put("kind", kind).put("prefecture", "群馬県");
    if (profession != null) {
      body.put("profession", profession);
    }
    client.post("/api/v1/accounts", admin, body);
    String token = client.login(email, PASSWORD);
    if (email.equals(HOST_EMAIL)) {
      hostToken = token;
    }
    return token;
  }

  private String service(String token, String name, String category, String description, String price, String howToUse,
      String prefectureCode, String municipalityCode, String areaName) {
    ObjectNode body = Json.mapper().createObjectNode().put("name", name).put("category", category)
        .put("description", description).put("price", price).put("howToUse", howToUse);
    ObjectNode area = body.putArray("areas").addObject().put("prefectureCode", prefectureCode).put("name", areaName);
    if (municipalityCode != null) {
      area.put("municipalityCode", municipalityCode);
    }
    return client.post("/api/v1/catalog/services", token, body).get("id").asText();
  }

  private String caseSheet(String token, String title, String careLevel, String household, String housing, String health,
      String wishes, String questions, ObjectNode... activities) {
    ObjectNode sheet = Json.mapper().createObjectNode().put("title", title).put("prefecture", "群馬県").put("provider", "高崎市");
    sheet.putObject("person").put("ageBand", "80-84").put("gender", "female").put("careLevel", careLevel)
        .put("household", household).put("housing", housing).put("health", health);
    ArrayNode list = sheet.putArray("activities");
    for (ObjectNode activity : activities) {
      list.add(activity);
    }
    sheet.put("wishes", wishes).put("questions", questions);
    sheet.putArray("supports").addObject().put("kind", "informal").put("description", "長女が月に2回訪ねてくる");
    String id = client.post("/api/v1/cases", token, sheet).get("id").asText();
    client.post("/api/v1/cases/" + id + "/submit", token, Json.mapper().createObjectNode());
    return id;
  }

  private static ObjectNode activity(String activity, String level, String canDo, String difficulty) {
    return Json.mapper().createObjectNode().put("activity", activity).put("level", level)
        .put("canDo", canDo).put("difficulty", difficulty);
  }

  private static void phase(DemoClient.Socket host, String to) {
    host.command("phase", Json.mapper().createObjectNode().put("to", to));
  }

  private static void post(DemoClient.Socket who, String text) {
    who.command("post", Json.mapper().createObjectNode().put("text", text));
  }

  private String propose(DemoClient.Socket who, String activity, String type, String description, String keeps, String serviceId) {
    ObjectNode fields = Json.mapper().createObjectNode();
    ObjectNode proposal = fields.putObject("proposal").put("targetActivity", activity).put("type", type)
        .put("description", description).put("keepsAbilities", keeps);
    if (serviceId != null) {
      proposal.put("serviceId", serviceId);
    }
    long seq = who.command("propose", fields);
    JsonNode events = client.get("/api/v1/meetings/" + meetingId + "/events?after=" + (seq - 1) + "&limit=1", hostToken);
    return events.at("/events/0/data/proposalId").asText();
  }

  private static void endorse(DemoClient.Socket who, String proposalId) {
    who.command("endorse", Json.mapper().createObjectNode().put("proposalId", proposalId));
  }
}
