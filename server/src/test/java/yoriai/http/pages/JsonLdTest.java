package yoriai.http.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import yoriai.shared.Json;

class JsonLdTest {
  @Test
  void no_text_can_close_the_script_element_yet_the_data_reads_back_the_same() throws IOException {
    String text = "</script><!-- & <b>";
    String block = JsonLd.write(JsonLd.thing("Article", "headline", text));

    assertThat(block).doesNotContain("<", ">", "&");
    JsonNode data = Json.mapper().readTree(block);
    assertThat(data.get("@context").asText()).isEqualTo("https://schema.org");
    assertThat(data.get("headline").asText()).isEqualTo(text);
  }

  @Test
  void absent_values_are_left_out() throws IOException {
    JsonNode data = Json.mapper().readTree(JsonLd.write(JsonLd.thing("Service",
        "name", "ゆっくりレジ", "provider", null, "description", " ", "areaServed", List.of())));

    assertThat(data.fieldNames()).toIterable().containsExactly("@context", "@type", "name");
  }
}
