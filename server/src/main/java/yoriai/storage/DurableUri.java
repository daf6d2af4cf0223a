package yoriai.storage;

/** Production URIs get majority, journaled writes unless the operator chose a write concern. */
final class DurableUri {
  private DurableUri() {}

  static String withMajorityJournal(String uri) {
    if (uri.contains("w=") || uri.contains("journal=")) {
      return uri;
    }
    String separator = uri.contains("?") ? "&" : (pathOf(uri).isEmpty() ? "/?" : "?");
    return uri + separator + "w=majority&journal=true";
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
