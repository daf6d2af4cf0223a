package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import yoriai.shared.Json;

class EventBatchTest {

  @Property(tries = 200)
  void every_events_frame_stays_within_the_frame_budget_and_carries_every_event_once_in_order(
      @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 3_000) Integer> padding) throws Exception {
    List<EventFrame> events = new ArrayList<>();
    for (int i = 0; i < padding.size(); i++) {
      events.add(new EventFrame(i + 1, "{\"type\":\"event\",\"seq\":" + (i + 1) + ",\"text\":\"" + "あ".repeat(padding.get(i)) + "\"}"));
    }

    List<Long> seen = new ArrayList<>();
    for (Buffer frame : new EventBatch(events).asEventsFrames()) {
      assertThat(frame.length()).isLessThanOrEqualTo(EventBatch.FRAME_BYTES);
      JsonNode parsed = Json.mapper().readTree(frame.toString(StandardCharsets.UTF_8));
      assertThat(parsed.get("type").asText()).isEqualTo("events");
      parsed.get("events").forEach(event -> seen.add(event.get("seq").asLong()));
    }

    assertThat(seen).containsExactlyElementsOf(events.stream().map(EventFrame::seq).toList());
  }

  @Property(tries = 50)
  void a_frame_filled_to_the_last_byte_before_its_closing_bracket_starts_a_new_frame(
      @ForAll @IntRange(min = 0, max = 8) int slack) {
    String open = "{\"type\":\"events\",\"events\":[";
    String first = "{\"type\":\"event\",\"seq\":1,\"text\":\"" + "a".repeat(EventBatch.FRAME_BYTES - open.length() - 200) + "\"}";
    int room = EventBatch.FRAME_BYTES - open.length() - first.length() - 1 - 2;
    String fill = "{\"type\":\"event\",\"seq\":2,\"text\":\"\"}";
    String second = fill.replace("\"\"}", "\"" + "b".repeat(room - fill.length() + slack) + "\"}");

    List<Buffer> frames = new EventBatch(List.of(new EventFrame(1, first), new EventFrame(2, second))).asEventsFrames();

    assertThat(frames).hasSize(slack == 0 ? 1 : 2).allSatisfy(frame -> assertThat(frame.length()).isLessThanOrEqualTo(EventBatch.FRAME_BYTES));
  }
}
