package yoriai.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
  @Test
  void listening_beyond_this_machine_without_a_public_url_is_warned_about() {
    assertThat(Config.fromEnv(Map.of()).publicUrlWarning()).hasValueSatisfying(warning ->
        assertThat(warning).contains("YORIAI_PUBLIC_URL", "0.0.0.0"));
    assertThat(Config.fromEnv(Map.of("YORIAI_HOST", "127.0.0.1")).publicUrlWarning()).isEmpty();
    assertThat(Config.fromEnv(Map.of("YORIAI_HOST", "::1")).publicUrlWarning()).isEmpty();
    assertThat(Config.fromEnv(Map.of("YORIAI_PUBLIC_URL", "https://yoriai.example.jp")).publicUrlWarning()).isEmpty();
  }

  @Test
  void the_server_listens_on_one_event_loop_per_core_unless_told() {
    assertThat(Config.fromEnv(Map.of()).eventLoops()).isEqualTo(Math.min(64, Runtime.getRuntime().availableProcessors()));
    assertThat(Config.fromEnv(Map.of("YORIAI_EVENT_LOOPS", "3")).eventLoops()).isEqualTo(3);
  }
}
