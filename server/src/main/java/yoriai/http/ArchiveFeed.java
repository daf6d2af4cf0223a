package yoriai.http;

import java.time.Instant;
import java.util.List;
import yoriai.archive.ArchiveEntry;

/** An Atom feed of newly published cases; links are the entries' permalinks in the web client. */
final class ArchiveFeed {
  private ArchiveFeed() {}

  static String write(List<ArchiveEntry> entries, String baseUrl) {
    Instant updated = entries.isEmpty() ? Instant.EPOCH : entries.get(0).publishedAt();
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\">\n")
        .append("  <title>寄り合い 公開アーカイブ</title>\n")
        .append("  <id>urn:yoriai:archive</id>\n")
        .append("  <updated>").append(updated).append("</updated>\n")
        .append("  <link rel=\"self\" href=\"").append(escape(baseUrl)).append("/api/v1/archive/feed.atom\"/>\n")
        .append("  <author><name>Yoriai</name></author>\n");
    for (ArchiveEntry e : entries) {
      xml.append("  <entry>\n")
          .append("    <id>urn:yoriai:archive:").append(escape(e.id())).append("</id>\n")
          .append("    <title>").append(escape(e.title())).append("</title>\n")
          .append("    <link href=\"").append(escape(baseUrl)).append("/#/archive/").append(escape(e.id())).append("\"/>\n")
          .append("    <updated>").append(e.publishedAt()).append("</updated>\n")
          .append("    <summary>").append(escape(e.prefecture() + " ・ " + e.person().careLevel()
              + (e.summary() == null ? "" : " ・ " + e.summary().direction()))).append("</summary>\n")
          .append("  </entry>\n");
    }
    return xml.append("</feed>\n").toString();
  }

  private static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&apos;");
  }
}
