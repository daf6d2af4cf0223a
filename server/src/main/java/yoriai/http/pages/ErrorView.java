package yoriai.http.pages;

import java.util.List;

/** A page that says what went wrong: 404 for an unknown address or id, 400 naming each bad parameter. */
public record ErrorView(PageHead head, int status, String message, List<String> problems) {
  public static ErrorView of(int status, String message, List<String> problems) {
    String title = switch (status) {
      case 400 -> "検索条件が正しくありません";
      case 404 -> "ページが見つかりません";
      default -> "ページを表示できませんでした";
    };
    return new ErrorView(new PageHead(title, message, null, "website", null), status, message, problems);
  }
}
