package yoriai.archive;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import yoriai.shared.Prefectures;

/**
 * Deterministic synthetic archive for the search evaluation and the benchmark. Every phrase that
 * names a care concept goes through {@link #say}, which picks one of the concept's spellings and
 * records the concept, so the ground truth ("this entry is about shopping") is exact while the
 * text uses 買い物, 買物 or お買い物 at random. Other text never names a concept.
 */
final class ArchiveCorpus {

  enum Concept {
    SHOPPING("買い物", "買物", "お買い物"),
    GARBAGE("ゴミ出し", "ごみ出し", "ゴミ捨て"),
    COOKING("調理", "料理"),
    BATH("入浴", "お風呂"),
    SALON("通いの場", "サロン", "集いの場"),
    ALONE("独居", "一人暮らし", "ひとり暮らし", "単身"),
    COUPLE("高齢夫婦", "老老介護"),
    MEAL("配食", "宅配弁当", "配食サービス"),
    WATCH("見守り", "安否確認"),
    MOBILE_SHOP("移動販売", "移動スーパー"),
    DEMENTIA("認知症", "物忘れ"),
    DAY_SERVICE("デイサービス", "通所介護"),
    HELPER("ヘルパー", "訪問介護", "ホームヘルパー"),
    TRANSPORT("送迎", "送迎サービス"),
    ESCORT("付き添い", "付添", "同行"),
    APPLICATION("申し込み", "申込"),
    FALL("転倒");

    final List<String> spellings;

    Concept(String... spellings) {
      this.spellings = List.of(spellings);
    }
  }

  /** An entry and what it is about: concept names and {@code care:<level>}. */
  record Generated(ArchiveEntry entry, Set<String> about) {}

  static final List<String> CARE_LEVELS = List.of(
      "事業対象者", "要支援1", "要支援2", "要介護1", "要介護2", "要介護3", "要介護4", "要介護5");
  static final List<String> TYPES = List.of("market", "mutual", "public", "hybrid");
  private static final String[] ACTIVITIES = {
      "買い物", "ゴミ出し", "調理", "入浴", "通いの場", "掃除", "洗濯", "外出・移動", "金銭管理", "服薬"};
  private static final Concept[] ACTIVITY_CONCEPTS = {
      Concept.SHOPPING, Concept.GARBAGE, Concept.COOKING, Concept.BATH, Concept.SALON,
      null, null, null, null, null};
  private static final String[][] ACTIVITY_TEXT = {
      {"近所の店まで歩いて%sに行ける", "重い荷物を持ち帰る%sが難しい"},
      {"分別は自分でできる", "集積所まで%sに行くのが負担になっている"},
      {"簡単な%sはできる", "火の始末が心配で%sを控えている"},
      {"%sは好きで楽しみにしている", "浴槽をまたぐのが怖く%sの回数が減った"},
      {"%sには以前から顔を出していた", "足が弱って%sに行けていない"},
      {"居間の掃除は自分でできる", "浴室の掃除が難しい"},
      {"洗濯機は使える", "洗濯物を干すのが大変"},
      {"近所は杖で歩ける", "坂道とバスの乗り降りが不安"},
      {"日々の支払いはできる", "通帳の管理に不安がある"},
      {"薬の名前は分かる", "朝の薬を飲み忘れることがある"}};
  private static final Concept[] EXTRAS = {
      Concept.MEAL, Concept.WATCH, Concept.DAY_SERVICE, Concept.HELPER, Concept.MOBILE_SHOP,
      Concept.DEMENTIA, Concept.FALL, Concept.TRANSPORT, Concept.ESCORT, Concept.APPLICATION};
  private static final String[] LABELS = {
      "理学療法士A", "作業療法士A", "管理栄養士A", "歯科衛生士A", "薬剤師A", "ケアマネジャーA",
      "生活支援コーディネーターA", "看護師B", "株式会社みどり商店"};
  private static final String[] GENERIC_REMARKS = {
      "本人のできることを中心に考えたいと思います。",
      "家族の負担も合わせて確認しておきたいです。",
      "地域にある資源を一緒に探していきましょう。",
      "体力を保つために日中の活動量を増やす工夫が必要です。",
      "本人の意向を丁寧に聞き取ることが大切です。"};
  private static final String[] CITIES = {"中央市", "北山町", "南浜市", "東野村", "西川市", "青葉区"};
  private static final Instant EPOCH = Instant.parse("2021-01-05T01:00:00Z");

  private ArchiveCorpus() {}

  static List<Generated> generate(int count, long seed) {
    Random random = new Random(seed);
    List<Generated> corpus = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      corpus.add(new Writer(random).entry(String.format("arc-%05d", i)));
    }
    return corpus;
  }

  /**
   * {@code count} synthetic entries with the hand-written cases of {@link SentenceCases} and the
   * decoys of {@link HeldOutCases} mixed in
   * among them at even intervals, so the labelled sentences compete with the templates.
   */
  static List<ArchiveEntry> withHandWritten(int count, long seed) {
    List<ArchiveEntry> entries = new ArrayList<>(generate(count, seed).stream().map(Generated::entry).toList());
    List<ArchiveEntry> handWritten = new ArrayList<>(SentenceCases.ENTRIES);
    handWritten.addAll(HeldOutCases.DECOYS);
    int every = Math.max(1, entries.size() / handWritten.size());
    for (int i = 0; i < handWritten.size(); i++) {
      entries.add(Math.min(entries.size(), i * (every + 1)), handWritten.get(i));
    }
    return entries;
  }

  /** Writes one entry; {@link #about} collects what its text named. */
  private static final class Writer {
    private final Random random;
    private final Set<String> about = new LinkedHashSet<>();

    Writer(Random random) {
      this.random = random;
    }

    String say(Concept concept) {
      about.add(concept.name());
      return pick(concept.spellings);
    }

    Generated entry(String id) {
      String careLevel = pick(CARE_LEVELS);
      about.add("care:" + careLevel);
      int householdKind = random.nextInt(100);
      String household;
      String householdPhrase;
      if (householdKind < 35) {
        household = "独居";
        householdPhrase = say(Concept.ALONE);
      } else if (householdKind < 60) {
        household = "高齢夫婦";
        householdPhrase = say(Concept.COUPLE) + "世帯";
        about.add(Concept.COUPLE.name());
      } else if (householdKind < 85) {
        household = "子と同居";
        householdPhrase = "子と同居";
      } else {
        household = "その他";
        householdPhrase = "親族と暮らす";
      }
      if (household.equals("独居")) {
        about.add(Concept.ALONE.name());
      }

      List<Integer> chosen = distinct(1 + random.nextInt(3), ACTIVITIES.length);
      List<ArchiveEntry.Activity> activities = new ArrayList<>();
      List<String> activityWords = new ArrayList<>();
      for (int a : chosen) {
        Concept concept = ACTIVITY_CONCEPTS[a];
        if (concept != null) {
          about.add(concept.name());
        }
        activityWords.add(concept == null ? ACTIVITIES[a] : say(concept));
        activities.add(new ArchiveEntry.Activity(ACTIVITIES[a], pick(List.of("自立", "見守り", "一部介助")),
            text(ACTIVITY_TEXT[a][0], concept), text(ACTIVITY_TEXT[a][1], concept)));
      }
      String gender = random.nextBoolean() ? "female" : "male";
      String title = householdPhrase + "の" + (gender.equals("female") ? "女性" : "男性") + "、"
          + activityWords.get(0) + "が難しくなった事例";

      List<String> health = new ArrayList<>(List.of("高血圧で通院している。"));
      List<ArchiveEntry.Support> supports = new ArrayList<>();
      List<ArchiveEntry.Remark> discussion = new ArrayList<>();
      List<ArchiveEntry.Proposal> proposals = new ArrayList<>();
      for (int e : distinct(random.nextInt(3), EXTRAS.length)) {
        Concept extra = EXTRAS[e];
        switch (extra) {
          case MEAL -> supports.add(new ArchiveEntry.Support("market", "週3回の" + say(extra) + "を利用している"));
          case WATCH -> supports.add(new ArchiveEntry.Support("informal", "民生委員による" + say(extra) + "がある"));
          case DAY_SERVICE -> supports.add(new ArchiveEntry.Support("formal", "週2回" + say(extra) + "に通っている"));
          case HELPER -> supports.add(new ArchiveEntry.Support("formal", say(extra) + "が週1回入っている"));
          case DEMENTIA -> health.add("軽い" + say(extra) + "の症状がある。");
          case FALL -> health.add("昨年" + say(extra) + "して骨折した。");
          case MOBILE_SHOP -> proposals.add(proposal("market", say(extra) + "の巡回ルートに自宅の近くを加えてもらう", activities));
          case TRANSPORT -> proposals.add(proposal("public", "地域の" + say(extra) + "を使って通院を続ける", activities));
          case ESCORT -> proposals.add(proposal("mutual", "近所の住民が" + say(extra) + "して一緒に出かける", activities));
          case APPLICATION -> discussion.add(remark(discussion, "サービスの" + say(extra) + "方法を本人と確認したいです。"));
          default -> throw new IllegalStateException(extra.name());
        }
      }
      for (int p = 0, n = 1 + random.nextInt(2); p < n; p++) {
        String type = pick(TYPES);
        proposals.add(proposal(type, typeText(type, pick(activityWords)), activities));
      }
      for (int r = 0, n = 2 + random.nextInt(4); r < n; r++) {
        discussion.add(remark(discussion, random.nextInt(3) == 0
            ? pick(activityWords) + "について、本人ができる部分はどこまでですか。"
            : GENERIC_REMARKS[random.nextInt(GENERIC_REMARKS.length)]));
      }
      String main = activityWords.get(0);
      ArchiveEntry.Summary summary = new ArchiveEntry.Summary(
          main + "の一部だけを支え、本人ができることを続ける。",
          List.of(new ArchiveEntry.RegionalIssue("坂の多い地区で" + main + "の手段が不足している",
              List.of(activities.get(0).activity()))),
          List.of("夕方に使える移動手段"), List.of("3か月後に状況を確認する"));
      String prefecture = pick(Prefectures.NAMES);
      ArchiveEntry entry = new ArchiveEntry(id, title, prefecture, pick(List.of(CITIES)),
          EPOCH.plus(Duration.ofHours(random.nextInt(5 * 365 * 24))),
          new ArchiveEntry.Person(pick(List.of("75-79", "80-84", "85-89", "90-94")), gender,
              careLevel, household, "築40年の戸建て住宅", String.join("", health)),
          activities, "できることは続けながら、住み慣れた地域で暮らし続けたい",
          "本人のできる部分を残す支援の組み合わせを知りたい", supports, discussion, proposals, summary);
      return new Generated(entry, Set.copyOf(about));
    }

    private String text(String template, Concept concept) {
      return template.contains("%s") ? String.format(template, say(concept)) : template;
    }

    private ArchiveEntry.Proposal proposal(String type, String description,
        List<ArchiveEntry.Activity> activities) {
      return new ArchiveEntry.Proposal("p" + random.nextInt(1_000_000), "企業A",
          pick(activities).activity(), type, description, "本人が選ぶ・支払う部分は自分で続ける",
          null, "月額数千円程度", "市内全域", random.nextInt(8), random.nextBoolean());
    }

    private static String typeText(String type, String activity) {
      return switch (type) {
        case "market" -> "民間事業者のサービスで" + activity + "の負担を減らす";
        case "mutual" -> "近所の住民が声をかけて" + activity + "を手伝う";
        case "public" -> "総合事業の枠組みで" + activity + "を支える";
        default -> "市の補助と商店の協力を組み合わせて" + activity + "を支える";
      };
    }

    private ArchiveEntry.Remark remark(List<ArchiveEntry.Remark> so, String text) {
      long seq = so.size() + 1;
      Long replyTo = seq > 1 && random.nextInt(3) == 0 ? seq - 1 : null;
      return new ArchiveEntry.Remark(seq, pick(List.of("questions", "advice", "proposals")),
          LABELS[random.nextInt(LABELS.length)], text, replyTo);
    }

    private List<Integer> distinct(int count, int bound) {
      List<Integer> all = new ArrayList<>();
      for (int i = 0; i < bound; i++) {
        all.add(i);
      }
      java.util.Collections.shuffle(all, random);
      return all.subList(0, count);
    }

    private <T> T pick(List<T> values) {
      return values.get(random.nextInt(values.size()));
    }
  }
}
