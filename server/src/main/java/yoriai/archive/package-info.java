/**
 * The public archive: published, immutable case entries and the Lucene index that makes them
 * searchable in Japanese. The index is derived data; MongoDB holds the entries and the index can be
 * rebuilt from them at any time.
 */
package yoriai.archive;
