/**
 * Reading the text a user typed into a Lucene query, deterministically: IDs, Lucene syntax, synonyms, typo
 * corrections and completion of the last word, weighted by {@link attackkb.search.query.Ranking}. Uses
 * {@code index} (the schema and analyzers) and {@code generation}.
 */
package attackkb.search.query;
