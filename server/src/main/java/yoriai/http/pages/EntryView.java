package yoriai.http.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import yoriai.archive.ArchiveEntry;
import yoriai.archive.ArchiveService;
import yoriai.shared.PublicPages;

/**
 * One archive entry as its page shows it: everything the public entry has (the case in brief, the
 * activity table, the discussion by phase with role labels, the proposals, the summary), nothing more.
 */
public record EntryView(PageHead head, String title, List<Fact> facts, List<Fact> person,
    List<ArchiveEntry.Activity> activities, String wishes, String questions, List<Fact> supports,
    List<PhaseGroup> discussion, List<ProposalView> proposals, ArchiveEntry.Summary summary, String xlsxHref) {

  /** The remarks of one phase as threads (a reply under the remark it answers). */
  public record PhaseGroup(String label, List<RemarkNode> threads) {}

  public record RemarkNode(String label, String text, List<RemarkNode> replies) {}

  /** Absent parts are null; {@code serviceHref}: the catalog page of the service it names, or null. */
  public record ProposalView(String typeLabel, boolean adopted, int endorsements, String proposedBy, String target,
      String description, String keepsAbilities, String cost, String area, String serviceHref) {}

  public static EntryView of(ArchiveEntry entry, String base) {
    String canonical = base + PublicPages.archiveEntry(entry.id());
    ArchiveEntry.Person p = entry.person() == null
        ? new ArchiveEntry.Person(null, null, null, null, null, null) : entry.person();
    String description = Texts.shorten(Texts.joined(entry.prefecture(), p.careLevel(), p.household()) + "の事例。"
        + Objects.requireNonNullElse(entry.summary() == null || entry.summary().direction() == null
            ? entry.wishes() : entry.summary().direction(), ""), Texts.DESCRIPTION_LENGTH);
    String jsonLd = JsonLd.write(JsonLd.thing("Article",
        "headline", entry.title(), "description", description, "inLanguage", "ja",
        "datePublished", entry.publishedAt() == null ? null : entry.publishedAt().toString(),
        "url", canonical, "mainEntityOfPage", canonical, "isAccessibleForFree", true,
        "keywords", Stream.concat(Stream.of(entry.prefecture(), p.careLevel(), p.household()),
            entry.activities().stream().map(ArchiveEntry.Activity::activity)).filter(Objects::nonNull).distinct().toList(),
        "spatialCoverage", entry.prefecture() == null ? null : JsonLd.thing("Place", "name", entry.prefecture()),
        "publisher", JsonLd.publisher(base)));
    return new EntryView(new PageHead(entry.title(), description, canonical, "article", jsonLd), entry.title(),
        Fact.present("都道府県", entry.prefecture(), "提供機関", entry.provider(), "公開日", Labels.date(entry.publishedAt())),
        Fact.present("年齢層", Labels.ageBand(p.ageBand()), "性別", Labels.gender(p.gender()), "要介護度", p.careLevel(),
            "世帯", p.household(), "住まい", p.housing(), "健康状態", p.health()),
        entry.activities(), entry.wishes(), entry.questions(),
        entry.supports().stream().map(s -> new Fact(Labels.supportKind(s.kind()), s.description())).toList(),
        discussion(entry.discussion()), proposals(entry.proposals()), entry.summary(),
        "/api/v1/archive/cases/" + PublicPages.encoded(entry.id()) + ".xlsx");
  }

  /**
   * The timed phases in meeting order, then any other phase in order of appearance. A reply sits
   * under its remark whatever phase it was posted in; one whose remark was hidden stands alone.
   */
  private static List<PhaseGroup> discussion(List<ArchiveEntry.Remark> remarks) {
    List<ArchiveEntry.Remark> sorted = remarks.stream().sorted(Comparator.comparingLong(ArchiveEntry.Remark::seq)).toList();
    Map<Long, List<RemarkNode>> replies = new LinkedHashMap<>();
    Map<Long, RemarkNode> nodes = new LinkedHashMap<>();
    for (ArchiveEntry.Remark remark : sorted) {
      List<RemarkNode> own = new ArrayList<>();
      replies.put(remark.seq(), own);
      nodes.put(remark.seq(), new RemarkNode(remark.label(), remark.text(), own));
    }
    Map<String, List<RemarkNode>> byPhase = new LinkedHashMap<>();
    Labels.PHASE_ORDER.forEach(phase -> byPhase.put(phase, new ArrayList<>()));
    for (ArchiveEntry.Remark remark : sorted) {
      RemarkNode node = nodes.get(remark.seq());
      Long parent = remark.replyTo();
      if (parent != null && parent != remark.seq() && nodes.containsKey(parent)) {
        replies.get(parent).add(node);
      } else {
        byPhase.computeIfAbsent(remark.phase(), phase -> new ArrayList<>()).add(node);
      }
    }
    List<PhaseGroup> groups = new ArrayList<>();
    byPhase.forEach((phase, threads) -> {
      if (!threads.isEmpty()) {
        groups.add(new PhaseGroup(Labels.phase(phase), threads));
      }
    });
    return groups;
  }

  /** Adopted first, then by endorsements. */
  private static List<ProposalView> proposals(List<ArchiveEntry.Proposal> proposals) {
    return proposals.stream()
        .sorted(Comparator.comparing(ArchiveEntry.Proposal::adopted).reversed()
            .thenComparing(Comparator.comparingInt(ArchiveEntry.Proposal::endorsements).reversed()))
        .map(p -> new ProposalView(Labels.proposalType(p.type()), p.adopted(), p.endorsements(), Texts.present(p.proposedBy()),
            Texts.present(p.targetActivity()), p.description(), Texts.present(p.keepsAbilities()), Texts.present(p.cost()),
            Texts.present(p.area()),
            p.serviceId() == null || p.serviceId().isBlank() || ArchiveService.REDACTED.equals(p.serviceId()) ? null : PublicPages.catalogService(p.serviceId())))
        .toList();
  }
}
