package yoriai.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small hand-written entries for focused tests; unset parts get neutral text. */
final class Entries {
  private final String id;
  private String title = "事例";
  private String wishes = "住み慣れた地域で暮らし続けたい";
  private String prefecture = "群馬県";
  private String careLevel = "要支援2";
  private String household = "子と同居";
  private Instant publishedAt = Instant.parse("2024-04-01T00:00:00Z");
  private final List<ArchiveEntry.Activity> activities = new ArrayList<>();
  private final List<ArchiveEntry.Proposal> proposals = new ArrayList<>();
  private final List<ArchiveEntry.Remark> discussion = new ArrayList<>();

  private Entries(String id) {
    this.id = id;
  }

  static Entries entry(String id) {
    return new Entries(id);
  }

  Entries title(String value) {
    title = value;
    return this;
  }

  Entries wishes(String value) {
    wishes = value;
    return this;
  }

  Entries prefecture(String value) {
    prefecture = value;
    return this;
  }

  Entries careLevel(String value) {
    careLevel = value;
    return this;
  }

  Entries household(String value) {
    household = value;
    return this;
  }

  Entries publishedAt(String value) {
    publishedAt = Instant.parse(value);
    return this;
  }

  Entries activity(String value) {
    activities.add(new ArchiveEntry.Activity(value, "一部介助", "できる部分がある", "難しい部分がある"));
    return this;
  }

  Entries proposal(String type) {
    proposals.add(new ArchiveEntry.Proposal("p" + proposals.size(), "理学療法士A", null, type, "提案", null, null,
        null, null, 0, false));
    return this;
  }

  Entries remark(String text) {
    discussion.add(new ArchiveEntry.Remark(discussion.size() + 1, "advice", "理学療法士A", text, null));
    return this;
  }

  ArchiveEntry build() {
    return new ArchiveEntry(id, title, prefecture, "中央市", publishedAt,
        new ArchiveEntry.Person("80-84", "female", careLevel, household, null, null),
        activities, wishes, null, List.of(), discussion, proposals,
        new ArchiveEntry.Summary("できることを続ける", List.of(), List.of(), List.of()));
  }
}
