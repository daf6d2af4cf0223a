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
  void a_single_node_listens_on_one_event_loop_per_core_and_a_cluster_node_on_one_unless_told() {
    int cores = Math.min(64, Runtime.getRuntime().availableProcessors());
    assertThat(Config.fromEnv(Map.of()).eventLoops()).isEqualTo(cores);
    assertThat(Config.fromEnv(Map.of("YORIAI_CLUSTER_MEMBERS", "127.0.0.1:5701,127.0.0.1:5702")).eventLoops()).isEqualTo(1);
    assertThat(Config.fromEnv(Map.of("YORIAI_EVENT_LOOPS", "3")).eventLoops()).isEqualTo(3);
  }
}
