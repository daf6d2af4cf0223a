package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import yoriai.testing.Discussion;
import yoriai.testing.Meetings;
import yoriai.testing.TestServer;
import yoriai.testing.WsClient;

/** The search index is derived: deleting or damaging it loses nothing, it is rebuilt from MongoDB on start. */
class IndexRebuiltFromMongoTest {

  @Test
  void a_deleted_or_damaged_index_is_rebuilt_from_mongodb_on_start() throws IOException {
    Path dataDir = Files.createTempDirectory("yoriai-rebuild-");
    String publishedId;
    TestServer first = TestServer.startIn(dataDir, Map.of());
    var host = first.municipality("高崎 司会");
    var pt = first.professional("理学 花子", "理学療法士");
    try (Discussion meeting = new Discussion(first, host, Meetings.open(first.api(), host.token()));
         WsClient p = meeting.join(pt)) {
      meeting.phase("proposals");
      String proposal = meeting.propose(p, "買い物", "market", "移動スーパーの活用", "自分で選んで買える");
      meeting.summarizeAndClose("移動スーパーで買い物を続ける", proposal);
      publishedId = meeting.publish().json().at("/entries/0/id").asText();
    }
    first.stopKeepingData();
    Path index = dataDir.resolve("archive-index");

    deleteTree(index);
    TestServer afterDelete = TestServer.startIn(dataDir, Map.of());
    String foundAfterDelete = afterDelete.api().get("/api/v1/archive/search?q=" + encode("移動販売"), null).body();
    afterDelete.stopKeepingData();

    try (Stream<Path> files = Files.list(index)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.write(file, new byte[] {1, 2, 3, 4});
      }
    }
    try (TestServer afterDamage = TestServer.startIn(dataDir, Map.of())) {
      String foundAfterDamage = afterDamage.api().get("/api/v1/archive/search?q=" + encode("移動販売"), null).body();

      assertThat(foundAfterDelete).contains(publishedId);
      assertThat(foundAfterDamage).contains(publishedId);
    }
  }

  private static String encode(String q) {
    return URLEncoder.encode(q, StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
