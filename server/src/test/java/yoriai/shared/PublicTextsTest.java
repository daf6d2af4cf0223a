package yoriai.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicTextsTest {
  record Item(@PathKey("id=") String id, String note, List<String> tags) {}

  record Doc(@MachineValue("a code") String code, String title, Instant at, int count, List<Item> items) {}

  record Odd(Map<String, String> extras) {}

  private static final Doc DOC = new Doc("c1", "題名", Instant.EPOCH, 3,
      List.of(new Item("a", "メモ", List.of("タグ", " ")), new Item("b", null, List.of())));

  @Test
  void names_every_non_blank_text_by_path_and_leaves_machine_values_out() {
    assertThat(PublicTexts.of(DOC)).containsExactly(
        Map.entry("title", "題名"), Map.entry("items[id=a].id", "a"), Map.entry("items[id=a].note", "メモ"),
        Map.entry("items[id=a].tags[0]", "タグ"), Map.entry("items[id=b].id", "b"));
  }

  @Test
  void replaces_one_text_and_keeps_everything_else() {
    Doc changed = PublicTexts.replace(DOC, "items[id=a].tags[0]", "（削除されました）");

    assertThat(changed.items().get(0).tags()).containsExactly("（削除されました）", " ");
    assertThat(changed.items().get(1)).isSameAs(DOC.items().get(1));
    assertThat(changed.title()).isEqualTo("題名");
    assertThatThrownBy(() -> PublicTexts.replace(DOC, "code", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PublicTexts.replace(DOC, "items[id=b].note", "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_shape_it_cannot_walk_is_an_error_not_a_silent_skip() {
    assertThatThrownBy(() -> PublicTexts.of(new Odd(Map.of("k", "山田様")))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("extras");
  }
}
