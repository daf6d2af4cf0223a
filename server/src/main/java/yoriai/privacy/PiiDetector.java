package yoriai.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds personal data in the free-text fields of a case file. Stateless and thread-safe.
 *
 * <p>When two findings overlap, only the longer one is kept (on a tie, the kind detected first in
 * {@link #DETECTORS} order), so each piece of text is reported once: 〒370-0001 is a postal code,
 * not also a phone fragment.
 */
public final class PiiDetector {

  private static final List<KindDetector> DETECTORS = List.of(
      new EmailDetector(),
      new NumberDetector(),
      new PostalCodeDetector(),
      new BirthDateDetector(),
      new AddressDetector(),
      new ExactAgeDetector(),
      new PersonNameDetector());

  public PiiDetector() {}

  public List<PiiFinding> scan(String field, String text, Set<String> allowList) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String folded = WidthFolding.fold(text);
    AllowList allowed = AllowList.in(folded, allowList == null ? Set.of() : allowList);
    List<Span> candidates = DETECTORS.stream()
        .flatMap(detector -> detector.find(folded).stream())
        .filter(span -> !allowed.covers(span))
        .toList();
    return withoutOverlaps(candidates).stream()
        .sorted(Comparator.comparingInt(Span::start))
        .map(span -> new PiiFinding(field, span.start(), span.end(), span.kind()))
        .toList();
  }

  /** Scans every field; the map's iteration order is the order of the findings. */
  public List<PiiFinding> scanAll(Map<String, String> fieldsToText, Set<String> allowList) {
    List<PiiFinding> findings = new ArrayList<>();
    fieldsToText.forEach((field, text) -> findings.addAll(scan(field, text, allowList)));
    return findings;
  }

  /**
   * The kept spans are disjoint, so the only one that can overlap a candidate is the kept span
   * starting last before the candidate ends: a lookup in a sorted map, not a pass over all of them.
   */
  private static Collection<Span> withoutOverlaps(List<Span> candidates) {
    List<Span> longestFirst = candidates.stream().sorted(Comparator.comparingInt(Span::length).reversed()).toList();
    TreeMap<Integer, Span> kept = new TreeMap<>();
    for (Span span : longestFirst) {
      Map.Entry<Integer, Span> before = kept.lowerEntry(span.end());
      if (before == null || !before.getValue().overlaps(span)) {
        kept.put(span.start(), span);
      }
    }
    return kept.values();
  }
}
