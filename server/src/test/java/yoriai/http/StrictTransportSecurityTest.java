package yoriai.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import yoriai.app.Config;
import yoriai.testing.Api;
import yoriai.testing.TestServer;

/** HSTS is sent exactly when the configured public URL is https. */
class StrictTransportSecurityTest {
  private static final String HSTS = "Strict-Transport-Security";

  @Test
  void a_server_published_over_https_tells_browsers_to_use_https_only() {
    try (TestServer server = TestServer.start(Map.of("YORIAI_PUBLIC_URL", "https://yoriai.example.jp"))) {
      Api.Reply page = server.api().get("/", null);
      Api.Reply api = server.api().get("/api/v1/auth/me", null);

      assertThat(page.header(HSTS)).isEqualTo("max-age=31536000; includeSubDomains");
      assertThat(api.header(HSTS)).as("error replies too").isEqualTo("max-age=31536000; includeSubDomains");
    }
  }

  @Test
  void without_a_public_url_or_with_an_http_one_no_hsts_is_sent() {
    try (TestServer plain = TestServer.start();
         TestServer http = TestServer.start(Map.of("YORIAI_PUBLIC_URL", "http://localhost:8080"))) {
      assertThat(plain.api().get("/", null).header(HSTS)).isNull();
      assertThat(http.api().get("/", null).header(HSTS)).isNull();
    }
  }

  @Test
  void a_public_url_that_is_not_an_http_url_is_a_configuration_error_naming_the_variable() {
    assertThatThrownBy(() -> Config.fromEnv(Map.of("YORIAI_PUBLIC_URL", "yoriai.example.jp")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("YORIAI_PUBLIC_URL");
  }
}
