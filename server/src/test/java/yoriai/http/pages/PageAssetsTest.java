package yoriai.http.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageAssetsTest {
  private static final String BUILT_INDEX = """
      <!doctype html>
      <html lang="ja">
        <head>
          <meta charset="utf-8" />
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
          <title>寄り合い Yoriai</title>
          <script type="module" crossorigin src="/assets/index-CvNfYFIb.js"></script>
          <link rel="stylesheet" crossorigin href="/assets/index-D5JyZ48r.css">
        </head>
        <body>
          <yoriai-app></yoriai-app>
          <script type="module" src="/not-in-the-head.js"></script>
        </body>
      </html>
      """;

  @Test
  void the_client_tags_are_the_module_scripts_and_stylesheets_of_the_built_index_head() {
    assertThat(PageAssets.clientTags(BUILT_INDEX)).isEqualTo("""
        <script type="module" crossorigin src="/assets/index-CvNfYFIb.js"></script>
        <link rel="stylesheet" crossorigin href="/assets/index-D5JyZ48r.css">""");
  }

  @Test
  void an_index_without_a_head_gives_no_tags() {
    assertThat(PageAssets.clientTags("<yoriai-app></yoriai-app>")).isEmpty();
  }

  @Test
  void the_stylesheet_address_changes_with_its_content_and_only_that_version_is_cached_for_good() {
    PageAssets assets = PageAssets.load();
    String version = assets.stylesheetHref().substring(assets.stylesheetHref().indexOf("?v=") + 3);

    assertThat(assets.stylesheetHref()).startsWith("/pages.css?v=");
    assertThat(assets.isCurrentVersion(version)).isTrue();
    assertThat(assets.isCurrentVersion("older")).isFalse();
    assertThat(assets.isCurrentVersion(null)).isFalse();

    String href = new PageAssets("", ".sp { color: red; }").stylesheetHref();
    assertThat(new PageAssets("", ".sp { color: red; }").stylesheetHref()).isEqualTo(href);
    assertThat(new PageAssets("", ".sp { color: blue; }").stylesheetHref()).as("another content, another address")
        .isNotEqualTo(href);
  }
}
