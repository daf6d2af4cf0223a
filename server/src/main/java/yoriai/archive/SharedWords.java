package yoriai.archive;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Entries that share at least {@code required} of a text's words, each word a query for its forms.
 * A word that every entry of the index holds narrows nothing and weighs next to nothing (its
 * rarity is nil), yet reading its postings costs as much as the rest of the search: so it is
 * counted as shared by every entry and its postings are not read (decision 128). Which entries
 * match does not change; only that word's vanishing share of the score is left out.
 */
final class SharedWords extends Query {
  private final List<Query> words;
  private final int required;

  SharedWords(List<Query> words, int required) {
    this.words = List.copyOf(words);
    this.required = required;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    BooleanQuery.Builder narrowing = new BooleanQuery.Builder();
    int stillRequired = required;
    for (Query word : words) {
      if (reader.maxDoc() > 0 && inEveryEntry(word, reader)) {
        stillRequired--;
      } else {
        narrowing.add(word, Occur.SHOULD);
      }
    }
    if (stillRequired > 0) {
      return narrowing.setMinimumNumberShouldMatch(stillRequired).build();
    }
    return narrowing.add(new MatchAllDocsQuery(), Occur.FILTER).build();
  }

  /** True when some form of the word is a single term found in every entry, deleted ones included. */
  private static boolean inEveryEntry(Query word, IndexReader reader) throws IOException {
    if (word instanceof BoostQuery boost) {
      return inEveryEntry(boost.getQuery(), reader);
    }
    if (word instanceof TermQuery term) {
      return inEveryEntry(term.getTerm(), reader);
    }
    if (word instanceof SynonymQuery synonyms) {
      for (Term term : synonyms.getTerms()) {
        if (inEveryEntry(term, reader)) {
          return true;
        }
      }
      return false;
    }
    if (word instanceof BooleanQuery either && either.getMinimumNumberShouldMatch() == 0
        && either.clauses().stream().allMatch(clause -> clause.getOccur() == Occur.SHOULD)) {
      for (BooleanClause clause : either.clauses()) {
        if (inEveryEntry(clause.getQuery(), reader)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Segment by segment, so that most words are settled by the first (the largest after a rebuild). */
  private static boolean inEveryEntry(Term term, IndexReader reader) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      if (leaf.reader().docFreq(term) < leaf.reader().maxDoc()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    QueryVisitor each = visitor.getSubVisitor(Occur.SHOULD, this);
    words.forEach(word -> word.visit(each));
  }

  @Override
  public String toString(String field) {
    return words.stream().map(word -> word.toString(field)).collect(Collectors.joining(" ", "shared(", ")~" + required));
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && words.equals(((SharedWords) other).words) && required == ((SharedWords) other).required;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), words, required);
  }
}
