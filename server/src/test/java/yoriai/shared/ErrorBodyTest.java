package yoriai.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One writer for refusals: the §7 HTTP error body and the WebSocket error frame. */
class ErrorBodyTest {
  private static JsonNode parse(String json) throws Exception {
    return Json.mapper().readTree(json);
  }

  @Test
  void an_http_error_body_always_carries_a_details_array() throws Exception {
    JsonNode body = parse(ErrorBody.ofResponse(Failure.notFound("Case")).asResponse());

    assertThat(body.at("/error/code").asText()).isEqualTo("not_found");
    assertThat(body.at("/error/message").asText()).isEqualTo("Case not found");
    assertThat(body.at("/error/details").isArray()).isTrue();
  }

  @Test
  void an_invalid_command_becomes_an_invalid_message_frame_naming_its_fields() throws Exception {
    Failure invalid = Failure.invalid("bad", List.of(new FieldProblem("text", "at most 2000 characters")));

    JsonNode frame = parse(ErrorBody.ofFrame(invalid).asFrame("c-1"));

    assertThat(frame.get("type").asText()).isEqualTo("error");
    assertThat(frame.get("id").asText()).isEqualTo("c-1");
    assertThat(frame.get("code").asText()).isEqualTo("invalid_message");
    assertThat(frame.get("message").asText()).isEqualTo("text at most 2000 characters");
    assertThat(frame.has("details")).isFalse();
  }

  @Test
  void a_frame_keeps_details_the_client_points_with_and_hides_unexpected_errors() throws Exception {
    Failure pii = new Failure(FailureKind.UNPROCESSABLE, "pii_found", "PII", List.of(new FieldProblem("text", "phone")));

    assertThat(parse(ErrorBody.ofFrame(pii).asFrame(null)).at("/details/0/field").asText()).isEqualTo("text");
    assertThat(parse(ErrorBody.ofFrame(pii).asFrame(null)).has("id")).isFalse();
    JsonNode internal = parse(ErrorBody.ofFrame(new IllegalStateException("secret")).asFrame("c-2"));
    assertThat(internal.get("code").asText()).isEqualTo("internal_error");
    assertThat(internal.toString()).doesNotContain("secret");
  }
}
