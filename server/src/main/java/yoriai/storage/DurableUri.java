package yoriai.storage;

/**
 * Production URIs get majority, journaled writes unless the operator chose a write concern, and
 * majority reads unless the operator chose a read concern: after a failed write the meeting log is
 * read again to find what was stored, and only an event a majority holds may be acked from that
 * read, since one the old primary alone held is rolled back by a failover.
 */
final class DurableUri {
  private DurableUri() {}

  static String withMajority(String uri) {
    String durable = uri.contains("w=") || uri.contains("journal=") ? uri : withOption(uri, "w=majority&journal=true");
    return durable.contains("readConcernLevel=") ? durable : withOption(durable, "readConcernLevel=majority");
  }

  private static String withOption(String uri, String option) {
    String separator = uri.contains("?") ? "&" : (pathOf(uri).isEmpty() ? "/?" : "?");
    return uri + separator + option;
  }

  static String databaseName(String uri) {
    String path = pathOf(uri);
    return path.isEmpty() ? "yoriai" : path;
  }

  private static String pathOf(String uri) {
    String withoutScheme = uri.substring(uri.indexOf("://") + 3);
    int slash = withoutScheme.indexOf('/');
    if (slash < 0) {
      return "";
    }
    String rest = withoutScheme.substring(slash + 1);
    int query = rest.indexOf('?');
    return query < 0 ? rest : rest.substring(0, query);
  }
}
