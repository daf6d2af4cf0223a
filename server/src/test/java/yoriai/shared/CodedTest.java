package yoriai.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

/** A coded enum's constant travels as the code it declares once, and {@code code()} is that same code. */
class CodedTest {
  enum Level implements Coded {
    @JsonProperty("要支援1") SUPPORT_1,
    @JsonProperty("要介護1") CARE_1
  }

  @Test
  void the_code_on_the_wire_is_the_code_the_constant_declares() throws Exception {
    assertThat(Level.CARE_1.code()).isEqualTo("要介護1");
    assertThat(Json.mapper().writeValueAsString(Level.CARE_1)).isEqualTo("\"要介護1\"");
    assertThat(Json.mapper().readValue("\"要支援1\"", Level.class)).isEqualTo(Level.SUPPORT_1);
  }

  @Test
  void a_code_is_looked_up_and_an_unknown_one_is_not_found_nor_read() {
    assertThat(Coded.fromCode(Level.class, "要支援1")).contains(Level.SUPPORT_1);
    assertThat(Coded.fromCode(Level.class, "SUPPORT_1")).isEmpty();
    assertThat(Coded.codes(Level.class)).containsExactly("要支援1", "要介護1");
    assertThatThrownBy(() -> Json.mapper().readValue("\"CARE_1\"", Level.class)).isInstanceOf(InvalidFormatException.class);
  }
}
