package yoriai.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** One reused stream per thread writes, object after object, the very bytes H2's own serialization writes. */
class JavaSerializationTest {

  @Property(tries = 200)
  void a_run_of_keys_and_documents_serializes_as_h2_serializes_each_of_them(@ForAll("storedObjects") @Size(max = 12) List<Object> objects) {
    for (Object object : objects) {
      assertThat(JavaSerialization.serialize(object)).as("%s", object).isEqualTo(ObjectDataType.serialize(object));
    }
  }

  @Test
  void an_object_that_cannot_be_serialized_fails_as_in_h2_and_the_next_one_is_still_written_right() {
    KeyValue key = new KeyValue(List.of("m-1", 7L));
    JavaSerialization.serialize(key);
    Document unserializable = new Document("_id", "x").append("handle", new Object());

    assertThatThrownBy(() -> JavaSerialization.serialize(unserializable))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Could not serialize");
    assertThat(JavaSerialization.serialize(key)).isEqualTo(ObjectDataType.serialize(key));
  }

  @Test
  void a_document_larger_than_the_kept_buffer_is_written_right_and_so_is_the_next_small_one() {
    Document large = new Document("_id", "large").append("text", "記録".repeat(60_000));
    Document small = new Document("_id", "small").append("seq", 3L);

    assertThat(JavaSerialization.serialize(large)).isEqualTo(ObjectDataType.serialize(large));
    assertThat(JavaSerialization.serialize(small)).isEqualTo(ObjectDataType.serialize(small));
  }

  @Provide
  Arbitrary<List<Object>> storedObjects() {
    Arbitrary<Object> scalar = Arbitraries.oneOf(
        Arbitraries.strings().withChars("abcm-0123会議記録様\n\"").ofMaxLength(20).map(Object.class::cast),
        Arbitraries.longs().map(Object.class::cast),
        Arbitraries.integers().map(Object.class::cast),
        Arbitraries.doubles().map(Object.class::cast),
        Arbitraries.of(true, false).map(Object.class::cast),
        Arbitraries.longs().between(0, 4_000_000_000_000L).map(millis -> (Object) new Date(millis)));
    Arbitrary<Object> document = Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), scalar)
        .ofMaxSize(6).map(fields -> {
          Document built = new Document();
          fields.forEach(built::append);
          return built;
        });
    Arbitrary<Object> nested = Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
        Arbitraries.oneOf(scalar, document, scalar.list().ofMaxSize(3).map(list -> (Object) new ArrayList<>(list))))
        .ofMaxSize(6).map(fields -> {
          Document built = new Document();
          fields.forEach(built::append);
          return built;
        });
    Arbitrary<Object> key = Arbitraries.oneOf(scalar, document).list().ofMinSize(1).ofMaxSize(3)
        .map(values -> values.size() == 1 ? new KeyValue(values.get(0)) : new KeyValue(values));
    return Arbitraries.oneOf(key, nested).list();
  }
}
