package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvictedCommandsTest {
  @Test
  void every_key_added_finds_its_seq_through_the_table_s_growth_and_a_key_never_added_finds_none() {
    EvictedCommands evicted = new EvictedCommands();
    for (long seq = 1; seq <= 20_000; seq++) {
      evicted.add("account-" + seq % 7 + "/command-" + seq, seq);
    }

    for (long seq = 1; seq <= 20_000; seq++) {
      assertThat(evicted.candidates("account-" + seq % 7 + "/command-" + seq)).contains(seq);
      assertThat(evicted.candidates("account-" + (seq + 1) % 7 + "/command-" + seq)).isEmpty();
    }
  }

  @Test
  void a_key_added_twice_finds_both_seqs_lowest_first_until_cleared() {
    EvictedCommands evicted = new EvictedCommands();
    evicted.add("account-1/c1", 9);
    evicted.add("account-1/c2", 5);
    evicted.add("account-1/c1", 3);

    assertThat(evicted.candidates("account-1/c1")).containsExactly(3, 9);
    evicted.clear();
    assertThat(evicted.candidates("account-1/c1")).isEmpty();
  }
}
