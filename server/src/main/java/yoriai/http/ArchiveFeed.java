package yoriai.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import yoriai.archive.ArchiveEntry;
import yoriai.archive.SearchQuery;
import yoriai.shared.PublicPages;

/**
 * An Atom feed (RFC 4287) of newly published cases: all of them, or those of one prefecture, one
 * activity or both ({@link Follows}). Links are the entries' public pages.
 */
final class ArchiveFeed {
  static final String PATH = "/api/v1/archive/feed.atom";
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String TITLE = "寄り合い 公開アーカイブ";

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

    /** The query string that asks for this feed (empty or starting with {@code ?}); the search page takes the same one. */
    String queryString() {
      Map<String, String> params = new LinkedHashMap<>();
      if (prefecture != null) {
        params.put("prefecture", prefecture);
      }
      if (activity != null) {
        params.put("activity", activity);
      }
      return params.isEmpty() ? "" : params.entrySet().stream()
          .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&", "?", ""));
    }
  }

  /** The feed of {@code entries} (newest first), with absolute links under {@code base}. */
  static String write(List<ArchiveEntry> entries, Follows follows, String base) {
    Instant updated = entries.isEmpty() ? Instant.EPOCH : entries.get(0).publishedAt();
    Xml xml = new Xml("feed", ATOM).language("ja")
        .element("title", follows.title())
        .element("id", "urn:yoriai:archive" + follows.queryString())
        .element("updated", updated);
    link(xml, "self", "application/atom+xml", base + PATH + follows.queryString());
    link(xml, "alternate", "text/html", base + PublicPages.ARCHIVE + follows.queryString());
    xml.start("author").element("name", "Yoriai").end();
    for (ArchiveEntry entry : entries) {
      xml.start("entry")
          .element("id", "urn:yoriai:archive:" + entry.id())
          .element("title", entry.title());
      link(xml, "alternate", "text/html", base + PublicPages.archiveEntry(entry.id()));
      xml.element("published", entry.publishedAt())
          .element("updated", entry.publishedAt())
          .element("summary", summary(entry))
          .end();
    }
    return xml.finish();
  }

  private static void link(Xml xml, String rel, String type, String href) {
    xml.start("link").attribute("rel", rel).attribute("type", type).attribute("href", href).end();
  }

  private static String summary(ArchiveEntry entry) {
    String careLevel = entry.person() == null ? "" : entry.person().careLevel();
    return entry.prefecture() + " ・ " + careLevel + (entry.summary() == null ? "" : " ・ " + entry.summary().direction());
  }
}
