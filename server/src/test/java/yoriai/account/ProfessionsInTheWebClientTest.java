package yoriai.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web client's profession select (sign-up, the admin console) offers exactly the professions the server accepts. */
class ProfessionsInTheWebClientTest {
  private static final Path CLIENT = Path.of("..", "web-client", "src", "net", "account-api.ts");

  @Test
  void the_clients_profession_list_is_the_servers_in_its_order() throws IOException {
    String source = Files.readString(CLIENT);
    Matcher list = Pattern.compile("export const PROFESSIONS = \\[(.*?)\\] as const;", Pattern.DOTALL).matcher(source);
    assertThat(list.find()).as("PROFESSIONS in " + CLIENT).isTrue();

    assertThat(Pattern.compile("'([^']+)'").matcher(list.group(1)).results().map(m -> m.group(1)).toList())
        .isEqualTo(Professions.NAMES);
  }
}
