package yoriai.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import yoriai.shared.Json;

/** Turns an entry into a Lucene document and back; the field names of the index live here. */
final class ArchiveDocuments {
  static final String ID = "id";
  static final String SOURCE = "source";
  static final String PUBLISHED = "published";
  /** The entry's revision in MongoDB when indexed: 0 as published, one more per redaction. */
  static final String REVISION = "revision";
  static final String TITLE = "title";
  static final String BODY = "body";
  static final String ALL = "all";
  static final String ACTIVITIES = "activities";
  static final String PROPOSALS = "proposals";
  static final String SUMMARY = "summary";
  static final String DISCUSSION = "discussion";
  static final String ACTIVITY = "activity";
  static final String CARE_LEVEL = "careLevel";
  static final String HOUSEHOLD = "household";
  static final String PREFECTURE = "prefecture";
  static final String TYPE = "type";
  static final String YEAR = "year";
  static final List<String> DIMENSIONS =
      List.of(ACTIVITY, CARE_LEVEL, HOUSEHOLD, PREFECTURE, TYPE, YEAR);
  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private ArchiveDocuments() {}

  static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(ACTIVITY, true);
    config.setMultiValued(TYPE, true);
    return config;
  }

  static Document toDocument(ArchiveEntry entry, long revision, FacetsConfig config) throws IOException {
    Document doc = new Document();
    doc.add(new StringField(ID, entry.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ID, new BytesRef(entry.id())));
    doc.add(new NumericDocValuesField(REVISION, revision));
    doc.add(new StoredField(SOURCE, Json.mapper().writeValueAsBytes(entry)));
    doc.add(new NumericDocValuesField(PUBLISHED, entry.publishedAt().toEpochMilli()));

    List<String> title = List.of(entry.title());
    List<String> body = bodyText(entry);
    List<String> discussion = entry.discussion().stream()
        .flatMap(remark -> Stream.of(remark.label(), remark.text())).filter(Objects::nonNull).toList();
    addText(doc, TITLE, title);
    addUnpaired(doc, BODY + FieldAnalyzer.WORDS, body);
    addUnpaired(doc, BODY + FieldAnalyzer.BIGRAMS, body);
    addText(doc, ALL, title);
    addText(doc, ALL, body);
    addText(doc, ALL, discussion);
    addWords(doc, ACTIVITIES, entry.activities().stream()
        .flatMap(activity -> Stream.of(activity.activity(), activity.canDo(), activity.difficulty()))
        .filter(Objects::nonNull).toList());
    addWords(doc, PROPOSALS, entry.proposals().stream()
        .flatMap(proposal -> Stream.of(proposal.description(), proposal.keepsAbilities()))
        .filter(Objects::nonNull).toList());
    addWords(doc, SUMMARY, summaryText(entry.summary()));
    addUnpaired(doc, DISCUSSION + FieldAnalyzer.WORDS, entry.discussion().stream().map(ArchiveEntry.Remark::text)
        .filter(Objects::nonNull).toList());
    Snippets.addSource(doc, entry);

    entry.activities().stream().map(ArchiveEntry.Activity::activity).filter(Objects::nonNull)
        .distinct().forEach(activity -> {
          doc.add(new StringField(ACTIVITY, activity, Field.Store.NO));
          doc.add(new SortedSetDocValuesFacetField(ACTIVITY, activity));
        });
    entry.proposals().stream().map(ArchiveEntry.Proposal::type).filter(Objects::nonNull)
        .distinct().forEach(type -> doc.add(new SortedSetDocValuesFacetField(TYPE, type)));
    ArchiveEntry.Person person = entry.person();
    if (person != null) {
      addKeyword(doc, CARE_LEVEL, person.careLevel());
      addKeyword(doc, HOUSEHOLD, person.household());
    }
    addKeyword(doc, PREFECTURE, entry.prefecture());
    doc.add(new SortedSetDocValuesFacetField(YEAR, yearOf(entry)));
    return config.build(doc);
  }

  /** The entry stored with document {@code doc}. */
  static ArchiveEntry load(IndexSearcher searcher, int doc) throws IOException {
    return fromSource(searcher.storedFields().document(doc).getBinaryValue(SOURCE));
  }

  static ArchiveEntry fromSource(BytesRef source) {
    try {
      return Json.mapper().readValue(source.bytes, source.offset, source.length, ArchiveEntry.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String yearOf(ArchiveEntry entry) {
    return String.valueOf(entry.publishedAt().atZone(JAPAN).getYear());
  }

  /**
   * Everything of the case sheet and summary a reader may search for. The activity level is left
   * out: its value 見守り would make every supervised activity match a search for 見守り support.
   */
  static List<String> bodyText(ArchiveEntry entry) {
    List<String> text = new ArrayList<>();
    text.add(entry.prefecture());
    text.add(entry.provider());
    ArchiveEntry.Person person = entry.person();
    if (person != null) {
      text.addAll(List.of(nz(person.careLevel()), nz(person.household()), nz(person.housing()),
          nz(person.health())));
    }
    for (ArchiveEntry.Activity activity : entry.activities()) {
      text.addAll(List.of(nz(activity.activity()), nz(activity.canDo()), nz(activity.difficulty())));
    }
    text.add(entry.wishes());
    text.add(entry.questions());
    entry.supports().forEach(support -> text.add(support.description()));
    for (ArchiveEntry.Proposal proposal : entry.proposals()) {
      text.addAll(List.of(nz(proposal.targetActivity()), nz(proposal.description()),
          nz(proposal.keepsAbilities()), nz(proposal.cost()), nz(proposal.area())));
    }
    text.addAll(summaryText(entry.summary()));
    return text.stream().filter(s -> s != null && !s.isBlank()).toList();
  }

  private static List<String> summaryText(ArchiveEntry.Summary summary) {
    List<String> text = new ArrayList<>();
    if (summary != null) {
      text.add(summary.direction());
      summary.regionalIssues().forEach(issue -> {
        text.add(issue.text());
        text.addAll(issue.tags());
      });
      text.addAll(summary.missingResources());
      text.addAll(summary.followUps());
    }
    return text.stream().filter(Objects::nonNull).toList();
  }

  /** The sentences a snippet is cut from, in reading order; one per line. */
  static String snippetSource(ArchiveEntry entry) {
    List<String> lines = new ArrayList<>(bodyText(entry));
    entry.discussion().forEach(remark -> lines.add(remark.text()));
    return String.join("\n", lines.stream()
        .filter(s -> s != null && !s.isBlank()).map(s -> s.replace('\n', ' ')).toList());
  }

  /** Words and characters, each with its pairs: what {@code ArchiveQueries.match} looks for. */
  static void addText(Document doc, String field, List<String> values) {
    for (String value : values) {
      addWithPairs(doc, field + FieldAnalyzer.WORDS, value);
      addWithPairs(doc, field + FieldAnalyzer.BIGRAMS, value);
    }
  }

  /** Words only: the fields that weigh a word of the query, never the ones that decide a match. */
  private static void addWords(Document doc, String field, List<String> values) {
    for (String value : values) {
      addWithPairs(doc, field + FieldAnalyzer.WORDS, value);
    }
  }

  /** Text no query looks up word by word (similar entries read its word weights): no pairs. */
  private static void addUnpaired(Document doc, String field, List<String> values) {
    for (String value : values) {
      doc.add(new TextField(field, value, Field.Store.NO));
    }
  }

  private static void addWithPairs(Document doc, String field, String value) {
    doc.add(new TextField(field, value, Field.Store.NO));
    doc.add(new TextField(field + FieldAnalyzer.PAIRS, value, Field.Store.NO));
  }

  private static void addKeyword(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new StringField(field, value, Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField(field, value));
    }
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
