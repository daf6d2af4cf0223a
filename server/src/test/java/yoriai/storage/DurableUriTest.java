package yoriai.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurableUriTest {

  @Test
  void a_bare_uri_gets_majority_journaled_writes_and_majority_reads() {
    assertThat(DurableUri.withMajority("mongodb://db1,db2,db3/yoriai?replicaSet=rs0"))
        .isEqualTo("mongodb://db1,db2,db3/yoriai?replicaSet=rs0&w=majority&journal=true&readConcernLevel=majority");
    assertThat(DurableUri.withMajority("mongodb://db1")).isEqualTo("mongodb://db1/?w=majority&journal=true&readConcernLevel=majority");
  }

  @Test
  void an_operator_choice_of_write_or_read_concern_is_kept() {
    assertThat(DurableUri.withMajority("mongodb://db1/yoriai?w=2")).isEqualTo("mongodb://db1/yoriai?w=2&readConcernLevel=majority");
    assertThat(DurableUri.withMajority("mongodb://db1/yoriai?readConcernLevel=local"))
        .isEqualTo("mongodb://db1/yoriai?readConcernLevel=local&w=majority&journal=true");
  }
}
