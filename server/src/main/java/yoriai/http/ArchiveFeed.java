package yoriai.http;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import yoriai.archive.ArchiveEntry;
import yoriai.archive.SearchQuery;
import yoriai.http.pages.QueryString;
import yoriai.http.pages.Texts;
import yoriai.shared.LastChange;
import yoriai.shared.PublicPages;

/**
 * An Atom feed (RFC 4287) of newly published cases: all of them, or those of one prefecture, one
 * activity or both ({@link Follows}). Links are the entries' public pages.
 */
final class ArchiveFeed {
  static final String PATH = "/api/v1/archive/feed.atom";
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String TITLE = "寄り合い 公開アーカイブ";
  private static final String FEED_URN = "urn:yoriai:archive:feed";

  private ArchiveFeed() {}

  /** What a feed follows: a prefecture and an activity, each null for any. */
  record Follows(String prefecture, String activity) {

    SearchQuery query() {
      return SearchQuery.text(null).prefecture(prefecture).activity(activity);
    }

    /** {@code 寄り合い 公開アーカイブ: 群馬県の「買い物」の事例}, or the plain title when it follows everything. */
    String title() {
      if (prefecture == null && activity == null) {
        return TITLE;
      }
      String place = prefecture == null ? "" : prefecture + "の";
      String activityPart = activity == null ? "" : "「" + activity + "」の";
      return TITLE + ": " + place + activityPart + "事例";
    }

    /** {@code path} asking for this feed's cases: the feed and the search page take the same query. */
    String link(String path) {
      return new QueryString(path).with("prefecture", prefecture).with("activity", activity).href();
    }

    /** A URN (RFC 8141) naming this feed: {@code urn:yoriai:archive:feed}, then {@code :prefecture=…} percent-encoded. */
    String id() {
      String query = link("");
      return FEED_URN + (query.isEmpty() ? "" : ":" + query.substring(1));
    }
  }

  /**
   * The feed of {@code entries} (newest first), with absolute links under {@code base}. Each entry's
   * {@code updated} is its last change ({@code changes}: publication or latest redaction), so a reader
   * fetches a redacted text again; the feed's is the newest of them, or {@code now} when it has none.
   */
  static String write(List<ArchiveEntry> entries, List<LastChange> changes, Follows follows, String base, Instant now) {
    Map<String, Instant> changed = changes.stream().filter(change -> change.at() != null)
        .collect(Collectors.toMap(LastChange::id, LastChange::at));
    Function<ArchiveEntry, Instant> updated = entry -> changed.getOrDefault(entry.id(), entry.publishedAt());
    Xml xml = new Xml("feed", ATOM).language("ja")
        .element("title", follows.title())
        .element("id", follows.id())
        .element("updated", entries.stream().map(updated).max(Comparator.naturalOrder()).orElse(now));
    link(xml, "self", "application/atom+xml", base + follows.link(PATH));
    link(xml, "alternate", "text/html", base + follows.link(PublicPages.ARCHIVE));
    xml.start("author").element("name", "Yoriai").end();
    for (ArchiveEntry entry : entries) {
      xml.start("entry")
          .element("id", "urn:yoriai:archive:" + entry.id())
          .element("title", entry.title());
      link(xml, "alternate", "text/html", base + PublicPages.archiveEntry(entry.id()));
      xml.element("published", entry.publishedAt())
          .element("updated", updated.apply(entry))
          .element("summary", summary(entry))
          .end();
    }
    return xml.finish();
  }

  private static void link(Xml xml, String rel, String type, String href) {
    xml.start("link").attribute("rel", rel).attribute("type", type).attribute("href", href).end();
  }

  private static String summary(ArchiveEntry entry) {
    return Texts.joined(entry.prefecture(), entry.person() == null ? null : entry.person().careLevel(),
        entry.summary() == null ? null : entry.summary().direction());
  }
}
