package yoriai.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/** Loads archive/synonyms.txt, analyzing each term exactly as indexed text is analyzed. */
final class CareSynonyms {
  static final String RESOURCE = "/archive/synonyms.txt";

  private CareSynonyms() {}

  static SynonymMap load() {
    try (InputStream in = CareSynonyms.class.getResourceAsStream(RESOURCE);
        JapaneseSearchAnalyzer analyzer = JapaneseSearchAnalyzer.forIndex()) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
      parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("bad synonym file " + RESOURCE, e);
    }
  }
}
